// electron-builder.yml is only read by `npm run dist`, which needs a downloaded Electron; check it here against
// electron-builder's own schema so a typo fails in the unit tests instead.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('matches the schema of the installed electron-builder', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check rejects an unknown key (so the test above can fail)', async () => {
    await expect(validateConfiguration({ ...config, linux: { bogus: true } }, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration/,
    );
  });

  it('packages the built app as asar with the agreed ids and targets', () => {
    expect(config).toMatchObject({
      appId: 'dev.rolecall.app',
      productName: 'RoleCall',
      asar: true,
      directories: { output: 'release/' },
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      mac: { target: 'dmg', category: 'public.app-category.developer-tools' },
      win: { target: 'nsis' },
    });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect((config.linux as { maintainer?: string }).maintainer).toMatch(/<.+@.+>/);
  });

  it('flips the Electron fuses that close the ways around the app code (run as Node, NODE_OPTIONS, inspect, file://)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('the schema check rejects a misspelt fuse (so the fuses above are really read)', async () => {
    const fuses = { ...(config.electronFuses as object), runAsNodes: false };
    await expect(validateConfiguration({ ...config, electronFuses: fuses }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('starts the shell that build:main writes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/shell.cjs');
    expect(pkg.scripts['build:main']).toContain('main/electron/shell.ts');
    expect(pkg.scripts['build:main']).toContain('main/electron/preload.ts');
  });
});
