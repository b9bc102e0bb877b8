// Line-level problems in ~/.aws/config and ~/.aws/credentials, in the user's terms. The SDKs skip what they cannot
// read without a word (or refuse the whole file), so a typo silently hides a profile; this names each such line.
// A message says what is wrong and where, never what the line holds: a stray line is often a pasted secret, and a
// pasted token may end in "=" and so look like a setting.
import type { ConfigFileProblem } from '../../src/models/profile';
import { readProfileFile, type AwsFileKind, type ProfileFileProblem } from './profileFile';

export type { AwsFileKind };

/** What the shared format's parse errors mean for someone editing the file. */
const EXPLAINED: Record<string, string> = {
  'Expected a profile definition': 'a setting or an indented line before any [section]',
  "Profile definition must end with ']'": 'a section header must end with "]"; the settings under it are ignored',
  "Expected an '=' sign defining a property": 'not a [section], a key = value setting, a comment, or an indented continuation',
  'Property did not have a name': 'a setting with no name before "="',
  'Expected a property definition, found continuation': 'an indented line with no setting above it to continue',
  "Expected an '=' sign defining a sub-property": 'an indented line under "key =" must be a name = value sub-setting',
  'Sub-property did not have a name': 'a sub-setting with no name before "="',
};

/** The parser's problems for one file, with `file` as the path reported with each. */
export function configFileProblems(file: string, problems: ProfileFileProblem[]): ConfigFileProblem[] {
  return problems.map(({ line, message, fatal }) => ({
    file,
    line,
    message: fatal ? `${EXPLAINED[message] ?? message} (${message}: the AWS SDKs refuse the file here)` : message,
  }));
}

/** Problems in one file's text; `file` is the path reported with each problem. */
export function lintAwsFile(file: string, text: string, kind: AwsFileKind): ConfigFileProblem[] {
  return configFileProblems(file, readProfileFile(text, kind).problems);
}
