import { describe, expect, it } from 'vitest';
import { checkSchema, type Check, type ObservedResponse } from '../models/checks';
import { evaluateChecks } from './evaluate';

// A `matches` pattern can come from a collection file in a team's repository. On a backtracking engine `^(a+)+$`
// against 28 a's and a "!" takes tens of seconds per check (doubling with every extra "a"); a linear-time engine
// answers at once. The per-test timeout makes a regression fail instead of freezing the run.
const CATASTROPHIC = '^(a+)+$';
const EVIL = `${'a'.repeat(28)}!`;

function checks(inputs: Array<Record<string, unknown>>): Check[] {
  return inputs.map((input, i) => checkSchema.parse({ id: `c${i}`, ...input }));
}

function observed(bodyText: string, headers: Array<[string, string]> = []): ObservedResponse {
  return { status: 200, headers, bodyText, durationMs: 5 };
}

describe('matches checks run on a linear-time engine', () => {
  it('a catastrophic pattern on a header, a JSON value and the body text completes with a failed check', { timeout: 10_000 }, () => {
    const compare = { op: 'matches', pattern: CATASTROPHIC };
    const outcome = evaluateChecks(
      checks([
        { kind: 'header', name: 'x-evil', compare },
        { kind: 'json', path: '$.evil', compare },
        { kind: 'text', compare },
      ]),
      [],
      // The text check sees the JSON body; its own catastrophic input is the value inside it.
      observed(JSON.stringify({ evil: EVIL }), [['x-evil', EVIL]]),
    );
    expect(outcome.results.map((r) => r.passed)).toEqual([false, false, false]);
    expect(outcome.results[0]).toMatchObject({ actual: EVIL, message: `does not match /${CATASTROPHIC}/` });
    expect(outcome.results[1]).toMatchObject({ actual: EVIL, message: `does not match /${CATASTROPHIC}/` });
  });

  it('a catastrophic pattern after a large body of other text completes, and a matching one passes', { timeout: 10_000 }, () => {
    const filler = 'x'.repeat(200_000);
    const pattern = '^x*(a+)+$';
    const text = (body: string) => evaluateChecks(checks([{ kind: 'text', compare: { op: 'matches', pattern } }]), [], observed(body)).results[0]!;
    expect(text(`${filler}${'a'.repeat(31)}!`)).toMatchObject({ passed: false, message: `does not match /${pattern}/` });
    expect(text(filler + 'a'.repeat(31)).passed).toBe(true);
  });

  it('keeps the i, m, s and u flags', () => {
    const text = (pattern: string, flags: string, body: string) =>
      evaluateChecks(checks([{ kind: 'text', compare: { op: 'matches', pattern, flags } }]), [], observed(body)).results[0]!.passed;
    expect(text('^hello$', '', 'HELLO')).toBe(false);
    expect(text('^hello$', 'i', 'HELLO')).toBe(true);
    expect(text('^two$', '', 'one\ntwo\nthree')).toBe(false);
    expect(text('^two$', 'm', 'one\ntwo\nthree')).toBe(true);
    expect(text('one.two', '', 'one\ntwo')).toBe(false);
    expect(text('one.two', 's', 'one\ntwo')).toBe(true);
    expect(text('^.$', 'u', '😀')).toBe(true);
    expect(text('^\\u{1F600}$', 'u', '😀')).toBe(true);
    expect(text('^\\d{3}-\\w+\\s?$', '', '123-abc')).toBe(true);
    expect(text('(?<id>ord-\\d+)', '', 'order ord-42')).toBe(true);
    expect(text('^[^/]+/v1$', '', 'api/v1')).toBe(true);
  });

  it('reports a look-around or a backreference as a failed check in words, not an exception', () => {
    const result = (pattern: string) =>
      evaluateChecks(checks([{ kind: 'text', compare: { op: 'matches', pattern } }]), [], observed('abcabc')).results[0]!;
    for (const pattern of ['abc(?=abc)', 'abc(?!x)', '(?<=a)bc', '(?<!x)bc']) {
      const r = result(pattern);
      expect(r.passed).toBe(false);
      expect(r.message).toMatch(/^this pattern uses a look-around, which RoleCall does not run; /);
    }
    const back = result('(abc)\\1');
    expect(back.passed).toBe(false);
    expect(back.message).toMatch(/^this pattern uses a backreference, which RoleCall does not run; /);
    const invalid = result('(abc');
    expect(invalid).toMatchObject({ passed: false, message: '/(abc/ is not a valid regular expression' });
  });
});
