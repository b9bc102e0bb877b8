// What the first screen does not show, loaded when first used: the editors and their language packs, the response
// viewer (with the hex view and the error explanations, the identity badge's too), the request's other sections,
// the inspector's chain and workshop, the profiles page and the dialogs. The first screen is the header, the
// sidebar, the tabs, the URL line and the signing inspector; everything here is a separate chunk, so the window is
// usable after evaluating only those. Each loader is the one import() of its module: calling it again returns the
// same module, so the prefetch below and the lazy components in lazyParts.tsx share one download.
export const load = {
  responseViewer: () => import('../viewer/ResponseViewer'),
  bodyEditor: () => import('../workbench/BodyEditor'),
  authPanel: () => import('../workbench/AuthPanel'),
  signingOptions: () => import('../workbench/SigningOptions'),
  requestSettings: () => import('../workbench/RequestSettingsPanel'),
  checksTab: () => import('../checks/ChecksTab'),
  docsPanel: () => import('../docs/DocsPanel'),
  presignPanel: () => import('../presign/PresignPanel'),
  chainPanel: () => import('../chain/ChainPanel'),
  workshopPanel: () => import('../workshop/WorkshopPanel'),
  profilesView: () => import('../workbench/ProfilesView'),
  saveRequestDialog: () => import('../sidebar/SaveRequestDialog'),
  unsavedDialog: () => import('../workbench/UnsavedDialog'),
  settingsDialog: () => import('../preferences/SettingsDialog'),
  shortcutHelp: () => import('../keyboard/ShortcutHelp'),
  mfaDialog: () => import('../components/MfaDialog'),
  credentialRefusal: () => import('../viewer/CredentialRefusal'),
  importDialog: () => import('../sidebar/ImportDialog'),
  exportDialog: () => import('../sidebar/ExportDialog'),
  moveDialog: () => import('../sidebar/MoveDialog'),
  scopeSettingsDialog: () => import('../sidebar/ScopeSettingsDialog'),
  runnerDialog: () => import('../runner/RunnerDialog'),
  ssoSignInDialog: () => import('../sso/SsoSignInDialog'),
};

let prefetching = false;
let started = false;
let markStarted: () => void = () => {};
const startedPromise = new Promise<void>((resolve) => (markStarted = resolve));

/** True once the window is usable, painted and idle (see prefetchWhenIdle). */
export function hasStarted(): boolean {
  return started;
}

/** Resolves once the window is usable, painted and idle: what can wait for that starts then. */
export function afterStartup(): Promise<void> {
  return startedPromise;
}

/**
 * Called when the window is usable (the workspace has arrived): after the next paint, once the page is idle, marks
 * start-up done and loads the on-demand chunks, so the first send or click does not wait for one and a chunk is in
 * memory before anything could replace the files on disk (a rebuild, an update). One after another, in the order
 * of `load`, so each is evaluated in a task of its own and a keystroke never waits behind all of them. Later calls
 * do nothing. A chunk that fails here is loaded again (and its error shown) when it is used.
 */
export function prefetchWhenIdle(schedule: (next: () => void) => void = whenIdle): void {
  if (prefetching) return;
  prefetching = true;
  // Two frames: the first paint has happened before anything is fetched.
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      schedule(() => {
        started = true;
        markStarted();
        void loadInTurn(Object.values(load));
      }),
    ),
  );
}

async function loadInTurn(loaders: Array<() => Promise<unknown>>): Promise<void> {
  for (const loader of loaders) await loader().catch(() => undefined);
}

function whenIdle(next: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(next, { timeout: 2000 });
  else setTimeout(next, 50);
}
