// The layer rules in eslint.config.mjs are what keep src/ pure and Electron in its shell; prove they bite.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it.each([
    ['src/models/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['src/models/probe.ts', "import path from 'path';\nexport const x = path;"],
    ['src/models/probe.ts', 'export const x = process.env.HOME;'],
    ['src/models/probe.ts', 'export const x = document.title;'],
    ['src/models/probe.ts', "import { createEngine } from '../../main/engine';\nexport const x = createEngine;"],
    ['src/models/probe.ts', "import { SignatureV4 } from '@smithy/signature-v4';\nexport const x = SignatureV4;"],
    ['main/services/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/services/probe.ts', "import Store from 'electron-store';\nexport const x = Store;"],
    ['main/cli/probe.ts', "import { App } from '../../renderer/App';\nexport const x = App;"],
    ['renderer/probe.tsx', "import { createEngine } from '../main/engine';\nexport const x = createEngine;"],
    ['renderer/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/probe.tsx', "import os from 'node:os';\nexport const x = os;"],
  ])('rejects a wrong import or global in %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found.some((p) => p.startsWith('no-restricted-'))).toBe(true);
  });

  it.each([
    ['main/electron/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/services/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/probe.tsx', "import { CHANNELS } from '../src/contract';\nexport const x = CHANNELS;"],
    ['src/models/probe.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('allows the layer its own imports in %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
