// "Copy as curl": curl's own SigV4 (--aws-sigv4, curl 7.75+) with the keys and session token read from environment
// variables, so the command can be shared and kept in shell history without a secret in it.
import { formArgs, formParts } from './curlForm';
import { bashWord, type Text } from './quote';
import { secretEnvComment, shellCredentialComment } from './shellCredentials';
import { type SnippetBody, type SnippetInput } from './snippetInput';

export function curlSnippet(input: SnippetInput): string {
  const args: string[] = [];
  if (input.signed) {
    const scope = `aws:amz:${input.region}:${input.service}`;
    args.push(`--aws-sigv4 ${/^[a-z0-9:-]+$/i.test(scope) ? `"${scope}"` : bashWord(scope)}`);
    args.push('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    // Only with a token: curl would sign an empty header it then leaves off the wire, and the signature would fail.
    args.push('${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"}');
  }
  if (input.presign) input.notes.push('curl cannot presign a URL: this command signs with headers instead.');
  if (input.contentSha && !input.isS3) {
    input.notes.push('curl adds x-amz-content-sha256 by itself only for s3: this service may refuse the request without it.');
  }
  const hasBody = input.body.kind !== 'none';
  if (input.method === 'HEAD') args.push('--head');
  else if (input.method !== (hasBody ? 'POST' : 'GET')) args.push(`-X ${bashWord(input.method)}`);
  // A form RoleCall framed goes as curl's own form options, with curl's Content-Type and boundary (curlForm.ts).
  const isContentType = ([name]: [string, Text]) => name.toLowerCase() === 'content-type';
  const typeHeader = input.headers.find(isContentType)?.[1];
  const typeText = typeHeader?.every((p) => 'text' in p) ? typeHeader.map((p) => ('text' in p ? p.text : '')).join('') : '';
  // Only unsigned: --aws-sigv4 cannot hash a body curl builds from -F, so a signed form keeps the framed bytes.
  const form = input.body.kind === 'parts' && !input.signed ? formParts(input.body.parts, typeText) : undefined;
  for (const entry of input.headers) if (!(form && isContentType(entry))) args.push(`-H ${header(entry[0], entry[1])}`);
  // curl would otherwise add Content-Type: application/x-www-form-urlencoded, which RoleCall does not send.
  if (hasBody && !form && !input.headers.some(isContentType)) args.push("-H 'Content-Type:'");
  const data = form ? formArgs(form, (text) => bashWord(text)).join(' \\\n  ') : curlData(input.body);
  if (data) args.push(data);
  const url = input.signed ? sigv4QueryOrder(input.rawUrl) : input.rawUrl;
  if (url !== input.rawUrl) input.notes.push('The query parameters are written in SigV4 order: curl before 8.1 signs them in the order given.');
  if (/[[\]{}]/.test(url)) args.push('--globoff');
  args.push(bashWord(input.text(url)));

  const lines = [...shellCredentialComment(input), ...secretEnvComment(input), ...input.notes.map((note) => `# Note: ${note}`)];
  return `${[...lines, `curl ${args.join(' \\\n  ')}`].join('\n')}\n`;
}

/**
 * curl 7.x signs the query as written, without sorting it or giving a bare key its "=" (a mismatch the server
 * reports); written sorted by key, then value, with every "=", the same URL is signed right by old and new curl.
 */
export function sigv4QueryOrder(url: string): string {
  const match = /^([^?#]*)\?([^#]*)(#.*)?$/.exec(url);
  if (!match || !match[2]) return url;
  const pairs = match[2]
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .map((pair) => ({ pair, key: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }));
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => byCodeUnit(a.key, b.key) || byCodeUnit(a.value, b.value));
  return `${match[1]}?${pairs.map((p) => p.pair).join('&')}${match[3] ?? ''}`;
}

/** "Name: value"; an empty value needs curl's "Name;" form, or curl would drop the header. */
function header(name: string, value: Text): string {
  const empty = value.every((p) => 'text' in p && p.text === '');
  return bashWord(empty ? [{ text: `${name};` }] : [{ text: `${name}: ` }, ...value]);
}

// --data-raw sends text as given (no @file reading, no newline stripping); binary and file bodies go through
// --data-binary @file, a bash process substitution standing in for the file when bytes have to be made first (the
// curl importer reads `@<(printf %s BASE64 | base64 -d)` back as those bytes).
function curlData(body: SnippetBody): string | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'text':
      return `--data-raw ${bashWord(body.text)}`;
    case 'file':
      return `--data-binary @${bashWord(body.path)}`;
    case 'base64':
      return `--data-binary @<(printf %s ${bashWord(body.data)} | base64 -d)`;
    case 'parts': {
      const steps = body.parts.map((part) => ('text' in part ? `printf %s ${bashWord(part.text)}` : `cat ${bashWord(part.path)}`));
      return `--data-binary @<(${steps.join('; ')})`;
    }
  }
}
