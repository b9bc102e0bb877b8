// The Condition element: operators from AWS's condition operator reference, the ForAnyValue / ForAllValues set
// prefixes, the IfExists suffix and Null. Several keys in one block must all hold (AND); several values for one
// key, any of them (OR). A key missing from the request fails a positive operator and satisfies a negated one,
// as AWS documents; an operator this file does not know is reported as unjudged, never guessed.
import { ipInRange } from './ipAddress';
import { substituteVariables, type ContextLookup } from './variables';
import { arnMatches, wildcardMatch } from './wildcard';

export interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

export interface ConditionOutcome {
  /** 'unknown' when an operator is not modelled: the statement can be neither counted nor ruled out. */
  met: boolean | 'unknown';
  /** The first condition that did not hold, in words. */
  unmet?: string;
  unjudged: string[];
  /** Keys whose value only AWS knows that left the outcome 'unknown'. */
  dependsOn?: string[];
}

/** Why a key absent from the request is not known to be absent (only AWS knows its value); undefined when it is. */
export type UnknownKey = (key: string) => string | undefined;

type Compare = (requestValue: string, policyValue: string) => boolean | undefined;

interface BaseOperator {
  negated: boolean;
  compare: Compare;
  /** Policy variables (${aws:username}) are substituted in string and ARN operators only. */
  variables?: boolean;
}

const num = (t: string): number | undefined => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : undefined);
const date = (t: string): number | undefined => {
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
};
const numeric = (test: (a: number, b: number) => boolean, parse: (t: string) => number | undefined): Compare => (r, p) => {
  const a = parse(r);
  const b = parse(p);
  return a === undefined || b === undefined ? undefined : test(a, b);
};

const stringEquals: Compare = (r, p) => r === p;
const stringEqualsIgnoreCase: Compare = (r, p) => r.toLowerCase() === p.toLowerCase();
const stringLike: Compare = (r, p) => wildcardMatch(p, r);
const arnLike: Compare = (r, p) => arnMatches(p, r);
const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

const OPERATORS: Record<string, BaseOperator> = {
  StringEquals: { negated: false, compare: stringEquals, variables: true },
  StringNotEquals: { negated: true, compare: stringEquals, variables: true },
  StringEqualsIgnoreCase: { negated: false, compare: stringEqualsIgnoreCase, variables: true },
  StringNotEqualsIgnoreCase: { negated: true, compare: stringEqualsIgnoreCase, variables: true },
  StringLike: { negated: false, compare: stringLike, variables: true },
  StringNotLike: { negated: true, compare: stringLike, variables: true },
  NumericEquals: { negated: false, compare: numeric(eq, num) },
  NumericNotEquals: { negated: true, compare: numeric(eq, num) },
  NumericLessThan: { negated: false, compare: numeric(lt, num) },
  NumericLessThanEquals: { negated: false, compare: numeric(le, num) },
  NumericGreaterThan: { negated: false, compare: numeric(gt, num) },
  NumericGreaterThanEquals: { negated: false, compare: numeric(ge, num) },
  DateEquals: { negated: false, compare: numeric(eq, date) },
  DateNotEquals: { negated: true, compare: numeric(eq, date) },
  DateLessThan: { negated: false, compare: numeric(lt, date) },
  DateLessThanEquals: { negated: false, compare: numeric(le, date) },
  DateGreaterThan: { negated: false, compare: numeric(gt, date) },
  DateGreaterThanEquals: { negated: false, compare: numeric(ge, date) },
  Bool: { negated: false, compare: (r, p) => r.toLowerCase() === p.toLowerCase() },
  BinaryEquals: { negated: false, compare: stringEquals },
  IpAddress: { negated: false, compare: (r, p) => ipInRange(r, p) },
  NotIpAddress: { negated: true, compare: (r, p) => ipInRange(r, p) },
  // AWS documents ArnEquals as behaving exactly like ArnLike (wildcards allowed in both).
  ArnEquals: { negated: false, compare: arnLike, variables: true },
  ArnLike: { negated: false, compare: arnLike, variables: true },
  ArnNotEquals: { negated: true, compare: arnLike, variables: true },
  ArnNotLike: { negated: true, compare: arnLike, variables: true },
};

