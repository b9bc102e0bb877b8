import { describe, expect, it } from 'vitest';
import { captureSchema, checkSchema } from '../models/checks';
import { evaluateChecks } from './evaluate';
import { lookupPath } from './jsonBody';

// RFC 9535's match() and search() filter functions run, in jsonpath-rfc9535, on JavaScript's backtracking RegExp,
// and a check's or capture's path can come from a shared collection file: `(a+)+` against 28 a's and a "!" takes
// tens of seconds. The per-test timeout makes a regression fail instead of freezing the run.
const BODY = { items: [{ name: `${'a'.repeat(28)}!` }], match: 'member', 'search(': 'quoted' };

describe('JSON paths refuse regular-expression filter functions', () => {
  it('a path with match() or search() is refused in words, at once, for checks and captures', { timeout: 10_000 }, () => {
    for (const path of ["$.items[?match(@.name, '(a+)+')]", '$.items[?search(@.name, "(a+)+$")].name', '$.items[? search (@.name,"a")]']) {
      const found = lookupPath(BODY, path);
      expect(found.ok).toBe(false);
      expect(found.ok ? '' : found.message).toMatch(/uses match\(\) or search\(\), which RoleCall does not run/);
    }
    const observed = { status: 200, headers: [], bodyText: JSON.stringify(BODY), durationMs: 1 };
    const outcome = evaluateChecks(
      [checkSchema.parse({ id: 'c1', kind: 'json', path: "$.items[?match(@.name, '(a+)+')]", compare: { op: 'exists' } })],
      [captureSchema.parse({ id: 'k1', variable: 'v', from: 'json', path: "$.items[?search(@.name, '(a+)+$')].name" })],
      observed,
    );
    expect(outcome.results[0]).toMatchObject({ passed: false, actual: '(not evaluated)' });
    expect(outcome.captures[0]!.value).toBeUndefined();
    expect(outcome.captures[0]!.message).toMatch(/which RoleCall does not run/);
  });

  it('still reads members and quoted names that merely spell match or search', () => {
    expect(lookupPath(BODY, '$.match')).toEqual({ ok: true, value: 'member' });
    expect(lookupPath(BODY, "$['search(']")).toEqual({ ok: true, value: 'quoted' });
    expect(lookupPath(BODY, '$.items[?length(@.name) > 3].name')).toEqual({ ok: true, value: BODY.items[0]!.name });
  });
});
