// The on-demand parts (see onDemand.ts) as components with the same names and props as the modules they stand
// for, so a call site changes only its import. Each waits for its chunk behind its own Suspense boundary, showing a
// one-line "Loading…" status (announced politely) where the part will appear; a dialog's status floats over the page.
import { createElement, lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { RenderFailure } from '../components/ErrorBoundary';
import { afterStartup, hasStarted, load } from './onDemand';
import './onDemandStyles';
import './startup.css';

interface Options<P> {
  /** A dialog's status floats over the page instead of taking a line where the part goes. */
  placement?: 'inline' | 'overlay';
  /**
   * For a part on the first screen: until start-up is done it shows its status without loading, unless these
   * props need it now (the response viewer waits, unless a response or an error is there to show).
   */
  needsNow?: (props: P) => boolean;
}

export function onDemand<P extends object>(loader: () => Promise<ComponentType<P>>, what: string, options: Options<P> = {}) {
  const { placement = 'inline', needsNow } = options;
  // Parts on screen re-render with a fresh lazy component when "Try again" is pressed on a failed load.
  const retries = new Set<() => void>();
  const retry = () => {
    Lazy = lazyPart();
    for (const again of retries) again();
  };
  // A chunk that cannot be loaded (the files changed under a running window, a broken install) fails alone: the
  // part's place says so, with a way to try again, and the rest of the window keeps working.
  const lazyPart = () =>
    lazy(async (): Promise<{ default: ComponentType<P> }> => {
      try {
        return { default: await loader() };
      } catch (error) {
        console.error(`Could not load ${what}:`, error);
        return { default: () => <RenderFailure region={`Loading ${what}`} error={error} onRetry={retry} /> };
      }
    });
  let Lazy = lazyPart();

  function OnDemandPart(props: P) {
    const [, setAttempt] = useState(0);
    const [started, setStarted] = useState(hasStarted);
    useEffect(() => {
      const again = () => setAttempt((n) => n + 1);
      retries.add(again);
      return () => {
        retries.delete(again);
      };
    }, []);
    useEffect(() => {
      if (started || !needsNow) return;
      let mounted = true;
      void afterStartup().then(() => mounted && setStarted(true));
      return () => {
        mounted = false;
      };
    }, [started]);
    const fallback = (
      <p className={`on-demand-loading ${placement}`} role="status">
        {`Loading ${what}…`}
      </p>
    );
    if (needsNow && !started && !needsNow(props)) return fallback;
    return <Suspense fallback={fallback}>{createElement(Lazy, props)}</Suspense>;
  }
  return OnDemandPart;
}

export const ResponseViewer = onDemand(() => load.responseViewer().then((m) => m.ResponseViewer), 'the response viewer', {
  needsNow: (props) => Boolean(props.result || props.error || props.pending),
});
export const BodyEditor = onDemand(() => load.bodyEditor().then((m) => m.BodyEditor), 'the body editor');
export const AuthPanel = onDemand(() => load.authPanel().then((m) => m.AuthPanel), 'the auth settings');
export const SigningOptions = onDemand(() => load.signingOptions().then((m) => m.SigningOptions), 'the signing options');
export const RequestSettingsPanel = onDemand(() => load.requestSettings().then((m) => m.RequestSettingsPanel), 'the request settings');
export const ChecksTab = onDemand(() => load.checksTab().then((m) => m.ChecksTab), 'the checks');
export const DocsPanel = onDemand(() => load.docsPanel().then((m) => m.DocsPanel), 'the docs');
export const PresignPanel = onDemand(() => load.presignPanel().then((m) => m.PresignPanel), 'the presigned URL');
export const ChainPanel = onDemand(() => load.chainPanel().then((m) => m.ChainPanel), 'the identity chain');
export const WorkshopPanel = onDemand(() => load.workshopPanel().then((m) => m.WorkshopPanel), 'the policy workshop');
export const ProfilesView = onDemand(() => load.profilesView().then((m) => m.ProfilesView), 'the profiles');
export const SaveRequestDialog = onDemand(() => load.saveRequestDialog().then((m) => m.SaveRequestDialog), 'the save dialog', { placement: 'overlay' });
export const UnsavedDialog = onDemand(() => load.unsavedDialog().then((m) => m.UnsavedDialog), 'the dialog', { placement: 'overlay' });
export const SettingsDialog = onDemand(() => load.settingsDialog().then((m) => m.SettingsDialog), 'the settings', { placement: 'overlay' });
export const ShortcutHelp = onDemand(() => load.shortcutHelp().then((m) => m.ShortcutHelp), 'the shortcuts', { placement: 'overlay' });
export const MfaDialog = onDemand(() => load.mfaDialog().then((m) => m.MfaDialog), 'the MFA prompt', { placement: 'overlay' });
export const CredentialRefusal = onDemand(() => load.credentialRefusal().then((m) => m.CredentialRefusal), 'the explanation');
export const ImportDialog = onDemand(() => load.importDialog().then((m) => m.ImportDialog), 'the import dialog', { placement: 'overlay' });
export const ExportDialog = onDemand(() => load.exportDialog().then((m) => m.ExportDialog), 'the export dialog', { placement: 'overlay' });
export const MoveDialog = onDemand(() => load.moveDialog().then((m) => m.MoveDialog), 'the move dialog', { placement: 'overlay' });
export const ScopeSettingsDialog = onDemand(() => load.scopeSettingsDialog().then((m) => m.ScopeSettingsDialog), 'the collection or folder settings', { placement: 'overlay' });
export const RunnerDialog = onDemand(() => load.runnerDialog().then((m) => m.RunnerDialog), 'the runner', { placement: 'overlay' });
export const SsoSignInDialog = onDemand(() => load.ssoSignInDialog().then((m) => m.SsoSignInDialog), 'the sign-in', { placement: 'overlay' });
