// {{variable}} resolution. Scopes are searched in order, the first that defines a name wins; the UI shows the same
// order so a user can see why a value was chosen. Unresolved names are reported, never silently left in a request.
import type { KeyValue } from './models/workspace';

export interface VariableScope {
  /** What the user sees, e.g. 'environment "stag"', 'folder "orders"', 'collection "Team API"'. */
  label: string;
  variables: KeyValue[];
}

export interface VariableUse {
  name: string;
  /** The label of the scope that defined it; absent when nothing did. */
  scope?: string;
  secret: boolean;
}

export interface Resolved {
  text: string;
  uses: VariableUse[];
  unresolved: string[];
}

const PATTERN = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

export interface VariableSpan {
  name: string;
  start: number;
  end: number;
}

/** Where {{names}} stand in a text, for highlighting. */
export function findVariables(text: string): VariableSpan[] {
  const spans: VariableSpan[] = [];
  for (const match of text.matchAll(PATTERN)) {
    spans.push({ name: match[1] as string, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return spans;
}

export function lookup(name: string, scopes: VariableScope[]): { value: string; scope: string; secret: boolean } | undefined {
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      if (variable.enabled && variable.key === name) return { value: variable.value, scope: scope.label, secret: variable.secret };
    }
  }
  return undefined;
}

/** Replaces every {{name}}; values are not themselves expanded again (no recursion, no surprises). */
export function resolveText(text: string, scopes: VariableScope[]): Resolved {
  const uses: VariableUse[] = [];
  const unresolved = new Set<string>();
  const out = text.replace(PATTERN, (whole, name: string) => {
    const found = lookup(name, scopes);
    if (!found) {
      unresolved.add(name);
      uses.push({ name, secret: false });
      return whole;
    }
    uses.push({ name, scope: found.scope, secret: found.secret });
    return found.value;
  });
  return { text: out, uses, unresolved: [...unresolved] };
}

/** Resolves many texts at once and merges what they used. */
export function resolveAll<T extends Record<string, string>>(texts: T, scopes: VariableScope[]): { values: T; uses: VariableUse[]; unresolved: string[] } {
  const values = {} as Record<string, string>;
  const uses: VariableUse[] = [];
  const unresolved = new Set<string>();
  for (const [key, value] of Object.entries(texts)) {
    const r = resolveText(value, scopes);
    values[key] = r.text;
    uses.push(...r.uses);
    r.unresolved.forEach((n) => unresolved.add(n));
  }
  return { values: values as T, uses, unresolved: [...unresolved] };
}
