import { describe, expect, it } from 'vitest';
import type { AuthChoice } from '../../models/auth';
import { effectiveRequest } from '../../effectiveRequest';
import { requestDocSchema, environmentSchema } from '../../models/workspace';
import { COPY_AS_KINDS, copyAs, copyAsInputFrom, type CopyAsInput } from './copyAs';
import { sigv4QueryOrder } from './curl';

const URL_ = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?b=2&a=1';
const ROLE: AuthChoice = {
  kind: 'assumeRole',
  base: { kind: 'profile', profile: 'dev' },
  roleArn: 'arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag',
  sessionName: 'me',
  externalId: 'ext-42',
  stsRegion: 'ap-northeast-1',
};
const post = (auth: AuthChoice, extra: Partial<CopyAsInput> = {}): CopyAsInput => ({
  request: { method: 'POST', url: URL_, headers: [['Content-Type', 'application/json']], body: { kind: 'text', text: '{"a":"it\'s"}' } },
  auth,
  ...extra,
});

describe('copy as curl', () => {
  it('signs with --aws-sigv4 and reads keys and token from the environment, with how to fill them from the profile', () => {
    const { text } = copyAs('curl', post({ kind: 'profile', profile: 'dev' }));
    expect(text).toContain('eval "$(aws configure export-credentials --profile dev --format env)"');
    expect(text).toContain('curl --aws-sigv4 "aws:amz:eu-west-1:execute-api"');
    expect(text).toContain('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    expect(text).toContain('-H "x-amz-security-token: $AWS_SESSION_TOKEN"');
    expect(text).toContain(`--data-raw '{"a":"it'\\''s"}'`);
    expect(text).toMatch(/'https:\/\/abc123\.execute-api\.eu-west-1\.amazonaws\.com\/prod\/items\?a=1&b=2'\n$/);
  });

  it('shows the assume-role command (role ARN, session name, external id, STS region) for an assumed role', () => {
    const { text } = copyAs('curl', post(ROLE));
    expect(text).toContain(
      "aws sts assume-role --profile dev --role-arn arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag --role-session-name me --external-id ext-42 --region ap-northeast-1",
    );
    expect(text).toContain('export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN');
  });

  it('uses -X only when curl would not choose the method itself, --head for HEAD, and refers to body files by path', () => {
    expect(copyAs('curl', { request: { method: 'GET', url: URL_ }, auth: { kind: 'env' } }).text).not.toContain('-X');
    expect(copyAs('curl', { request: { method: 'HEAD', url: URL_ }, auth: { kind: 'env' } }).text).toContain('--head');
    const file = copyAs('curl', { request: { method: 'PUT', url: URL_, body: { kind: 'file', path: "/tmp/my file's.bin" } }, auth: { kind: 'env' } }).text;
    expect(file).toContain('-X PUT');
    expect(file).toContain(`--data-binary @'/tmp/my file'\\''s.bin'`);
    expect(file).toContain("-H 'Content-Type:'");
  });

  it('says what curl cannot do: presigning, x-amz-content-sha256 for services other than s3', () => {
    const { notes } = copyAs('curl', post({ kind: 'env' }, { signing: { mode: 'query', service: 'aoss', contentSha256Header: true } }));
    expect(notes.join('\n')).toMatch(/cannot presign/);
    expect(notes.join('\n')).toMatch(/x-amz-content-sha256/);
  });

  it('sends no signing options when the request is not signed', () => {
    const { text } = copyAs('curl', post({ kind: 'none' }));
    expect(text).not.toContain('aws-sigv4');
    expect(text).toContain('?b=2&a=1'); // unsigned: the query stays as typed
  });

  it('writes the query in SigV4 order with every "=" (curl 7.x signs it as written)', () => {
    expect(sigv4QueryOrder('https://h/p?b=2&a=1&flag&a=0#frag')).toBe('https://h/p?a=0&a=1&b=2&flag=#frag');
    expect(sigv4QueryOrder('https://h/p')).toBe('https://h/p');
  });
});

describe('copy as awscurl', () => {
  it('names service, region and profile, then method, headers, data and URL', () => {
    const { text } = copyAs('awscurl', post({ kind: 'profile', profile: 'dev' }));
    expect(text).toBe(
      [
        'awscurl --service execute-api \\',
        '  --region eu-west-1 \\',
        '  --profile dev \\',
        '  -X POST \\',
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"a":"it'\\''s"}' \\`,
        `  '${URL_}'`,
        '',
      ].join('\n'),
    );
  });

  it('prepares an assumed role in a comment (awscurl cannot assume roles) and notes an unsigned payload', () => {
    const { text, notes } = copyAs('awscurl', post(ROLE, { signing: { payload: 'unsigned' } }));
    expect(text).toContain('aws sts assume-role --profile dev');
    expect(text).not.toContain('--profile dev \\');
    expect(notes.join('\n')).toMatch(/UNSIGNED-PAYLOAD/);
  });
});

