// What `npm start -- --folder PATH` hands on to `rolecall ui` when it falls back to the browser: only the --folder
// choices (the desktop's other arguments mean nothing there), in both `--folder PATH` and `--folder=PATH` forms.
// npm runs scripts from the project root, so a relative path is resolved against where the user typed the command
// (npm's INIT_CWD), not against where the launcher runs.
import path from 'node:path';

export function browserModeArgs(argv: readonly string[], userCwd: string): string[] {
  const out = ['ui'];
  const add = (value: string) => out.push('--folder', value.trim() ? path.resolve(userCwd, value) : value);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--folder' && i + 1 < argv.length) {
      add(argv[i + 1] as string);
      i += 1;
    } else if (arg.startsWith('--folder=')) add(arg.slice('--folder='.length));
  }
  return out;
}
