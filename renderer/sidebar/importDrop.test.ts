import { describe, expect, it } from 'vitest';
import { droppedFile } from './importDrop';

const file = (text: string, name: string) => new File([text], name);

describe('a file dropped on the sidebar', () => {
  it('is read as text in the page', async () => {
    expect(await droppedFile([file('{"info":{}}', 'a.postman_collection.json')])).toEqual({ text: '{"info":{}}', fileName: 'a.postman_collection.json' });
    expect(await droppedFile([file('curl https://x', 'command')])).toEqual({ text: 'curl https://x', fileName: 'command' });
  });

  it('is refused when too large, not text by name, or not alone', async () => {
    expect(await droppedFile([file('x'.repeat(20), 'big.json')], 10)).toEqual({ problem: expect.stringMatching(/larger than/) });
    expect(await droppedFile([file('x', 'photo.png')])).toEqual({ problem: expect.stringMatching(/not a \.json or \.txt file/) });
    expect(await droppedFile([file('x', 'a.json'), file('y', 'b.json')])).toEqual({ problem: expect.stringMatching(/one file at a time/) });
    expect(await droppedFile([])).toEqual({ problem: expect.stringMatching(/folder/) });
  });
});
