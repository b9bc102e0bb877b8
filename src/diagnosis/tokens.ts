// The credentials themselves refused: an expired session token, or an access key AWS does not know. Neither is
// about policies; the fix is other or fresher keys.
import { refusal, type Facts } from './facts';
import type { Refusal } from '../models/refusal';

const EXPIRED_TYPES = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const UNKNOWN_TYPES = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId', 'InvalidToken']);

export function expiredToken(f: Facts): Refusal | undefined {
  if (!EXPIRED_TYPES.has(f.type) && !f.text.includes('security token included in the request is expired')) return undefined;
  return refusal(f, 'credentials', expiredTokenAdvice());
}

export function expiredTokenAdvice() {
  return {
    id: 'credentials.expired-token',
    title: 'The session token has expired',
    explanation: 'Temporary credentials (an assumed role, SSO, or a session token pasted into a profile) are valid for a limited time, and these ran out.',
    checks: [
      'Where the session token comes from: a role RoleCall assumes is renewed automatically; keys pasted into ~/.aws/credentials or the environment are not.',
      'For SSO profiles: the SSO session itself may have expired.',
    ],
    fixes: [
      'Use “Clear cached credentials” beside Identity and send again, so RoleCall assumes the role afresh.',
      'For SSO: run "aws sso login --profile NAME". For pasted keys: get new ones.',
    ],
    likelihood: [],
  };
}

export function unknownAccessKey(f: Facts): Refusal | undefined {
  if (!UNKNOWN_TYPES.has(f.type) && !f.text.includes('security token included in the request is invalid')) return undefined;
  const keyId = f.input.request.signing?.accessKeyId;
  return refusal(f, 'credentials', unknownKeyAdvice(keyId, f.endpoint.region));
}

export function unknownKeyAdvice(keyId: string | undefined, region: string | undefined) {
  const temporary = keyId?.startsWith('ASIA');
  const likelihood: string[] = [];
  if (keyId) likelihood.push(temporary ? `${keyId} is a temporary key (ASIA…): it needs its own session token.` : `${keyId} is a long-term key (AKIA…).`);
  return {
    id: 'credentials.unknown-key',
    title: 'AWS does not recognise the access key',
    explanation: `AWS has no access key ${keyId ? `${keyId} ` : ''}in this partition, or the session token sent with it does not belong to it.`,
    checks: [
      'The access key id: deleted, deactivated, mistyped, or from a test environment (moto, LocalStack) rather than AWS.',
      temporary ? 'The session token: it must come from the same STS call as the access key; a missing or stale X-Amz-Security-Token fails like this.' : 'A session token set alongside long-term keys (AWS_SESSION_TOKEN left over in the environment).',
      `The region${region ? ` (${region})` : ''}: in a region an account must opt in to (ap-east-1, me-south-1…) session tokens from the global STS endpoint are refused; use a regional STS endpoint.`,
      'The partition: keys from aws-cn or aws-us-gov do not work on aws endpoints, and back.',
    ],
    fixes: ['Use current keys for this account (check with Who am I?), or assume the role through the regional STS endpoint of the target region.'],
    likelihood,
  };
}
