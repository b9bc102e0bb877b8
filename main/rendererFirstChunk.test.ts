// The window's first chunk holds what the first screen shows and nothing that waits for a click (issue 12: "the first
// screen needs only what it shows"). The renderer is built here with the project's own Vite config, in memory, and
// the entry chunk's modules are checked: a static import of a dialog or of a zod schema module, anywhere in the
// first screen's import graph, pulls it back into that chunk and fails this test.
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

/** Modules (paths from the repo root) that must not be in the first chunk, by what they are. */
const LATER: Record<string, RegExp> = {
  "zod's schema builders": /node_modules\/zod\/v4\/(classic|core\/schemas)/,
  'the import dialog': /renderer\/sidebar\/ImportDialog\.tsx$/,
  'the export dialog': /renderer\/sidebar\/ExportDialog\.tsx$/,
  'the move dialog': /renderer\/sidebar\/MoveDialog\.tsx$/,
  'the folder settings dialog': /renderer\/sidebar\/ScopeSettingsDialog\.tsx$/,
  'the auth settings': /renderer\/workbench\/AuthPanel\.tsx$/,
  'the runner dialog': /renderer\/runner\/(RunnerDialog|RunSetup|RunResults|RunDetail)\.tsx$/,
  'the SSO sign-in dialog': /renderer\/sso\/SsoSignInDialog\.tsx$/,
  'the Copy as snippet writers': /src\/formats\/copyAs\/(typescript|python|awscurl|curl)\.ts$/,
  'the pasted-curl parser': /src\/formats\/curl(Import|Options|Words)\.ts$/,
};

let firstChunk: string[];

beforeAll(async () => {
  const output = (await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false, outDir: path.join(root, 'dist', 'first-chunk-test') },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('The renderer build has no entry chunk.');
  firstChunk = entry.moduleIds.map((id) => path.relative(root, id).split(path.sep).join('/'));
}, 120_000);

describe("the window's first chunk", () => {
  it('holds the first screen', () => {
    for (const shown of ['renderer/workbench/Workbench.tsx', 'renderer/sidebar/CollectionsPanel.tsx', 'renderer/inspector/SigningInspector.tsx']) {
      expect(firstChunk, shown).toContain(shown);
    }
  });

  for (const [what, pattern] of Object.entries(LATER)) {
    it(`leaves out ${what}`, () => {
      expect(firstChunk.filter((id) => pattern.test(id))).toEqual([]);
    });
  }
});
