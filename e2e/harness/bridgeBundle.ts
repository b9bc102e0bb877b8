// Bundles bridge.ts (with the contract it imports) into one IIFE for page.addInitScript.
import path from 'node:path';
import { build } from 'esbuild';

const bridgeEntry = path.join(__dirname, 'bridge.ts');

export async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [bridgeEntry],
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
