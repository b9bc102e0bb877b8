// Bundles bridge.ts (with the contract it imports) into one IIFE for page.addInitScript.
import path from 'node:path';
import { build } from 'esbuild';

/** `root` is the repository; pass it when running from a bundle (the benches), where __dirname is elsewhere. */
export async function bundleBridge(root = path.resolve(__dirname, '..', '..')): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'e2e', 'harness', 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge bundle');
  return output.text;
}
