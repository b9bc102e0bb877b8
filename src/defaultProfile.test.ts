import { describe, expect, it } from 'vitest';
import type { ProfileList, ProfileSummary } from './models/profile';
import { defaultProfileName, newRequestAuth, pickedProfile } from './defaultProfile';

function profile(name: string, extra: Partial<ProfileSummary> = {}): ProfileSummary {
  return { name, kind: 'static', sourceChain: [name], definedIn: ['credentials'], isDefault: false, problems: [], ...extra };
}

function list(names: ProfileSummary[], defaultProfile = 'default'): ProfileList {
  return { profiles: names, defaultProfile, files: { config: '/c', credentials: '/k' }, problems: [], environmentCredentials: false };
}

describe('the default profile', () => {
  it("is AWS_PROFILE's when it exists, else the first usable one", () => {
    expect(defaultProfileName(list([profile('dev'), profile('ops')], 'ops'))).toBe('ops');
    expect(defaultProfileName(list([profile('default'), profile('dev')]))).toBe('default');
    expect(defaultProfileName(list([profile('broken', { problems: ['source_profile x does not exist'] }), profile('half', { kind: 'incomplete' }), profile('dev')]))).toBe('dev');
    expect(defaultProfileName(list([profile('dev')], 'gone'))).toBe('dev');
    expect(defaultProfileName(list([]))).toBeUndefined();
    expect(defaultProfileName(undefined)).toBeUndefined();
  });

  it('signs a new request with it, not "no auth"; with no profile at all nothing signs', () => {
    expect(newRequestAuth(list([profile('default')]))).toEqual({ type: 'profile', profile: 'default' });
    expect(newRequestAuth(list([]))).toEqual({ type: 'none' });
  });

  it('prefers the profile remembered for the collection while it exists', () => {
    const profiles = list([profile('default'), profile('stag')]);
    expect(newRequestAuth(profiles, 'stag')).toEqual({ type: 'profile', profile: 'stag' });
    expect(newRequestAuth(profiles, 'deleted')).toEqual({ type: 'profile', profile: 'default' });
    expect(newRequestAuth(profiles, '{{profile}}')).toEqual({ type: 'profile', profile: '{{profile}}' });
  });

  it('remembers a pick only when the user chose a different profile', () => {
    expect(pickedProfile({ type: 'none' }, { type: 'profile', profile: 'stag' })).toBe('stag');
    expect(pickedProfile({ type: 'profile', profile: 'a' }, { type: 'profile', profile: 'b' })).toBe('b');
    expect(pickedProfile({ type: 'profile', profile: 'a' }, { type: 'profile', profile: 'a' })).toBeUndefined();
    expect(pickedProfile({ type: 'profile', profile: 'a' }, { type: 'profile', profile: '' })).toBeUndefined();
    expect(pickedProfile({ type: 'profile', profile: 'a' }, { type: 'env' })).toBeUndefined();
  });
});
