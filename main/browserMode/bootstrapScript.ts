// Where browser mode's bootstrap script comes from: `npm run build:main` bundles bootstrap.ts for the browser to
// dist/browserMode/bootstrap.js beside the renderer; the server sends that text as /rolecall-bootstrap.js.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appError } from '../../src/errors';

export const bootstrapFile = (root: string) => path.join(root, 'dist', 'browserMode', 'bootstrap.js');
export const rendererDirOf = (root: string) => path.join(root, 'dist', 'renderer');

export async function readBootstrap(root: string): Promise<string> {
  try {
    return await readFile(bootstrapFile(root), 'utf8');
  } catch {
    throw appError('FILE_ERROR', 'The browser mode is not built: run `npm run build` first.', bootstrapFile(root));
  }
}
