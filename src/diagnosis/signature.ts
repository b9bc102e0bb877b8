// Signature refusals: AWS computed another signature (the canonical request diff shows where the two requests
// part), the credential was scoped to the wrong region or service, or the Authorization header was not a whole
// SigV4 signature. Each names the usual causes; the viewer keeps the line-by-line diff under the explanation.
import { refusal, type Facts } from './facts';
import type { Refusal } from '../models/refusal';

const MISMATCH_TYPES = new Set(['InvalidSignatureException', 'SignatureDoesNotMatch']);

export function wrongScope(f: Facts): Refusal | undefined {
  const at = f.text.indexOf('Credential should be scoped to');
  if (at < 0) return undefined;
  const signedRegion = f.input.request.signing?.region;
  const signedService = f.input.request.signing?.service;
  const wantsService = quotedAfter(f.text, 'correct service:');
  const region = f.text.includes('valid region') || f.text.includes('correct region');
  return refusal(f, 'signature', {
    id: 'signature.wrong-scope',
    title: region ? 'Signed for the wrong region' : 'Signed for the wrong service',
    explanation: region
      ? `AWS expects the signature's credential scope to name this endpoint's region${signedRegion ? `, not "${signedRegion}"` : ''}.`
      : `AWS expects the signature to be for the service "${wantsService ?? '(named in its answer)'}"${signedService ? `, not "${signedService}"` : ''}.`,
    checks: [
      region ? `The region under signing options (RoleCall signed with ${signedRegion ?? 'an unknown region'}).` : `The service under signing options (RoleCall signed with ${signedService ?? 'an unknown service'}).`,
      'On a custom domain RoleCall cannot read region or service from the host: set them explicitly.',
    ],
    fixes: [region ? "Set the region to the API's region (the one in its execute-api host name)." : `Set the service to ${wantsService ?? 'the one AWS names'} (execute-api for API Gateway, lambda for function URLs, es or aoss for OpenSearch).`],
    likelihood: [],
  });
}

export function signatureMismatch(f: Facts): Refusal | undefined {
  if (!MISMATCH_TYPES.has(f.type) && !f.text.startsWith('The request signature we calculated does not match')) return undefined;
  const signing = f.input.request.signing;
  const likelihood: string[] = [];
  const checks: string[] = [];
  const scopeNote = scopeDifference(f);
  if (scopeNote) likelihood.push(scopeNote);
  const ours = signing?.canonicalRequest;
  const theirs = f.input.awsError?.expectedCanonicalRequest;
  const parts = ours !== undefined && theirs !== undefined ? differingParts(ours, theirs) : undefined;
  if (parts && parts.length > 0) likelihood.push(`AWS received a different ${parts.join(', ')} than RoleCall signed: something between RoleCall and AWS changed the request (a proxy, a gateway, a redirect).`);
  if (parts && parts.length === 0 && !scopeNote) likelihood.push('The canonical requests are identical: the secret access key does not belong to the access key id (or the session token is from other keys).');
  checks.push(
    'Region and service: the signed ones must be the endpoint\'s (compare with the host name; custom domains need them set explicitly).',
    'The secret access key: it must be the one paired with the access key id.',
    'A proxy or client between RoleCall and AWS that re-encodes the path, reorders or drops the query, or adds or rewrites a signed header (host, content-type).',
    'The body: it must be byte-identical to what was signed (no re-serialised JSON, no changed line endings).',
  );
  if (f.path.includes('//') || /%2f/i.test(f.path)) checks.push('The path holds "//" or an encoded "/": services other than S3 normalise paths before checking the signature.');
  return refusal(f, 'signature', {
    id: 'signature.mismatch',
    title: 'AWS computed a different signature',
    explanation: 'AWS rebuilt the request it received, signed it with the secret it holds for this access key, and got another signature. Either the request changed on its way, the signing scope (region, service) is wrong, or the secret key is.',
    checks,
    fixes: [
      scopeNote ? 'Set the region and service under signing options to the endpoint\'s.' : 'Compare the canonical requests below: the differing line names what changed in transit; send directly or make the proxy pass the request through unchanged.',
      'If they are identical, re-enter or refresh the credentials (a mistyped or rotated secret key).',
    ],
    likelihood,
  });
}

