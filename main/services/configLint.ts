// Line-level problems in ~/.aws/config and ~/.aws/credentials. The SDK's parser skips what it cannot read without a
// word, so a typo silently hides a profile; this reports each such line so the user can find it.
import type { ConfigFileProblem } from '../../src/models/profile';

export type AwsFileKind = 'config' | 'credentials';

const CONFIG_SECTION_PREFIXES = ['profile', 'sso-session', 'services'];

function stripComment(line: string): string {
  // As the SDK does: ";" or "#" starts a comment at the line start or after whitespace.
  return line.split(/(?:^|\s)[;#]/)[0]!.trim();
}

function sectionProblem(name: string, kind: AwsFileKind): string | undefined {
  if (name.trim() === '') return 'empty section name []';
  if (name === '__proto__' || name === 'profile __proto__') return `"${name}" is not allowed as a section name`;
  const [prefix, ...rest] = name.split(/\s+/);
  if (kind === 'config') {
    if (name === 'default') return undefined;
    if (rest.length === 0) return `the config file ignores [${name}]; write [profile ${name}]`;
    if (!CONFIG_SECTION_PREFIXES.includes(prefix!)) return `unknown section type "${prefix}" in [${name}]`;
    if (rest.length > 1) return `a section name cannot contain spaces: [${name}]`;
    return undefined;
  }
  if (prefix === 'profile' && rest.length > 0) return `the credentials file names sections [${rest.join(' ')}], not [${name}]`;
  if (rest.length > 0) return `a section name cannot contain spaces: [${name}]`;
  return undefined;
}

/** Problems in one file's text; `file` is the path reported with each problem. */
export function lintAwsFile(file: string, text: string, kind: AwsFileKind): ConfigFileProblem[] {
  const problems: ConfigFileProblem[] = [];
  let inSection = false;
  let afterKey = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw);
    if (content === '') return;
    const report = (message: string) => problems.push({ file, line, message });
    const indented = /^\s/.test(raw);

    if (indented && afterKey) return; // a continuation or nested setting (s3 =\n  max_concurrency = 10)
    if (content.startsWith('[')) {
      afterKey = false;
      if (!content.endsWith(']')) {
        report('unclosed "[": a section header must end with "]"');
        return;
      }
      const problem = sectionProblem(content.slice(1, -1).trim(), kind);
      if (problem) report(problem);
      inSection = true;
      return;
    }
    const eq = content.indexOf('=');
    if (eq === -1) {
      // The text itself is not echoed: a stray line is often a pasted secret.
      report('not a [section], a key = value setting, a comment, or an indented continuation');
      return;
    }
    if (eq === 0) {
      report('a setting with no name before "="');
      return;
    }
    if (!inSection) {
      report(`"${content.slice(0, eq).trim()}" is set before any [section]`);
      return;
    }
    afterKey = true;
  });
  return problems;
}
