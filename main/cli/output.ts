// How the CLI prints: plain text for people, --json for scripts. Never a secret in verbose diagnostics.
import { Buffer } from 'node:buffer';
import type { Identity } from '../../src/models/auth';
import type { HttpResponse, SendResult, SignResult } from '../../src/models/http';
import type { ProfileList } from '../../src/models/profile';

export function profilesText(list: ProfileList): string {
  const lines: string[] = [];
  const width = Math.max(4, ...list.profiles.map((p) => p.name.length));
  for (const p of list.profiles) {
    const mark = p.isDefault ? '*' : ' ';
    const facts = [p.kind, p.region ?? '-', p.roleArn ?? '', p.mfaSerial ? 'mfa' : '', p.sourceChain.length > 1 ? `via ${p.sourceChain.slice(1).join(' -> ')}` : '']
      .filter(Boolean)
      .join('  ');
    lines.push(`${mark} ${p.name.padEnd(width)}  ${facts}`);
    for (const problem of p.problems) lines.push(`    ! ${problem}`);
  }
  if (list.environmentCredentials) lines.push('  (environment credentials are set: AWS_ACCESS_KEY_ID)');
  for (const problem of list.problems) lines.push(`warning: ${problem.file}:${problem.line}: ${problem.message}`);
  if (list.profiles.length === 0) lines.push(`No profiles in ${list.files.config} or ${list.files.credentials}.`);
  return lines.join('\n');
}

export function identityText(identity: Identity): string {
  const lines = [`arn:      ${identity.arn}`, `account:  ${identity.account}`, `user id:  ${identity.userId}`, `key id:   ${identity.accessKeyId}`];
  if (identity.expiration) lines.push(`expires:  ${identity.expiration}`);
  lines.push(`chain:    ${identity.hops.map((h) => h.label).join(' -> ')}`);
  return lines.join('\n');
}

export function signJson(result: SignResult) {
  const e = result.explanation;
  return {
    canonicalRequest: e?.canonicalRequest ?? null,
    stringToSign: e?.stringToSign ?? null,
    signedHeaders: e?.signedHeaders ?? [],
    signature: e?.signature ?? null,
    credentialScope: e?.credentialScope ?? null,
    region: e?.region ?? null,
    service: e?.service ?? null,
    method: result.request.method,
    headers: result.request.headers,
    url: result.request.url,
  };
}

export function signText(result: SignResult): string {
  const e = result.explanation;
  const parts: string[] = [];
  if (e) {
    parts.push(`# region ${e.region} (${e.regionSource}), service ${e.service} (${e.serviceSource})`);
    parts.push('# Canonical request', e.canonicalRequest, '', '# String to sign', e.stringToSign, '');
  } else {
    parts.push('# auth: none, nothing signed', '');
  }
  parts.push(`# Request`, `${result.request.method} ${result.request.url}`);
  for (const [name, value] of result.request.headers) parts.push(`${name}: ${value}`);
  return parts.join('\n');
}

export function statusBlock(response: HttpResponse): string {
  const lines = [`HTTP/${response.httpVersion} ${response.status} ${response.statusText}`];
  for (const [name, value] of response.headers) lines.push(`${name}: ${value}`);
  return lines.join('\n');
}

export function timingText(response: HttpResponse): string {
  const t = response.timings;
  const phase = (label: string, ms?: number) => (ms === undefined ? '' : ` ${label} ${ms.toFixed(1)}ms`);
  return `* ${response.body.size} bytes;${phase('dns', t.dns)}${phase('connect', t.connect)}${phase('tls', t.tls)}${phase('first byte', t.firstByte)}${phase('total', t.total)}`;
}

export function sendJson(result: SendResult) {
  const { response } = result;
  return {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    size: response.body.size,
    bodyBase64: response.body.complete ? response.body.headBase64 : undefined,
    timings: response.timings,
    awsError: result.awsError,
    clockSkew: result.clockSkew,
    refusal: result.refusal,
    signed: signJson(result.sent),
  };
}

export function bodyBytes(response: HttpResponse): Buffer {
  return Buffer.from(response.body.headBase64, 'base64');
}
