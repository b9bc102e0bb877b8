// "Copy as TypeScript": an ES module for Node 20+. The AWS SDK v3 credential providers find the keys (fromIni for
// a profile, fromEnv, fromTemporaryCredentials for AssumeRole), @smithy/signature-v4 signs, fetch sends exactly
// the signed URL, headers and body. Only erasable type annotations are used, so Node's type stripping runs it.
import type { AuthChoice } from '../../models/auth';
import { stringExpression, stringLiteral, typescriptEnv, type Text } from './quote';
import { secretEnvComment } from './shellCredentials';
import type { SnippetBody, SnippetInput } from './snippetInput';

const ENV_HELPER = [
  'function env(name: string): string {',
  '  const value = process.env[name];',
  '  if (value === undefined) throw new Error(`Set the environment variable ${name} (a secret variable of this request).`);',
  '  return value;',
  '}',
];

const QUERY_HELPER = [
  '// SigV4 wants each query parameter separately; repeated keys become a list.',
  'const query: Record<string, string | string[]> = {};',
  'for (const [key, value] of url.searchParams) {',
  '  const seen = query[key];',
  '  query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];',
  '}',
];

const PRESIGNED_URL = [
  '// RFC 3986 encoding, as SigV4 encodes the query it signs.',
  "const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);",
  'const sendUrl = `${url.origin}${url.pathname}?${Object.entries(signed.query ?? {})',
  '  .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${encode(key)}=${encode(String(v))}`))',
  "  .join('&')}`;",
  'console.log(sendUrl); // the presigned URL',
];

export function typescriptSnippet(input: SnippetInput): string {
  const str = (value: Text | string) => stringExpression(value, typescriptEnv);
  const imports = new Map<string, Set<string>>();
  const use = (module: string, name: string) => imports.set(module, (imports.get(module) ?? new Set()).add(name));
  const code: string[] = [];

  if (input.signed) code.push(...credentialsCode(input, input.auth, str, use), '');
  code.push(`const method = ${stringLiteral(input.method)};`);
  code.push(`const url = new URL(${str(input.url)});`);
  code.push(
    input.headers.length === 0
      ? 'const headers: Record<string, string> = {};'
      : `const headers: Record<string, string> = {\n${input.headers.map(([name, value]) => `  ${stringLiteral(name)}: ${str(value)},`).join('\n')}\n};`,
  );
  const body = bodyExpression(input.body, str, use);
  code.push(`const body = ${body ?? 'undefined'};`);
  code.push('');
  if (input.signed) {
    use('@smithy/signature-v4', 'SignatureV4');
    use('@aws-crypto/sha256-js', 'Sha256');
    code.push(
      'const signer = new SignatureV4({',
      '  credentials,',
      `  region: ${stringLiteral(input.region)},`,
      `  service: ${stringLiteral(input.service)},`,
      '  sha256: Sha256,',
      // S3 signs the path as sent; every other service encodes it once more.
      `  uriEscapePath: ${!input.isS3},`,
      `  applyChecksum: ${input.contentSha}, // whether to send x-amz-content-sha256 with the body's hash`,
      '});',
      ...QUERY_HELPER,
      'const request = {',
      '  method,',
      '  protocol: url.protocol,',
      '  hostname: url.hostname,',
      '  port: url.port ? Number(url.port) : undefined,',
      '  path: url.pathname,',
      '  query,',
      '  headers: { ...headers, host: url.host },',
      '  body,',
      '};',
    );
    if (input.presign) {
      code.push(`const signed = await signer.presign(request, { expiresIn: ${input.expiresIn} });`, ...PRESIGNED_URL);
    } else {
      code.push('const signed = await signer.sign(request);', 'const sendUrl = url;');
    }
    code.push(
      '// fetch sets Host itself, to the same value that was signed.',
      'const { host: _host, ...sendHeaders } = signed.headers;',
      'const response = await fetch(sendUrl, { method, headers: sendHeaders, body, redirect: "manual" });',
    );
  } else {
    code.push('const response = await fetch(url, { method, headers, body, redirect: "manual" });');
  }
  code.push('console.log(response.status, response.statusText);', 'console.log(await response.text());');

  const packages = [...imports.keys()].filter((m) => m.startsWith('@'));
  const header = [
    '// Node.js 20+, an ES module: save as request.mts and run `npx tsx request.mts` (Node 22.18+: `node request.mts`).',
    ...(packages.length > 0 ? [`// npm install ${packages.sort().join(' ')}`] : []),
    ...secretEnvComment(input, '//'),
    ...input.notes.map((note) => `// Note: ${note}`),
  ];
  const importLines = [...imports]
    .sort(([a], [b]) => (a.startsWith('node:') ? 0 : 1) - (b.startsWith('node:') ? 0 : 1) || a.localeCompare(b))
    .map(([module, names]) => `import { ${[...names].sort().join(', ')} } from ${stringLiteral(module)};`);
  const helper = input.secretEnv.length > 0 ? ['', ...ENV_HELPER] : [];
  return `${[...header, ...importLines, ...helper, '', ...code].join('\n')}\n`;
}

