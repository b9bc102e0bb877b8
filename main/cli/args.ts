// Turns `rolecall` command-line words into the same inputs the app's UI produces: an auth choice and a request.
// Secrets are never taken from the command line: credentials come from profiles or the standard environment.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { appError } from '../../src/errors';
import type { AuthChoice, BaseIdentity } from '../../src/models/auth';
import type { BodySpec, SigningOptions } from '../../src/models/http';

export const COMMANDS = ['profiles', 'whoami', 'sign', 'send', 'import', 'run', 'ui', 'login'] as const;
export type Command = (typeof COMMANDS)[number];

/** The options every command but run takes (util.parseArgs's table; plainArgs.ts reads it too). */
export const CLI_OPTIONS = {
  profile: { type: 'string' },
  'assume-role': { type: 'string' },
  'session-name': { type: 'string' },
  'external-id': { type: 'string' },
  duration: { type: 'string' },
  'mfa-serial': { type: 'string' },
  'mfa-code': { type: 'string' },
  'sts-region': { type: 'string' },
  'sts-endpoint': { type: 'string' },
  'no-sign': { type: 'boolean' },
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  'data-file': { type: 'string' },
  region: { type: 'string' },
  service: { type: 'string' },
  'unsigned-payload': { type: 'boolean' },
  'content-sha256': { type: 'boolean' },
  presign: { type: 'string' },
  date: { type: 'string' },
  timeout: { type: 'string' },
  include: { type: 'boolean', short: 'i' },
  verbose: { type: 'boolean', short: 'v' },
  fail: { type: 'boolean', short: 'f' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  folder: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export interface CliArgs {
  command?: Command;
  positionals: string[];
  values: ReturnType<typeof parse>['values'];
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: CLI_OPTIONS, allowPositionals: true, strict: true });
}

export function parseCli(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw appError('INVALID_INPUT', (err as Error).message);
  }
  const [first, ...rest] = parsed.positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) {
    throw appError('INVALID_INPUT', `Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.`);
  }
  return { command: first as Command | undefined, positionals: rest, values: parsed.values };
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw appError('INVALID_INPUT', `--${name} takes a whole number of seconds, not "${text}".`);
  return Number(text);
}

function hasEnvCredentials(env: Record<string, string | undefined>): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

/** --profile wins; then environment credentials; then AWS_PROFILE or "default", as the AWS CLI does. */
export function authFromArgs(args: CliArgs, env: Record<string, string | undefined>): AuthChoice {
  const v = args.values;
  if (v['no-sign']) return { kind: 'none' };
  const base: BaseIdentity = v.profile
    ? { kind: 'profile', profile: v.profile }
    : hasEnvCredentials(env)
      ? { kind: 'env' }
      : { kind: 'profile', profile: env.AWS_PROFILE || 'default' };
  if (!v['assume-role']) {
    for (const flag of ['session-name', 'external-id', 'duration', 'mfa-serial', 'sts-region', 'sts-endpoint'] as const) {
      if (v[flag] !== undefined) throw appError('INVALID_INPUT', `--${flag} goes with --assume-role.`);
    }
    return base;
  }
  const choice: AuthChoice = { kind: 'assumeRole', base, roleArn: v['assume-role'] };
  if (v['session-name']) choice.sessionName = v['session-name'];
  if (v['external-id']) choice.externalId = v['external-id'];
  const duration = integer('duration', v.duration);
  if (duration !== undefined) choice.durationSeconds = duration;
  if (v['mfa-serial']) choice.mfaSerial = v['mfa-serial'];
  if (v['sts-region']) choice.stsRegion = v['sts-region'];
  if (v['sts-endpoint']) choice.stsEndpoint = v['sts-endpoint'];
  return choice;
}

function splitHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon <= 0) throw appError('INVALID_INPUT', `-H takes "Name: value", not "${line}".`);
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

export function requestFromArgs(args: CliArgs) {
  const v = args.values;
  const [url, ...extra] = args.positionals;
  if (!url) throw appError('INVALID_INPUT', 'Give the URL to sign or send, e.g. rolecall send https://API.execute-api.eu-west-1.amazonaws.com/prod/items');
  if (extra.length) throw appError('INVALID_INPUT', `Unexpected arguments: ${extra.join(' ')}`);
  if (v.data !== undefined && v['data-file'] !== undefined) throw appError('INVALID_INPUT', 'Give --data or --data-file, not both.');
  let body: BodySpec = { kind: 'none' };
  if (v.data !== undefined) body = { kind: 'text', text: v.data };
  if (v['data-file'] !== undefined) {
    try {
      body = { kind: 'base64', data: readFileSync(v['data-file']).toString('base64') };
    } catch (err) {
      throw appError('FILE_ERROR', `Could not read --data-file ${v['data-file']}.`, (err as Error).message);
    }
  }
  const method = (v.request ?? (body.kind === 'none' ? 'GET' : 'POST')).toUpperCase();
  return { method, url, headers: (v.header ?? []).map(splitHeader), body };
}

export function signingFromArgs(args: CliArgs): SigningOptions {
  const v = args.values;
  const signing: SigningOptions = { payload: v['unsigned-payload'] ? 'unsigned' : 'signed' };
  if (v.region) signing.region = v.region;
  if (v.service) signing.service = v.service;
  if (v['content-sha256']) signing.contentSha256Header = true;
  const presign = integer('presign', v.presign);
  if (presign !== undefined) {
    signing.mode = 'query';
    signing.expiresIn = presign;
  }
  if (v.date) {
    const date = new Date(v.date);
    if (Number.isNaN(date.getTime())) throw appError('INVALID_INPUT', `--date takes an ISO-8601 time such as 2015-08-30T12:36:00Z, not "${v.date}".`);
    signing.signingDate = date.toISOString();
  }
  return signing;
}

export function timeoutFromArgs(args: CliArgs): number | undefined {
  const seconds = integer('timeout', args.values.timeout);
  return seconds === undefined ? undefined : seconds * 1000;
}
