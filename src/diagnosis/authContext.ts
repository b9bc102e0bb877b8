// What a failed call asked STS for, so every place that shows a credential error (a failed send, "Who am I?", the
// chain picture, the CLI) explains a refused AssumeRole against the same facts: the role, whether an external ID
// went (never its value), the MFA serial, the duration, the profile the base credentials come from and, in a chain,
// the role whose session made the call. An explicit assume-role auth says so itself; a role_arn profile (and each
// role profile under it) is read from the profile list. When a chain holds several roles, the one STS refused (named
// in the error) picks the hop; without it no hop is claimed.
import type { AuthChoice } from '../models/auth';
import type { ProfileList } from '../models/profile';
import type { AssumeRoleContext } from './sts';

interface RoleHop {
  roleArn: string;
  externalId?: string;
  mfaSerial?: string;
  durationSeconds?: number;
}

export function assumeRoleContext(auth: AuthChoice | undefined, profiles: ProfileList | undefined, refusedRole?: string): AssumeRoleContext {
  const baseName = auth?.kind === 'profile' ? auth.profile : auth?.kind === 'assumeRole' && auth.base.kind === 'profile' ? auth.base.profile : undefined;
  const base = baseName ? baseProfile(baseName, profiles) : undefined;
  const baseFact = base ? { baseProfile: base } : {};
  // Innermost first: the base profile's roles in the order they are assumed, then an explicit assume-role on top.
  const under = baseName ? profileHops(baseName, profiles) : [];
  const hops = auth?.kind === 'assumeRole' ? [...under, auth] : auth?.kind === 'profile' ? under : [];
  const at = refusedRole ? hops.findIndex((h) => h.roleArn === refusedRole) : hops.length === 1 ? 0 : -1;
  const hop = hops[at];
  if (!hop) return baseFact;
  const caller = at > 0 ? hops[at - 1]!.roleArn : undefined;
  return {
    roleArn: hop.roleArn,
    externalId: hop.externalId !== undefined,
    ...(hop.mfaSerial ? { mfaSerial: hop.mfaSerial } : {}),
    ...(hop.durationSeconds ? { durationSeconds: hop.durationSeconds } : {}),
    ...baseFact,
    ...(caller ? { sourceRoleArn: caller } : {}),
  };
}

/** The role profiles from where the credentials start up to this one, in the order they are assumed. */
function profileHops(name: string, profiles: ProfileList | undefined): RoleHop[] {
  const byName = new Map(profiles?.profiles.map((p) => [p.name, p]));
  const start = byName.get(name);
  if (!start) return [];
  const names = [...new Set([name, ...start.sourceChain])].reverse();
  return names.flatMap((n) => {
    const p = byName.get(n);
    return p?.roleArn ? [{ roleArn: p.roleArn, externalId: p.externalId, mfaSerial: p.mfaSerial, durationSeconds: p.durationSeconds }] : [];
  });
}

/** The last profile of the chain: the one whose keys (or credential source, SSO, process) sign the first call. */
function baseProfile(name: string, profiles: ProfileList | undefined): string | undefined {
  const byName = new Map(profiles?.profiles.map((p) => [p.name, p]));
  const start = byName.get(name);
  if (!start) return undefined;
  const chain = [name, ...start.sourceChain].filter((n) => byName.has(n));
  return chain[chain.length - 1];
}
