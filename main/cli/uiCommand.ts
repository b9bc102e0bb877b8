// `rolecall ui`: the app in the system browser (see main/browserMode). Prints the one URL holding the launch
// token, opens it unless --no-open, and runs until Ctrl+C, which closes the server, the folder watchers and the app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../../src/errors';
import { readBootstrap, rendererDirOf } from '../browserMode/bootstrapScript';
import { openBrowser } from '../browserMode/openBrowser';
import { startBrowserServer, type BrowserServer } from '../browserMode/server';
import { browserStoreDir } from '../browserMode/storeDir';
import { openConfStore } from '../services/confStore';
import type { CliArgs } from './args';
import { markFoldersOpen, uiFolders } from './uiFolders';

export function portFromArgs(args: CliArgs): number | undefined {
  const text = args.values.port;
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw appError('INVALID_INPUT', `--port takes a port number (1-65535, or 0 for a free one), not "${text}".`);
  return Number(text);
}

export interface UiOptions {
  env: Record<string, string | undefined>;
  /** The repository or install root holding dist/renderer and dist/browserMode. */
  root: string;
  /** Resolves when the user asks to stop; default: the first SIGINT or SIGTERM. */
  stopped?: Promise<unknown>;
  print?: (line: string) => void;
  /** Where a bad option is explained (default: stderr). */
  printError?: (line: string) => void;
  /** What a relative --folder is resolved against (default: the current directory). */
  cwd?: string;
  open?: (url: string) => void;
  /** Called once the server listens (tests). */
  started?: (server: BrowserServer) => void;
}

/**
 * The first SIGINT or SIGTERM. The handler stays until the process ends: Ctrl+C reaches both `npm start`'s launcher
 * and this process, and the launcher forwards it, so a second signal must not cut the clean close short.
 */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => resolve(signal);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runUi(args: CliArgs, options: UiOptions): Promise<number> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const printError = options.printError ?? ((line: string) => process.stderr.write(`${line}\n`));
  let port: number | undefined;
  let folders: string[];
  // Checked before anything starts: a mistyped path is one clear line and exit 2, not a server without the folder.
  try {
    port = portFromArgs(args);
    folders = uiFolders(args.values.folder, options.cwd ?? process.cwd());
  } catch (err) {
    printError(`rolecall: ${toAppError(err).message}`);
    return 2;
  }
  const dataDir = browserStoreDir(options.env);
  // Only this user may list the folder; the files themselves are 0600 (STORE_FILE_MODE).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const store = openConfStore(dataDir);
  markFoldersOpen(store.backend, folders);
  const server = await startBrowserServer({
    ...(port !== undefined ? { port } : {}),
    rendererDir: rendererDirOf(options.root),
    bootstrapJs: await readBootstrap(options.root),
    app: {
      env: options.env,
      store: store.backend,
      collectionFiles: store.collectionFiles,
      ...(store.recovered ? { storeRecovered: store.recovered } : {}),
    },
  });
  options.started?.(server);
  print(`RoleCall is running in your browser at:\n\n    ${server.launchUrl}\n`);
  print(`Workspace: ${path.resolve(dataDir)}. Stored keys need the desktop app's OS key store; use AWS profiles here.`);
  if (folders.length) print(`Collection folders: ${folders.join(', ')}.`);
  print('Press Ctrl+C to stop.');
  if (!args.values['no-open']) (options.open ?? openBrowser)(server.launchUrl);
  await (options.stopped ?? untilSignal());
  await server.close();
  print('RoleCall stopped.');
  return 0;
}