export function evaluateConditions(entries: ConditionEntry[], lookup: ContextLookup, unknownKey: UnknownKey = () => undefined): ConditionOutcome {
  const unjudged: string[] = [];
  const dependsOn: string[] = [];
  let unknown = false;
  let unmet: string | undefined;
  for (const entry of entries) {
    const outcome = evaluateOne(entry, lookup, unknownKey);
    unjudged.push(...outcome.unjudged);
    dependsOn.push(...(outcome.dependsOn ?? []));
    if (outcome.met === 'unknown') unknown = true;
    else if (!outcome.met && unmet === undefined) unmet = outcome.unmet;
  }
  // One condition that surely fails rules the statement out whatever the unknown ones say (AND).
  if (unmet !== undefined) return { met: false, unmet, unjudged };
  return unknown ? { met: 'unknown', unjudged, ...(dependsOn.length ? { dependsOn } : {}) } : { met: true, unjudged };
}

function evaluateOne(entry: ConditionEntry, lookup: ContextLookup, unknownKey: UnknownKey): ConditionOutcome {
  const { key, values } = entry;
  // A key only AWS knows is neither present nor absent here: whatever the operator, the outcome is not RoleCall's to say.
  const why = lookup.get(key) === undefined ? unknownKey(key) : undefined;
  if (why !== undefined) return { met: 'unknown', unjudged: [`The verdict depends on ${key}: ${why}`], dependsOn: [key] };
  const parsed = /^(ForAnyValue:|ForAllValues:)?(.+?)(IfExists)?$/.exec(entry.operator);
  const set = parsed?.[1]?.slice(0, -1) as 'ForAnyValue' | 'ForAllValues' | undefined;
  const name = parsed?.[2] ?? entry.operator;
  const ifExists = parsed?.[3] !== undefined;
  const requestValues = lookup.get(key);
  const shown = `${entry.operator} ${key} ${JSON.stringify(values.length === 1 ? values[0] : values)}`;
  const has = requestValues === undefined ? 'the request has no value for it' : `the request has ${JSON.stringify(requestValues.length === 1 ? requestValues[0] : requestValues)}`;
  const result = (met: boolean, unjudged: string[] = []): ConditionOutcome =>
    met ? { met, unjudged } : { met, unmet: `${shown} (${has})`, unjudged };

  if (name === 'Null' && !set && !ifExists) {
    const wantAbsent = values.map((v) => v.toLowerCase());
    if (wantAbsent.some((v) => v !== 'true' && v !== 'false')) {
      return { met: 'unknown', unjudged: [`Null ${key} needs "true" or "false"; this condition was not judged.`] };
    }
    return result(wantAbsent.includes(String(requestValues === undefined || requestValues.length === 0)));
  }
  const op = OPERATORS[name];
  if (!op) return { met: 'unknown', unjudged: [`The condition operator "${entry.operator}" is not one RoleCall models; the statement holding it was not judged.`] };
  const unjudged: string[] = [];
  const policyValues = op.variables ? values.flatMap((v) => {
    const text = substituteVariables(v, lookup);
    if (text === undefined) unjudged.push(`The policy variable in "${v}" has no value in this request, so that value matches nothing.`);
    return text === undefined ? [] : [text];
  }) : values;

  const absent = requestValues === undefined || (set !== undefined && requestValues.length === 0);
  if (absent) {
    if (ifExists) return result(true, unjudged);
    if (set === 'ForAllValues') return result(true, unjudged);
    if (set === 'ForAnyValue') return result(false, unjudged);
    return result(op.negated, unjudged);
  }
  let unparsable = false;
  const positive = (r: string) => policyValues.some((p) => {
    const m = op.compare(r, p);
    if (m === undefined) unparsable = true;
    return m === true;
  });
  const satisfies = (r: string) => (op.negated ? !positive(r) : positive(r));
  const met = set === 'ForAllValues' ? requestValues.every(satisfies) : op.negated && !set ? requestValues.every(satisfies) : requestValues.some(satisfies);
  if (unparsable) unjudged.push(`${shown}: a value could not be read as the operator's type (${name}), so it matched nothing.`);
  return result(met, unjudged);
}
