// Writes a one-shot command's result to stdout without creating process.stdout: making that stream (a socket for a
// pipe) is a measurable part of `rolecall sign`'s run. fs.writeSync on descriptor 1 is what process.stdout itself
// does for a file. A descriptor that cannot take it all at once (a non-blocking pipe: EAGAIN) gets the rest through
// process.stdout, which waits for it; so does Windows, whose console wants process.stdout's own text conversion.
import { Buffer } from 'node:buffer';
import { writeSync } from 'node:fs';

export function writeOut(text: string): void {
  if (process.platform === 'win32') {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    process.stdout.write(bytes.subarray(done));
  }
}
