// What history keeps of a response: never a body holding credentials (STS, IAM Identity Center, Cognito; also
// compressed), cookie and credential header values masked, the body cut to 1 MiB and marked.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { StoredResponseInput } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES } from '../../src/models/historyResponseLimits';
import { guardStoredResponse } from './historyResponseGuard';

const entry = { id: 'h1', at: '2026-01-01T00:00:00.000Z' };
const input = (body: string | Buffer, headers: Array<[string, string]> = []): StoredResponseInput => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status: 200, statusText: 'OK', headers, bodyBase64: bytes.toString('base64'), size: bytes.length };
};

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN+abc/def==';

const credentialBodies: Array<[string, string]> = [
  [
    'STS AssumeRole (XML)',
    `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${TOKEN}</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
  ],
  ['STS (JSON protocol)', JSON.stringify({ Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: SECRET, SessionToken: TOKEN } })],
  ['IAM Identity Center GetRoleCredentials', JSON.stringify({ roleCredentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: 1 } })],
  ['SSO OIDC CreateToken', JSON.stringify({ accessToken: TOKEN, tokenType: 'Bearer', expiresIn: 3600, refreshToken: TOKEN })],
  ['SSO OIDC RegisterClient', JSON.stringify({ clientId: 'abc', clientSecret: TOKEN })],
  ['Cognito GetCredentialsForIdentity', JSON.stringify({ Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretKey: SECRET, SessionToken: TOKEN } })],
  ['instance metadata credentials', JSON.stringify({ Code: 'Success', AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: SECRET, Token: TOKEN })],
];

describe('a response as history keeps it', () => {
  for (const [what, body] of credentialBodies) {
    it(`keeps no body for ${what}`, () => {
      const kept = guardStoredResponse(entry, input(body, [['content-type', 'text/xml']]));
      expect(kept.bodyBase64).toBe('');
      expect(kept.withheld).toMatch(/holds credentials/);
      expect(JSON.stringify(kept)).not.toContain(SECRET);
      expect(JSON.stringify(kept)).not.toContain(TOKEN);
      expect(kept.status).toBe(200);
    });
  }

  it('keeps no body when a gzip-compressed answer holds credentials, or when it cannot be checked', () => {
    const gz = zlib.gzipSync(credentialBodies[0]![1]);
    const kept = guardStoredResponse(entry, input(gz, [['Content-Encoding', 'gzip']]));
    expect(kept.withheld).toMatch(/SecretAccessKey/);
    const unknown = guardStoredResponse(entry, input(Buffer.from('not really compressed'), [['Content-Encoding', 'zstd']]));
    expect(unknown.withheld).toMatch(/compressed \(zstd\)/);
    const plainGzip = guardStoredResponse(entry, input(zlib.gzipSync('{"orders":[1,2,3]}'), [['Content-Encoding', 'gzip']]));
    expect(plainGzip.withheld).toBeUndefined();
    expect(plainGzip.bodyBase64).not.toBe('');
  });

  it('keeps an ordinary body whole, and names the fields it looked at only when one is present', () => {
    const kept = guardStoredResponse(entry, input('{"orders":[{"id":1,"token_count":3}]}'));
    expect(Buffer.from(kept.bodyBase64, 'base64').toString()).toBe('{"orders":[{"id":1,"token_count":3}]}');
    expect(kept.withheld).toBeUndefined();
    expect(kept.truncated).toBe(false);
  });

  it('masks cookie and credential header values, keeping names and cookie attributes', () => {
    const kept = guardStoredResponse(
      entry,
      input('ok', [
        ['Set-Cookie', 'session=abc123secretvalue; Path=/; HttpOnly'],
        ['x-amz-security-token', TOKEN],
        ['content-type', 'text/plain'],
      ]),
    );
    expect(kept.headers).toEqual([
      ['Set-Cookie', 'session=«redacted»; Path=/; HttpOnly'],
      ['x-amz-security-token', '«redacted»'],
      ['content-type', 'text/plain'],
    ]);
  });

  it('keeps the first 1 MiB of a longer body and says how long it was', () => {
    const long = Buffer.alloc(HISTORY_RESPONSE_BODY_BYTES + 10, 0x61);
    const kept = guardStoredResponse(entry, { ...input(long.subarray(0, HISTORY_RESPONSE_BODY_BYTES)), size: 5 * 1024 * 1024 });
    expect(Buffer.from(kept.bodyBase64, 'base64').length).toBe(HISTORY_RESPONSE_BODY_BYTES);
    expect(kept.size).toBe(5 * 1024 * 1024);
    expect(kept.truncated).toBe(true);
  });
});
