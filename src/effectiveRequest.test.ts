import { describe, expect, it } from 'vitest';
import { effectiveRequest, inheritedAuth, maskSecrets, variableScopes } from './effectiveRequest';
import { signInputSchema } from './models/http';
import { collectionSchema, requestDocSchema, type FolderNode, type KeyValue, type RequestDoc } from './models/workspace';

const kv = (key: string, value: string, extra: Partial<KeyValue> = {}): KeyValue => ({
  id: `v-${key}`,
  key,
  value,
  enabled: true,
  secret: false,
  ...extra,
});

const doc = (over: Partial<RequestDoc> = {}): RequestDoc => requestDocSchema.parse({ id: 'req1', name: 'r', method: 'get', url: 'https://example.com/', ...over });

const folder = (name: string, over: Partial<FolderNode> = {}): FolderNode => ({
  kind: 'folder',
  id: `f-${name}`,
  name,
  auth: { type: 'inherit' },
  variables: [],
  items: [],
  ...over,
});

const collection = collectionSchema.parse({
  id: 'c1',
  name: 'Team API',
  auth: { type: 'profile', profile: 'base' },
  variables: [{ id: 'c-host', key: 'host', value: 'collection.example.com' }],
});

describe('inheritedAuth', () => {
  it('uses the request’s own auth when it does not inherit', () => {
    expect(inheritedAuth(doc({ auth: { type: 'env' } }), [folder('a', { auth: { type: 'none' } })], collection)).toEqual({
      auth: { type: 'env' },
      source: 'request',
    });
  });

  it('takes the innermost folder that sets auth', () => {
    const outer = folder('outer', { auth: { type: 'profile', profile: 'outer' } });
    const inner = folder('inner', { auth: { type: 'profile', profile: 'inner' } });
    const middle = folder('middle');
    expect(inheritedAuth(doc(), [outer, middle, inner], collection)).toEqual({
      auth: { type: 'profile', profile: 'inner' },
      source: 'folder "inner"',
    });
    expect(inheritedAuth(doc(), [outer, middle], collection).source).toBe('folder "outer"');
  });

  it('falls back to the collection, whose "inherit" means none', () => {
    expect(inheritedAuth(doc(), [folder('a')], collection)).toEqual({ auth: { type: 'profile', profile: 'base' }, source: 'collection "Team API"' });
    const inheriting = { ...collection, auth: { type: 'inherit' as const } };
    expect(inheritedAuth(doc(), [], inheriting)).toEqual({ auth: { type: 'none' }, source: 'collection "Team API"' });
    expect(inheritedAuth(doc(), [], undefined)).toEqual({ auth: { type: 'none' }, source: 'default' });
  });
});

describe('variableScopes', () => {
  it('orders environment, folders innermost first, then collection', () => {
    const scopes = variableScopes({
      environment: { id: 'e', name: 'stag', variables: [] },
      folders: [folder('outer'), folder('inner')],
      collection,
    });
    expect(scopes.map((s) => s.label)).toEqual(['environment "stag"', 'folder "inner"', 'folder "outer"', 'collection "Team API"']);
  });
});

