// A pasted curl command as a RoleCall request: method, URL, headers, body and AWS signing. curl's own defaults are
// kept (data means POST and, without a Content-Type, application/x-www-form-urlencoded; -G moves the data into the
// query). --aws-sigv4 "aws:amz:REGION:SERVICE" becomes AWS auth with that region and service; the --user keys are
// handed back as offeredKeys and never enter the request, "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" means the
// environment's credentials. A request copied already signed (Authorization: AWS4-HMAC-SHA256 ...) becomes AWS auth
// with the region and service of its credential scope, its stale signature headers dropped. Options with no RoleCall
// meaning (-k, -L, --compressed, -o ...) are ignored and listed in the report.
import type { KeyValue, RequestAuth, RequestBody, RequestDoc, SigningSettings } from '../models/workspace';
import { formParts } from './copyAs/curlForm';
import type { Text } from './copyAs/quote';
import { splitWords, type Shell } from './curlWords';
import { stripCredentials } from './importCredentials';
import { parseArgs, type Parsed } from './curlOptions';
import { defaultNewId, guarded, ImportError, ReportBuilder, type ImportReport, type OfferedKeys } from './importResult';

export interface CurlImportOptions {
  newId?: () => string;
  /** How the command was quoted; guessed from its marks (^ means cmd) when absent. */
  shell?: Shell;
}

export interface CurlImportResult {
  /** Valid against requestDocSchema; holds no credential. */
  request: RequestDoc;
  report: ImportReport;
  /** --user keys given with --aws-sigv4, to offer for the encrypted key store. */
  offeredKeys?: OfferedKeys[];
}

export function importCurlCommand(command: string, options: CurlImportOptions = {}): CurlImportResult {
  return guarded('curl command', () => importCurl(command, options));
}

