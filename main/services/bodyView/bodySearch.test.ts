import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFile } from './bodySearch';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-search-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function search(text: string, query: string, o: { slice: number; matchCase?: boolean; maxKept?: number }) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.view`);
  fs.writeFileSync(file, text);
  const handle = await fs.promises.open(file, 'r');
  try {
    const result = await searchFile(handle, fs.statSync(file).size, { query, matchCase: o.matchCase ?? true, slice: o.slice, ...(o.maxKept ? { maxKept: o.maxKept } : {}) });
    const at: Array<[number, number]> = [];
    for (let i = 0; i < result.positions.length; i += 2) at.push([result.positions[i]!, result.positions[i + 1]!]);
    return { ...result, at };
  } finally {
    await handle.close();
  }
}

describe('streaming body search', () => {
  it('finds matches that straddle slice boundaries, with their line and column', async () => {
    const text = '{\n  "name": "needle",\n  "other": "haystack needle"\n}\nneedle';
    for (const slice of [1, 2, 3, 5, 8, 13, 4096]) {
      const { count, at } = await search(text, 'needle', { slice });
      expect(count).toBe(3);
      expect(at).toEqual([
        [1, 11],
        [2, 21],
        [4, 0],
      ]);
    }
  });

  it('decodes a multi-byte character split between slices and counts columns in UTF-16 code units', async () => {
    // é is 2 bytes, € 3, 😀 4 (two UTF-16 code units): every small slice size cuts one of them.
    const text = 'é€😀 café €uro\n😀é€uro';
    for (const slice of [1, 2, 3, 5, 7]) {
      const { count, at } = await search(text, '€uro', { slice });
      expect(count).toBe(2);
      expect(at).toEqual([
        [0, 10],
        [1, 3],
      ]);
      expect((await search(text, 'é€', { slice })).at).toEqual([
        [0, 0],
        [1, 2],
      ]);
    }
  });

  it('counts every match, overlapping ones too, case-insensitively unless asked, and keeps positions up to its cap', async () => {
    expect((await search('aaaa', 'aa', { slice: 1 })).count).toBe(3);
    expect((await search('Needle needle NEEDLE', 'needle', { slice: 4, matchCase: false })).count).toBe(3);
    expect((await search('Needle needle NEEDLE', 'needle', { slice: 4, matchCase: true })).count).toBe(1);
    const capped = await search('x\n'.repeat(50), 'x', { slice: 7, maxKept: 10 });
    expect(capped.count).toBe(50);
    expect(capped.capped).toBe(true);
    expect(capped.at).toHaveLength(10);
    expect(capped.at[9]).toEqual([9, 0]);
    expect((await search('nothing here', 'needle', { slice: 3 })).count).toBe(0);
  });
});
