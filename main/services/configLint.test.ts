import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAwsFile } from './configLint';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'aws', name), 'utf8');
const lines = (text: string, kind: 'config' | 'credentials') =>
  lintAwsFile('f', text, kind).map((p) => [p.line, p.message] as const);

describe('lintAwsFile', () => {
  it('accepts comments, blank lines, odd spacing and nested settings', () => {
    const text = '# c\n; c\n\n[default]\n  region   =  eu-west-1 ; x\ns3 =\n  addressing_style = path\n    more\n[profile a] # c\nk=v\n';
    expect(lines(text, 'config')).toEqual([]);
  });

  it('reports each malformed line of the broken config fixture', () => {
    expect(lines(fixture('broken-config'), 'config')).toEqual([
      [1, '"region" is set before any [section]'],
      [4, 'the config file ignores [unprefixed]; write [profile unprefixed]'],
      [6, 'a section name cannot contain spaces: [profile two words]'],
      [7, 'empty section name []'],
      [9, 'a setting with no name before "="'],
      [10, 'not a [section], a key = value setting, a comment, or an indented continuation'],
      [11, 'not a [section], a key = value setting, a comment, or an indented continuation'],
      [12, 'unclosed "[": a section header must end with "]"'],
    ]);
  });

  it('reports [profile X] in the credentials file and never echoes a stray line', () => {
    const problems = lintAwsFile('creds', fixture('broken-credentials'), 'credentials');
    expect(problems.map((p) => p.line)).toEqual([1, 4]);
    expect(problems[0]!.message).toBe('the credentials file names sections [alice], not [profile alice]');
    expect(JSON.stringify(problems)).not.toContain('wJalrXUtnFEMI');
    expect(problems.every((p) => p.file === 'creds')).toBe(true);
  });

  it('rejects the section names the SDK refuses to parse', () => {
    expect(lines('[profile __proto__]\n', 'config')).toEqual([[1, '"profile __proto__" is not allowed as a section name']]);
    expect(lines('[sso-session corp]\nsso_start_url = https://x\n[services s]\n', 'config')).toEqual([]);
    expect(lines('[weird thing]\n', 'config')).toEqual([[1, 'unknown section type "weird" in [weird thing]']]);
  });
});
