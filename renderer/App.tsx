// The page: the app header with the active environment, the workbench, and the MFA prompt whenever main asks.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, MfaPrompt, RoleCallApi } from '../src/contract';
import type { AppError } from '../src/errors';
import { settle } from './api';
import { ErrorBox } from './components/ErrorBox';
import { ErrorBoundary } from './components/ErrorBoundary';
import { CookiesButton } from './cookies/CookiesButton';
import { useShortcutHelp } from './keyboard/useShortcutHelp';
import { useTheme } from './preferences/theme';
import './preferences/preferences.css';
import { takeEarly } from './startup/earlyCalls';
import { MfaDialog, ProfilesView, SettingsDialog, ShortcutHelp } from './startup/lazyParts';
import { WorkspaceProvider } from './state/workspace';
import { EnvironmentPicker } from './workbench/EnvironmentPicker';
import { Workbench } from './workbench/Workbench';

export function App({ api }: { api: RoleCallApi | undefined }) {
  if (!api) {
    const error: AppError = {
      code: 'INTERNAL',
      message: 'This page is not connected to RoleCall. Open it from the RoleCall app.',
      detail: 'window.rolecall is not defined: the preload did not run.',
    };
    return (
      <div className="app">
        <header className="app-header">
          <h1>RoleCall</h1>
        </header>
        <main className="standalone">
          <ErrorBox error={error} />
        </main>
      </div>
    );
  }
  return (
    <ErrorBoundary region="RoleCall">
      <WorkspaceProvider api={api}>
        <Connected api={api} />
      </WorkspaceProvider>
    </ErrorBoundary>
  );
}

function Connected({ api }: { api: RoleCallApi }) {
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [prompts, setPrompts] = useState<MfaPrompt[]>([]);
  const [view, setView] = useState<'workbench' | 'profiles'>('workbench');
  const [theme, setTheme] = useTheme();
  const [overlay, setOverlay] = useState<'settings' | 'shortcuts' | undefined>();
  const showShortcuts = useCallback(() => setOverlay('shortcuts'), []);
  useShortcutHelp(showShortcuts);

  useEffect(() => {
    void (takeEarly(api, 'appInfo') ?? settle(() => api.appInfo({}))).then((result) => result.ok && setInfo(result.value));
  }, [api]);

  // Main asks for MFA codes while resolving credentials (a send, a preview, a whoami); prompts queue.
  useEffect(() => api.on('mfa:prompt', (prompt) => setPrompts((queue) => [...queue, prompt])), [api]);

  const prompt = prompts[0];
  return (
    <div className="app">
      <header className="app-header">
        <h1>RoleCall</h1>
        <span className="tagline muted">SigV4 API workbench</span>
        <nav className="view-switch" aria-label="Views">
          <button type="button" aria-pressed={view === 'workbench'} onClick={() => setView('workbench')}>
            Workbench
          </button>
          <button type="button" aria-pressed={view === 'profiles'} onClick={() => setView('profiles')}>
            Profiles
          </button>
        </nav>
        <div className="spacer" />
        <EnvironmentPicker />
        <div className="header-tools">
          <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (? or Ctrl+/)" onClick={showShortcuts}>
            ?
          </button>
          <CookiesButton api={api} />
          <button type="button" onClick={() => setOverlay('settings')}>
            Settings
          </button>
        </div>
        {info && (
          <span className="muted app-version" title={`${info.platform} · ${info.host}`}>
            v{info.version}
          </span>
        )}
      </header>
      {/* The workbench stays mounted behind the profiles page, so its tabs and results are kept. */}
      <main className="app-main" hidden={view !== 'workbench'}>
        <Workbench api={api} visible={view === 'workbench'} />
      </main>
      {view === 'profiles' && (
        <main className="app-main standalone">
          <ErrorBoundary region="The profiles page">
            <ProfilesView api={api} />
          </ErrorBoundary>
        </main>
      )}
      {overlay === 'settings' && (
        <SettingsDialog theme={theme} onTheme={setTheme} onShowShortcuts={showShortcuts} onClose={() => setOverlay(undefined)} />
      )}
      {overlay === 'shortcuts' && <ShortcutHelp onClose={() => setOverlay(undefined)} />}
      {prompt && (
        <MfaDialog key={prompt.promptId} api={api} prompt={prompt} onDone={(id) => setPrompts((queue) => queue.filter((p) => p.promptId !== id))} />
      )}
    </div>
  );
}