function importCurl(command: string, options: CurlImportOptions): CurlImportResult {
  const report = new ReportBuilder();
  const newId = options.newId ?? defaultNewId;
  let split;
  try {
    split = splitWords(command.trim().replace(/^\$\s+/, ''), options.shell);
  } catch (err) {
    throw new ImportError(`This curl command cannot be read: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const [program, ...args] = split.words;
  if (!program || !/(^|[\\/])curl(\.exe)?$/i.test(program)) throw new ImportError('This is not a curl command: it should start with "curl".');
  if (split.ignoredTail) report.add('notMapped', `What followed the command was ignored: ${split.ignoredTail.slice(0, 80)}`);

  const p = parseArgs(args, report);
  if (p.urls.length === 0) throw new ImportError('This curl command has no URL.');
  if (p.urls.length > 1) report.add('notMapped', `Only the first of ${p.urls.length} URLs was imported`);
  if (p.ignored.length) report.add('notMapped', `Options with no RoleCall equivalent were ignored: ${[...new Set(p.ignored)].join(', ')}`);

  let url = p.urls[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    url = `http://${url}`;
    report.add('mapped', 'The URL had no scheme; http:// was added, as curl does');
  }
  const headers = p.headers.map((h) => ({ id: newId(), ...h, secret: false }));
  const hasHeader = (name: string) => headers.some((h) => h.enabled && h.key.toLowerCase() === name);
  let body: RequestBody = { mode: 'none' };
  const dataText = p.data.filter((d): d is { text: string } => 'text' in d).map((d) => d.text);
  const dataFiles = p.data.filter((d): d is { file: string; binary: boolean } => 'file' in d);

  if (p.get && p.data.length) {
    url += (url.includes('?') ? '&' : '?') + dataText.join('&');
    if (dataFiles.length) report.add('notMapped', 'Data read from a file (@file) cannot go into the query with -G and was left out');
  } else if (p.upload !== undefined) {
    body = { mode: 'file', path: p.upload };
    report.add('warnings', 'A file to send is named by its path only: pick the file again before sending');
  } else if (p.form.length) {
    body = { mode: 'multipart', parts: p.form.map((part) => ({ id: newId(), enabled: true, ...part })) };
    if (p.form.some((part) => part.kind === 'file')) report.add('warnings', 'A file to send is named by its path only: pick the file again before sending');
  } else if (p.framed) {
    body = framedForm(p.framed, headers, newId, report);
  } else if (p.data.length) {
    if (p.removed.includes('content-type')) report.add('mapped', '"Content-Type:" tells curl to add no Content-Type for the data; none was added');
    else if (!hasHeader('content-type')) headers.push({ id: newId(), key: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true, secret: false });
    if (dataFiles.length === 1 && dataText.length === 0) {
      body = { mode: 'file', path: dataFiles[0]!.file };
      if (!dataFiles[0]!.binary) report.add('notMapped', 'curl -d @file drops the file\'s newlines; RoleCall sends the file as it is');
      report.add('warnings', 'A file to send is named by its path only: pick the file again before sending');
    } else {
      if (dataFiles.length) report.add('notMapped', 'Data read from a file (@file) mixed with other data was left out');
      const type = headers.find((h) => h.enabled && h.key.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
      body = { mode: 'raw', language: /json/.test(type) ? 'json' : /xml/.test(type) ? 'xml' : 'text', text: dataText.join('&') };
    }
  }

  const method = (p.method ?? (p.head ? 'HEAD' : p.get ? 'GET' : p.upload !== undefined ? 'PUT' : p.data.length || p.form.length || p.framed ? 'POST' : 'GET')).toUpperCase();
  if (!/^[A-Z]{1,20}$/.test(method)) throw new ImportError(`"${method.slice(0, 30)}" is not an HTTP method RoleCall can send.`);

  const keys: OfferedKeys[] = [];
  const requestId = newId();
  const { auth, signing, dropHeaders } = authFrom(p, headers, requestId, report, keys);
  const doc: RequestDoc = {
    id: requestId,
    name: `${method} ${url.replace(/[?#].*$/, '')}`.slice(0, 512),
    method,
    url,
    headers: headers.filter((h) => !dropHeaders.has(h.key.toLowerCase())),
    body,
    auth,
    signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900, ...signing },
    disabledParams: [],
    checks: [],
    captures: [],
  };
  return { request: stripCredentials(doc, '', report), report: report.build(), ...(keys.length ? { offeredKeys: keys } : {}) };
}

const SHELL_VAR = (name: string) => new RegExp(`^\\$(\\{${name}\\}|${name})$`);

function authFrom(
  p: Parsed,
  headers: Array<{ key: string; value: string }>,
  requestId: string,
  report: ReportBuilder,
  keys: OfferedKeys[],
): { auth: RequestAuth; signing: Partial<SigningSettings>; dropHeaders: Set<string> } {
  const dropHeaders = new Set<string>();
  const signed = headers.find((h) => h.key.toLowerCase() === 'authorization' && /^AWS4-HMAC-SHA256\s/i.test(h.value));
  if (p.sigv4 === undefined && !signed) {
    if (p.user !== undefined) report.add('warnings', 'The --user credentials were not imported: RoleCall keeps no credentials in requests and signs only with AWS auth');
    return { auth: { type: 'inherit' }, signing: {}, dropHeaders };
  }
  let region = '';
  let service = '';
  if (p.sigv4 !== undefined) {
    // provider1[:provider2[:region[:service]]]; what is missing is detected from the host.
    const parts = p.sigv4.split(':');
    region = parts[2] ?? '';
    service = parts[3] ?? '';
    if (!/^aws$/i.test(parts[0] ?? '')) report.add('warnings', `--aws-sigv4 "${p.sigv4.slice(0, 60)}" does not sign for AWS ("aws:amz:..."); RoleCall signs it as AWS SigV4`);
  } else {
    // Copied already signed: the scope says Credential=KEY/DATE/REGION/SERVICE/aws4_request.
    const scope = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/i.exec(signed!.value);
    region = scope?.[1] ?? '';
    service = scope?.[2] ?? '';
    for (const name of ['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token']) dropHeaders.add(name);
    report.add('warnings', 'The command was copied already signed: its signature headers were dropped and RoleCall signs it again; choose a profile or stored keys');
  }
  report.add('mapped', `AWS SigV4 signing${region ? ` in ${region}` : ''}${service ? ` for ${service}` : ''}`);

  const tokenHeader = headers.find((h) => h.key.toLowerCase() === 'x-amz-security-token');
  const token = tokenHeader?.value.trim() ?? '';
  if (tokenHeader) dropHeaders.add('x-amz-security-token');
  let auth: RequestAuth = { type: 'profile', profile: '' };
  if (p.user !== undefined && p.sigv4 !== undefined) {
    const colon = p.user.indexOf(':');
    const access = colon < 0 ? p.user : p.user.slice(0, colon);
    const secret = colon < 0 ? '' : p.user.slice(colon + 1);
    if (SHELL_VAR('AWS_ACCESS_KEY_ID').test(access) && SHELL_VAR('AWS_SECRET_ACCESS_KEY').test(secret)) {
      auth = { type: 'env' };
      report.add('mapped', 'Keys from $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY became "environment credentials"');
    } else if (/^\$/.test(access) || /^\$/.test(secret)) {
      report.add('warnings', 'The --user keys come from shell variables RoleCall cannot read: choose a profile or stored keys');
    } else if (access && secret) {
      const sessionToken = token && !token.startsWith('$') ? { sessionToken: token } : {};
      keys.push({ name: 'curl', accessKeyId: access, secretAccessKey: secret, ...sessionToken, usedBy: [requestId] });
      report.add('warnings', 'The --user keys were not copied into the request: store them in RoleCall\'s key store when offered, or choose a profile');
    } else report.add('warnings', 'The --user keys are incomplete: choose a profile or stored keys');
  } else if (p.sigv4 !== undefined) report.add('warnings', 'No keys were given: choose a profile or stored keys');
  return { auth, signing: { region, service }, dropHeaders };
}

/**
 * A multipart form "Copy as curl" wrote as text and file segments (signed forms cannot use -F, see copyAs/curl.ts):
 * read back by its framing into parts; its Content-Type header goes, as RoleCall frames the form again when sending.
 */
function framedForm(segments: NonNullable<Parsed['framed']>, headers: KeyValue[], newId: () => string, report: ReportBuilder): RequestBody {
  const typeRow = headers.find((h) => h.enabled && h.key.toLowerCase() === 'content-type');
  const parts = typeRow ? formParts(segments.map((s) => ('text' in s ? { text: [{ text: s.text }] } : { path: [{ text: s.path }] })), typeRow.value) : undefined;
  if (!parts) {
    report.add('notMapped', 'Data made of text and files (@<(printf ...; cat ...)) that is not a multipart form was not imported');
    return { mode: 'none' };
  }
  headers.splice(headers.indexOf(typeRow!), 1);
  const plain = (text: Text) => text.map((p) => ('text' in p ? p.text : `$${p.env}`)).join('');
  if (parts.some((part) => part.kind === 'file')) report.add('warnings', 'A file to send is named by its path only: pick the file again before sending');
  return {
    mode: 'multipart',
    parts: parts.map((part) => ({
      id: newId(),
      enabled: true,
      key: plain(part.name),
      kind: part.kind,
      value: plain(part.kind === 'file' ? part.path : part.value),
      ...(part.contentType ? { contentType: plain(part.contentType) } : {}),
    })),
  };
}
