// The page: local profiles on the left, who the selected one is on the right, the MFA prompt when main asks.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, MfaPrompt, RoleCallApi } from '../src/contract';
import type { AppError, Result } from '../src/errors';
import type { ProfileList } from '../src/models/profile';
import { ErrorBox } from './components/ErrorBox';
import { IdentityPanel, type WhoamiState } from './components/IdentityPanel';
import { MfaDialog } from './components/MfaDialog';
import { ProfilesPanel } from './components/ProfilesPanel';
import { transportError } from './format';

type Loaded<T> = { status: 'loading' } | { status: 'done'; result: Result<T> };

/** Calls the API and turns a transport failure (a rejected promise) into the same Result shape. */
async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}

export function App({ api }: { api: RoleCallApi | undefined }) {
  if (!api) {
    const error: AppError = {
      code: 'INTERNAL',
      message: 'This page is not connected to RoleCall. Open it from the RoleCall app.',
      detail: 'window.rolecall is not defined: the preload did not run.',
    };
    return (
      <Shell>
        <ErrorBox error={error} />
      </Shell>
    );
  }
  return <Connected api={api} />;
}

function Connected({ api }: { api: RoleCallApi }) {
  const [profiles, setProfiles] = useState<Loaded<ProfileList>>({ status: 'loading' });
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [whoami, setWhoami] = useState<WhoamiState>({ status: 'idle' });
  const [forceRefresh, setForceRefresh] = useState(false);
  const [prompts, setPrompts] = useState<MfaPrompt[]>([]);

  const loadProfiles = useCallback(async () => {
    setProfiles({ status: 'loading' });
    const result = await settle(() => api.profilesList({}));
    setProfiles({ status: 'done', result });
    if (result.ok) {
      const names = result.value.profiles.map((p) => p.name);
      setSelected((current) =>
        current && names.includes(current) ? current : names.includes(result.value.defaultProfile) ? result.value.defaultProfile : undefined,
      );
    }
  }, [api]);

  useEffect(() => {
    void loadProfiles();
    void settle(() => api.appInfo({})).then((result) => result.ok && setInfo(result.value));
  }, [api, loadProfiles]);

  useEffect(
    () => api.on('mfa:prompt', (prompt) => setPrompts((queue) => [...queue, prompt])),
    [api],
  );

  async function askWhoami() {
    if (!selected) return;
    const profile = selected;
    setWhoami({ status: 'pending', profile });
    const result = await settle(() => api.credentialsWhoami({ auth: { kind: 'profile', profile }, forceRefresh }));
    setWhoami(
      result.ok
        ? { status: 'done', profile, identity: result.value }
        : { status: 'failed', profile, error: result.error },
    );
  }

  const prompt = prompts[0];
  return (
    <Shell info={info}>
      <div className="columns">
        {profiles.status === 'loading' ? (
          <section className="panel profiles" aria-label="Profiles">
            <p role="status">Reading AWS profiles…</p>
          </section>
        ) : profiles.result.ok ? (
          <ProfilesPanel list={profiles.result.value} selected={selected} onSelect={setSelected} />
        ) : (
          <section className="panel profiles" aria-label="Profiles">
            <ErrorBox error={profiles.result.error} title="Could not read the AWS profiles" />
          </section>
        )}
        <IdentityPanel
          selected={selected}
          state={whoami}
          forceRefresh={forceRefresh}
          onForceRefreshChange={setForceRefresh}
          onWhoami={() => void askWhoami()}
        />
      </div>
      <div className="footer-actions">
        <button type="button" onClick={() => void loadProfiles()}>
          Reload profiles
        </button>
      </div>
      {prompt && (
        <MfaDialog
          key={prompt.promptId}
          api={api}
          prompt={prompt}
          onDone={(id) => setPrompts((queue) => queue.filter((p) => p.promptId !== id))}
        />
      )}
    </Shell>
  );
}

function Shell({ info, children }: { info?: AppInfo; children: ReactNode }) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>RoleCall</h1>
        {info && (
          <span className="muted">
            {info.version} · {info.host}
          </span>
        )}
      </header>
      <main>{children}</main>
    </div>
  );
}
