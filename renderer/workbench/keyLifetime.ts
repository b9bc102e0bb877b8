// What the badge says about keys with no expiry from STS: session keys (ASIA…, e.g. a session token pasted into a
// profile or the environment) are temporary even when RoleCall was not told when they end; only AKIA… keys are
// long-term.
import type { Identity } from '../../src/models/auth';

export function keyLifetimeText(identity: Pick<Identity, 'accessKeyId'>): string {
  return identity.accessKeyId.startsWith('ASIA') ? 'temporary keys' : 'long-term keys';
}
