// `rolecall login` as a user runs it: the bundled bin in a child process prints the URL and code, the test approves
// the code at the loopback IAM Identity Center, and the token lands in the AWS CLI's cache under HOME.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../testing/cliRunner';
import { startSsoPortal, type SsoPortal } from '../testing/ssoPortal';

describe('rolecall login', () => {
  let bin: string;
  let dir: string;
  let portal: SsoPortal;

  beforeAll(async () => {
    ({ bin, dir } = await buildCli('rolecall-login-'));
    portal = await startSsoPortal({ accountId: '1', roleName: 'r', roleCredentials: { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't' }, interval: 1 });
  });
  afterAll(async () => {
    await portal.close();
    await rm(dir, { recursive: true, force: true });
  });

  function login(home: string, approve: boolean) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [bin, 'login', '--profile', 'legacy'], {
        env: { PATH: process.env.PATH ?? '', HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_ENDPOINT_URL_SSO_OIDC: portal.endpoint },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const killer = setTimeout(() => child.kill(), 20_000);
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const code = /Code: (\S+)/.exec(stderr)?.[1];
        if (code && approve) portal.approve(code);
        if (code && !approve) portal.deny(code);
      });
      child.on('error', fail);
      child.on('close', (exit) => {
        clearTimeout(killer);
        done({ code: exit, stdout, stderr });
      });
    });
  }

  it('prints the URL and code, waits for the approval and writes the token file', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    await writeFile(join(home, 'config'), '[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n');
    const run = await login(home, true);
    expect(run.stderr).toMatch(/user_code=/);
    expect(run.stdout).toContain('Signed in to https://legacy.awsapps.com/start');
    expect(run.code).toBe(0);
    expect(await readdir(join(home, '.aws', 'sso', 'cache'))).toContain('79e435d7a515078e81c9dffc35f38d5687ebd3a7.json');
    expect(run.stdout + run.stderr).not.toMatch(/secret-|aoa[0-9a-f]/);
  });

  it('exits 1 when the sign-in is denied', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    await writeFile(join(home, 'config'), '[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n');
    const run = await login(home, false);
    expect(run.stdout).toContain('denied');
    expect(run.code).toBe(1);
  });
});
