import { describe, expect, it } from 'vitest';
import type { ProfileList } from '../../src/models/profile';
import type { RequestDoc } from '../../src/models/workspace';
import { staleReason } from './staleResponse';

const draft: RequestDoc = {
  id: 'r',
  name: 'Orders',
  method: 'GET',
  url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/orders',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'profile', profile: 'dev' },
  signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
  disabledParams: [],
} as unknown as RequestDoc;
const profiles = (names: string[]): ProfileList => ({
  profiles: names.map((name) => ({ name, kind: 'static', sourceChain: [name], definedIn: ['credentials'], isDefault: name === 'default', problems: [] })),
  defaultProfile: 'default',
  files: { config: '/c', credentials: '/k' },
  problems: [],
  environmentCredentials: false,
});

describe('stale response', () => {
  it('is current while the request is the one sent, renamed or not', () => {
    expect(staleReason({ draft }, { draft })).toBeUndefined();
    expect(staleReason({ draft }, { draft: { ...draft, name: 'Renamed' } })).toBeUndefined();
  });

  it('is stale once the URL, auth or signing changes, and current again when the URL is typed back', () => {
    expect(staleReason({ draft }, { draft: { ...draft, url: `${draft.url}?x=1` } })).toBe('edited');
    expect(staleReason({ draft }, { draft: { ...draft, auth: { type: 'profile', profile: 'dev' } } })).toBe('edited');
    expect(staleReason({ draft }, { draft: { ...draft, signing: { ...draft.signing, region: 'us-east-1' } } })).toBe('edited');
    expect(staleReason({ draft }, { draft: { ...draft, url: `${draft.url}` } })).toBeUndefined();
  });

  it('is stale when the AWS files were read again with a different result', () => {
    const before = profiles(['default', 'dev']);
    expect(staleReason({ draft, profiles: before }, { draft, profiles: profiles(['default', 'dev']) })).toBeUndefined();
    expect(staleReason({ draft, profiles: before }, { draft, profiles: profiles(['default', 'dev', 'ops']) })).toBe('awsFiles');
  });

  it('is stale after main reported an AWS file change, even when the profile list reads the same (a rotated key)', () => {
    const list = profiles(['default']);
    expect(staleReason({ draft, profiles: list, filesVersion: 2 }, { draft, profiles: profiles(['default']), filesVersion: 2 })).toBeUndefined();
    expect(staleReason({ draft, profiles: list, filesVersion: 2 }, { draft, profiles: profiles(['default']), filesVersion: 3 })).toBe('awsFiles');
  });
});
