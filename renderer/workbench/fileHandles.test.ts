import { describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import type { BodySpec, SignInput } from '../../src/models/http';
import { bodyFilePaths, reconfirmFiles, rememberFile, withFileHandles } from './fileHandles';

const HANDLE_A = 'handleAAAAAAAAAAAAAAAAAA';
const HANDLE_B = 'handleBBBBBBBBBBBBBBBBBB';

function input(body: SignInput['request']['body']): SignInput {
  return { request: { method: 'POST', url: 'https://api.example.com/', body }, auth: { kind: 'none' } };
}

/** An API whose files:choose answers from a list (undefined: the user cancelled), recording where it opened. */
function fakeApi(answers: Array<string | undefined>, opened: Array<string | undefined>): RoleCallApi {
  let n = 0;
  return {
    filesChoose: async (request: { defaultPath?: string }) => {
      opened.push(request.defaultPath);
      const path = answers[n++];
      return { ok: true, value: path ? { cancelled: false, path, name: path.split('/').pop()!, size: 1, handle: `picked${n}`.padEnd(20, 'x') } : { cancelled: true } };
    },
  } as unknown as RoleCallApi;
}

describe('body file handles in the page', () => {
  it('go with the request to main, without changing the request the draft built', () => {
    const known = new Map([
      ['/a.bin', HANDLE_A],
      ['/b.bin', HANDLE_B],
    ]);
    const whole = input({ kind: 'file', path: '/a.bin' });
    expect(withFileHandles(whole, known).request.body).toEqual({ kind: 'file', path: '/a.bin', handle: HANDLE_A });
    expect(whole.request.body).toEqual({ kind: 'file', path: '/a.bin' });

    const parts = input({ kind: 'parts', parts: [{ text: 'x' }, { path: '/b.bin' }, { path: '/unknown' }] });
    expect(withFileHandles(parts, known).request.body).toEqual({ kind: 'parts', parts: [{ text: 'x' }, { path: '/b.bin', handle: HANDLE_B }, { path: '/unknown' }] });
    expect(bodyFilePaths(parts.request.body)).toEqual(['/b.bin', '/unknown']);
    const text = input({ kind: 'text', text: 'hi' });
    expect(withFileHandles(text, known)).toBe(text);
  });

  it('are asked for again, on the saved path, when main did not confirm a file', async () => {
    const opened: Array<string | undefined> = [];
    const body: BodySpec = { kind: 'parts', parts: [{ path: '/saved/one.bin' }, { text: '-' }, { path: '/saved/two.bin' }] };
    const again = await reconfirmFiles(fakeApi(['/saved/one.bin', '/saved/two.bin'], opened), body, '/saved/one.bin');
    expect(again).toEqual({ confirmed: true });
    expect(opened).toEqual(['/saved/one.bin', '/saved/two.bin']);
    const sent = withFileHandles(input(body)).request.body;
    expect(sent?.kind === 'parts' && sent.parts.every((p) => !('path' in p) || 'handle' in p)).toBe(true);
  });

  it('stop the retry when the dialog is cancelled or another file is picked', async () => {
    const cancelled = await reconfirmFiles(fakeApi([undefined], []), { kind: 'file', path: '/saved/c.bin' }, '/saved/c.bin');
    expect(cancelled).toEqual({ confirmed: false });
    const other = await reconfirmFiles(fakeApi(['/elsewhere/d.bin'], []), { kind: 'file', path: '/saved/c.bin' }, '/saved/c.bin');
    expect(other.confirmed).toBe(false);
    expect(other.error?.code).toBe('FILE_NOT_CONFIRMED');
    expect(other.error?.message).toContain('c.bin');
  });

  it('are kept only in this page: rememberFile is the one way in', () => {
    rememberFile({ path: '/kept.bin', handle: HANDLE_A });
    expect(withFileHandles(input({ kind: 'file', path: '/kept.bin' })).request.body).toMatchObject({ handle: HANDLE_A });
  });
});
