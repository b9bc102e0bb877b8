// The variables a run resolves requests with. Captured values come first (the latest value a response gave), then
// the values given for this run (--var, or secrets from the process environment), then the environment's own; the
// folders and the collection follow as in the app (src/effectiveRequest.ts). An override keeps the secret mark of
// the variable it replaces, so a secret given on the command line stays masked in every report.
import { appError } from '../errors';
import type { Environment, KeyValue } from '../models/workspace';

export interface RunOverride {
  key: string;
  value: string;
  secret?: boolean;
}

export function runEnvironment(base: Environment | undefined, overrides: RunOverride[], captured: ReadonlyMap<string, string>): Environment | undefined {
  if (!base && overrides.length === 0 && captured.size === 0) return undefined;
  const own = base?.variables ?? [];
  const secretIn = (key: string) => own.some((v) => v.key === key && v.secret);
  const rows: KeyValue[] = [
    ...[...captured].map(([key, value], i) => ({ id: `capture-${i}`, key, value, enabled: true, secret: false })),
    ...overrides.map((o, i) => ({ id: `override-${i}`, key: o.key, value: o.value, enabled: true, secret: o.secret === true || secretIn(o.key) })),
    ...own,
  ];
  return { id: base?.id ?? 'run', name: base?.name ?? 'run', variables: rows };
}

/** `k=v` words as overrides; the first "=" splits, so values may hold "=". */
export function parseVarWords(words: string[]): RunOverride[] {
  return words.map((word, i) => {
    const eq = word.indexOf('=');
    // The word itself is not repeated: it may be a secret typed without its name.
    if (eq <= 0) throw appError('INVALID_INPUT', `--var takes NAME=VALUE; the ${ordinal(i + 1)} --var has no name before "=".`);
    return { key: word.slice(0, eq).trim(), value: word.slice(eq + 1) };
  });
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