describe('copy as Python', () => {
  it('uses the profile, botocore SigV4Auth and requests', () => {
    const { text } = copyAs('python', post({ kind: 'profile', profile: 'dev' }));
    expect(text).toContain('session = boto3.Session(profile_name="dev")');
    expect(text).toContain('SigV4Auth(credentials, "execute-api", "eu-west-1").add_auth(signed)');
    expect(text).toContain(`body = "{\\"a\\":\\"it's\\"}".encode("utf-8")`);
    expect(text).toContain('print(response.status_code, response.reason)');
  });

  it('assumes the role with RoleArn, RoleSessionName and ExternalId through the regional STS', () => {
    const { text } = copyAs('python', post(ROLE));
    expect(text).toContain('sts = session.client("sts", region_name="ap-northeast-1")');
    expect(text).toContain('RoleArn="arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag"');
    expect(text).toContain('RoleSessionName="me"');
    expect(text).toContain('ExternalId="ext-42"');
  });

  it('presigns with SigV4QueryAuth in query mode', () => {
    expect(copyAs('python', post({ kind: 'env' }, { signing: { mode: 'query', expiresIn: 60 } })).text).toContain('SigV4QueryAuth(credentials, "execute-api", "eu-west-1", expires=60)');
  });
});

describe('copy as TypeScript', () => {
  it('uses fromIni, SignatureV4 with Sha256, and fetch', () => {
    const { text } = copyAs('typescript', post({ kind: 'profile', profile: 'dev' }));
    expect(text).toContain('const credentials = fromIni({ profile: "dev" });');
    expect(text).toContain('import { SignatureV4 } from "@smithy/signature-v4";');
    expect(text).toContain('import { Sha256 } from "@aws-crypto/sha256-js";');
    expect(text).toContain('await fetch(sendUrl, { method, headers: sendHeaders, body, redirect: "manual" })');
  });

  it('assumes the role with fromTemporaryCredentials over the base profile', () => {
    const { text } = copyAs('typescript', post(ROLE));
    expect(text).toContain('RoleArn: "arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag", RoleSessionName: "me", ExternalId: "ext-42"');
    expect(text).toContain('masterCredentials: fromIni({ profile: "dev" })');
    expect(text).toContain('clientConfig: { region: "ap-northeast-1" }');
  });
});

describe('every kind', () => {
  it('leaves REGION and SERVICE placeholders, with a note, for a custom domain without them', () => {
    for (const kind of COPY_AS_KINDS) {
      const { text, notes } = copyAs(kind, { request: { method: 'GET', url: 'https://api.example.com/x' }, auth: { kind: 'env' } });
      expect(text).toContain('REGION');
      expect(notes).toHaveLength(2);
    }
  });

  it('never prints a secret variable value, wherever the request uses it', () => {
    const doc = requestDocSchema.parse({
      id: 'r1',
      name: 'r',
      method: 'POST',
      url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/{{path}}?key={{apiKey}}',
      headers: [{ id: 'h', key: 'X-Api-Key', value: 'Bearer {{apiKey}}' }],
      body: { mode: 'raw', language: 'text', text: 'token={{apiKey}}' },
      auth: { type: 'assumeRole', base: { kind: 'profile', profile: 'dev' }, roleArn: 'arn:aws:iam::111111111111:role/R', externalId: '{{externalId}}' },
    });
    const environment = environmentSchema.parse({
      id: 'e',
      name: 'stag',
      variables: [
        { id: 'v1', key: 'apiKey', value: 'sk-LIVE-123', secret: true },
        { id: 'v2', key: 'externalId', value: 'ext-SECRET-9', secret: true },
        { id: 'v3', key: 'path', value: 'items', secret: false },
      ],
    });
    const input = copyAsInputFrom(effectiveRequest({ doc, folders: [], environment }));
    for (const kind of COPY_AS_KINDS) {
      const { text, secretEnv } = copyAs(kind, input);
      expect(text).not.toContain('sk-LIVE-123');
      expect(text).not.toContain('ext-SECRET-9');
      expect(text).toContain('/prod/items');
      expect(secretEnv).toEqual(['APIKEY', 'EXTERNALID']);
      expect(text).toContain('APIKEY');
    }
  });
});
