import { describe, expect, it } from 'vitest';
import { pathId, portableFilePath, stemFor, uniqueStem } from './paths';

describe('file stems', () => {
  it('replaces what file systems refuse', () => {
    expect(stemFor('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(stemFor('.resources')).toBe('-resources');
    expect(stemFor('trailing. ')).toBe('trailing');
    expect(stemFor('  ')).toBe('Untitled');
    expect(stemFor('tab\there')).toBe('tab-here');
    expect(stemFor('x'.repeat(300))).toHaveLength(120);
  });

  it('keeps stems unique case-insensitively within a directory', () => {
    const taken = new Set<string>();
    expect(['Get', 'get', 'GET', 'Get (2)'].map((s) => uniqueStem(s, taken))).toEqual(['Get', 'get (2)', 'GET (3)', 'Get (2) (2)']);
  });
});

describe('paths', () => {
  it('keeps relative body paths and cuts machine paths to the file name', () => {
    expect(portableFilePath('fixtures/a.bin')).toBe('fixtures/a.bin');
    expect(portableFilePath('/home/alice/a.bin')).toBe('a.bin');
    expect(portableFilePath('~/a.bin')).toBe('a.bin');
    expect(portableFilePath('C:\\Users\\alice\\a.bin')).toBe('a.bin');
    expect(portableFilePath('\\\\server\\share\\a.bin')).toBe('a.bin');
  });

  it('derives short, stable, distinct ids from paths', () => {
    expect(pathId('r', 'collections/A/x.request.yaml')).toBe(pathId('r', 'collections/A/x.request.yaml'));
    expect(pathId('r', 'collections/A/x.request.yaml')).not.toBe(pathId('r', 'collections/A/y.request.yaml'));
    expect(pathId('r', 'collections/A/x.request.yaml').length).toBeLessThanOrEqual(13);
  });
});
