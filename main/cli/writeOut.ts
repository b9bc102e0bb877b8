// Writes a one-shot command's result to stdout without creating process.stdout: making that stream (a socket for a
// pipe) is a measurable part of `rolecall sign`'s run. fs.writeSync on descriptor 1 is what process.stdout itself
// does for a file. A descriptor that cannot take it all at once (a non-blocking pipe: EAGAIN) gets the rest through
// process.stdout, and so does Windows, whose console wants process.stdout's own text conversion. Either way the
// promise settles once every byte is with the operating system, so the caller may end the process then (bin.ts).
import { Buffer } from 'node:buffer';
import { writeSync } from 'node:fs';

function viaStream(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

export async function writeOut(text: string): Promise<void> {
  if (process.platform === 'win32') return viaStream(text);
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    return viaStream(bytes.subarray(done));
  }
}
