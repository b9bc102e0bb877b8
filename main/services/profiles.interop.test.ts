// The real-world config files in ../shared/interop/aws-config-suite (from the Go SDKs, botocore and smithy-rs) list
// the profiles `aws configure list-profiles` lists. The expected lists come from botocore, produced by
// fixtures/aws-config-suite-profiles.gen.py; the files are read in place, never copied here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfilesService } from './profiles';

const repoRoot = path.resolve(__dirname, '../..');
const suiteDir = path.resolve(repoRoot, '..', 'shared', 'interop', 'aws-config-suite');
const expected = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'aws-config-suite-profiles.json'), 'utf8')) as {
  files: Record<string, { expected: string[]; cli?: string }>;
};

if (!existsSync(suiteDir)) {
  const why = `the real-world AWS config files are missing: ${suiteDir}`;
  if (process.env.CI === 'true') {
    it('finds the real-world AWS config files', () => expect.fail(why));
  } else {
    console.warn(`Skipping the real-world config files: ${why}`);
    it.skip(`real-world config files (${why})`, () => undefined);
  }
} else {
  describe('real-world config files list the profiles the AWS CLI lists', () => {
    for (const [file, { expected: names, cli }] of Object.entries(expected.files)) {
      it(`${file}${cli ? ` (the CLI ${cli}; RoleCall reads it and reports the lines)` : ''}`, async () => {
        const list = await createProfilesService({
          env: { AWS_CONFIG_FILE: path.join(suiteDir, file), AWS_SHARED_CREDENTIALS_FILE: path.join(suiteDir, 'absent'), HOME: '/nonexistent-home' },
        }).list();
        expect(list.profiles.map((p) => p.name).sort()).toEqual([...names].sort());
        if (cli) expect(list.problems.length).toBeGreaterThan(0);
      });
    }
  });
}
