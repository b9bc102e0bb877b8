// The app clears old spooled bodies while it runs (hourly, never keeping the process alive) and stops on dispose.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, SPOOL_CLEAN_EVERY_MS } from './app';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function oldBody(spool: string, name: string): string {
  const file = path.join(spool, name);
  fs.writeFileSync(file, 'old body');
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  fs.utimesSync(file, twoDaysAgo, twoDaysAgo);
  return file;
}

async function gone(file: string): Promise<boolean> {
  for (let i = 0; i < 100 && fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  return !fs.existsSync(file);
}

describe('spool cleaning', () => {
  it('removes day-old bodies every hour while the app runs, and stops once disposed', async () => {
    const spool = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-clean-'));
    dirs.push(spool);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = createApp({ host: 'browser', env: {}, emit: () => {}, spoolDir: spool });
    const first = oldBody(spool, 'a.body');
    vi.advanceTimersByTime(SPOOL_CLEAN_EVERY_MS - 1000);
    expect(fs.existsSync(first)).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(await gone(first)).toBe(true);

    await app.dispose();
    const second = oldBody(spool, 'b.body');
    vi.advanceTimersByTime(2 * SPOOL_CLEAN_EVERY_MS);
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(second)).toBe(true);
  });
});
