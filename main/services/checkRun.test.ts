import { describe, expect, it } from 'vitest';
import { appError } from '../../src/errors';
import type { Identity } from '../../src/models/auth';
import { createIdentityCache, needsIdentity } from './checkRun';
import { checkSchema } from '../../src/models/checks';

const identity = (keyId: string, arn: string): Identity => ({ arn, account: arn.split(':')[4]!, userId: 'U', accessKeyId: keyId, hops: [], cached: true });

function fakeCredentials(keyId: { current: string }, fail = false) {
  const calls = { whoami: 0 };
  return {
    calls,
    resolve: async () => ({ credentials: { accessKeyId: keyId.current } }),
    whoami: async () => {
      calls.whoami++;
      if (fail) throw appError('STS_ACCESS_DENIED', 'STS refused GetCallerIdentity.');
      return identity(keyId.current, `arn:aws:sts::111111111111:assumed-role/R/${keyId.current}`);
    },
  };
}

describe('createIdentityCache', () => {
  const auth = { kind: 'profile', profile: 'api' } as const;

  it('asks STS once per set of credentials, and again when they change', async () => {
    const keyId = { current: 'ASIA1' };
    const credentials = fakeCredentials(keyId);
    const cache = createIdentityCache(credentials);
    expect(await cache.signedAs(auth)).toEqual({ arn: 'arn:aws:sts::111111111111:assumed-role/R/ASIA1', account: '111111111111' });
    await cache.signedAs(auth);
    expect(credentials.calls.whoami).toBe(1);
    keyId.current = 'ASIA2';
    expect((await cache.signedAs(auth)).arn).toContain('/ASIA2');
    expect(credentials.calls.whoami).toBe(2);
  });

  it('uses what "Who am I?" already learned', async () => {
    const credentials = fakeCredentials({ current: 'ASIA3' });
    const cache = createIdentityCache(credentials);
    cache.remember(identity('ASIA3', 'arn:aws:iam::111111111111:user/alice'));
    expect(await cache.signedAs(auth)).toEqual({ arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111' });
    expect(credentials.calls.whoami).toBe(0);
  });

  it('says why the identity is unknown: unsigned, or STS refused', async () => {
    const cache = createIdentityCache(fakeCredentials({ current: 'ASIA4' }, true));
    expect(await cache.signedAs({ kind: 'none' })).toEqual({ problem: 'the request was not signed, so it has no AWS identity' });
    expect((await cache.signedAs(auth)).problem).toBe('who this request was signed as could not be asked of STS: STS refused GetCallerIdentity.');
  });
});

describe('needsIdentity', () => {
  it('is true only for an enabled identity check', () => {
    const identityCheck = checkSchema.parse({ id: 'a', kind: 'identity', expect: '111111111111' });
    expect(needsIdentity([identityCheck])).toBe(true);
    expect(needsIdentity([{ ...identityCheck, enabled: false }, checkSchema.parse({ id: 'b', kind: 'status', expect: '200' })])).toBe(false);
  });
});
