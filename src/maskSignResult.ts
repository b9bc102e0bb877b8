// What main signed and sent carries the secret variables' real values (it must, to sign them), but the window
// shows them masked, like everywhere else. main only knows resolved text, so the values are found by content:
// each secret in every form it can take on the way to the canonical request (as typed, percent-encoded for the
// wire, URI-encoded once or twice by SigV4, in a path or a query, header whitespace collapsed). The workbench applies this once, where it
// hands results to the inspector and the response viewer.
import type { AppError } from './errors';
import { SECRET_MASK } from './effectiveRequest';
import type { AwsErrorInfo, SendResult, SignResult } from './models/http';
import type { Refusal } from './models/refusal';
import type { VariableScope } from './variables';
import { toWireUrl } from './wireUrl';

/** The values of the enabled secret variables in these scopes, each in all its encoded forms, longest first. */
export function secretForms(scopes: VariableScope[]): string[] {
  const forms = new Set<string>();
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      if (!variable.enabled || !variable.secret || variable.value === '') continue;
      const value = variable.value;
      const once = uriEncode(value);
      // In a path a '/' stays a separator, so the canonical path encodes each segment (twice, outside S3).
      const path = value.split('/').map(uriEncode);
      const collapsed = value.trim().replace(/\s+/g, ' ');
      for (const form of [value, collapsed, encodeURIComponent(value), once, uriEncode(once), path.join('/'), path.map(uriEncode).join('/'), wireForm(value)]) {
        if (form !== '') forms.add(form);
      }
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The text with every occurrence of a secret form replaced by the mask. */
export function maskText(text: string, forms: string[]): string {
  let out = text;
  for (const form of forms) out = out.split(form).join(SECRET_MASK);
  return out;
}

export function maskSignResult(result: SignResult, scopes: VariableScope[]): SignResult {
  const forms = secretForms(scopes);
  return forms.length === 0 ? result : maskSigned(result, forms);
}

export function maskSendResult(result: SendResult, scopes: VariableScope[]): SendResult {
  const forms = secretForms(scopes);
  if (forms.length === 0) return result;
  return {
    ...result,
    sent: maskSigned(result.sent, forms),
    ...(result.response.redirects
      ? { response: { ...result.response, redirects: result.response.redirects.map((hop) => ({ ...hop, url: maskText(hop.url, forms) })) } }
      : {}),
    ...(result.awsError ? { awsError: maskAwsError(result.awsError, forms) } : {}),
    ...(result.refusal ? { refusal: maskRefusal(result.refusal, forms) } : {}),
    ...(result.clockSkew?.refused
      ? { clockSkew: { ...result.clockSkew, refused: { ...result.clockSkew.refused, message: maskText(result.clockSkew.refused.message, forms) } } }
      : {}),
  };
}

/** The explanation quotes the URL's path, AWS's message and the resource ARN, which may hold a secret's value. */
function maskRefusal(refusal: Refusal, forms: string[]): Refusal {
  const mask = (value: unknown): unknown =>
    typeof value === 'string' ? maskText(value, forms) : Array.isArray(value) ? value.map(mask) : value;
  return Object.fromEntries(Object.entries(refusal).map(([key, value]) => [key, mask(value)])) as unknown as Refusal;
}

/** An error's message and detail may quote the URL (a refused connection, an invalid URL). */
export function maskError(error: AppError, scopes: VariableScope[]): AppError {
  const forms = secretForms(scopes);
  if (forms.length === 0) return error;
  return {
    ...error,
    message: maskText(error.message, forms),
    ...(error.detail !== undefined ? { detail: maskText(error.detail, forms) } : {}),
  };
}

function maskSigned(result: SignResult, forms: string[]): SignResult {
  const mask = (text: string) => maskText(text, forms);
  return {
    request: {
      ...result.request,
      url: mask(result.request.url),
      headers: result.request.headers.map(([name, value]) => [mask(name), mask(value)]),
    },
    ...(result.explanation
      ? { explanation: { ...result.explanation, canonicalRequest: mask(result.explanation.canonicalRequest) } }
      : {}),
  };
}

function maskAwsError(info: AwsErrorInfo, forms: string[]): AwsErrorInfo {
  const mask = (text: string) => maskText(text, forms);
  return {
    ...info,
    message: mask(info.message),
    ...(info.expectedCanonicalRequest !== undefined ? { expectedCanonicalRequest: mask(info.expectedCanonicalRequest) } : {}),
    ...(info.expectedStringToSign !== undefined ? { expectedStringToSign: mask(info.expectedStringToSign) } : {}),
  };
}

/** SigV4's URI encoding: everything but A-Z a-z 0-9 - _ . ~ as %XX of its UTF-8 bytes. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The value as it stands in a URL on the wire (spaces and non-ASCII percent-encoded, the rest as typed). */
function wireForm(text: string): string {
  const prefix = 'http://h/';
  return toWireUrl(prefix + text).slice(prefix.length);
}
