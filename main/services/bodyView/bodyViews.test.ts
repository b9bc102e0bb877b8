import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoleCallError } from '../../../src/errors';
import { createBodyViews, type BodyViews } from './bodyViews';

let dir: string;
let views: BodyViews;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-views-'));
  fs.chmodSync(dir, 0o700);
  views = createBodyViews({ spoolDir: dir, maxViews: 3 });
});
afterEach(async () => {
  await views.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function spool(text: string): string {
  const file = path.join(dir, `${randomUUID()}.body`);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

const items = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: i, name: `item-${i}` })));

/** Polls until the view's layout is over (bounded). */
async function finished(viewId: string) {
  for (let i = 0; i < 2000; i++) {
    const w = await views.lines({ viewId, from: 0, count: 0 });
    if (w.done) return w;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('layout did not finish');
}

async function searched(viewId: string, searchId: string, index?: number) {
  for (let i = 0; i < 2000; i++) {
    const s = views.match({ viewId, searchId, ...(index !== undefined ? { index } : {}) });
    if (s.done) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('search did not finish');
}

describe('body views', () => {
  it('answers the first lines of pretty JSON, then any window, with the total once laid out', async () => {
    const file = spool(items(5000));
    const first = await views.open({ file, mode: 'pretty', contentType: 'application/json', lines: 4 });
    expect(first.lines).toEqual(['[', '  {', '    "id": 0,', '    "name": "item-0"']);
    expect(first.language).toBe('json');
    const done = await finished(first.viewId);
    // "[", 4 lines per item, "]".
    expect(done.totalLines).toBe(5000 * 4 + 2);
    // The first screen came from main's preview; the laid-out file says the same.
    expect((await views.lines({ viewId: first.viewId, from: 0, count: 4 })).lines).toEqual(first.lines);
    const middle = await views.lines({ viewId: first.viewId, from: 4 * 2500 + 1, count: 3 });
    expect(middle.lines).toEqual(['  {', '    "id": 2500,', '    "name": "item-2500"']);
    const end = await views.lines({ viewId: first.viewId, from: done.totalLines - 2, count: 10 });
    expect(end.lines).toEqual(['  }', ']']);
  });

  it('shows raw text as it came, lines and all, and says when a body is binary', async () => {
    const raw = await views.open({ file: spool('one\r\ntwo\nthree'), mode: 'raw', lines: 10 });
    expect((await finished(raw.viewId)).totalLines).toBe(3);
    expect((await views.lines({ viewId: raw.viewId, from: 0, count: 10 })).lines).toEqual(['one', 'two', 'three']);
    const binary = await views.open({ file: spool('\u0000\u0001binary'), mode: 'pretty', lines: 10 });
    const w = await finished(binary.viewId);
    expect(w.binary).toBe(true);
    expect(w.lines).toEqual([]);
  });

  it('searches the laid-out body and jumps to any match by index', async () => {
    const file = spool(items(3000));
    const view = await views.open({ file, mode: 'pretty', lines: 1 });
    const { searchId } = views.search({ viewId: view.viewId, query: 'ITEM-2999', matchCase: false });
    const state = await searched(view.viewId, searchId, 0);
    expect(state.count).toBe(1);
    expect(state.match).toEqual({ index: 0, line: 4 * 2999 + 3, column: 13, length: 9 });
    const many = views.search({ viewId: view.viewId, query: '"id"', matchCase: true });
    const last = await searched(view.viewId, many.searchId, 2999);
    expect(last.count).toBe(3000);
    expect(last.match?.line).toBe(4 * 2999 + 2);
    // The older search was replaced.
    expect(() => views.match({ viewId: view.viewId, searchId })).toThrow(RoleCallError);
  });

  it('removes the laid-out file on close, keeps only the most recent views, and refuses files outside the spool folder', async () => {
    const opened = [];
    for (let i = 0; i < 4; i++) {
      const w = await views.open({ file: spool(items(10)), mode: 'pretty', lines: 1 });
      await finished(w.viewId);
      opened.push(w.viewId);
    }
    expect(views.size).toBe(3);
    await expect(views.lines({ viewId: opened[0]!, from: 0, count: 1 })).rejects.toThrow(/closed/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.view'))).toHaveLength(3);
    for (const viewId of opened.slice(1)) expect(await views.close({ viewId })).toEqual({ closed: true });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.view'))).toEqual([]);

    const outside = path.join(os.tmpdir(), `${randomUUID()}.body`);
    await expect(views.open({ file: outside, mode: 'raw', lines: 1 })).rejects.toThrow(/not a response body/);
    const notBody = path.join(dir, 'notes.txt');
    fs.writeFileSync(notBody, 'x');
    await expect(views.open({ file: notBody, mode: 'raw', lines: 1 })).rejects.toThrow(/not a response body/);
  });
});