describe('effectiveRequest', () => {
  it('resolves every text field, the environment winning over folders and the collection', () => {
    const result = effectiveRequest({
      doc: doc({
        method: 'post',
        url: 'https://{{host}}/{{stage}}/items?q={{q}}',
        headers: [kv('X-Team', '{{team}}'), kv('X-Off', 'x', { enabled: false }), kv('', 'ignored')],
        body: { mode: 'raw', language: 'json', text: '{"q":"{{q}}"}' },
        auth: {
          type: 'assumeRole',
          base: { kind: 'profile', profile: '{{baseProfile}}' },
          roleArn: 'arn:aws:iam::{{account}}:role/Api',
          sessionName: '{{team}}-session',
          externalId: '',
          durationSeconds: '{{duration}}',
          mfaSerial: '',
          stsRegion: '{{region}}',
          stsEndpoint: '',
        },
        signing: { region: '{{region}}', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 },
      }),
      folders: [folder('orders', { variables: [kv('stage', 'prod'), kv('team', 'folder-team')] })],
      collection,
      environment: {
        id: 'e',
        name: 'stag',
        variables: [kv('stage', 'stag'), kv('q', 'widgets'), kv('team', 'blue'), kv('baseProfile', 'base'), kv('account', '111111111111'), kv('duration', '1800'), kv('region', 'eu-west-1')],
      },
    });
    expect(result.unresolved).toEqual([]);
    expect(result.authSource).toBe('request');
    expect(result.sign).toEqual({
      request: {
        method: 'POST',
        url: 'https://collection.example.com/stag/items?q=widgets',
        headers: [
          ['X-Team', 'blue'],
          ['Content-Type', 'application/json'],
        ],
        body: { kind: 'text', text: '{"q":"widgets"}' },
      },
      auth: {
        kind: 'assumeRole',
        base: { kind: 'profile', profile: 'base' },
        roleArn: 'arn:aws:iam::111111111111:role/Api',
        sessionName: 'blue-session',
        durationSeconds: 1800,
        stsRegion: 'eu-west-1',
      },
      signing: { payload: 'signed', mode: 'header', expiresIn: 900, region: 'eu-west-1', service: 'execute-api' },
    });
    expect(result.uses.find((u) => u.name === 'host')?.scope).toBe('collection "Team API"');
    expect(result.uses.find((u) => u.name === 'stage')?.scope).toBe('environment "stag"');
    // What main would receive passes the contract's own schema.
    expect(signInputSchema.safeParse(result.sign).success).toBe(true);
  });

  it('reports unresolved names once and leaves them in place', () => {
    const result = effectiveRequest({ doc: doc({ url: 'https://{{host}}/{{missing}}/{{missing}}', headers: [kv('X-A', '{{other}}')] }), folders: [], collection });
    expect(result.unresolved.sort()).toEqual(['missing', 'other']);
    expect(result.sign.request.url).toBe('https://collection.example.com/{{missing}}/{{missing}}');
  });

  it('keeps a Content-Type the user typed and omits empty signing overrides', () => {
    const result = effectiveRequest({
      doc: doc({ headers: [kv('content-type', 'application/vnd.api+json')], body: { mode: 'raw', language: 'json', text: '{}' } }),
      folders: [],
    });
    expect(result.sign.request.headers).toEqual([['content-type', 'application/vnd.api+json']]);
    expect(result.sign.signing).toEqual({ payload: 'signed', mode: 'header', expiresIn: 900 });
    expect(result.sign.auth).toEqual({ kind: 'none' });
    expect(result.authSource).toBe('default');
  });

  it('form-encodes url-encoded fields, skipping disabled ones', () => {
    const result = effectiveRequest({
      doc: doc({ body: { mode: 'urlencoded', fields: [kv('Action', 'GetCallerIdentity'), kv('Version', '2011-06-15'), kv('Off', '1', { enabled: false }), kv('sp ace', 'a&b')] } }),
      folders: [],
    });
    expect(result.sign.request.body).toEqual({ kind: 'text', text: 'Action=GetCallerIdentity&Version=2011-06-15&sp+ace=a%26b' });
    expect(result.sign.request.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
  });

  it('signs only the URL: switched-off query params are kept with the request but never sent', () => {
    const result = effectiveRequest({ doc: doc({ url: 'https://example.com/items?live=1', disabledParams: [{ key: 'off', value: 'secret-ish' }] }), folders: [] });
    expect(result.sign.request.url).toBe('https://example.com/items?live=1');
    expect(JSON.stringify(result.sign)).not.toContain('secret-ish');
  });

  it('reads a stored request from before disabled params existed as having none', () => {
    expect(doc().disabledParams).toEqual([]);
  });

  it('frames multipart text parts inline and leaves file parts for main to read', () => {
    const parts = [
      { id: 'p1', key: 'note', enabled: true, kind: 'text' as const, value: 'hi {{who}}' },
      { id: 'p2', key: 'upload', enabled: true, kind: 'file' as const, value: '/tmp/{{file}}', contentType: 'image/png' },
    ];
    const env = { id: 'e', name: 'e', variables: [kv('who', 'bob'), kv('file', 'a.png')] };
    const result = effectiveRequest({ doc: doc({ body: { mode: 'multipart', parts } }), folders: [], environment: env });
    const boundary = '----RoleCallFormBoundaryreq1';
    expect(result.sign.request.headers).toEqual([['Content-Type', `multipart/form-data; boundary=${boundary}`]]);
    expect(result.sign.request.body).toEqual({
      kind: 'parts',
      parts: [
        {
          text:
            `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi bob\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        },
        { path: '/tmp/a.png' },
        { text: `\r\n--${boundary}--\r\n` },
      ],
    });
    const textOnly = effectiveRequest({ doc: doc({ body: { mode: 'multipart', parts: [parts[0]!] } }), folders: [], environment: env });
    expect(textOnly.sign.request.body).toEqual({ kind: 'text', text: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi bob\r\n--${boundary}--\r\n` });
  });

  it('sends a file body by path with its content type', () => {
    const result = effectiveRequest({ doc: doc({ body: { mode: 'file', path: ' /data/x.bin ', contentType: 'application/octet-stream' } }), folders: [] });
    expect(result.sign.request.body).toEqual({ kind: 'file', path: '/data/x.bin' });
    expect(result.sign.request.headers).toEqual([['Content-Type', 'application/octet-stream']]);
  });

  it('passes a duration that is not a number on for main to reject', () => {
    const auth = {
      type: 'assumeRole' as const,
      base: { kind: 'env' as const },
      roleArn: 'arn:aws:iam::111111111111:role/R',
      sessionName: '',
      externalId: '',
      durationSeconds: 'soon',
      mfaSerial: '',
      stsRegion: '',
      stsEndpoint: '',
    };
    const result = effectiveRequest({ doc: doc({ auth }), folders: [] });
    expect(signInputSchema.safeParse(result.sign).success).toBe(false);
  });

  it('masks secret variables in the URL it reports', () => {
    const env = { id: 'e', name: 'prod', variables: [kv('token', 's3cr3t', { secret: true }), kv('host', 'api.example.com')] };
    const result = effectiveRequest({ doc: doc({ url: 'https://{{host}}/?t={{token}}' }), folders: [], environment: env });
    expect(result.sign.request.url).toBe('https://api.example.com/?t=s3cr3t');
    expect(result.maskedUrl).toBe('https://api.example.com/?t=••••••');
    expect(result.maskedUrl).not.toContain('s3cr3t');
    expect(maskSecrets('{{nothing}}', result.scopes)).toBe('{{nothing}}');
  });
});
