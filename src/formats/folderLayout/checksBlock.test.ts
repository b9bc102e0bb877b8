import { describe, expect, it } from 'vitest';
import { checksFromYaml, checksToYaml } from './checksBlock';
import { parseYamlFile, toYamlText } from './yamlText';

function read(text: string) {
  const problems: Array<{ path: string; line?: number; message: string }> = [];
  const file = parseYamlFile('a.request.yaml', text, problems);
  if (!file) throw new Error('unreadable');
  return { ...checksFromYaml(file), problems };
}

describe('checks and captures in a request file', () => {
  it('reads hand-written entries, unquoted numbers as text, and gives ids by position', () => {
    const { checks, captures, problems } = read(
      ['checks:', '  - kind: status', '    expect: 200', '  - kind: json', '    path: $.count', '    op: equals', '    value: 3',
        'captures:', '  - variable: id', '    from: json', '    path: $.id'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(checks).toEqual([
      { id: 'check-1', kind: 'status', enabled: true, expect: '200' },
      { id: 'check-2', kind: 'json', enabled: true, path: '$.count', compare: { op: 'equals', value: '3' } },
    ]);
    expect(captures).toEqual([{ id: 'capture-1', enabled: true, variable: 'id', from: 'json', path: '$.id' }]);
  });

  it('skips an entry it cannot read, naming its line, and keeps the others', () => {
    const { checks, captures, problems } = read(
      ['checks:', '  - kind: status', '    expect: 2xx', '  - kind: script', '    code: pm.test()', '  - just text',
        'captures:', '  - variable: x', '    from: body'].join('\n'),
    );
    expect(checks.map((c) => c.kind)).toEqual(['status']);
    expect(captures).toEqual([]);
    expect(problems.map((p) => [p.line, p.message.split(';')[0]]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [4, 'checks.1: not a check RoleCall can read (see "Checks and captures" in the README)'],
      [6, 'checks.2: expected a mapping'],
      [8, 'captures.0: not a capture RoleCall can read (variable, from: json|header|status, path)'],
    ]);
  });

  it('writes nothing for a request without checks, and the same text for the same checks', () => {
    expect(checksToYaml([], [])).toEqual({});
    const once = toYamlText(checksToYaml([{ id: 'a', kind: 'text', enabled: true, compare: { op: 'matches', pattern: 'ok', flags: '' } }], []));
    expect(once).toBe('checks:\n  - kind: text\n    op: matches\n    pattern: ok\n');
    const reread = read(once);
    expect(toYamlText(checksToYaml(reread.checks, reread.captures))).toBe(once);
  });
});
