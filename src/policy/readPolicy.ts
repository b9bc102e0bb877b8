// Checks a policy document the way IAM's validator would before evaluating it, so a typo is reported as a
// clear error naming the policy and statement rather than silently never matching. The result is the same
// statements with every one-or-many element turned into a list.
import { appError } from '../errors';
import type { ConditionValue, PolicyDoc, PolicyKind, PolicyStatement } from './types';

export interface ReadPrincipal {
  any: boolean;
  aws: string[];
  service: string[];
  /** Federated and CanonicalUser entries: kept to say they were not judged. */
  other: string[];
}

export interface ReadStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: ReadPrincipal;
  notPrincipal?: ReadPrincipal;
  action?: string[];
  notAction?: string[];
  /** Absent with notResource absent: the statement is about the resource the policy is attached to. */
  resource?: string[];
  notResource?: string[];
  condition: Array<{ operator: string; key: string; values: string[] }>;
  raw: PolicyStatement;
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_KINDS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Reads one policy (an object or its JSON text); throws INVALID_INPUT naming what is wrong and where. */
export function readPolicy(input: PolicyDoc | string, kind: PolicyKind, label: string = `the ${kind} policy`): ReadStatement[] {
  const fail = (what: string): never => {
    throw appError('INVALID_INPUT', `${capitalise(label)} is not a valid IAM policy: ${what}.`);
  };
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      fail(`it is not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (!isObject(doc)) return fail('it must be a JSON object with a Statement');
  const version = doc['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    fail(`Version must be "2012-10-17" (got ${JSON.stringify(version)})`);
  }
  const statements = doc['Statement'];
  if (statements === undefined) fail('it has no Statement');
  const list = Array.isArray(statements) ? statements : [statements];
  if (list.length === 0) fail('its Statement list is empty');
  return list.map((s, index) => readStatement(s, index, kind, (what) => fail(`statement ${index + 1}${sidOf(s)}: ${what}`)));
}

function readStatement(s: unknown, index: number, kind: PolicyKind, fail: (what: string) => never): ReadStatement {
  if (!isObject(s)) return fail('must be an object');
  // An element set to undefined (possible from code, never from JSON) counts as absent.
  const has = (key: string) => s[key] !== undefined;
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) fail(`unknown element "${key}" (element names are case-sensitive)`);
  const effect = s['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') fail(`Effect must be "Allow" or "Deny" (got ${JSON.stringify(effect)})`);
  const sid = s['Sid'];
  if (sid !== undefined && typeof sid !== 'string') fail('Sid must be a string');
  const out: ReadStatement = { index, effect: effect as 'Allow' | 'Deny', condition: [], raw: s as unknown as PolicyStatement };
  if (typeof sid === 'string') out.sid = sid;

  if (has('Action') === has('NotAction')) fail('it needs exactly one of Action or NotAction');
  if (has('Action')) out.action = strings(s['Action'], 'Action', fail);
  else out.notAction = strings(s['NotAction'], 'NotAction', fail);
  for (const a of out.action ?? out.notAction ?? []) {
    if (a !== '*' && !/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(a)) fail(`action "${a}" must look like service:Action`);
  }

  if (has('Resource') && has('NotResource')) fail('it may have Resource or NotResource, not both');
  if (has('Resource')) out.resource = strings(s['Resource'], 'Resource', fail);
  else if (has('NotResource')) out.notResource = strings(s['NotResource'], 'NotResource', fail);
  else if (kind === 'identity') fail('an identity policy statement needs Resource or NotResource');

  const hasPrincipal = has('Principal') || has('NotPrincipal');
  if (kind === 'identity' && hasPrincipal) fail('an identity policy must not name a Principal (it applies to whoever it is attached to)');
  if (kind !== 'identity' && !hasPrincipal) fail(`a ${kind} policy statement needs Principal or NotPrincipal`);
  if (has('Principal') && has('NotPrincipal')) fail('it may have Principal or NotPrincipal, not both');
  if (has('Principal')) out.principal = readPrincipal(s['Principal'], 'Principal', fail);
  if (has('NotPrincipal')) out.notPrincipal = readPrincipal(s['NotPrincipal'], 'NotPrincipal', fail);

  const condition = s['Condition'];
  if (condition !== undefined) {
    if (!isObject(condition)) fail('Condition must be an object of operators');
    for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
      if (!isObject(block)) fail(`Condition "${operator}" must map condition keys to values`);
      for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
        out.condition.push({ operator, key, values: conditionValues(value, `${operator} ${key}`, fail) });
      }
    }
  }
  return out;
}

function readPrincipal(value: unknown, element: string, fail: (what: string) => never): ReadPrincipal {
  const out: ReadPrincipal = { any: false, aws: [], service: [], other: [] };
  if (value === '*') return { ...out, any: true };
  if (!isObject(value)) fail(`${element} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}`);
  for (const [kind, entries] of Object.entries(value as Record<string, unknown>)) {
    if (!PRINCIPAL_KINDS.has(kind)) fail(`${element} kind "${kind}" is not one of AWS, Service, Federated, CanonicalUser`);
    for (const entry of strings(entries, `${element}.${kind}`, fail)) {
      if (kind === 'AWS') {
        if (entry === '*') out.any = true;
        else if (/^\d{12}$/.test(entry) || /^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+$/.test(entry)) {
          if (/[*?]/.test(entry)) fail(`${element} "${entry}": a principal ARN cannot hold a wildcard (only "*" on its own)`);
          out.aws.push(entry);
        } else fail(`${element} "${entry}" is neither an account id (12 digits) nor an IAM or STS ARN`);
      } else if (kind === 'Service') out.service.push(entry);
      else out.other.push(`${kind}: ${entry}`);
    }
  }
  return out;
}

function strings(value: unknown, element: string, fail: (what: string) => never): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail(`${element} is an empty list`);
  for (const v of list) if (typeof v !== 'string' || v === '') fail(`${element} must hold non-empty strings`);
  return list as string[];
}

function conditionValues(value: unknown, where: string, fail: (what: string) => never): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail(`Condition ${where} has an empty list of values`);
  return list.map((v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v as ConditionValue);
    return fail(`Condition ${where} values must be strings, numbers or booleans`);
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sidOf(s: unknown): string {
  return isObject(s) && typeof s['Sid'] === 'string' ? ` ("${s['Sid']}")` : '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