function credentialsCode(
  input: SnippetInput,
  auth: AuthChoice,
  str: (value: Text | string) => string,
  use: (module: string, name: string) => void,
): string[] {
  const t = input.text;
  const providers = '@aws-sdk/credential-providers';
  if (auth.kind === 'profile') {
    use(providers, 'fromIni');
    return [`const credentials = fromIni({ profile: ${str(t(auth.profile))} });`];
  }
  const lines: string[] = [];
  const stored = (name: string) => `// The keys RoleCall keeps as ${stringLiteral(name)}: export them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`;
  if (auth.kind !== 'assumeRole') {
    use(providers, 'fromEnv');
    if (auth.kind === 'storedKeys') lines.push(stored(auth.name));
    return [...lines, 'const credentials = fromEnv(); // AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN'];
  }
  use(providers, 'fromTemporaryCredentials');
  let master: string;
  if (auth.base.kind === 'profile') {
    use(providers, 'fromIni');
    master = `fromIni({ profile: ${str(t(auth.base.profile))} })`;
  } else {
    use(providers, 'fromEnv');
    if (auth.base.kind === 'storedKeys') lines.push(stored(auth.base.name));
    master = 'fromEnv()';
  }
  const params = [`RoleArn: ${str(t(auth.roleArn))}`, `RoleSessionName: ${str(t(auth.sessionName ?? 'rolecall'))}`];
  if (auth.externalId) params.push(`ExternalId: ${str(t(auth.externalId))}`);
  if (auth.durationSeconds) params.push(`DurationSeconds: ${auth.durationSeconds}`);
  if (auth.mfaSerial) params.push(`SerialNumber: ${str(t(auth.mfaSerial))}`);
  const client = [`region: ${str(t(auth.stsRegion ?? input.region))}`];
  if (auth.stsEndpoint) client.push(`endpoint: ${str(t(auth.stsEndpoint))}`);
  lines.push(
    'const credentials = fromTemporaryCredentials({',
    `  params: { ${params.join(', ')} },`,
    `  masterCredentials: ${master},`,
    `  clientConfig: { ${client.join(', ')} },`,
  );
  if (auth.mfaSerial) {
    use('node:readline/promises', 'createInterface');
    lines.push(
      '  mfaCodeProvider: async (serial: string) => {',
      '    const prompt = createInterface({ input: process.stdin, output: process.stdout });',
      '    try {',
      '      return await prompt.question(`MFA code for ${serial}: `);',
      '    } finally {',
      '      prompt.close();',
      '    }',
      '  },',
    );
  }
  lines.push('});');
  return lines;
}

function bodyExpression(body: SnippetBody, str: (value: Text | string) => string, use: (module: string, name: string) => void): string | undefined {
  const file = (path: Text) => {
    use('node:fs/promises', 'readFile');
    return `await readFile(${str(path)})`;
  };
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'text':
      return str(body.text);
    case 'base64':
      return `Buffer.from(${stringLiteral(body.data)}, "base64")`;
    case 'file':
      return file(body.path);
    case 'parts':
      return `Buffer.concat([\n${body.parts.map((part) => `  ${'text' in part ? `Buffer.from(${str(part.text)})` : file(part.path)},`).join('\n')}\n])`;
  }
}
