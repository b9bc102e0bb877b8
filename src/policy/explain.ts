// A policy shown line by line, each line with what it means in plain words. The lines are exactly
// JSON.stringify(policy, null, 2), so the text a user copies is the text that was explained.
import { splitArn } from './wildcard';
import type { PolicyDoc, PolicyKind } from './types';

export interface ExplainedLine {
  text: string;
  /** Empty for lines that only open or close a bracket. */
  explanation: string;
}

type Path = Array<string | number>;

export function explainPolicy(policy: PolicyDoc, kind: PolicyKind): ExplainedLine[] {
  const lines: ExplainedLine[] = [];
  const emit = (depth: number, text: string, explanation: string) => lines.push({ text: '  '.repeat(depth) + text, explanation });
  const walk = (value: unknown, path: Path, depth: number, prefix: string, comma: string) => {
    const why = explain(path, value, kind);
    if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
      const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) return emit(depth, `${prefix}${open}${close}${comma}`, why);
      emit(depth, `${prefix}${open}`, why);
      entries.forEach(([key, child], i) => {
        const childPrefix = typeof key === 'number' ? '' : `${JSON.stringify(key)}: `;
        walk(child, [...path, key], depth + 1, childPrefix, i < entries.length - 1 ? ',' : '');
      });
      emit(depth, `${close}${comma}`, '');
      return;
    }
    emit(depth, `${prefix}${JSON.stringify(value)}${comma}`, why);
  };
  walk(policy, [], 0, '', '');
  return lines;
}

function explain(path: Path, value: unknown, kind: PolicyKind): string {
  const key = path.filter((p) => typeof p === 'string');
  const last = key.at(-1);
  const inStatement = key[0] === 'Statement';
  if (path.length === 0) return `The ${kind === 'identity' ? 'identity' : kind} policy document.`;
  if (last === 'Version') return 'The policy language version: always "2012-10-17", the current one (older versions lack policy variables).';
  if (last === 'Id') return 'An optional name for the whole policy.';
  if (last === 'Statement' && path.length === 1) return 'The statements: each grants or refuses something; an explicit Deny in any of them wins over every Allow.';
  if (!inStatement) return '';
  if (path.length === 2) return 'One statement.';
  const element = key[1];
  if (element === 'Sid') return 'The statement\'s label (Sid), so people and RoleCall can point at it. It has no effect on access.';
  if (element === 'Effect') {
    return value === 'Allow'
      ? 'Allow: grants the actions below, unless an explicit Deny somewhere matches too.'
      : 'Deny: refuses the actions below, whatever any Allow says.';
  }
  if (element === 'Principal' || element === 'NotPrincipal') {
    const not = element === 'NotPrincipal';
    if (typeof value === 'string') return explainPrincipal(value, not);
    if (key.length === 2) return not ? 'Everyone except these principals.' : 'Who the statement is about:';
    return key[2] === 'Service' ? `The AWS service ${String(value)}.` : Array.isArray(value) ? 'AWS principals:' : explainPrincipal(String(value), not);
  }
  if (element === 'Action' || element === 'NotAction') {
    if (Array.isArray(value)) return element === 'Action' ? 'The actions:' : 'Every action except these:';
    return `${element === 'NotAction' ? 'Every action except ' : ''}${explainAction(String(value))}`;
  }
  if (element === 'Resource' || element === 'NotResource') {
    if (Array.isArray(value)) return element === 'Resource' ? 'The resources:' : 'Every resource except these:';
    return `${element === 'NotResource' ? 'Every resource except ' : ''}${explainResource(String(value))}`;
  }
  if (element === 'Condition') {
    if (key.length === 2) return 'Only when every condition below holds.';
    if (key.length === 3) return explainOperator(key[2] as string);
    return explainConditionKey(key[3] as string, value);
  }
  return '';
}

function explainPrincipal(arn: string, not: boolean): string {
  const who = ((): string => {
    if (arn === '*') return 'anyone (every principal)';
    if (/^\d{12}$/.test(arn)) return `account ${arn}: any of its principals that its own identity policies allow`;
    const root = /^arn:[\w-]+:iam::(\d{12}):root$/.exec(arn);
    if (root) return `account ${root[1]}: any of its principals that its own identity policies allow`;
    const role = /^arn:[\w-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    if (role) return `the role ${role[2]} in account ${role[1]}: every session of it (whoever assumed it)`;
    const user = /^arn:[\w-]+:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(arn);
    if (user) return `the IAM user ${user[2]} in account ${user[1]}`;
    const session = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
    if (session) return `only the session "${session[3]}" of role ${session[2]} in account ${session[1]}`;
    return arn;
  })();
  return not ? `Not ${who}.` : `${who.charAt(0).toUpperCase()}${who.slice(1)}.`;
}

function explainAction(action: string): string {
  const known: Record<string, string> = {
    'execute-api:invoke': 'execute-api:Invoke: calling the API\'s routes (not managing the API, which is apigateway:*).',
    'sts:assumerole': 'sts:AssumeRole: getting temporary credentials for the role.',
    '*': 'every action of every service.',
  };
  const text = known[action.toLowerCase()];
  if (text) return text;
  return /[*?]/.test(action) ? `the actions matching ${action} ("*" any characters, "?" one).` : `the action ${action}.`;
}

function explainResource(arn: string): string {
  if (arn === '*') return 'every resource.';
  const parts = splitArn(arn);
  if (!parts || parts[2] !== 'execute-api') return /[*?]/.test(arn) ? `resources matching ${arn}.` : `the resource ${arn}.`;
  const [apiId, stage, method, ...path] = (parts[5] as string).split('/');
  const where = `API ${apiId} in ${parts[3]}, account ${parts[4]}`;
  if (stage === '*' || stage === undefined) return `every stage, method and path of ${where}.`;
  if (method === '*') return `every method and path of stage ${stage} of ${where}.`;
  return `${method} on /${path.join('/')} in stage ${stage} of ${where}, and nothing else.`;
}

function explainOperator(operator: string): string {
  const known: Record<string, string> = {
    StringEquals: 'StringEquals: the key must equal the value exactly (case-sensitive).',
    Bool: 'Bool: the key must be true or false as written.',
    StringLike: 'StringLike: the key must match the pattern ("*" any characters, "?" one).',
    ArnLike: 'ArnLike: the key must match the ARN pattern.',
    IpAddress: 'IpAddress: the caller\'s address must lie in the range.',
  };
  return known[operator] ?? `${operator}: a condition test on the keys below.`;
}

function explainConditionKey(key: string, value: unknown): string {
  switch (key.toLowerCase()) {
    case 'sts:externalid':
      return 'The caller must pass this external ID when assuming the role; it guards against a third party tricking a service into acting for you (the "confused deputy").';
    case 'aws:multifactorauthpresent':
      return 'The caller must have proved MFA (AssumeRole sent with the MFA device and a current code).';
    case 'aws:sourceip':
      return 'The caller\'s public IP address.';
    case 'aws:principalaccount':
      return `The caller's account must be ${JSON.stringify(value)}.`;
    default:
      return `The request's ${key} against ${JSON.stringify(value)}.`;
  }
}
