// Reads the text of ~/.aws/config or ~/.aws/credentials as the cross-SDK profile file format defines it (the
// smithy-rs profile-parser suite), where the AWS CLI names profiles differently following the CLI (see
// fixtures/profile-parser-cli-cases.json). Problems carry a line number and never the text of a line:
// a stray line is often a pasted secret. Two steps: lines into raw sections, then sections into profiles.

export type AwsFileKind = 'config' | 'credentials';

export interface ProfileFileProblem {
  line: number;
  message: string;
  /** The shared format refuses the whole file here (the SDKs that follow it fail); RoleCall skips the line. */
  fatal: boolean;
}

export interface RawProperty {
  value: string;
  line: number;
}

export interface RawSection {
  /** The text between the brackets, comment and trailing whitespace removed. */
  header: string;
  line: number;
  /** Keys lowercased, as botocore and the shared format read them; a later setting replaces an earlier one. */
  properties: Map<string, RawProperty>;
}

const isWs = (c: number) => c === 32 || c === 9;

/** Trims spaces and tabs only: the format's whitespace (a form feed or NBSP is part of a name or value). */
function trimWs(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isWs(s.charCodeAt(start))) start++;
  while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
const isBlank = (s: string) => trimWs(s) === '';

/** Cuts a trailing comment: ";" or "#" anywhere on a section line, only after whitespace on a property line. */
function withoutComment(line: string, needsWhitespace: boolean): string {
  const text = trimWs(line);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '#' || c === ';') && (!needsWhitespace || (i > 0 && /\s/.test(text[i - 1]!)))) return trimWs(text.slice(0, i));
  }
  return text;
}

type PropertyLine = { key: string; value: string } | { error: 'noEquals' | 'noName' };

function propertyLine(line: string): PropertyLine {
  const text = withoutComment(line, true);
  const eq = text.indexOf('=');
  if (eq === -1) return { error: 'noEquals' };
  const key = trimWs(text.slice(0, eq));
  if (key === '') return { error: 'noName' };
  // ASCII lowercasing, as the shared format specifies; botocore's str.lower() agrees on every valid key.
  return { key: /[A-Z]/.test(key) ? key.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : key, value: trimWs(text.slice(eq + 1)) };
}

const PROPERTY_ERRORS = {
  noEquals: "Expected an '=' sign defining a property",
  noName: 'Property did not have a name',
};
const SUB_PROPERTY_ERRORS = {
  noEquals: "Expected an '=' sign defining a sub-property",
  noName: 'Sub-property did not have a name',
};

/** Splits a file into its sections line by line; a line the format refuses is reported and skipped. */
export function parseProfileFile(text: string): { sections: RawSection[]; problems: ProfileFileProblem[] } {
  const sections: RawSection[] = [];
  const problems: ProfileFileProblem[] = [];
  // A section whose header is unreadable is still checked line by line, then dropped.
  let section: RawSection | undefined;
  // The property continuation lines extend; 'skipped' swallows the continuations of a refused line.
  let property: { key: string; sub: boolean } | 'skipped' | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let raw = lines[index]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (isBlank(raw) || raw.startsWith('#') || raw.startsWith(';')) continue;
    const report = (message: string) => problems.push({ line, message, fatal: true });

    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (property === 'skipped') continue;
      if (section && property) {
        const target = section.properties.get(property.key)!;
        if (property.sub && !isBlank(raw)) {
          const sub = propertyLine(raw);
          if ('error' in sub) {
            report(SUB_PROPERTY_ERRORS[sub.error]);
            continue;
          }
        }
        target.value += `\n${trimWs(raw)}`;
        continue;
      }
      // Not a continuation of anything. The shared format refuses the file; the AWS CLI (and the JavaScript
      // SDK) read the line as if it were not indented, so RoleCall reports it and does the same.
      report(section ? 'Expected a property definition, found continuation' : 'Expected a profile definition');
      raw = trimWs(raw);
      if (!raw.startsWith('[') && (!section || 'error' in propertyLine(raw))) continue;
    }

    if (raw.startsWith('[')) {
      property = undefined;
      const header = withoutComment(raw, false);
      if (!header.endsWith(']')) {
        report("Profile definition must end with ']'");
        section = { header: '', line, properties: new Map() };
        continue;
      }
      section = { header: header.slice(1, -1).replace(/[ \t]+$/, ''), line, properties: new Map() };
      sections.push(section);
      continue;
    }
    if (!section) {
      report('Expected a profile definition');
      continue;
    }
    const parsed = propertyLine(raw);
    if ('error' in parsed) {
      report(PROPERTY_ERRORS[parsed.error]);
      property = 'skipped';
      continue;
    }
    section.properties.set(parsed.key, { value: parsed.value, line });
    property = { key: parsed.key, sub: parsed.value === '' };
  }
  return { sections, problems };
}

