// Builds the main-side application for one host (the Electron shell, the browser test host, the CLI): the engine,
// the MFA broker that turns credential prompts into events, and the handler registry. Secrets are masked here,
// at the last step before a response crosses the boundary.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { appError } from '../src/errors';
import { exportCollection } from '../src/formats/collectionExport';
import { environmentFile } from '../src/formats/postmanEnvironmentExport';
import { importAny } from '../src/formats/importAny';
import { importFolderFiles } from '../src/formats/importFolder';
import type { AppInfo, EventName, Events } from '../src/contract';
import type { Collection } from '../src/models/workspace';
import { createEngine, type Engine, type Secret } from './engine';
import { createRegistry, type Handlers, type Registry } from './ipc/registry';
import { createBodyFiles } from './services/bodyFiles';
import { createIdentityCache, needsIdentity, runChecks } from './services/checkRun';
import { checkVariablesScope } from '../src/checks/checkVariables';
import { createCollectionFolders } from './services/collectionFolders';
import { cookieHandlers } from './services/cookies/cookieHandlers';
import { createWorkspaceCookies } from './services/cookies/workspaceCookies';
import { createLayout } from './services/folderWrite';
import type { WatchOptions } from './services/folderWatch';
import { watchAwsFiles, type AwsFilesWatchOptions } from './services/awsFilesWatch';
import { importFromPath } from './services/importFile';
import { createImportSession } from './services/importSession';
import { createFormatPool } from './services/formatPool';
import { guardCollection, guardTabs } from '../src/credentialGuard';
import { createHistoryChannels } from './services/historyChannels';
import { createHistoryResponses, historyResponsesDir } from './services/historyResponses';
import { createKeyVault, type Cipher } from './services/keyVault';
import { createMfaBroker } from './services/mfaBroker';
import { createSsoSignIn } from './services/sso/ssoSignIn';
import { ssoTokenState } from './services/sso/ssoTokenState';
import { createPreferences, preferencesFile } from './services/preferences';
import { endpointsFromEnv } from './services/policyFetch';
import { runPolicyWorkshop } from './services/policyWorkshop';
import { revealPresignedUrl } from './services/presignReveal';
import { redactSecrets } from './services/redact';
import { createAppRunner } from './services/runner/appRunner';
import { runnerEngine, runnerEvaluate } from './services/runner/runnerHooks';
import { bodySourceBytes, cleanSpool, readSpoolSlice, saveBodySource } from './services/spoolFiles';
import { createBodyViews } from './services/bodyView/bodyViews';
import { receivingEvents } from './services/receivingEvents';
import { FIRST_SCREEN_LINES } from '../src/models/bodyViewLimits';
import { trimSpooledHead } from './services/bodyView/inlineHead';
import { defaultSpoolDir } from './services/transport';
import { createStoredRequests } from './services/storedRequests';
import { createTreePaging } from './services/treePaging';
import { createMemoryBackend, createWorkspaceStore, type Recovered, type StoreBackend, type WorkspaceStoreOptions } from './services/workspaceStore';
import packageJson from '../package.json';

