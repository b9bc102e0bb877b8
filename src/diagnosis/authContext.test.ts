import { describe, expect, it } from 'vitest';
import type { ProfileList, ProfileSummary } from '../models/profile';
import { assumeRoleContext } from './authContext';

const DEPLOY = 'arn:aws:iam::111111111111:role/ApiInvoker';
const OPS = 'arn:aws:iam::333333333333:role/Ops';
const MFA = 'arn:aws:iam::222222222222:mfa/me';

function profile(p: Partial<ProfileSummary> & { name: string }): ProfileSummary {
  return { kind: 'static', sourceChain: [p.name], definedIn: ['config'], isDefault: false, problems: [], ...p };
}

const profiles: ProfileList = {
  profiles: [
    profile({ name: 'base' }),
    profile({ name: 'deploy', kind: 'assumeRole', roleArn: DEPLOY, sourceProfile: 'base', sourceChain: ['deploy', 'base'], externalId: 'secret-ext', durationSeconds: 1800 }),
    profile({ name: 'ops', kind: 'assumeRole', roleArn: OPS, sourceProfile: 'deploy', sourceChain: ['ops', 'deploy', 'base'], mfaSerial: MFA }),
  ],
  defaultProfile: 'default',
  files: { config: 'config', credentials: 'credentials' },
  problems: [],
  environmentCredentials: false,
};

describe('assumeRoleContext', () => {
  it('names the profile the base credentials come from, also under an explicit assume-role', () => {
    expect(assumeRoleContext({ kind: 'assumeRole', base: { kind: 'profile', profile: 'base' }, roleArn: DEPLOY }, profiles)).toEqual({ roleArn: DEPLOY, externalId: false, baseProfile: 'base' });
    expect(assumeRoleContext({ kind: 'profile', profile: 'ops' }, profiles, OPS).baseProfile).toBe('base');
  });

  it('reads an explicit assume-role auth, saying only whether an external ID was sent', () => {
    const ctx = assumeRoleContext({ kind: 'assumeRole', base: { kind: 'env' }, roleArn: DEPLOY, externalId: 'the-value', mfaSerial: MFA, durationSeconds: 900 }, profiles);
    expect(ctx).toEqual({ roleArn: DEPLOY, externalId: true, mfaSerial: MFA, durationSeconds: 900 });
    expect(JSON.stringify(ctx)).not.toContain('the-value');
    expect(assumeRoleContext({ kind: 'assumeRole', base: { kind: 'env' }, roleArn: DEPLOY }, undefined)).toEqual({ roleArn: DEPLOY, externalId: false });
  });

  it('finds the role of a role_arn profile in the profile list, never its external ID value', () => {
    const ctx = assumeRoleContext({ kind: 'profile', profile: 'deploy' }, profiles);
    expect(ctx).toEqual({ roleArn: DEPLOY, externalId: true, durationSeconds: 1800, baseProfile: 'base' });
    expect(JSON.stringify(ctx)).not.toContain('secret-ext');
  });

  it('in a chain of roles, takes the hop STS refused; without knowing which, claims nothing', () => {
    expect(assumeRoleContext({ kind: 'profile', profile: 'ops' }, profiles, DEPLOY)).toEqual({ roleArn: DEPLOY, externalId: true, durationSeconds: 1800, baseProfile: 'base' });
    // The second hop is called by the first role's session, not by the base profile.
    expect(assumeRoleContext({ kind: 'profile', profile: 'ops' }, profiles, OPS)).toEqual({ roleArn: OPS, externalId: false, mfaSerial: MFA, baseProfile: 'base', sourceRoleArn: DEPLOY });
    expect(assumeRoleContext({ kind: 'profile', profile: 'ops' }, profiles)).toEqual({ baseProfile: 'base' });
    // An assume-role auth on top of a role profile: the base profile's role may be the one refused.
    const stacked = { kind: 'assumeRole', base: { kind: 'profile', profile: 'deploy' }, roleArn: OPS } as const;
    expect(assumeRoleContext(stacked, profiles, DEPLOY)).toMatchObject({ roleArn: DEPLOY });
    expect(assumeRoleContext(stacked, profiles, OPS)).toEqual({ roleArn: OPS, externalId: false, baseProfile: 'base', sourceRoleArn: DEPLOY });
  });

  it('claims no role for auth that assumes none, an unknown profile, or a role it did not ask for', () => {
    expect(assumeRoleContext({ kind: 'profile', profile: 'base' }, profiles)).toEqual({ baseProfile: 'base' });
    expect(assumeRoleContext({ kind: 'profile', profile: 'missing' }, profiles)).toEqual({});
    expect(assumeRoleContext({ kind: 'profile', profile: 'deploy' }, undefined)).toEqual({});
    expect(assumeRoleContext({ kind: 'env' }, profiles)).toEqual({});
    expect(assumeRoleContext(undefined, profiles)).toEqual({});
    expect(assumeRoleContext({ kind: 'profile', profile: 'deploy' }, profiles, OPS)).toEqual({ baseProfile: 'base' });
    expect(assumeRoleContext({ kind: 'assumeRole', base: { kind: 'storedKeys', name: 'k' }, roleArn: DEPLOY }, profiles)).toEqual({ roleArn: DEPLOY, externalId: false });
  });
});
