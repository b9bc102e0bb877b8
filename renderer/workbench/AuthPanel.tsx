// How a request, a folder or a collection gets its AWS identity, chosen the AWS way: inherit, none, a local profile,
// the environment's keys, a role to assume (from a profile, the environment or stored keys), or stored keys. The
// request editor and the collection / folder settings dialog both use this one panel. Every text field takes
// {{variables}}. Nothing here ever holds a secret: keys are referred to by name and resolved in main.
import { useId, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { ProfileList } from '../../src/models/profile';
import type { RequestAuth, StoredKeySummary } from '../../src/models/workspace';
import { defaultProfileName } from '../../src/defaultProfile';
import { DEFAULT_PROFILE_SOURCE } from '../../src/effectiveRequest';
import { authSummary } from './authSummary';
import { ProfileSelect } from './ProfileSelect';
import { StoredKeysForm } from './StoredKeysForm';

type AuthType = RequestAuth['type'];
type AssumeRole = Extract<RequestAuth, { type: 'assumeRole' }>;

const TYPES: Array<{ type: AuthType; label: string }> = [
  { type: 'inherit', label: 'Inherit from folder / collection' },
  { type: 'none', label: 'No auth (unsigned)' },
  { type: 'profile', label: 'AWS profile' },
  { type: 'env', label: 'Environment credentials' },
  { type: 'assumeRole', label: 'Assume a role' },
  { type: 'storedKeys', label: 'Stored keys' },
];

/** A newly chosen type starts from what was set, else the default profile (and the only stored keys, if one). */
function initial(type: AuthType, previous: RequestAuth, profiles: ProfileList | undefined, storedKeys: StoredKeySummary[]): RequestAuth {
  const profile = previous.type === 'profile' ? previous.profile : previous.type === 'assumeRole' && previous.base.kind === 'profile' ? previous.base.profile : (defaultProfileName(profiles) ?? '');
  switch (type) {
    case 'inherit':
    case 'none':
    case 'env':
      return { type };
    case 'profile':
      return { type, profile };
    case 'storedKeys':
      return { type, name: previous.type === 'storedKeys' ? previous.name : storedKeys.length === 1 ? storedKeys[0]!.name : '' };
    case 'assumeRole':
      return {
        type,
        // A profile, like the CLI's default chain would start from; environment keys only when chosen.
        base: { kind: 'profile', profile },
        roleArn: '',
        sessionName: '',
        externalId: '',
        durationSeconds: '',
        mfaSerial: '',
        stsRegion: '',
        stsEndpoint: '',
      };
  }
}

interface Props {
  api: RoleCallApi;
  auth: RequestAuth;
  onChange: (auth: RequestAuth) => void;
  /** What "inherit" resolves to and who set it; unknown in a folder's settings, where the note only says where from. */
  inherited?: { auth: RequestAuth; source: string };
  /** False where there is nothing to inherit from (a collection). */
  allowInherit?: boolean;
  /** The accessible name of the auth choice: "Auth type" where a surrounding legend already says "Auth". */
  typeLabel?: string;
  profiles?: ProfileList;
  storedKeys: StoredKeySummary[];
  /** Offers "Add keys" and is called after keys are added; left out inside a form (keys are then only chosen). */
  onKeysSaved?: () => Promise<void>;
}

export function AuthPanel({ api, auth, onChange, inherited, allowInherit = true, typeLabel = 'Auth', profiles, storedKeys, onKeysSaved }: Props) {
  const id = useId();
  return (
    <div className="auth-panel">
      <div className="form-grid">
        <label htmlFor={id}>{typeLabel}</label>
        <select id={id} value={auth.type} onChange={(e) => onChange(initial(e.target.value as AuthType, auth, profiles, storedKeys))}>
          {TYPES.filter(({ type }) => allowInherit || type !== 'inherit').map(({ type, label }) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
        {auth.type === 'inherit' && inherited && (
          <p className="form-note inherit-note" aria-label="Inherited auth">
            Uses <strong>{authSummary(inherited.auth)}</strong>{' '}
            {inherited.source === DEFAULT_PROFILE_SOURCE
              ? '— not in a collection, so the default profile signs it (AWS_PROFILE, else “default”, else the first usable profile).'
              : `from ${inherited.source === 'default' ? 'nowhere (no collection): unsigned' : inherited.source}.`}
          </p>
        )}
        {auth.type === 'inherit' && !inherited && <p className="form-note muted">Uses the auth of the enclosing folder or collection.</p>}
        {auth.type === 'none' && <p className="form-note muted">The request is sent without a signature.</p>}
        {auth.type === 'env' && (
          <p className="form-note muted">
            Uses AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) from RoleCall’s environment
            {profiles ? (profiles.environmentCredentials ? ' — they are set.' : ' — they are not set.') : '.'}
          </p>
        )}
        {auth.type === 'profile' && (
          <ProfileSelect label="Profile" value={auth.profile} profiles={profiles} onChange={(profile) => onChange({ ...auth, profile })} />
        )}
        {auth.type === 'storedKeys' && (
          <StoredKeysPicker api={api} label="Stored keys" value={auth.name} keys={storedKeys} onKeysSaved={onKeysSaved} onChange={(name) => onChange({ ...auth, name })} />
        )}
      </div>
      {auth.type === 'assumeRole' && (
        <AssumeRoleForm api={api} auth={auth} onChange={onChange} profiles={profiles} storedKeys={storedKeys} onKeysSaved={onKeysSaved} />
      )}
    </div>
  );
}

function AssumeRoleForm({
  api,
  auth,
  onChange,
  profiles,
  storedKeys,
  onKeysSaved,
}: {
  api: RoleCallApi;
  auth: AssumeRole;
  onChange: (auth: RequestAuth) => void;
  profiles?: ProfileList;
  storedKeys: StoredKeySummary[];
  onKeysSaved?: () => Promise<void>;
}) {
  const id = useId();
  const set = (patch: Partial<AssumeRole>) => onChange({ ...auth, ...patch });
  const text = (field: keyof Omit<AssumeRole, 'type' | 'base'>, label: string, placeholder: string) => (
    <>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} value={auth[field]} placeholder={placeholder} spellCheck={false} onChange={(e) => set({ [field]: e.target.value })} />
    </>
  );
  return (
    <fieldset className="form-grid assume-role">
      <legend>Assume a role</legend>
      <label htmlFor={`${id}-base`}>Base credentials</label>
      <select
        id={`${id}-base`}
        value={auth.base.kind}
        onChange={(e) => {
          const kind = e.target.value as AssumeRole['base']['kind'];
          set({ base: kind === 'env' ? { kind } : kind === 'profile' ? { kind, profile: defaultProfileName(profiles) ?? '' } : { kind, name: '' } });
        }}
      >
        <option value="profile">AWS profile</option>
        <option value="env">Environment credentials</option>
        <option value="storedKeys">Stored keys</option>
      </select>
      {auth.base.kind === 'profile' && (
        <ProfileSelect label="Base profile" value={auth.base.profile} profiles={profiles} onChange={(profile) => set({ base: { kind: 'profile', profile } })} />
      )}
      {auth.base.kind === 'storedKeys' && (
        <StoredKeysPicker api={api} label="Base stored keys" value={auth.base.name} keys={storedKeys} onKeysSaved={onKeysSaved} onChange={(name) => set({ base: { kind: 'storedKeys', name } })} />
      )}
      {text('roleArn', 'Role ARN', 'arn:aws:iam::123456789012:role/ApiInvoker')}
      {text('sessionName', 'Session name', 'rolecall-<time in ms> (default), e.g. rolecall-1767225600000')}
      {text('externalId', 'External ID', 'optional')}
      {text('durationSeconds', 'Duration (seconds)', '3600 (900–43200)')}
      {text('mfaSerial', 'MFA serial', 'arn:aws:iam::123456789012:mfa/alice (optional)')}
      {text('stsRegion', 'STS region', 'the base’s region, else AWS_REGION, else us-east-1 (regional endpoint)')}
      {text('stsEndpoint', 'STS endpoint', 'https://sts.ap-northeast-1.amazonaws.com (optional)')}
    </fieldset>
  );
}

function StoredKeysPicker({
  api,
  label,
  value,
  keys,
  onChange,
  onKeysSaved,
}: {
  api: RoleCallApi;
  label: string;
  value: string;
  keys: StoredKeySummary[];
  onChange: (name: string) => void;
  onKeysSaved?: () => Promise<void>;
}) {
  const [adding, setAdding] = useState(false);
  const id = useId();
  const selected = keys.find((k) => k.name === value);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="stack">
        <div className="row">
          <select id={id} value={keys.some((k) => k.name === value) ? value : ''} onChange={(e) => onChange(e.target.value)}>
            <option value="" disabled>
              {keys.length ? 'Choose stored keys' : 'No stored keys yet'}
            </option>
            {keys.map((k) => (
              <option key={k.name} value={k.name}>
                {k.name} — {k.accessKeyId}
              </option>
            ))}
          </select>
          {onKeysSaved && (
            <button type="button" className="secondary" onClick={() => setAdding(true)} disabled={adding}>
              Add keys
            </button>
          )}
        </div>
        {keys.length === 0 && !adding && (
          <p className="form-note" role="note" aria-label="No stored keys">
            No keys are stored yet, so there is nothing to sign with.{' '}
            {onKeysSaved
              ? 'Add keys here (the secret is encrypted by RoleCall and never shown again), or choose “AWS profile” to use ~/.aws without typing keys.'
              : 'Add keys from a request’s Auth section first, or choose “AWS profile” to use ~/.aws without typing keys.'}
          </p>
        )}
        {selected && (
          <p className="muted form-note">
            {selected.accessKeyId}
            {selected.hasSessionToken ? ' · with session token' : ''} · protected by {selected.protection}
          </p>
        )}
        {adding && onKeysSaved && (
          <StoredKeysForm
            api={api}
            onCancel={() => setAdding(false)}
            onSaved={(summary) => {
              setAdding(false);
              onChange(summary.name);
              void onKeysSaved();
            }}
          />
        )}
      </div>
    </>
  );
}
