import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAwsFile } from './configLint';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'aws', name), 'utf8');
const lines = (text: string, kind: 'config' | 'credentials') =>
  lintAwsFile('f', text, kind).map((p) => [p.line, p.message] as const);
const lineNumbers = (text: string, kind: 'config' | 'credentials') => lintAwsFile('f', text, kind).map((p) => p.line);

const REFUSED = (plain: string, standard: string) => `${plain} (${standard}: the AWS SDKs refuse the file here)`;
const NO_EQUALS = REFUSED('not a [section], a key = value setting, a comment, or an indented continuation', "Expected an '=' sign defining a property");

describe('lintAwsFile', () => {
  it('accepts comments, blank lines, odd spacing and nested settings', () => {
    const text = '# c\n; c\n\n[default]\nregion   =  eu-west-1 ; x\ns3 =\n  addressing_style = path\n\n    max = 3\n[profile a] # c\nk=v\nlong = a\n  continued\n';
    expect(lines(text, 'config')).toEqual([]);
  });

  it('reports an indented line the SDKs refuse, though the AWS CLI reads it', () => {
    expect(lines('[default]\n  region = eu-west-1\ns3 =\n  not a sub-setting\n', 'config')).toEqual([
      [2, REFUSED('an indented line with no setting above it to continue', 'Expected a property definition, found continuation')],
      [4, REFUSED('an indented line under "key =" must be a name = value sub-setting', "Expected an '=' sign defining a sub-property")],
    ]);
  });

  it('reports each malformed line of the broken config fixture', () => {
    expect(lines(fixture('broken-config'), 'config')).toEqual([
      [1, REFUSED('a setting or an indented line before any [section]', 'Expected a profile definition')],
      [4, 'the config file ignores [unprefixed]; write [profile unprefixed]'],
      [6, '[profile two words] is ignored: a name may only hold letters, digits and _-/.%@:+'],
      [7, 'empty section name []'],
      [9, REFUSED('a setting with no name before "="', 'Property did not have a name')],
      [10, NO_EQUALS],
      [12, REFUSED('a section header must end with "]"; the settings under it are ignored', "Profile definition must end with ']'")],
    ]);
  });

  it('names [profile X] in the credentials file as the AWS CLI does and never echoes a stray line', () => {
    const problems = lintAwsFile('creds', fixture('broken-credentials'), 'credentials');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the AWS CLI names this profile "profile alice" and other SDKs ignore it; in the credentials file write [alice]'],
      [4, NO_EQUALS],
    ]);
    expect(JSON.stringify(problems)).not.toContain('wJalrXUtnFEMI');
    expect(problems.every((p) => p.file === 'creds')).toBe(true);
  });

  it('never echoes what stands before "=" outside a section: a pasted token may end in "="', () => {
    const token = 'FwoGZXIvYXdzEJr/pastedSessionToken+Q2xvdWQ';
    for (const text of [`${token}=\n[default]\n`, `${token}==\n`, `aws_session_token = ${token}=\n[default]\n`, ` ${token}=\n`]) {
      for (const kind of ['config', 'credentials'] as const) {
        const problems = lintAwsFile('f', text, kind);
        expect(problems.map((p) => p.line)).toEqual([1]);
        expect(problems[0]!.message).toMatch(/before any \[section\]/);
        expect(JSON.stringify(problems)).not.toContain('FwoGZXIvYXdzEJr');
        expect(JSON.stringify(problems)).not.toContain('pastedSessionToken');
      }
    }
    // Inside a section, an unreadable setting name is reported without its text either.
    const inSection = lintAwsFile('f', `[default]\n${token} x=\n`, 'config');
    expect(inSection.map((p) => p.line)).toEqual([2]);
    expect(JSON.stringify(inSection)).not.toContain('pastedSessionToken');
  });

  it('reports a setting without a name', () => {
    expect(lines('[default]\n= us-east-1\n', 'config')).toEqual([[2, REFUSED('a setting with no name before "="', 'Property did not have a name')]]);
    expect(lineNumbers('[a]\n   = x\n', 'credentials')).toEqual([2]);
  });

  it('reports a duplicate section naming both lines, and [default] hidden by [profile default]', () => {
    expect(lines('[profile a]\nx = 1\n[profile b]\n[profile  a]\ny = 2\n', 'config')).toEqual([
      [4, '[profile a] on line 4 repeats the section on line 1; the settings are merged, the later ones win'],
    ]);
    expect(lines('[a]\n[a]\n', 'credentials')).toEqual([[2, '[a] on line 2 repeats the section on line 1; the settings are merged, the later ones win']]);
    expect(lines('[default]\nx = 1\n[profile default]\n', 'config')).toEqual([
      [1, '[default] is ignored because [profile default] (line 3) takes priority'],
    ]);
  });

  it('rejects the section names the SDK refuses to parse', () => {
    expect(lines('[profile __proto__]\n', 'config')).toEqual([[1, '[profile __proto__] is ignored: a name may only hold letters, digits and _-/.%@:+']]);
    expect(lines('[__proto__]\n', 'credentials')).toEqual([[1, '"__proto__" cannot be a profile name']]);
    expect(lines('[sso-session corp]\nsso_start_url = https://x\n[services s]\n', 'config')).toEqual([]);
    expect(lines('[weird thing]\n', 'config')).toEqual([[1, 'unknown section type "weird"']]);
    expect(lines('[ default ]\n', 'config')).toEqual([[1, 'the AWS CLI ignores a section whose name starts with a space; remove the space after "["']]);
  });
});
