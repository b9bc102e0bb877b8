// "Copy as Python": boto3 finds the credentials (a profile, the environment, or an STS AssumeRole), botocore's
// SigV4Auth signs an AWSRequest, and requests sends exactly the signed URL, headers and body.
import type { AuthChoice } from '../../models/auth';
import { pythonEnv, stringExpression, stringLiteral, type Text } from './quote';
import { secretEnvComment } from './shellCredentials';
import type { SnippetBody, SnippetInput } from './snippetInput';

export function pythonSnippet(input: SnippetInput): string {
  const str = (value: Text | string) => stringExpression(value, pythonEnv);
  const imports = new Set<string>();
  const code: string[] = [];

  if (input.signed) code.push(...credentialsCode(input, input.auth, str, imports), '');
  code.push(`method = ${stringLiteral(input.method)}`);
  code.push(`url = ${str(input.url)}`);
  code.push(
    input.headers.length === 0
      ? 'headers = {}'
      : `headers = {\n${input.headers.map(([name, value]) => `    ${stringLiteral(name)}: ${str(value)},`).join('\n')}\n}`,
  );
  code.push(`body = ${bodyExpression(input.body, str, imports)}`);
  if (input.contentSha) {
    imports.add('import hashlib');
    code.push('headers["x-amz-content-sha256"] = hashlib.sha256(body).hexdigest()');
  }
  code.push('');
  if (input.signed) {
    imports.add('from botocore.awsrequest import AWSRequest');
    code.push('signed = AWSRequest(method=method, url=url, headers=headers, data=body)');
    if (input.presign) {
      imports.add('from botocore.auth import SigV4QueryAuth');
      code.push(`SigV4QueryAuth(credentials, ${stringLiteral(input.service)}, ${stringLiteral(input.region)}, expires=${input.expiresIn}).add_auth(signed)`);
      code.push('print(signed.url)  # the presigned URL');
    } else {
      imports.add('from botocore.auth import SigV4Auth');
      code.push(`SigV4Auth(credentials, ${stringLiteral(input.service)}, ${stringLiteral(input.region)}).add_auth(signed)`);
    }
    code.push('url, headers = signed.url, dict(signed.headers.items())', '');
  }
  code.push(
    'prepared = requests.Request(method, url, headers=headers, data=body or None).prepare()',
    '# Send the URL exactly as signed: requests would re-quote some characters.',
    'prepared.url = url',
    'with requests.Session() as client:',
    '    response = client.send(prepared, timeout=60, allow_redirects=False)',
    'print(response.status_code, response.reason)',
    'print(response.text)',
  );

  imports.add('import requests');
  if (input.secretEnv.length > 0) imports.add('import os');
  const sorted = [...imports].sort((a, b) => importRank(a) - importRank(b) || a.localeCompare(b));
  const header = [
    '# Python 3 with boto3 and requests (pip install boto3 requests).',
    ...secretEnvComment(input),
    ...input.notes.map((note) => `# Note: ${note}`),
  ];
  return `${[...header, ...sorted, '', ...code].join('\n')}\n`;
}

// Standard library first, then third-party, as PEP 8 groups them.
function importRank(line: string): number {
  return /^(import|from) (base64|hashlib|os|pathlib|getpass)\b/.test(line) ? 0 : 1;
}

function credentialsCode(input: SnippetInput, auth: AuthChoice, str: (value: Text | string) => string, imports: Set<string>): string[] {
  imports.add('import boto3');
  const t = input.text;
  if (auth.kind === 'profile') {
    return [`session = boto3.Session(profile_name=${str(t(auth.profile))})`, 'credentials = session.get_credentials().get_frozen_credentials()'];
  }
  const lines: string[] = [];
  if (auth.kind === 'storedKeys') lines.push(`# The keys RoleCall keeps as ${stringLiteral(auth.name)}: export them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
  if (auth.kind !== 'assumeRole') {
    return [...lines, '# boto3 reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment.', 'session = boto3.Session()', 'credentials = session.get_credentials().get_frozen_credentials()'];
  }
  const base = auth.base;
  if (base.kind === 'profile') lines.push(`session = boto3.Session(profile_name=${str(t(base.profile))})`);
  else {
    if (base.kind === 'storedKeys') lines.push(`# The keys RoleCall keeps as ${stringLiteral(base.name)}: export them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    lines.push('session = boto3.Session()  # keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  const client = [`region_name=${str(t(auth.stsRegion ?? input.region))}`];
  if (auth.stsEndpoint) client.push(`endpoint_url=${str(t(auth.stsEndpoint))}`);
  lines.push(`sts = session.client("sts", ${client.join(', ')})`);
  const params = [`RoleArn=${str(t(auth.roleArn))}`, `RoleSessionName=${str(t(auth.sessionName ?? 'rolecall'))}`];
  if (auth.externalId) params.push(`ExternalId=${str(t(auth.externalId))}`);
  if (auth.durationSeconds) params.push(`DurationSeconds=${auth.durationSeconds}`);
  if (auth.mfaSerial) {
    imports.add('import getpass');
    params.push(`SerialNumber=${str(t(auth.mfaSerial))}`, 'TokenCode=getpass.getpass("MFA code: ")');
  }
  imports.add('from botocore.credentials import Credentials');
  lines.push(`role = sts.assume_role(\n    ${params.join(',\n    ')},\n)["Credentials"]`);
  lines.push('credentials = Credentials(role["AccessKeyId"], role["SecretAccessKey"], role["SessionToken"])');
  return lines;
}

function bodyExpression(body: SnippetBody, str: (value: Text | string) => string, imports: Set<string>): string {
  const encoded = (text: Text) => (text.length > 1 ? `(${str(text)}).encode("utf-8")` : `${str(text)}.encode("utf-8")`);
  const file = (path: Text) => {
    imports.add('from pathlib import Path');
    return `Path(${str(path)}).read_bytes()`;
  };
  switch (body.kind) {
    case 'none':
      return 'b""';
    case 'text':
      return encoded(body.text);
    case 'base64':
      imports.add('import base64');
      return `base64.b64decode(${stringLiteral(body.data)})`;
    case 'file':
      return file(body.path);
    case 'parts':
      return `b"".join([\n${body.parts.map((part) => `    ${'text' in part ? encoded(part.text) : file(part.path)},`).join('\n')}\n])`;
  }
}
