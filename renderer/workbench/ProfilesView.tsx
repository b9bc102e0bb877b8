// The local AWS profiles and "who am I?" for one of them: a page of its own, opened from the header, for
// checking the AWS files before choosing a profile as a request's auth.
import { useCallback, useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { Result } from '../../src/errors';
import type { ProfileList } from '../../src/models/profile';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import { roleArnIn } from '../../src/diagnosis/roleArn';
import { settle } from '../api';
import { reloadProfiles } from '../state/profiles';
import { ErrorBox } from '../components/ErrorBox';
import { IdentityPanel, type WhoamiState } from '../components/IdentityPanel';
import { ProfilesPanel } from '../components/ProfilesPanel';
import { StoredKeysPanel } from './StoredKeysPanel';

type Loaded<T> = { status: 'loading' } | { status: 'done'; result: Result<T> };

export function ProfilesView({ api }: { api: RoleCallApi }) {
  const [profiles, setProfiles] = useState<Loaded<ProfileList>>({ status: 'loading' });
  const [selected, setSelected] = useState<string | undefined>();
  const [whoami, setWhoami] = useState<WhoamiState>({ status: 'idle' });
  const [forceRefresh, setForceRefresh] = useState(false);

  const load = useCallback(async () => {
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
    void load();
  }, [load]);
  // The AWS files changed on disk (main watches them): what is listed follows without a restart.
  useEffect(() => api.on('profiles:changed', () => void load()), [api, load]);

  async function askWhoami() {
    if (!selected) return;
    const profile = selected;
    setWhoami({ status: 'pending', profile });
    const result = await settle(() => api.credentialsWhoami({ auth: { kind: 'profile', profile }, forceRefresh }));
    if (result.ok) return setWhoami({ status: 'done', profile, identity: result.value });
    // The role STS refused (named in main's message) picks the hop of a chain; the profile list says what was sent.
    const list = profiles.status === 'done' && profiles.result.ok ? profiles.result.value : undefined;
    setWhoami({ status: 'failed', profile, error: result.error, context: assumeRoleContext({ kind: 'profile', profile }, list, roleArnIn(result.error.message)) });
  }

  return (
    <div className="profiles-view">
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
        <IdentityPanel selected={selected} state={whoami} forceRefresh={forceRefresh} onForceRefreshChange={setForceRefresh} onWhoami={() => void askWhoami()} />
      </div>
      <div className="footer-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void load();
            reloadProfiles();
          }}
        >
          Reload profiles
        </button>
      </div>
      <StoredKeysPanel api={api} />
    </div>
  );
}