export type ProfileData = Record<string, string | undefined>;

export interface ProfileFileContents {
  /** Null-prototype maps: a profile may be called "constructor". */
  profiles: Record<string, ProfileData>;
  ssoSessions: Record<string, ProfileData>;
  /** [services NAME] sections (endpoint_url per service, as sub-properties), by NAME. */
  services: Record<string, ProfileData>;
  /** Line of each profile's first section, for messages. */
  profileLines: Record<string, number>;
  problems: ProfileFileProblem[];
}

const IDENTIFIER = /^[A-Za-z0-9_\-/.%@:+]+$/;
const KNOWN_PREFIXES = new Set(['profile', 'sso-session', 'services']);
const FORBIDDEN_NAMES = new Set(['__proto__']);

type SectionMeaning =
  | { type: 'profile' | 'sso-session' | 'services'; name: string; display: string; note?: string }
  | { type: 'ignored'; why: string };

/** What one section header means in a file of the given kind. */
export function sectionMeaning(header: string, kind: AwsFileKind): SectionMeaning {
  if (/^[ \t]/.test(header)) {
    // botocore compares the header as written, so "[ default ]" is no profile for the CLI (nor the JavaScript SDK).
    return { type: 'ignored', why: 'the AWS CLI ignores a section whose name starts with a space; remove the space after "["' };
  }
  if (kind === 'credentials') {
    // The CLI names a credentials profile by the whole header: [profile foo] is the profile "profile foo".
    if (header === '') return { type: 'ignored', why: 'empty section name []' };
    if (FORBIDDEN_NAMES.has(header)) return { type: 'ignored', why: `"${header}" cannot be a profile name` };
    const meaning = { type: 'profile' as const, name: header, display: `[${header}]` };
    if (/^profile[ \t]/.test(header)) {
      const bare = header.replace(/^profile[ \t]+/, '');
      return { ...meaning, note: `the AWS CLI names this profile "${header}" and other SDKs ignore it; in the credentials file write [${bare}]` };
    }
    if (!IDENTIFIER.test(header)) {
      return { ...meaning, note: `the AWS CLI reads [${header}] but other SDKs ignore it: a name may only hold letters, digits and _-/.%@:+` };
    }
    return meaning;
  }
  const split = /[ \t]/.exec(header);
  if (!split) {
    if (header === 'default') return { type: 'profile', name: 'default', display: '[default]' };
    if (header === '') return { type: 'ignored', why: 'empty section name []' };
    return { type: 'ignored', why: `the config file ignores [${header}]; write [profile ${header}]` };
  }
  const prefix = header.slice(0, split.index);
  const name = header.slice(split.index).replace(/^[ \t]+/, '');
  if (!KNOWN_PREFIXES.has(prefix)) return { type: 'ignored', why: `unknown section type "${prefix}"` };
  if (!IDENTIFIER.test(name) || FORBIDDEN_NAMES.has(name)) {
    return { type: 'ignored', why: `[${header}] is ignored: a name may only hold letters, digits and _-/.%@:+` };
  }
  return { type: prefix as 'profile' | 'sso-session' | 'services', name, display: `[${prefix} ${name}]` };
}