export interface AppOptions {
  host: AppInfo['host'];
  env?: Record<string, string | undefined>;
  stsEndpoint?: string;
  emit: (event: EventName, payload: Events[EventName]) => void;
  trustedOrigins?: string[];
  /** The CLI only: print a presigned URL whole. Every other host masks secrets before a response leaves main. */
  revealSecrets?: boolean;
  spoolDir?: string;
  /** Where the workspace is kept (electron-store, conf); absent means memory, which the CLI is content with. */
  store?: StoreBackend;
  /** Set when the host had to set an unreadable store file aside to open the backend (see openBackend). */
  storeRecovered?: Recovered;
  /** A file per collection (see WorkspaceStoreOptions); without it collections are keys of `store`. */
  collectionFiles?: WorkspaceStoreOptions['collectionFiles'];
  /**
   * Encrypts stored keys and secret variable values at rest. Without a usable one keys:save refuses, and secret
   * variables are stored as typed (workspace:load then reports secretsProtection "none").
   */
  cipher?: Cipher;
  /** Asks where to save a file (a response body, an exported collection); undefined means the user cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | undefined>;
  /** Asks which file to send as a body (files:choose); undefined means the user cancelled. */
  chooseOpenPath?: (opts: { defaultPath?: string; title: string }) => Promise<string | undefined>;
  /** Asks for a folder (folders:open, folders:create may make a new one); undefined means the user cancelled. */
  chooseFolder?: (opts: { title: string; create: boolean }) => Promise<string | undefined>;
  /** Opens an https URL in the system browser (the SSO sign-in page); without it the page shows the link to open. */
  openExternal?: (url: string) => Promise<void>;
  /** How open collection folders are watched (tests shorten the debounce); false: not at all. The CLI never watches. */
  folderWatch?: false | WatchOptions;
  /** How the AWS config and credentials files are watched (profiles:changed); false: not at all. The CLI never watches. */
  awsFilesWatch?: false | AwsFilesWatchOptions;
}

export const SPOOL_CLEAN_EVERY_MS = 60 * 60 * 1000;

export interface App {
  registry: Registry;
  /** The engine itself, for in-process callers on the Node side (tests); never handed to a renderer. */
  engine: Engine;
  dispose(): Promise<void>;
}

