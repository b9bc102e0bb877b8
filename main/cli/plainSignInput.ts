// What signInputSchema (src/models/http.ts) makes of the inputs `rolecall sign` builds most often, without zod:
// building zod and its schemas is most of the time a sign takes to start (issue 12). A plain input is a GET or a
// text body, typed headers, environment keys, a profile or no signing, and the signing options the flags give;
// anything else (a file body, stored keys, an assumed role, a value near no limit this knows) is undefined here
// and goes through the schema, which also words every refusal. So this may refuse what the schema accepts, never
// the reverse, and what it returns is what the schema returns, key for key (plainSignInput.test.ts checks both).
import type { ParsedSignInput } from '../engine';
import { EXPIRES_DEFAULT_SECONDS, EXPIRES_MAX_SECONDS, HEADERS_MAX, METHOD_PATTERN, REGION_PATTERN, SERVICE_PATTERN, URL_MAX_CHARS } from '../../src/models/signInputRules';

type Parsed<K extends keyof ParsedSignInput> = ParsedSignInput[K];
type Plain = Record<string, unknown>;

const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = <T>(value: unknown, check: (v: unknown) => v is T): value is T | undefined => value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function request(value: unknown): Parsed<'request'> | undefined {
  if (!isObject(value)) return undefined;
  const { method, url, headers = [], body = { kind: 'none' } } = value;
  if (!isString(method) || !METHOD_PATTERN.test(method)) return undefined;
  if (!isString(url) || url.length < 1 || url.length > URL_MAX_CHARS) return undefined;
  if (!Array.isArray(headers) || headers.length > HEADERS_MAX) return undefined;
  const pairs: Array<[string, string]> = [];
  for (const header of headers as unknown[]) {
    if (!Array.isArray(header) || header.length !== 2 || !isString(header[0]) || !isString(header[1])) return undefined;
    pairs.push([header[0], header[1]]);
  }
  if (!isObject(body)) return undefined;
  if (body.kind === 'none') return { method, url, headers: pairs, body: { kind: 'none' } };
  if (body.kind === 'text' && isString(body.text)) return { method, url, headers: pairs, body: { kind: 'text', text: body.text } };
  return undefined;
}

function auth(value: unknown): Parsed<'auth'> | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'none' || value.kind === 'env') return { kind: value.kind };
  if (value.kind === 'profile' && isString(value.profile)) {
    const profile = value.profile.trim();
    return profile ? { kind: 'profile', profile } : undefined;
  }
  return undefined;
}

/** An ISO-8601 time as Date.toISOString writes it (the form --date is turned into), for a date that exists. */
function isIsoTime(value: unknown): value is string {
  if (!isString(value) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)) return false;
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

function signing(value: unknown): Parsed<'signing'> | undefined {
  if (value === undefined) return { payload: 'signed', mode: 'header', expiresIn: EXPIRES_DEFAULT_SECONDS };
  if (!isObject(value)) return undefined;
  const { region, service, payload = 'signed', contentSha256Header, mode = 'header', expiresIn = EXPIRES_DEFAULT_SECONDS, signingDate } = value;
  if (!optional(region, isString) || (region !== undefined && !REGION_PATTERN.test(region))) return undefined;
  if (!optional(service, isString) || (service !== undefined && !SERVICE_PATTERN.test(service))) return undefined;
  if (payload !== 'signed' && payload !== 'unsigned') return undefined;
  if (!optional(contentSha256Header, isBoolean)) return undefined;
  if (mode !== 'header' && mode !== 'query') return undefined;
  if (!Number.isSafeInteger(expiresIn) || (expiresIn as number) < 1 || (expiresIn as number) > EXPIRES_MAX_SECONDS) return undefined;
  if (!optional(signingDate, isIsoTime)) return undefined;
  // The schema's key order, an absent option left out as the schema leaves it out.
  return {
    ...(region !== undefined ? { region } : {}),
    ...(service !== undefined ? { service } : {}),
    payload,
    ...(contentSha256Header !== undefined ? { contentSha256Header } : {}),
    mode,
    expiresIn: expiresIn as number,
    ...(signingDate !== undefined ? { signingDate } : {}),
  };
}

/** signInputSchema's parse of a plain input, or undefined: then parse with the schema. */
export function plainSignInput(input: unknown): ParsedSignInput | undefined {
  if (!isObject(input)) return undefined;
  const { allowPlainHttp = false } = input;
  const parsed = { request: request(input.request), auth: auth(input.auth), signing: signing(input.signing), allowPlainHttp };
  if (!parsed.request || !parsed.auth || !parsed.signing || !isBoolean(allowPlainHttp)) return undefined;
  return parsed as ParsedSignInput;
}