/** The profiles and SSO sessions one file defines, merged as the SDKs merge them, with what was ignored and why. */
export function readProfileFile(text: string, kind: AwsFileKind): ProfileFileContents {
  const { sections, problems } = parseProfileFile(text);
  const profiles: Record<string, ProfileData> = Object.create(null);
  const ssoSessions: Record<string, ProfileData> = Object.create(null);
  const services: Record<string, ProfileData> = Object.create(null);
  const profileLines: Record<string, number> = Object.create(null);
  const firstLine = new Map<string, number>();
  const meanings = sections.map((s) => sectionMeaning(s.header, kind));
  // [profile default] wins over [default] in the config file: the unprefixed one is then ignored entirely.
  const prefixedDefault = sections.find((s, i) => meanings[i]!.type === 'profile' && s.header !== 'default' && (meanings[i] as { name: string }).name === 'default');
  const sectionProblems: ProfileFileProblem[] = [];
  sections.forEach((section, i) => {
    const meaning = meanings[i]!;
    const note = (message: string) => sectionProblems.push({ line: section.line, message, fatal: false });
    if (meaning.type === 'ignored') return note(meaning.why);
    if (kind === 'config' && prefixedDefault && section.header === 'default') {
      return note(`[default] is ignored because [profile default] (line ${prefixedDefault.line}) takes priority`);
    }
    if (meaning.note) note(meaning.note);
    const key = `${meaning.type}\n${meaning.name}`;
    const earlier = firstLine.get(key);
    if (earlier === undefined) firstLine.set(key, section.line);
    else note(`${meaning.display} on line ${section.line} repeats the section on line ${earlier}; the settings are merged, the later ones win`);
    const target = meaning.type === 'profile' ? profiles : meaning.type === 'services' ? services : ssoSessions;
    const data = (target[meaning.name] ??= Object.create(null) as ProfileData);
    if (meaning.type === 'profile' && profileLines[meaning.name] === undefined) profileLines[meaning.name] = section.line;
    for (const [name, { value, line }] of section.properties) {
      if (!IDENTIFIER.test(name)) {
        sectionProblems.push({ line, message: 'a setting name may only hold letters, digits and _-/.%@:+; the line is ignored', fatal: false });
        continue;
      }
      data[name] = value;
    }
  });
  const all = [...problems, ...sectionProblems].sort((a, b) => a.line - b.line);
  return { profiles, ssoSessions, services, profileLines, problems: all };
}

export interface MergedProfiles {
  profiles: Record<string, ProfileData>;
  ssoSessions: Record<string, ProfileData>;
  /** [services NAME] sections: the config file's only (the SDKs read them there). */
  services: Record<string, ProfileData>;
  definedIn: Record<string, Array<'config' | 'credentials'>>;
}

/** Both files together: a profile in both gets the settings of both, the credentials file's winning. */
export function mergeProfileFiles(config: ProfileFileContents, credentials: ProfileFileContents): MergedProfiles {
  const profiles: Record<string, ProfileData> = Object.create(null);
  const definedIn: Record<string, Array<'config' | 'credentials'>> = Object.create(null);
  // A profile in one file only is that file's object, shared with the parse cache: both are read only.
  for (const name in config.profiles) {
    profiles[name] = config.profiles[name]!;
    definedIn[name] = ['config'];
  }
  for (const name in credentials.profiles) {
    const fromConfig = profiles[name];
    const data = credentials.profiles[name]!;
    profiles[name] = fromConfig ? Object.assign(Object.create(null) as ProfileData, fromConfig, data) : data;
    definedIn[name] = fromConfig ? ['config', 'credentials'] : ['credentials'];
  }
  return { profiles, ssoSessions: config.ssoSessions, services: config.services, definedIn };
}
