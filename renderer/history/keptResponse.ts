// What the window hands main to keep with a history entry: the response as received, its first 1 MiB of body, with
// every secret variable's value masked first (main knows AWS credentials, not which variables are secret). A body
// that holds a secret value but is not UTF-8 text cannot be masked without changing its bytes, so it is left out. A
// spooled body is read by main from its spool file, with the forms to mask. main then applies its own rules
// (credential fields, cookies) before anything reaches disk.
import type { StoredResponse, StoredResponseInput } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES } from '../../src/models/historyResponseLimits';
import type { SendResult } from '../../src/models/http';
import { SECRET_MASK } from '../../src/effectiveRequest';
import { maskedBody } from '../../src/historyResponseRules';
import { maskText, secretForms } from '../../src/maskSignResult';
import type { VariableScope } from '../../src/variables';
import { base64ToBytes } from '../viewer/base64';

/** Bytes per slice in thirds: a slice is spread into String.fromCharCode's arguments, which are bounded. */
const SLICE = 8 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  // Whole groups of 3 bytes per slice, so the slices' base64 joins without padding in the middle.
  for (let i = 0; i < bytes.length; i += SLICE * 3) {
    const slice = bytes.subarray(i, Math.min(bytes.length, i + SLICE * 3));
    out += btoa(String.fromCharCode(...slice));
  }
  return out;
}

export function keptResponseInput(result: SendResult, scopes: VariableScope[]): StoredResponseInput {
  const { response } = result;
  const forms = secretForms(scopes);
  const mask = (text: string) => (forms.length ? maskText(text, forms) : text);
  const base = {
    status: response.status,
    statusText: mask(response.statusText),
    httpVersion: response.httpVersion.slice(0, 16),
    headers: response.headers.slice(0, 1000).map(([name, value]) => [name, mask(value)] as [string, string]),
    size: response.body.size,
    durationMs: response.timings.total,
  };
  // A spooled body reaches this window only as its first few KiB: main reads the first 1 MiB from the spool file.
  if (!response.body.complete && response.body.spoolFile) return { ...base, bodyBase64: '', spoolFile: response.body.spoolFile, ...(forms.length ? { maskForms: forms.slice(0, 512) } : {}) };
  const masked = maskedBody(base64ToBytes(response.body.headBase64).subarray(0, HISTORY_RESPONSE_BODY_BYTES), forms, SECRET_MASK);
  return 'withheld' in masked ? { ...base, bodyBase64: '', withheld: masked.withheld } : { ...base, bodyBase64: bytesToBase64(masked.bytes) };
}

/** A kept response as the response viewer takes it: what was sent is not kept, only the method and URL. */
export function keptAsSendResult(kept: StoredResponse, request: { method: string; url: string }): SendResult {
  return {
    sent: { request: { method: request.method, url: request.url, headers: [] } },
    response: {
      status: kept.status,
      statusText: kept.statusText,
      httpVersion: kept.httpVersion,
      headers: kept.headers,
      body: { size: kept.truncated ? kept.size : base64ToBytes(kept.bodyBase64).length, headBase64: kept.bodyBase64, complete: !kept.truncated },
      timings: { firstByte: 0, total: kept.durationMs ?? 0 },
    },
  };
}
