// Shared by the workspace and vault fuzz targets: an app on a conf store in a folder, a valid saved workspace to
// start from, and the folder's files read back, so a test can say where bytes went after recovery.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../app';
import type { Cipher } from '../services/keyVault';
import { openTestApp } from '../testing/testApp';

/** A folder for a fuzz run: in memory (/dev/shm) where there is one, since every store write is fsynced. */
export function fuzzTempRoot(): string {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

export function openStoreApp(dir: string, cipher: Cipher): App {
  return openTestApp(dir, { env: { HOME: dir }, cipher });
}

/** Every file under `dir` (recursively) with its bytes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.set(full, fs.readFileSync(full));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** True when some file under `dir` holds exactly these bytes, or contains them (a record kept inside a bigger file). */
export function bytesKept(dir: string, bytes: Buffer, { whole = true } = {}): boolean {
  for (const data of filesUnder(dir).values()) {
    if (whole ? data.equals(bytes) : data.includes(bytes)) return true;
  }
  return false;
}

export function collection(id: string, name: string, requests: number) {
  return {
    id,
    name,
    auth: { type: 'profile', profile: 'api' },
    variables: [
      { id: `${id}-v1`, key: 'host', value: `${id}.example.com` },
      { id: `${id}-v2`, key: 'apiKey', value: `fuzzSecretVariable-${id}-0001`, secret: true },
    ],
    items: [
      {
        kind: 'folder',
        id: `${id}-f1`,
        name: 'orders',
        items: Array.from({ length: requests }, (_, i) => ({ kind: 'request', id: `${id}-r${i}`, name: `Request ${i}`, method: 'GET', url: `https://{{host}}/orders/${i}` })),
      },
    ],
  };
}

export const request = (id: string) => ({ id, name: id, method: 'GET', url: `https://example.com/${id}` });
