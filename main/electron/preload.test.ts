// Builds the preload exactly as build:main does and runs the bundle in a bare VM context with a fake 'electron':
// a sandboxed preload can require nothing else and has no Node globals, so this is what proves it will load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_GLOBAL, CHANNELS, methodName } from '../../src/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
let outDir = '';
let code = '';

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-preload-'));
  await build({
    entryPoints: [path.join(root, 'main/electron/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron', 'electron-store'],
    logLevel: 'silent',
  });
  code = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
});

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

type Handler = (event: unknown, payload: unknown) => void;

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Handler>>();
  const ipcRenderer = {
    invoke: async (channel: string, request: unknown) => {
      invoked.push([channel, request]);
      return { ok: true, value: channel };
    },
    on: (event: string, handler: Handler) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(handler);
    },
    removeListener: (event: string, handler: Handler) => listeners.get(event)?.delete(handler),
    send: () => {
      throw new Error('the preload must not use send');
    },
  };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer };
  const required: string[] = [];
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const context = vm.createContext({ require: sandboxRequire, console });
  vm.runInContext(code, context, { filename: 'preload.cjs' });
  return { exposed, invoked, listeners, required, ipcRenderer };
}

describe('preload bundle', () => {
  it('has no require other than require("electron")', () => {
    const requires = [...code.matchAll(/\brequire\(([^)]*)\)/g)].map((m) => m[1]);
    expect(requires.length).toBeGreaterThan(0);
    expect(new Set(requires)).toEqual(new Set(['"electron"']));
  });

  it('loads with only require("electron"), no process, Buffer or module', () => {
    const { required, exposed } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual([API_GLOBAL]);
  });

  it('exposes exactly the contract methods and on(), never ipcRenderer', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get(API_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS.map((c) => methodName(c)), 'on'].sort());
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it('turns each method into ipcRenderer.invoke on its channel', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get(API_GLOBAL) as Record<string, (request?: unknown) => Promise<unknown>>;
    await expect(api.profilesList!({})).resolves.toEqual({ ok: true, value: 'profiles:list' });
    await api.requestCancel!({ requestId: 'r1' });
    await api.appInfo!();
    expect(invoked).toEqual([
      ['profiles:list', {}],
      ['request:cancel', { requestId: 'r1' }],
      ['app:info', {}],
    ]);
  });

  it('delivers event payloads (not the IPC event) and unsubscribes the same handler', () => {
    const { exposed, listeners } = loadPreload();
    const api = exposed.get(API_GLOBAL) as { on(event: string, cb: (p: unknown) => void): () => void };
    const seen: unknown[] = [];
    const off = api.on('mfa:prompt', (payload) => seen.push(payload));
    const prompt = { promptId: 'p1', mfaSerial: 'arn:aws:iam::1:mfa/me', reason: 'dev' };
    for (const handler of listeners.get('mfa:prompt') ?? []) handler({ sender: 'ipc' }, prompt);
    expect(seen).toEqual([prompt]);
    off();
    expect(listeners.get('mfa:prompt')?.size).toBe(0);
    expect(() => api.on('not:an-event', () => undefined)).toThrow(/Unknown event/);
  });
});
