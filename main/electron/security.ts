// Applies policy.ts to Electron: every webContents (the main window's and any other that appears) may not
// navigate away, open windows, attach webviews or, packaged, open DevTools; the session grants no permission but
// the copy buttons' clipboard write; the built renderer is served as rolecall://app (services/rendererFiles.ts) and every
// page of the app gets the CSP. The renderer only ever shows text from main, but it renders bodies from arbitrary
// servers, so the window is locked down as if it were showing untrusted content.
import { app, protocol, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse, contentSecurityPolicy } from '../services/rendererFiles';
import {
  externalLinkTarget,
  isAppOrigin,
  isNavigationAllowed,
  isPermissionGranted,
  withCsp,
  type AppLocation,
} from './policy';

export function hardenSession(session: Session, location: AppLocation): void {
  const csp = contentSecurityPolicy({ dev: location.kind === 'dev' });
  session.webRequest.onHeadersReceived((details, callback) => {
    // Only the app's own responses: main does its HTTP with Node, so nothing else should pass here anyway.
    if (!isAppOrigin(details.url, location)) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  // Nothing but the copy buttons' clipboard write, and that for the app's own page only.
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details?.requestingUrl, location)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details?.requestingUrl || requestingOrigin, location),
  );
}

/** Must run before `app` is ready: Chromium fixes the schemes' privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves dist/renderer as rolecall://app, with the CSP on every response; nothing is served in dev mode. */
export function serveAppScheme(location: AppLocation): void {
  if (location.kind !== 'app') return;
  const csp = contentSecurityPolicy({ dev: false });
  protocol.handle(APP_SCHEME, (request) => appResponse(location.rendererDir, request, csp));
}

export function hardenWebContents(contents: WebContents, location: AppLocation, packaged: boolean): void {
  const blockNavigation = (event: Electron.Event<{ url: string }>) => {
    if (!isNavigationAllowed(event.url, location)) event.preventDefault();
  };
  // Main-frame navigations only: iframes (e.g. a srcdoc preview) are held by the CSP's frame rules instead.
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // webPreferences.devTools is off when packaged; this also covers any webContents created without it.
  if (packaged) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.setWindowOpenHandler(({ url }) => {
    // Chosen: https links open in the system browser (docs links in error texts); nothing opens inside the app.
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Must run before `app` is ready so no webContents escapes the guard. */
export function guardAllWebContents(location: AppLocation, packaged: boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, packaged));
}
