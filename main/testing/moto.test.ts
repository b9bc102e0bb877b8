import { describe, expect, it } from 'vitest';
import { findMotoServer, startMoto, xmlValue } from './moto';
import { describeWithMoto } from './motoSuite';

describeWithMoto('moto harness', (moto) => {
  it('enforces IAM policies once the bootstrap window is spent', async () => {
    const user = await moto().createUserWithKeys('harness-nobody');
    expect(user.arn).toBe('arn:aws:iam::123456789012:user/harness-nobody');
    await expect(moto().query('iam', { Action: 'ListUsers' }, user)).rejects.toThrow(/AccessDenied/);
    const users = await moto().query('iam', { Action: 'ListUsers' });
    expect(users).toContain('<UserName>harness-nobody</UserName>');
  });

  it('rejects a wrong secret with SignatureDoesNotMatch', async () => {
    const user = await moto().createUserWithKeys('harness-wrong');
    await expect(moto().query('sts', { Action: 'GetCallerIdentity' }, { ...user, secretAccessKey: 'wrong' })).rejects.toThrow(/SignatureDoesNotMatch/);
    const me = await moto().query('sts', { Action: 'GetCallerIdentity' }, user);
    expect(xmlValue(me, 'Arn')).toBe(user.arn);
  });
});

describe('startMoto', () => {
  it('stops the whole process group', async () => {
    if (!findMotoServer() && process.env.CI !== 'true') {
      console.warn('Skipping: moto_server is not on PATH.');
      return;
    }
    const server = await startMoto();
    if (!server) throw new Error('moto_server did not start');
    await server.stop();
    await expect(fetch(`${server.endpoint}/moto-api/data.json`)).rejects.toThrow();
    await server.stop(); // a second stop is harmless
  });

  it('returns null outside CI when moto_server is missing, and throws in CI', async () => {
    const path = process.env.PATH;
    const ci = process.env.CI;
    process.env.PATH = '/nonexistent';
    try {
      process.env.CI = 'false';
      await expect(startMoto()).resolves.toBeNull();
      process.env.CI = 'true';
      await expect(startMoto()).rejects.toThrow(/required in CI/);
    } finally {
      process.env.PATH = path;
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});
