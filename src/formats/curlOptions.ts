// curl's command-line options, read the way curl reads them: short options combine (-sSL) and take their value
// attached (-XPOST) or as the next word; long options take the next word. Options with no RoleCall meaning are
// collected in `ignored` so the report can list them.
import { ImportError, type ReportBuilder } from './importResult';
import { substitutedData } from './curlSubstitution';

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

export type DataPart = { text: string } | { file: string; binary: boolean };

export interface Parsed {
  urls: string[];
  method?: string;
  headers: Array<{ key: string; value: string; enabled: boolean }>;
  data: DataPart[];
  /** A body given as text and file segments back to back (`@<(printf ...; cat ...)`, curlSubstitution.ts). */
  framed?: Array<{ text: string } | { path: string }>;
  form: Array<{ key: string; kind: 'text' | 'file'; value: string; contentType?: string }>;
  upload?: string;
  get: boolean;
  head: boolean;
  user?: string;
  sigv4?: string;
  /** Names (lower case) of headers curl adds itself that the command removes ("Name:" with nothing after). */
  removed: string[];
  ignored: string[];
}

export function parseArgs(args: string[], report: ReportBuilder): Parsed {
  const p: Parsed = { urls: [], headers: [], data: [], form: [], get: false, head: false, removed: [], ignored: [] };
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
      if (data.startsWith('@<(')) {
        const read = substitutedData(data.slice(1));
        if ('text' in read) p.data.push({ text: read.text });
        else if ('segments' in read) p.framed = read.segments;
        else report.add('notMapped', read.problem);
      } else if (data.startsWith('@') && data !== '@-') p.data.push({ file: data.slice(1), binary: name === '--data-binary' });
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
  else if (line.slice(colon + 1).trim() === '') {
    const name = line.slice(0, colon).trim();
    p.removed.push(name.toLowerCase());
    // Content-Type is honoured by the importer (no form type added for the data); RoleCall adds no other.
    if (name.toLowerCase() !== 'content-type') report.add('notMapped', `"${name}:" removes a header curl adds itself; ignored`);
  }
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

