// Browser mode's save and open stand-ins on their own: a dialog needs the scope of the page that asked, an upload
// over the cap is refused with the size named and nothing kept, and a page that goes away cancels what it was asked.
import { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { within } from '../testing/settle';
import { createFileTransfer, type CallScope, type FileTransfer } from './fileTransfer';

function scope(owner: unknown = {}): CallScope & { asked: string[] } {
  const asked: string[] = [];
  return { owner, asked, ask: (q) => asked.push(q.pick.pickId), downloads: [] };
}

describe('browser mode file transfer', () => {
  let transfer: FileTransfer | undefined;
  afterEach(async () => transfer?.close());

  it('refuses a dialog outside a page call, with a message', async () => {
    transfer = await createFileTransfer();
    await expect(transfer.chooseSavePath('x.json')).rejects.toThrow('Saving a file needs the RoleCall page open in the browser.');
    await expect(transfer.chooseOpenPath({ title: 't' })).rejects.toThrow('Choosing a file needs the RoleCall page open in the browser.');
  });

  it('refuses an upload over the cap, naming the cap, and keeps no partial file', async () => {
    transfer = await createFileTransfer({ maxUploadBytes: 1024 * 1024 });
    const page = scope();
    const chosen = transfer.run(page, () => transfer!.chooseOpenPath({ title: 'body' }));
    await new Promise((r) => setTimeout(r, 10));
    const big = Readable.from([Buffer.alloc(600 * 1024), Buffer.alloc(600 * 1024)]);
    expect(await transfer.receiveUpload(page.asked[0]!, 'big.bin', big)).toBe('tooLarge');
    await expect(chosen).rejects.toThrow('big.bin is larger than 1 MB, the most RoleCall takes as a body.');
  });

  it('cancels the picks of a page that went away, and only those', async () => {
    transfer = await createFileTransfer();
    const gone = scope('gone');
    const stays = scope('stays');
    const first = transfer.run(gone, () => transfer!.chooseOpenPath({ title: 'a' }));
    const second = transfer.run(stays, () => transfer!.chooseOpenPath({ title: 'b' }));
    await new Promise((r) => setTimeout(r, 10));
    transfer.dropOwner('gone');
    expect(await within(first, 1000)).toBeUndefined();
    expect(await within(second, 50)).toBe('hung');
    expect(await transfer.receiveUpload(stays.asked[0]!, 'b.txt', Readable.from([Buffer.from('b')]))).toBe('saved');
    expect(path.basename((await second)!)).toBe('b.txt');
  });

  it('drops what a failed or cancelled save wrote, and hands a ready download out once', async () => {
    transfer = await createFileTransfer();
    const page = scope();
    const target = await transfer.run(page, () => transfer!.chooseSavePath('a.json'));
    const failed = transfer.finish(page, { ok: false, error: { code: 'FILE_ERROR', message: 'no' } });
    expect(failed.downloads).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(path.dirname(target!))).toBe(false);

    await transfer.run(page, () => transfer!.chooseSavePath('b.json'));
    const done = transfer.finish(page, { ok: true, value: { cancelled: false, path: '/tmp/wherever/b.json' } });
    expect(done.result).toEqual({ ok: true, value: { cancelled: false, path: "your browser's downloads (b.json)" } });
    const id = done.downloads[0]!.url.split('/').pop()!;
    expect(transfer.takeDownload(id)?.name).toBe('b.json');
    expect(transfer.takeDownload(id)).toBeUndefined();
  });
});