/** A suggested file name without folders or characters file systems refuse. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return cleaned || 'response';
}

export function createApp(options: AppOptions): App {
  const broker = createMfaBroker((prompt) => options.emit('mfa:prompt', prompt));
  const sso = createSsoSignIn({
    ...(options.env ? { env: options.env } : {}),
    onStatus: (status) => options.emit('sso:status', status),
    ...(options.openExternal ? { openUrl: options.openExternal } : {}),
  });
  const backend = options.store ?? createMemoryBackend();
  const workspace = createWorkspaceStore(backend, {
    ...(options.cipher ? { cipher: options.cipher } : {}),
    ...(options.storeRecovered ? { recovered: options.storeRecovered } : {}),
    ...(options.collectionFiles ? { collectionFiles: options.collectionFiles } : {}),
  });
  const preferences = createPreferences(preferencesFile(backend.path));
  const vault = createKeyVault(backend, options.cipher);
  // The workspace's cookie jar, sealed with the same cipher as the vault; runs use a jar of their own.
  const cookies = createWorkspaceCookies(backend, options.cipher);
  const folders = createCollectionFolders({
    backend,
    ...(options.cipher ? { cipher: options.cipher } : {}),
    onChanged: (folderId) => options.emit('folders:changed', { folderId }),
    watch: options.host === 'cli' ? false : (options.folderWatch ?? {}),
  });
  // Folders open when the app last ran are opened again; workspace:load waits for them.
  const foldersRestored = folders.restore().catch(() => undefined);
  /** Without a folder dialog (browser mode) the user names folders at launch: a page never names a path to read. */
  const noFolderDialog = (what: 'Opening' | 'Creating') => {
    if (options.host !== 'browser') return appError('FILE_ERROR', `${what} a folder is not available here.`);
    const open = folders.recent().filter((r) => r.open).map((r) => r.name);
    const how = what === 'Opening' ? 'to open a collection folder' : 'after making the folder, to use it as a new collection folder';
    return appError(
      'FILE_ERROR',
      `Start RoleCall with \`rolecall ui --folder PATH\` ${how} in the browser (a page cannot choose folders on this computer). ${open.length ? `Open now: ${open.join(', ')}.` : 'No folder is open now.'}`,
    );
  };
  const awsFiles =
    options.host === 'cli' || options.awsFilesWatch === false
      ? undefined
      : watchAwsFiles(options.env ?? process.env, () => options.emit('profiles:changed', {}), options.awsFilesWatch ?? {});
  const imports = createImportSession({ workspace, vault, canStoreKeys: () => options.cipher?.available === true });
  const spoolDir = options.spoolDir ?? defaultSpoolDir();
  const history = createHistoryChannels(workspace, createHistoryResponses({ dir: historyResponsesDir(backend.path) }), {
    readSpool: (file, length) => readSpoolSlice(file, 0, length, spoolDir),
  });
  // Spooled bodies older than a day go while the app runs, not only at the next start.
  const spoolCleaner = setInterval(() => void cleanSpool(spoolDir), SPOOL_CLEAN_EVERY_MS);
  spoolCleaner.unref();
  const bodyFiles = createBodyFiles();
  // Hostile bodies are formatted and AWS errors parsed on a worker thread, never on the one answering IPC.
  const formatPool = createFormatPool();
  // Big bodies are laid out and searched in main, a window of lines at a time crossing to the page.
  const bodyViews = createBodyViews({ spoolDir });
  const engine = createEngine({
    mfa: broker.provider,
    awsErrors: (status, headers, text) => formatPool.awsError(status, headers, text),
    bodyFiles,
    storedKeys: (name) => vault.get(name),
    ...(options.env ? { env: options.env } : {}),
    ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}),
    ...(options.spoolDir ? { spoolDir: options.spoolDir } : {}),
    ...(options.host === 'cli' && options.revealSecrets === true ? { revealSecrets: true } : {}),
  });

  const reveal = options.host === 'cli' && options.revealSecrets === true;
  const mask = <T>(value: T, secrets: Secret[]): T => (reveal ? value : redactSecrets(value, secrets));
  // Collection runs from the window: the same engine and MFA broker as a single send.
  const runner = createAppRunner({
    engine: runnerEngine(engine),
    evaluate: runnerEvaluate(spoolDir),
    collection: async (id) => {
      await foldersRestored;
      return workspace.getCollection(id) ?? folders.getCollection(id);
    },
    environment: async (id) => {
      await foldersRestored;
      return workspace.getEnvironment(id) ?? folders.load().environments.find((e) => e.id === id);
    },
    progress: (event) => options.emit('runner:progress', event),
    finished: (event) => options.emit('runner:finished', event),
    mask: (result, secrets) => mask(result, secrets),
  });
  // Request documents the sidebar's light tree stands for (collections:save puts them back in place).
  const storedRequests = createStoredRequests();
  const treePaging = createTreePaging();
  const allCollections = function* (): Iterable<Collection> {
    yield* workspace.peekCollections();
    yield* folders.peekCollections();
  };
  /** Who each set of credentials signs as, for identity checks (asked of STS once, and only when a check needs it). */
  const identities = createIdentityCache(engine.credentials);

  const handlers: Handlers = {
    'profiles:list': () => engine.profiles.list(),
    'credentials:whoami': async ({ auth, forceRefresh }) => {
      if (auth.kind === 'none') throw appError('INVALID_INPUT', 'Choose a profile, environment credentials or a role to assume first.');
      const identity = await engine.credentials.whoami(auth, { forceRefresh });
      identities.remember(identity);
      return identity;
    },
    'credentials:clear': async ({ auth }) => ({ cleared: engine.credentials.clear(auth) }),
    'request:sign': async (input) => {
      const signed = await engine.sign(input, { cookies: cookies.jar() });
      return mask(signed.result, signed.secrets);
    },
    'request:send': async (input) => {
      // A window sees a large body's first screen while the rest arrives; the answer below still waits for all of it.
      const firstScreen = {
        open: (file: string, contentType: string | undefined) => bodyViews.open({ file, mode: 'pretty', lines: FIRST_SCREEN_LINES, ...(contentType ? { contentType } : {}) }),
        close: (viewId: string) => void bodyViews.close({ viewId }),
      };
      const receiving = options.host !== 'cli' && input.requestId ? receivingEvents(input.requestId, (event) => options.emit('request:receiving', event), firstScreen) : undefined;
      const sent = engine
        .send(input, { cookies: cookies.jar(), ...(receiving ? { onReceiving: (notice, secrets) => receiving.notice(notice, (value) => mask(value, secrets)) } : {}) })
        .finally(() => receiving?.stop());
      const { result, secrets } = await sent;
      const checks = input.checks ?? [];
      const captures = input.captures ?? [];
      if (checks.length || captures.length) {
        const signedAs = needsIdentity(checks) ? await identities.signedAs(input.auth) : undefined;
        result.checks = await runChecks({ result, checks, captures, ...(signedAs ? { signedAs } : {}), spoolDir, variables: checkVariablesScope(input.checkVariables ?? []) });
      }
      // A window shows a spooled body through a body view: only a little of its head travels with the answer.
      return mask(options.host === 'cli' ? result : trimSpooledHead(result), secrets);
    },
    'presign:reveal': async (input) => revealPresignedUrl(input, engine.sign),
    'request:cancel': async ({ requestId }) => ({ cancelled: engine.cancel(requestId) }),
    'mfa:answer': async ({ promptId, code, cancel }) => ({ accepted: broker.answer(promptId, code, cancel) }),
    'sso:start': async ({ profile }) => sso.start(profile),
    'sso:poll': async ({ flowId }) => sso.status(flowId),
    'sso:cancel': async ({ flowId }) => ({ cancelled: sso.cancel(flowId) }),
    'sso:tokenState': async ({ profile }) => ssoTokenState(profile, options.env ?? process.env),
    'preferences:get': async () => ({ values: preferences.all() }),
    'preferences:set': async ({ key, value }) => {
      preferences.set(key, value ?? undefined);
      return { saved: true };
    },
    'workspace:load': async () => {
      await foldersRestored;
      const keyProblems = vault.problems();
      const stored = workspace.load();
      const fromFolders = folders.load();
      return {
        ...stored,
        collections: treePaging.firstPages([...stored.collections, ...fromFolders.collections]),
        environments: [...stored.environments, ...fromFolders.environments],
        ...(fromFolders.folders.length ? { folders: fromFolders.folders } : {}),
        ...workspace.secretsStatus(),
        storedKeys: vault.list(),
        ...(keyProblems.length ? { storedKeyProblems: keyProblems } : {}),
      };
    },
    'requests:get': async ({ collectionId, requestId }) => {
      await foldersRestored;
      const doc = folders.owns(collectionId) ? folders.getRequest(collectionId, requestId) : workspace.getRequest(collectionId, requestId);
      if (!doc) throw appError('INVALID_INPUT', 'That request is no longer saved.', `${collectionId}/${requestId}`);
      return doc;
    },
    'collections:page': async ({ id, load, page }) => ({ items: treePaging.page(id, load, page) }),
    'workspace:dismissNotice': async ({ id }) => ({ dismissed: workspace.dismissNotice(id) }),
    'collections:save': async ({ collection: sent, overwrite, confirmDeleteFiles }) => {
      const inFolder = folders.owns(sent.id);
      const before = inFolder ? folders.peekCollection(sent.id) : workspace.peekCollection(sent.id);
      const collection = guardCollection(storedRequests.resolve(sent, before, allCollections));
      if (inFolder) {
        const { keptFiles } = await folders.saveCollection(collection, { overwrite, confirmDeleteFiles });
        storedRequests.remember(before, collection);
        return { saved: true, ...(keptFiles.length ? { keptFiles } : {}) };
      }
      workspace.saveCollection(collection);
      storedRequests.remember(before, collection);
      return { saved: true };
    },
    'collections:delete': async ({ id, confirmDeleteFiles, overwrite }) => {
      const before = folders.owns(id) ? folders.peekCollection(id) : workspace.peekCollection(id);
      const deleted = folders.owns(id) ? await folders.deleteCollection(id, { confirmDeleteFiles, overwrite }) : workspace.deleteCollection(id);
      if (deleted) storedRequests.remember(before, undefined);
      return { deleted };
    },
    'collections:export': async ({ id, format }) => {
      if (!options.chooseSavePath) throw appError('FILE_ERROR', 'Exporting to a file is not available here.');
      const collection = workspace.getCollection(id) ?? folders.getCollection(id);
      if (!collection) throw appError('INVALID_INPUT', 'That collection no longer exists.', id);
      const { fileName, text, report } = exportCollection(collection, format);
      const target = await options.chooseSavePath(safeFileName(fileName));
      if (!target) return { cancelled: true };
      try {
        await writeFile(target, text, 'utf8');
      } catch (err) {
        throw appError('FILE_ERROR', 'RoleCall could not write the exported collection.', `${target}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { path: target, cancelled: false, ...(report ? { report } : {}) };
    },
    'collections:order': async ({ ids }) => {
      workspace.orderCollections(ids);
      return { saved: true };
    },
    'environments:save': async ({ environments, activeEnvironmentId }) => {
      // Environments of open folders are written to their files; the store keeps the rest (and an active one of its own).
      const rest = await folders.saveEnvironments(environments);
      workspace.saveEnvironments(rest, activeEnvironmentId && rest.some((e) => e.id === activeEnvironmentId) ? activeEnvironmentId : undefined);
      return { saved: true };
    },
    'environments:export': async ({ id }) => {
      if (!options.chooseSavePath) throw appError('FILE_ERROR', 'Exporting to a file is not available here.');
      await foldersRestored;
      const environment = workspace.getEnvironment(id) ?? folders.load().environments.find((e) => e.id === id);
      if (!environment) throw appError('INVALID_INPUT', 'That environment no longer exists.', id);
      const { fileName, text } = environmentFile(environment);
      const target = await options.chooseSavePath(safeFileName(fileName));
      if (!target) return { cancelled: true };
      try {
        await writeFile(target, text, 'utf8');
      } catch (err) {
        throw appError('FILE_ERROR', 'RoleCall could not write the exported environment.', `${target}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { path: target, cancelled: false };
    },
    'history:add': async ({ entry }) => history.add(entry),
    'history:clear': async () => history.clear(),
    'history:keepResponse': async ({ entryId, response }) => history.keepResponse(entryId, response),
    'history:response': async ({ entryId }) => history.response(entryId),
    'tabs:save': async (tabs) => {
      workspace.saveTabs(guardTabs(tabs));
      return { saved: true };
    },
    'keys:save': async ({ name, accessKeyId, secretAccessKey, sessionToken }) => {
      const summary = vault.save(name, { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
      engine.credentials.clear({ kind: 'storedKeys', name });
      return summary;
    },
    'keys:delete': async ({ name }) => {
      engine.credentials.clear({ kind: 'storedKeys', name });
      return { deleted: vault.delete(name) };
    },
    'keys:rename': async ({ from, to }) => {
      const summary = vault.rename(from, to);
      engine.credentials.clear({ kind: 'storedKeys', name: from });
      return summary;
    },
    'response:read': async ({ file, offset, length }) => readSpoolSlice(file, offset, length, spoolDir),
    'response:format': async ({ source }) => formatPool.format(await bodySourceBytes(source, spoolDir)),
    'bodyView:open': (input) => bodyViews.open(input),
    'bodyView:lines': (input) => bodyViews.lines(input),
    'bodyView:search': async (input) => bodyViews.search(input),
    'bodyView:match': async (input) => bodyViews.match(input),
    'bodyView:close': (input) => bodyViews.close(input),
    'response:save': async ({ source, suggestedName }) => {
      if (!options.chooseSavePath) throw appError('FILE_ERROR', 'Saving a response to a file is not available here.');
      const target = await options.chooseSavePath(safeFileName(suggestedName));
      if (!target) return { cancelled: true };
      await saveBodySource(source, spoolDir, target);
      return { path: target, cancelled: false };
    },
    'files:choose': async ({ defaultPath, title }) => {
      if (!options.chooseOpenPath) throw appError('FILE_ERROR', 'Choosing a body file is not available here.');
      const chosen = await options.chooseOpenPath({ title: title ?? 'Choose the file to send', ...(defaultPath ? { defaultPath } : {}) });
      if (!chosen) return { cancelled: true };
      return { cancelled: false, ...(await bodyFiles.confirm(chosen)) };
    },
    'import:preview': async ({ source }) => {
      if (source.kind === 'text') return { cancelled: false, ...imports.preview(importAny(source.text), source.fileName && safeFileName(source.fileName)) };
      if (source.kind === 'folder') {
        const files = Object.fromEntries(source.files.map((f) => [f.path, f.text]));
        return { cancelled: false, ...imports.preview(importFolderFiles(source.name, files), safeFileName(source.name || 'folder')) };
      }
      if (!options.chooseOpenPath) throw appError('FILE_ERROR', 'Importing from a file is not available here.');
      const chosen = await options.chooseOpenPath({ title: 'Import a collection, environment or curl command' });
      if (!chosen) return { cancelled: true };
      return { cancelled: false, ...imports.preview(await importFromPath(chosen), basename(chosen)) };
    },
    'import:commit': async ({ previewId, keys }) => {
      const result = imports.commit(previewId, keys);
      for (const stored of result.storedKeys) engine.credentials.clear({ kind: 'storedKeys', name: stored.name });
      return result;
    },
    'import:discard': async ({ previewId }) => ({ discarded: imports.discard(previewId) }),
    'folders:open': async ({ path }) => {
      let root = path && folders.recentPath(path);
      if (path && !root) throw appError('INVALID_INPUT', 'Open a folder with "Open folder…" first; only folders opened before can be reopened by name.');
      if (!root) {
        if (!options.chooseFolder) throw noFolderDialog('Opening');
        root = await options.chooseFolder({ title: 'Open a collection folder', create: false });
        if (!root) return { cancelled: true };
      }
      return { cancelled: false, ...(await folders.open(root)) };
    },
    'folders:create': async () => {
      if (!options.chooseFolder) throw noFolderDialog('Creating');
      const root = await options.chooseFolder({ title: 'Choose or create a folder for collections', create: true });
      if (!root) return { cancelled: true };
      try {
        await createLayout(root);
      } catch (err) {
        throw appError('FILE_ERROR', 'RoleCall could not create the collection folder.', `${root}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { cancelled: false, ...(await folders.open(root)) };
    },
    'folders:close': async ({ folderId }) => ({ closed: folders.close(folderId) }),
    'folders:recent': async () => folders.recent(),
    'collections:moveToFolder': async ({ collectionId, folderId, overwrite }) => {
      const collection = workspace.getCollection(collectionId);
      if (!collection) throw appError('INVALID_INPUT', 'Only a collection kept in the app can be moved to a folder.', collectionId);
      await folders.moveIn(guardCollection(collection), folderId, { overwrite });
      // Removed from the store only once its files are written: a failed write loses nothing.
      workspace.deleteCollection(collectionId);
      return { moved: true };
    },
    'policy:workshop': async (input) => runPolicyWorkshop(input, { credentials: engine.credentials, endpoints: endpointsFromEnv(options.env ?? process.env), ...(options.env ? { env: options.env } : {}) }),
    'runner:start': async (input) => runner.start(input),
    'runner:cancel': async ({ runId }) => ({ cancelled: runner.cancel(runId) }),
    'runner:result': async ({ runId }) => runner.result(runId),
    'runner:detail': async ({ runId, position }) => runner.detail(runId, position),
    'runner:export': async ({ runId, format }) => runner.export(runId, format),
    ...cookieHandlers(cookies),
    'app:info': async () => ({ version: packageJson.version, platform: process.platform, host: options.host }),
  };

  return {
    registry: createRegistry(handlers, options.trustedOrigins ? { trustedOrigins: options.trustedOrigins } : {}),
    engine,
    async dispose() {
      clearInterval(spoolCleaner);
      await runner.dispose();
      sso.dispose();
      cookies.dispose();
      folders.dispose();
      awsFiles?.close();
      await formatPool.dispose();
      await bodyViews.dispose();
      for (const prompt of broker.pending()) broker.answer(prompt.promptId, undefined, true);
    },
  };
}