export function incompleteSignature(f: Facts): Refusal | undefined {
  if (f.type !== 'IncompleteSignatureException') return undefined;
  const scheme = authorizationScheme(f);
  const foreign = f.text.includes('key=value pair') || (scheme !== undefined && scheme !== 'AWS4-HMAC-SHA256');
  if (foreign) {
    return refusal(f, 'signature', {
      id: 'signature.not-sigv4',
      title: 'The Authorization header is not an AWS signature',
      explanation: `This route uses IAM authorization, so API Gateway reads the Authorization header as a SigV4 signature. It holds something else${scheme ? ` (a "${scheme}" value)` : ''}, such as a bearer token for a Cognito or Lambda authorizer.`,
      checks: ['The Authorization header typed in the request headers.', "Which authorizer the route really uses: IAM (AWS_IAM) or a token authorizer."],
      fixes: ['For an IAM route, remove the typed Authorization header and sign with an identity under Auth.', 'For a token authorizer, the route should not use AWS_IAM: send the token, unsigned.'],
      likelihood: scheme ? [`The request carried an Authorization header with the scheme "${scheme}".`] : [],
    });
  }
  return refusal(f, 'signature', {
    id: 'signature.incomplete',
    title: 'The signature is missing a part',
    explanation: 'AWS found an Authorization header or presigned query that lacks parts of a SigV4 signature (Credential, SignedHeaders, Signature, or the X-Amz-Date / Date header).',
    checks: [
      'A proxy or client that strips the X-Amz-Date or X-Amz-Security-Token header, or cuts a long Authorization header.',
      'A typed Authorization or X-Amz-* header that overrides what RoleCall signed.',
      'A presigned URL whose query lost X-Amz-* parameters when copied.',
    ],
    fixes: ['Remove hand-typed Authorization and X-Amz-* headers and let RoleCall sign; send without the proxy to compare.'],
    likelihood: f.signed ? [] : ['The request was not signed by RoleCall: the Authorization header came from elsewhere.'],
  });
}

function authorizationScheme(f: Facts): string | undefined {
  const value = f.input.request.headers?.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  // Only a scheme word followed by its credentials ("Bearer eyJ…"): a bare value may itself be the secret.
  const m = /^([A-Za-z][A-Za-z0-9-]{0,30})\s+\S/.exec(value?.trim().slice(0, 64) ?? '');
  return m?.[1];
}

/** Region or service signed unlike the host says, or unlike the scope AWS's string-to-sign has. */
function scopeDifference(f: Facts): string | undefined {
  const signing = f.input.request.signing;
  if (!signing) return undefined;
  const { region, service } = f.endpoint;
  if (region && region !== signing.region) return `Signed for region ${signing.region}, but the host is in ${region}.`;
  if (service && service !== signing.service) return `Signed for service ${signing.service}, but the host is ${service}'s.`;
  const theirScope = f.input.awsError?.expectedStringToSign?.split('\n')[2];
  if (theirScope && signing.credentialScope && theirScope !== signing.credentialScope) {
    return `AWS expected the scope ${theirScope}; RoleCall signed ${signing.credentialScope}.`;
  }
  return undefined;
}

/** Which parts of two canonical requests differ: method, path, query, a header by name, signed headers, body hash. */
export function differingParts(ours: string, theirs: string): string[] {
  const a = sections(ours);
  const b = sections(theirs);
  const out: string[] = [];
  if (a.method !== b.method) out.push('method');
  if (a.path !== b.path) out.push('path');
  if (a.query !== b.query) out.push('query string');
  const names = new Set([...a.headers.keys(), ...b.headers.keys()]);
  for (const name of names) if (a.headers.get(name) !== b.headers.get(name)) out.push(`header "${name}"`);
  if (a.signed !== b.signed && out.every((p) => !p.startsWith('header'))) out.push('list of signed headers');
  if (a.payload !== b.payload) out.push('body');
  return out;
}

function sections(canonical: string) {
  const lines = canonical.split('\n');
  const blank = lines.indexOf('', 3);
  const headerLines = lines.slice(3, blank < 0 ? lines.length - 2 : blank);
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers.set(colon < 0 ? line : line.slice(0, colon), colon < 0 ? '' : line.slice(colon + 1));
  }
  return { method: lines[0], path: lines[1], query: lines[2], headers, signed: lines.at(-2), payload: lines.at(-1) };
}

function quotedAfter(text: string, marker: string): string | undefined {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const open = text.indexOf("'", at);
  const close = open < 0 ? -1 : text.indexOf("'", open + 1);
  return close < 0 || close - open > 80 ? undefined : text.slice(open + 1, close);
}
