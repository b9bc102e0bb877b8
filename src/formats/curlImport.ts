// A pasted curl command as a RoleCall request: method, URL, headers, body and AWS signing. curl's own defaults are
// kept (data means POST and, without a Content-Type, application/x-www-form-urlencoded; -G moves the data into the
// query). --aws-sigv4 "aws:amz:REGION:SERVICE" becomes AWS auth with that region and service; the --user keys are
// handed back as offeredKeys and never enter the request, "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" means the
// environment's credentials. A request copied already signed (Authorization: AWS4-HMAC-SHA256 ...) becomes AWS auth
// with the region and service of its credential scope, its stale signature headers dropped. Options with no RoleCall
// meaning (-k, -L, --compressed, -o ...) are ignored and listed in the report.
import type { RequestAuth, RequestBody, RequestDoc, SigningSettings } from '../models/workspace';
import { splitWords, type Shell } from './curlWords';
import { stripCredentials } from './importCredentials';
import { defaultNewId, ImportError, ReportBuilder, type ImportReport, type OfferedKeys } from './importResult';

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

/** Options that take a value and mean nothing to RoleCall. */
const IGNORED_WITH_VALUE = new Set([
  '-o', '--output', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-U', '--proxy-user', '--retry',
  '--retry-delay', '--retry-max-time', '-c', '--cookie-jar', '-D', '--dump-header', '-E', '--cert', '--key', '--cacert', '--capath',
  '-r', '--range', '-K', '--config', '-y', '--speed-time', '-Y', '--speed-limit', '-z', '--time-cond', '--resolve', '--connect-to',
  '--max-redirs', '--limit-rate', '--interface', '--max-filesize', '--trace', '--trace-ascii', '--stderr', '-C', '--continue-at',
  '-t', '--telnet-option', '-Q', '--quote', '-P', '--ftp-port', '--cert-type', '--key-type', '--pass', '--ciphers', '--dns-servers',
  '--noproxy', '--proxy-header', '--unix-socket', '--abstract-unix-socket', '--output-dir', '--create-file-mode', '--expect100-timeout',
]);
/** Short options that take a value (attached, -XPOST, or as the next word). */
const SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));

type DataPart = { text: string } | { file: string; binary: boolean };

interface Parsed {
  urls: string[];
  method?: string;
  headers: Array<{ key: string; value: string; enabled: boolean }>;
  data: DataPart[];
  form: Array<{ key: string; kind: 'text' | 'file'; value: string; contentType?: string }>;
  upload?: string;
  get: boolean;
  head: boolean;
  user?: string;
  sigv4?: string;
  ignored: string[];
}

export function importCurlCommand(command: string, options: CurlImportOptions = {}): CurlImportResult {
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
  } else if (p.data.length) {
    if (!hasHeader('content-type')) headers.push({ id: newId(), key: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true, secret: false });
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

  const method = (p.method ?? (p.head ? 'HEAD' : p.get ? 'GET' : p.upload !== undefined ? 'PUT' : p.data.length || p.form.length ? 'POST' : 'GET')).toUpperCase();
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
  };
  return { request: stripCredentials(doc, '', report), report: report.build(), ...(keys.length ? { offeredKeys: keys } : {}) };
}

function parseArgs(args: string[], report: ReportBuilder): Parsed {
  const p: Parsed = { urls: [], headers: [], data: [], form: [], get: false, head: false, ignored: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let name = arg;
    let value: string | undefined;
    const takeValue = (): string => {
      if (value !== undefined) return value;
      if (i + 1 >= args.length) throw new ImportError(`The curl option ${name} needs a value.`);
      i += 1;
      return args[i]!;
    };
    if (/^-[^-]/.test(arg)) {
      // Short options combine (-sSL) and take their value attached (-XPOST) or as the next word.
      let j = 1;
      while (j < arg.length && !SHORT_WITH_VALUE.has(arg[j]!)) {
        shortFlag(arg[j]!, p);
        j += 1;
      }
      if (j >= arg.length) continue;
      name = `-${arg[j]}`;
      value = arg.length > j + 1 ? arg.slice(j + 1) : undefined;
    } else if (!arg.startsWith('--')) {
      p.urls.push(arg);
      continue;
    }
    option(name, takeValue, p, report);
  }
  return p;
}

function shortFlag(flag: string, p: Parsed): void {
  if (flag === 'G') p.get = true;
  else if (flag === 'I') p.head = true;
  else p.ignored.push(`-${flag}`);
}

