// What a failed send asked STS for, so the window explains a refused AssumeRole as the CLI does: the role, whether an
// external ID went (never its value), the MFA serial and the duration. An explicit assume-role auth says so itself;
// a role_arn profile (and each role profile under it) is read from the profile list. When a chain holds several
// roles, the one STS refused (named in the error) picks the hop; without it nothing is claimed.
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import type { AuthChoice } from '../../src/models/auth';
import type { ProfileList } from '../../src/models/profile';

interface RoleHop {
  roleArn: string;
  externalId?: string;
  mfaSerial?: string;
  durationSeconds?: number;
}

export function assumeRoleContext(auth: AuthChoice | undefined, profiles: ProfileList | undefined, refusedRole?: string): AssumeRoleContext {
  const hops = auth?.kind === 'assumeRole'
    ? [auth, ...(auth.base.kind === 'profile' ? profileHops(auth.base.profile, profiles) : [])]
    : auth?.kind === 'profile' ? profileHops(auth.profile, profiles) : [];
  const hop = refusedRole ? hops.find((h) => h.roleArn === refusedRole) : hops.length === 1 ? hops[0] : undefined;
  if (!hop) return {};
  return {
    roleArn: hop.roleArn,
    externalId: hop.externalId !== undefined,
    ...(hop.mfaSerial ? { mfaSerial: hop.mfaSerial } : {}),
    ...(hop.durationSeconds ? { durationSeconds: hop.durationSeconds } : {}),
  };
}

/** The role profiles from this one down to where its credentials start. */
function profileHops(name: string, profiles: ProfileList | undefined): RoleHop[] {
  const byName = new Map(profiles?.profiles.map((p) => [p.name, p]));
  const start = byName.get(name);
  if (!start) return [];
  const names = [...new Set([name, ...start.sourceChain])];
  return names.flatMap((n) => {
    const p = byName.get(n);
    return p?.roleArn ? [{ roleArn: p.roleArn, externalId: p.externalId, mfaSerial: p.mfaSerial, durationSeconds: p.durationSeconds }] : [];
  });
}
