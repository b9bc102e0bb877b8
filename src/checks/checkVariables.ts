// {{variables}} in what a check expects (`equals {{expectedId}}`, `caller is arn:aws:iam::{{account}}:role/x`),
// resolved with the request's own scopes (captured values, --var, the environment, folders, the collection), so a
// value captured by an earlier request can be checked by a later one. A name nothing defines fails that check
// in words instead of comparing against the literal text. Secret values never show in a result: the label keeps
// the {{name}} as written, and a secret's value is masked wherever the result would print it.
import type { Check, Comparison } from '../models/checks';
import { SECRET_MASK } from '../effectiveRequest';
import { findVariables, lookup, resolveText, type VariableScope } from '../variables';

export type ResolvedCheck = { ok: true; check: Check; secrets: string[] } | { ok: false; missing: string[] };

/** The check with its expected values resolved; paths and header names are taken as written. */
export function resolveCheck(check: Check, scopes: VariableScope[]): ResolvedCheck {
  const missing = new Set<string>();
  const secrets: string[] = [];
  const resolve = (text: string): string => {
    if (!text.includes('{{')) return text;
    const resolved = resolveText(text, scopes);
    resolved.unresolved.forEach((name) => missing.add(name));
    for (const use of resolved.uses) {
      if (!use.secret) continue;
      const found = lookup(use.name, scopes);
      if (found?.value) secrets.push(found.value);
    }
    return resolved.text;
  };
  const compare = (c: Comparison): Comparison => {
    if (c.op === 'equals' || c.op === 'contains') return { ...c, value: resolve(c.value) };
    if (c.op === 'matches') return { ...c, pattern: resolve(c.pattern) };
    return c;
  };
  let resolved: Check;
  switch (check.kind) {
    case 'status':
    case 'identity':
      resolved = { ...check, expect: resolve(check.expect) };
      break;
    case 'header':
    case 'json':
    case 'text':
      resolved = { ...check, compare: compare(check.compare) };
      break;
    case 'time':
      resolved = check;
  }
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, check: resolved, secrets };
}

export function missingVariableMessage(names: string[]): string {
  const listed = names.map((n) => `{{${n}}}`).join(', ');
  return `${listed} ${names.length > 1 ? 'are' : 'is'} not defined (by a captured value, --var, the environment, a folder or the collection), so this check could not be evaluated`;
}

/** Masks each secret value in a text the result shows (longest first, so one secret inside another is masked whole). */
export function maskSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(SECRET_MASK);
  return out;
}

/** The variables the enabled checks name, with their values from `scopes`: what the app sends with a request. */
export function checkVariablesFor(checks: Check[], scopes: VariableScope[]): Array<{ key: string; value: string; secret: boolean }> {
  const names = new Set<string>();
  for (const check of checks) {
    if (!check.enabled) continue;
    for (const text of expectedTexts(check)) for (const span of findVariables(text)) names.add(span.name);
  }
  const rows: Array<{ key: string; value: string; secret: boolean }> = [];
  for (const name of names) {
    const found = lookup(name, scopes);
    if (found) rows.push({ key: name, value: found.value, secret: found.secret });
  }
  return rows;
}

/** Those rows as the one scope main resolves a send's checks with. */
export function checkVariablesScope(rows: Array<{ key: string; value: string; secret?: boolean }>): VariableScope[] {
  return [{ label: 'request', variables: rows.map((row, i) => ({ id: `check-var-${i}`, key: row.key, value: row.value, enabled: true, secret: row.secret === true })) }];
}

function expectedTexts(check: Check): string[] {
  if (check.kind === 'status' || check.kind === 'identity') return [check.expect];
  if (check.kind === 'time') return [];
  const c = check.compare;
  return c.op === 'equals' || c.op === 'contains' ? [c.value] : c.op === 'matches' ? [c.pattern] : [];
}
