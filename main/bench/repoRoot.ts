import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository, found from this file whether it runs from main/bench or bundled into dist/bench. */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rolecall') return dir;
  }
  throw new Error(`No RoleCall package.json above ${__dirname}`);
}
