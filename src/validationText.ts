// Turns schema validation issues into sentences a user can act on. zod's own texts ("auth.name: Too small: expected
// string to have >=1 characters") name a path and a type; people need the field in words and what to do. Every
// place that validates input the user sent or saved (the IPC registry, imports, the store's recovery) speaks
// through here, so no raw schema text reaches a screen.
import type { z } from 'zod';
import { appError, type RoleCallError } from './errors';

export type Issue = z.core.$ZodIssue;

/** Field names as people say them; a path is read from its last known name, with its parents for context. */
const WORDS: Record<string, string> = {
  accessKeyId: 'access key ID',
  secretAccessKey: 'secret access key',
  sessionToken: 'session token',
  roleArn: 'role ARN',
  sessionName: 'session name',
  externalId: 'external ID',
  durationSeconds: 'duration (seconds)',
  mfaSerial: 'MFA serial',
  stsRegion: 'STS region',
  stsEndpoint: 'STS endpoint',
  url: 'URL',
  method: 'method',
  headers: 'headers',
  body: 'body',
  region: 'region',
  service: 'service',
  expiresIn: 'expiry (seconds)',
  signingDate: 'signing date',
  signing: 'signing options',
  variables: 'variables',
  key: 'name',
  value: 'value',
  id: 'ID',
  items: 'items',
  code: 'code',
  promptId: 'prompt',
  previewId: 'import preview',
  file: 'file',
  path: 'path',
  name: 'name',
  auth: 'auth',
  base: 'base credentials',
  profile: 'profile',
  kind: 'kind',
  from: 'current name',
  to: 'new name',
  type: 'type',
};

/** Whole paths whose meaning is more than their last word: what the user chose in the auth panel. */
const PATHS: Array<[RegExp, string]> = [
  [/(^|\.)auth\.base\.profile$/, 'the base profile'],
  [/(^|\.)auth\.base\.name$/, 'the base stored keys'],
  [/(^|\.)auth\.profile$/, 'the profile'],
  [/(^|\.)auth\.name$/, 'the stored keys'],
  [/(^|\.)auth\.roleArn$/, 'the role ARN'],
  [/^name$/, 'the name'],
];

/** What to do when a choice is left empty; said once, after the sentence. */
const EMPTY_ADVICE: Array<[RegExp, string]> = [
  [/(^|\.)auth\.(base\.)?name$/, 'Choose stored keys in the Auth section, add keys first, or pick an AWS profile instead.'],
  [/(^|\.)auth\.(base\.)?profile$/, 'Choose a profile in the Auth section.'],
];

const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "the role ARN", "item 2 of the headers", "the request" for an empty path. */
export function fieldInWords(path: ReadonlyArray<PropertyKey>): string {
  const dotted = path.map(String).join('.');
  for (const [pattern, words] of PATHS) if (pattern.test(dotted)) return words;
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = path.at(-1);
  if (typeof last === 'number') {
    const owner = names.at(-1);
    return `item ${last + 1} of the ${owner ? (WORDS[owner] ?? spaced(owner)) : 'list'}`;
  }
  if (last === undefined) return 'the request';
  const word = WORDS[String(last)] ?? spaced(String(last));
  const parent = names.at(-2);
  const index = path.findLast((p) => typeof p === 'number');
  const where = typeof index === 'number' && parent ? ` in item ${index + 1} of the ${WORDS[parent] ?? spaced(parent)}` : '';
  const owner = !where && parent && parent !== 'auth' && parent !== 'request' && parent !== 'input' ? ` of the ${WORDS[parent] ?? spaced(parent)}` : '';
  return `the ${word}${where}${owner}`;
}

/** camelCase and snake_case names as words: "contentSha256Header" → "content sha256 header". */
function spaced(name: string): string {
  return name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function sizeText(issue: { origin?: string }, limit: number | bigint): string {
  const n = Number(limit);
  switch (issue.origin) {
    case 'string':
      return `${n} character${n === 1 ? '' : 's'}`;
    case 'array':
    case 'set':
      return `${n} item${n === 1 ? '' : 's'}`;
    default:
      return String(n);
  }
}

/** One issue as a sentence naming the field in words. */
export function issueSentence(issue: Issue): string {
  const field = fieldInWords(issue.path);
  const Field = capitalize(field);
  const dotted = issue.path.map(String).join('.');
  // A schema's own wording ("must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)") is already for people.
  if (issue.message && !DEFAULT_MESSAGE.test(issue.message)) {
    return /^(must|is|should|needs)\b/.test(issue.message) ? `${Field} ${issue.message}.`.replace(/\.\.$/, '.') : `${Field}: ${issue.message}`;
  }
  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
        const advice = EMPTY_ADVICE.find(([pattern]) => pattern.test(dotted))?.[1];
        return `${Field} ${field.startsWith('the stored keys') ? 'are' : 'is'} not chosen or empty.${advice ? ` ${advice}` : ''}`;
      }
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return `${Field} needs at least one entry.`;
      return `${Field} must be at least ${sizeText(issue, issue.minimum)}${issue.origin === 'string' || issue.origin === 'array' ? ' long' : ''}.`;
    }
    case 'too_big':
      return `${Field} must be at most ${sizeText(issue, issue.maximum)}${issue.origin === 'string' || issue.origin === 'array' ? ' long' : ''}.`;
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return `${Field} is missing.`;
      return `${Field} must be ${article(issue.expected)}.`;
    case 'invalid_format':
      if (issue.format === 'regex') return `${Field} is not in the expected form.`;
      return `${Field} is not a valid ${issue.format === 'url' ? 'URL' : issue.format === 'datetime' ? 'date and time' : issue.format}.`;
    case 'invalid_value':
      return `${Field} must be one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'unrecognized_keys':
      return `RoleCall does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.path.length ? ` in ${field}` : ''}.`;
    case 'invalid_union': {
      // A discriminated union names the kinds it knows; a plain union does not.
      const options = (issue as { options?: unknown[] }).options;
      return options?.length ? `${Field} must be one of: ${options.map(String).join(', ')}.` : `${Field} is not one of the forms RoleCall accepts.`;
    }
    case 'not_multiple_of':
      return `${Field} must be a multiple of ${String(issue.divisor)}.`;
    default:
      return `${Field} has a value RoleCall cannot use.`;
  }
}

function article(expected: string): string {
  const words: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a set of fields', int: 'a whole number' };
  return words[expected] ?? `a ${expected}`;
}

/** Every issue as a sentence, at most `max` (the rest counted). */
export function issueSentences(issues: readonly Issue[], max = 5): string[] {
  const out = [...new Set(issues.slice(0, max).map(issueSentence))];
  if (issues.length > max) out.push(`… and ${issues.length - max} more.`);
  return out;
}

/** The INVALID_INPUT error for a failed parse: the first problem as the message, all of them as the detail. */
export function invalidInput(issues: readonly Issue[], what: string): RoleCallError {
  const sentences = issueSentences(issues);
  const first = sentences[0] ?? `The ${what} is not valid.`;
  return appError('INVALID_INPUT', first, sentences.length > 1 ? sentences.join('\n') : undefined);
}
