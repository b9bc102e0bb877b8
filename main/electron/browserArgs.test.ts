// npm start's browser fallback hands `--folder` on to `rolecall ui`, resolved where the user typed the command.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserModeArgs } from './browserArgs';

describe('browserModeArgs', () => {
  it('passes both --folder forms on, resolved against the user directory, and nothing else', () => {
    expect(browserModeArgs(['--dev', '--folder', 'api', '--folder=/abs/x'], '/home/u/repo')).toEqual([
      'ui',
      '--folder',
      path.resolve('/home/u/repo', 'api'),
      '--folder',
      path.resolve('/abs/x'),
    ]);
  });

  it('is plain `ui` without folders', () => {
    expect(browserModeArgs(['--dev'], '/home/u')).toEqual(['ui']);
  });
});
