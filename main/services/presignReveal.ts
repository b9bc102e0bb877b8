// presign:reveal: a presigned URL handed to the window whole, because the user asked for one to use elsewhere.
// Every other answer masks the session token; a presigned URL with the token masked is useless, and with it is a
// bearer credential until it expires. So this is the one channel that carries one, by design and only this: the
// window calls it when the user clicks "Show presigned URL", keeps the answer in that panel's memory alone (never
// in tabs, history or a saved file) and drops it when it expires or the request changes. Main logs nothing of it.
// The secret access key never appears in a presigned URL; it is masked here anyway, in case a server echo or a
// typed query ever held it. A page that could call this could already send any request signed with the same
// credentials, so the channel gives a compromised page nothing it could not do, only something that outlives it for
// at most the expiry chosen (SigV4 caps it at 7 days; temporary credentials end sooner).
import { appError } from '../../src/errors';
import type { PresignedUrl } from '../../src/models/presign';
import type { ParsedSignInput, Signed } from '../engine';
import { redactSecrets } from './redact';

const S3_FAMILY = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);

/** Signs in query mode whatever the request's mode, and answers the URL whole (see above). */
export async function revealPresignedUrl(input: ParsedSignInput, sign: (input: ParsedSignInput) => Promise<Signed>): Promise<PresignedUrl> {
  if (input.auth.kind === 'none') {
    throw appError('INVALID_INPUT', 'A presigned URL needs credentials: choose a profile, a role or keys in Auth first.');
  }
  const signed = await sign({ ...input, signing: { ...input.signing, mode: 'query' } });
  const explanation = signed.result.explanation;
  if (!explanation) throw appError('INTERNAL', 'The request was not signed.');
  const secretKeyOnly = signed.secrets.filter((secret) => secret.label !== 'session token');
  const { url, method, headers } = redactSecrets(signed.result.request, secretKeyOnly);
  const amz = explanation.amzDate;
  const signedAtServer = Date.parse(`${amz.slice(0, 4)}-${amz.slice(4, 6)}-${amz.slice(6, 8)}T${amz.slice(9, 11)}:${amz.slice(11, 13)}:${amz.slice(13, 15)}Z`);
  // The URL expires by the server's clock; in this computer's terms that is earlier or later by the learned offset.
  const expiresAt = new Date(signedAtServer - (explanation.clockOffsetMs ?? 0) + input.signing.expiresIn * 1000).toISOString();
  const covered = new Set(explanation.signedHeaders.filter((name) => name !== 'host'));
  return {
    url,
    method,
    headers: headers.filter(([name]) => covered.has(name.toLowerCase())),
    expiresAt,
    expiresIn: input.signing.expiresIn,
    carriesSessionToken: /[?&]X-Amz-Security-Token=/.test(url),
    region: explanation.region,
    service: explanation.service,
    unsignedPayload: explanation.payloadHash === 'UNSIGNED-PAYLOAD' || S3_FAMILY.has(explanation.service),
  };
}