function option(name: string, value: () => string, p: Parsed, report: ReportBuilder): void {
  switch (name) {
    case '--url':
      p.urls.push(value());
      return;
    case '-X':
    case '--request':
      p.method = value();
      return;
    case '-H':
    case '--header':
      header(value(), p, report);
      return;
    case '-A':
    case '--user-agent':
      p.headers.push({ key: 'User-Agent', value: value(), enabled: true });
      return;
    case '-e':
    case '--referer':
      p.headers.push({ key: 'Referer', value: value(), enabled: true });
      return;
    case '-b':
    case '--cookie': {
      const cookie = value();
      if (cookie.includes('=')) p.headers.push({ key: 'Cookie', value: cookie, enabled: true });
      else report.add('notMapped', `Cookies read from a file (-b ${cookie.slice(0, 60)}) were not imported`);
      return;
    }
    case '-d':
    case '--data':
    case '--data-ascii':
    case '--data-binary': {
      const data = value();
      if (data.startsWith('@') && data !== '@-') p.data.push({ file: data.slice(1), binary: name === '--data-binary' });
      else if (data === '@-') report.add('notMapped', 'Data read from standard input (@-) was not imported');
      else p.data.push({ text: data });
      return;
    }
    case '--data-raw':
      p.data.push({ text: value() });
      return;
    case '--json': {
      const data = value();
      p.data.push(data.startsWith('@') ? { file: data.slice(1), binary: true } : { text: data });
      if (!p.headers.some((h) => h.key.toLowerCase() === 'content-type')) p.headers.push({ key: 'Content-Type', value: 'application/json', enabled: true });
      if (!p.headers.some((h) => h.key.toLowerCase() === 'accept')) p.headers.push({ key: 'Accept', value: 'application/json', enabled: true });
      return;
    }
    case '--data-urlencode':
      urlencoded(value(), p, report);
      return;
    case '-F':
    case '--form':
    case '--form-string':
      formPart(value(), name === '--form-string', p, report);
      return;
    case '-T':
    case '--upload-file':
      p.upload = value();
      return;
    case '-u':
    case '--user':
      p.user = value();
      return;
    case '--aws-sigv4':
      p.sigv4 = value();
      return;
    case '--oauth2-bearer':
      value();
      report.add('warnings', 'The --oauth2-bearer token was not imported: RoleCall keeps no credentials in requests');
      return;
    case '-G':
    case '--get':
      p.get = true;
      return;
    case '-I':
    case '--head':
      p.head = true;
      return;
  }
  if (IGNORED_WITH_VALUE.has(name)) {
    value();
    p.ignored.push(name);
  } else if (/^-[^-]$/.test(name)) {
    // A short option that takes a value but is not handled above.
    value();
    p.ignored.push(name);
  } else p.ignored.push(name);
}

function header(line: string, p: Parsed, report: ReportBuilder): void {
  if (line.startsWith('@')) {
    report.add('notMapped', 'Headers read from a file (-H @file) were not imported');
    return;
  }
  const colon = line.indexOf(':');
  const semi = line.indexOf(';');
  // "Name;" sends an empty header; "Name:" with nothing after removes one curl would add.
  if (colon < 0 && semi > 0 && line.slice(semi + 1).trim() === '') p.headers.push({ key: line.slice(0, semi).trim(), value: '', enabled: true });
  else if (colon < 0) report.add('notMapped', `A header without a colon was ignored: ${line.slice(0, 60)}`);
  else if (line.slice(colon + 1).trim() === '') report.add('notMapped', `"${line.slice(0, colon)}:" removes a header curl adds itself; ignored`);
  else p.headers.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), enabled: true });
}

/** --data-urlencode: "content", "=content", "name=content" are encoded here; "@file" forms cannot be read. */
function urlencoded(arg: string, p: Parsed, report: ReportBuilder): void {
  const eq = arg.indexOf('=');
  const at = arg.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    report.add('notMapped', `--data-urlencode ${arg.slice(0, 60)} reads a file; it was left out`);
    return;
  }
  if (eq < 0) p.data.push({ text: encodeForm(arg) });
  else if (eq === 0) p.data.push({ text: encodeForm(arg.slice(1)) });
  else p.data.push({ text: `${arg.slice(0, eq)}=${encodeForm(arg.slice(eq + 1))}` });
}

/** As curl encodes: everything but letters, digits and -._~ as %XX (a space is %20). */
const encodeForm = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function formPart(arg: string, literal: boolean, p: Parsed, report: ReportBuilder): void {
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    report.add('notMapped', `A form part without name=value was ignored: ${arg.slice(0, 60)}`);
    return;
  }
  const key = arg.slice(0, eq);
  let rest = arg.slice(eq + 1);
  if (literal) {
    p.form.push({ key, kind: 'text', value: rest });
    return;
  }
  // ;type=... names the part's content type; other ;attributes (filename=, headers=) are dropped.
  let contentType: string | undefined;
  const attrs = /;\s*(type|filename|headers|encoder)=/.exec(rest);
  if (attrs && !rest.startsWith('"')) {
    for (const m of rest.slice(attrs.index).matchAll(/;\s*(\w+)=("[^"]*"|[^;]*)/g)) {
      if (m[1] === 'type') contentType = m[2]!.replace(/^"|"$/g, '');
      else report.add('notMapped', `Form part attribute ${m[1]}= was not imported`);
    }
    rest = rest.slice(0, attrs.index);
  }
  const type = contentType ? { contentType } : {};
  if (rest.startsWith('@')) p.form.push({ key, kind: 'file', value: rest.slice(1), ...type });
  else if (rest.startsWith('<')) {
    p.form.push({ key, kind: 'file', value: rest.slice(1), ...type });
    report.add('notMapped', `Form part "${key}" takes its text from a file (<file); it was imported as a file part`);
  } else p.form.push({ key, kind: 'text', value: rest.replace(/^"(.*)"$/, '$1'), ...type });
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
