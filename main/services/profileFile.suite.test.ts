// The cross-SDK profile-file parser suite (smithy-rs profile-parser-tests.json), one test per case, read from
// ../shared/interop (never copied here). Where the AWS CLI names profiles differently, RoleCall follows the CLI and
// the case's expected result comes from fixtures/profile-parser-cli-cases.json, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProfileFiles, readProfileFile } from './profileFile';

const repoRoot = path.resolve(__dirname, '../..');
const suiteFile = path.resolve(repoRoot, '..', 'shared', 'interop', 'aws-config-suite', 'smithy-rs_profile-parser-tests.json');

interface Expected {
  config?: { profiles: Record<string, Record<string, string>>; sso_sessions?: Record<string, Record<string, string>> };
  errorContaining?: string;
}
interface SuiteCase {
  name: string;
  input: { configFile?: string; credentialsFile?: string };
  output: Expected;
}
interface CliCase {
  expected: Expected;
  why: string;
}

const cliCases = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'profile-parser-cli-cases.json'), 'utf8')) as {
  cases: Record<string, CliCase>;
};

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function run(c: SuiteCase) {
  const config = readProfileFile(c.input.configFile ?? '', 'config');
  const credentials = readProfileFile(c.input.credentialsFile ?? '', 'credentials');
  const merged = mergeProfileFiles(config, credentials);
  return { merged, fatal: [...config.problems, ...credentials.problems].filter((p) => p.fatal) };
}

function check(c: SuiteCase, expected: Expected) {
  const { merged, fatal } = run(c);
  if (expected.errorContaining !== undefined) {
    // The SDKs refuse the file; RoleCall reports the line and reads the rest.
    expect(fatal.map((p) => p.message).join('\n')).toContain(expected.errorContaining);
    return;
  }
  expect(fatal).toEqual([]);
  expect(plain(merged.profiles)).toEqual(expected.config!.profiles);
  if (expected.config!.sso_sessions) expect(plain(merged.ssoSessions)).toEqual(expected.config!.sso_sessions);
}

if (!existsSync(suiteFile)) {
  const why = `the profile parser suite is missing: ${suiteFile}`;
  if (process.env.CI === 'true') {
    it('finds the cross-SDK profile parser suite', () => expect.fail(why));
  } else {
    console.warn(`Skipping the profile parser suite: ${why}`);
    it.skip(`profile parser suite (${why})`, () => undefined);
  }
} else {
  const suite = JSON.parse(readFileSync(suiteFile, 'utf8')) as { tests: SuiteCase[] };
  describe('cross-SDK profile parser suite', () => {
    it('has the 65 cases this test was written against, and every CLI exception names one of them', () => {
      expect(suite.tests).toHaveLength(65);
      const names = new Set(suite.tests.map((t) => t.name));
      for (const name of Object.keys(cliCases.cases)) expect(names).toContain(name);
    });
    suite.tests.forEach((c, index) => {
      const cli = cliCases.cases[c.name];
      // One case name appears twice in the suite; the index keeps test names unique.
      it(`${index + 1}. ${c.name}${cli ? ' (as the AWS CLI reads it)' : ''}`, () => check(c, cli ? cli.expected : c.output));
    });
  });
}
