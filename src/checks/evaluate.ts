// Checks and captures evaluated against one observed response. Pure: main builds the ObservedResponse (body read
// from memory or the spool, cut at a bound) and the identity; the app after a send and the runner both call this.
import type { Capture, CaptureResult, Check, CheckOutcome, CheckResult, ObservedResponse } from '../models/checks';
import type { VariableScope } from '../variables';
import { checkLabel } from './checkLabel';
import { maskSecrets, missingVariableMessage, resolveCheck } from './checkVariables';
import { compareValue } from './compare';
import { matchIdentity } from './identity';
import { lookupPath, parseBody, type ParsedBody } from './jsonBody';
import { shortText } from './shortText';
import { parseStatusExpression, statusMatches } from './statusExpression';

/** `scopes`: the variables the request was resolved with, for {{names}} in what checks expect (checkVariables.ts). */
export function evaluateChecks(checks: Check[], captures: Capture[], observed: ObservedResponse, scopes: VariableScope[] = []): CheckOutcome {
  let parsed: ParsedBody | undefined;
  const body = (): ParsedBody => (parsed ??= parseBody(observed.bodyText, observed.bodyTruncated === true));
  const results = checks.filter((check) => check.enabled).map((check) => evaluateResolved(check, observed, body, scopes));
  const captured = captures.filter((capture) => capture.enabled && capture.variable.trim() !== '').map((capture) => captureOne(capture, observed, body));
  return { results, captures: captured, passed: results.every((result) => result.passed) };
}

/** The label shows the check as written ({{names}} kept); the comparison runs on the resolved values. */
function evaluateResolved(check: Check, observed: ObservedResponse, body: () => ParsedBody, scopes: VariableScope[]): CheckResult {
  const label = checkLabel(check);
  const resolved = resolveCheck(check, scopes);
  if (!resolved.ok) return { checkId: check.id, label, passed: false, actual: '(not evaluated)', message: missingVariableMessage(resolved.missing) };
  const result = { ...evaluateOne(resolved.check, observed, body), label };
  if (resolved.secrets.length === 0) return result;
  return {
    ...result,
    actual: maskSecrets(result.actual, resolved.secrets),
    ...(result.message !== undefined ? { message: maskSecrets(result.message, resolved.secrets) } : {}),
  };
}

function evaluateOne(check: Check, observed: ObservedResponse, body: () => ParsedBody): CheckResult {
  const base = { checkId: check.id, label: checkLabel(check) };
  switch (check.kind) {
    case 'status': {
      const actual = String(observed.status);
      const expression = parseStatusExpression(check.expect);
      if (!expression.ok) return { ...base, passed: false, actual, message: expression.message };
      return statusMatches(expression, observed.status)
        ? { ...base, passed: true, actual }
        : { ...base, passed: false, actual, message: `expected ${check.expect}` };
    }
    case 'time': {
      const actual = `${Math.round(observed.durationMs)} ms`;
      return observed.durationMs < check.underMs
        ? { ...base, passed: true, actual }
        : { ...base, passed: false, actual, message: `took ${actual}, expected under ${check.underMs} ms` };
    }
    case 'header':
      return { ...base, ...compareValue(headerValue(observed.headers, check.name), check.compare) };
    case 'json': {
      const parsedBody = body();
      if (!parsedBody.ok) return { ...base, passed: false, actual: shortText(observed.bodyText), message: parsedBody.message };
      const found = lookupPath(parsedBody.value, check.path);
      if (!found.ok) return { ...base, passed: false, actual: '(not evaluated)', message: found.message };
      return { ...base, ...compareValue(found.value, check.compare) };
    }
    case 'text': {
      const result = compareValue(observed.bodyText, check.compare);
      if (!result.passed && observed.bodyTruncated) {
        return { ...base, ...result, message: `${result.message ?? 'failed'} (only the start of a large body was read)` };
      }
      return { ...base, ...result };
    }
    case 'identity':
      return { ...base, ...matchIdentity(check.expect, observed.identityArn, observed.identityAccount, observed.identityProblem) };
  }
}

function captureOne(capture: Capture, observed: ObservedResponse, body: () => ParsedBody): CaptureResult {
  const base = { captureId: capture.id, variable: capture.variable };
  if (capture.from === 'status') return { ...base, value: String(observed.status) };
  if (capture.from === 'header') {
    const value = headerValue(observed.headers, capture.path);
    return value === undefined ? { ...base, message: `no ${capture.path} header in the response` } : { ...base, value };
  }
  const parsedBody = body();
  if (!parsedBody.ok) return { ...base, message: parsedBody.message };
  const found = lookupPath(parsedBody.value, capture.path);
  if (!found.ok) return { ...base, message: found.message };
  if (found.value === undefined) return { ...base, message: `${capture.path} found nothing in the body` };
  return { ...base, value: typeof found.value === 'string' ? found.value : JSON.stringify(found.value) };
}

/** Header names compare case-insensitively; repeated headers are read joined with ", " as HTTP allows. */
export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const values = headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(', ');
}
