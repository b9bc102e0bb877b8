// Auth for a collection or a folder, the same choices a request has (a folder may also inherit). Kept small on
// purpose: the request editor has the full panel; this one only chooses and names, it never shows an identity.
// Text fields accept {{variables}}; profiles come from main's list with their kind and region shown.
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../src/models/profile';
import type { RequestAuth } from '../../src/models/workspace';
import { kindLabel } from '../format';
import { useWorkspace, useWorkspaceApi } from '../state/workspace';

interface Props {
  value: RequestAuth;
  onChange(value: RequestAuth): void;
  allowInherit: boolean;
}

type AssumeRole = Extract<RequestAuth, { type: 'assumeRole' }>;

const CHOICES: Array<{ type: RequestAuth['type']; label: string }> = [
  { type: 'inherit', label: 'Inherit from parent' },
  { type: 'none', label: 'No auth' },
  { type: 'profile', label: 'AWS profile' },
  { type: 'assumeRole', label: 'Assume a role' },
  { type: 'env', label: 'Environment credentials' },
  { type: 'storedKeys', label: 'Stored keys' },
];

function blank(type: RequestAuth['type'], firstProfile: string): RequestAuth {
  switch (type) {
    case 'profile':
      return { type, profile: firstProfile };
    case 'storedKeys':
      return { type, name: '' };
    case 'assumeRole':
      return {
        type,
        base: { kind: 'profile', profile: firstProfile },
        roleArn: '',
        sessionName: '',
        externalId: '',
        durationSeconds: '',
        mfaSerial: '',
        stsRegion: '',
        stsEndpoint: '',
      };
    default:
      return { type } as RequestAuth;
  }
}

function useProfiles(): ProfileSummary[] {
  const api = useWorkspaceApi();
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  useEffect(() => {
    let live = true;
    api
      .profilesList({})
      .then((r) => live && r.ok && setProfiles(r.value.profiles))
      .catch(() => undefined); // The select still offers the value already set; the request editor reports load errors.
    return () => {
      live = false;
    };
  }, [api]);
  return profiles;
}

export function ScopeAuthEditor({ value, onChange, allowInherit }: Props) {
  const profiles = useProfiles();
  const { storedKeys } = useWorkspace();
  const choices = CHOICES.filter((c) => allowInherit || c.type !== 'inherit');

  return (
    <div className="sb-auth">
      <label className="sb-field">
        <span>Auth</span>
        <select aria-label="Auth type" value={value.type} onChange={(e) => onChange(blank(e.target.value as RequestAuth['type'], profiles[0]?.name ?? ''))}>
          {choices.map((c) => (
            <option key={c.type} value={c.type}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {value.type === 'profile' && <ProfileSelect label="Profile" value={value.profile} profiles={profiles} onChange={(profile) => onChange({ ...value, profile })} />}
      {value.type === 'storedKeys' && <KeysSelect label="Stored keys" value={value.name} names={storedKeys.map((k) => k.name)} onChange={(name) => onChange({ ...value, name })} />}
      {value.type === 'assumeRole' && <AssumeRoleFields value={value} profiles={profiles} keyNames={storedKeys.map((k) => k.name)} onChange={onChange} />}
      {value.type === 'inherit' && <p className="sb-hint">Uses the auth of the enclosing folder or collection.</p>}
      {value.type === 'env' && <p className="sb-hint">Uses AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from RoleCall’s environment.</p>}
    </div>
  );
}

function ProfileSelect(props: { label: string; value: string; profiles: ProfileSummary[]; onChange(v: string): void }) {
  const known = props.profiles.some((p) => p.name === props.value);
  return (
    <label className="sb-field">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {!known && <option value={props.value}>{props.value || '(choose a profile)'}</option>}
        {props.profiles.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} — {kindLabel(p.kind)}
            {p.region ? `, ${p.region}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function KeysSelect(props: { label: string; value: string; names: string[]; onChange(v: string): void }) {
  const known = props.names.includes(props.value);
  return (
    <label className="sb-field">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {!known && <option value={props.value}>{props.value || (props.names.length ? '(choose keys)' : '(no stored keys yet)')}</option>}
        {props.names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

const ROLE_FIELDS: Array<{ key: keyof Omit<AssumeRole, 'type' | 'base'>; label: string; placeholder: string }> = [
  { key: 'roleArn', label: 'Role ARN', placeholder: 'arn:aws:iam::111111111111:role/ApiInvoker' },
  { key: 'sessionName', label: 'Session name', placeholder: 'rolecall' },
  { key: 'externalId', label: 'External ID', placeholder: 'optional' },
  { key: 'durationSeconds', label: 'Duration (seconds)', placeholder: '3600' },
  { key: 'mfaSerial', label: 'MFA serial', placeholder: 'arn:aws:iam::222222222222:mfa/alice' },
  { key: 'stsRegion', label: 'STS region', placeholder: 'ap-northeast-1' },
  { key: 'stsEndpoint', label: 'STS endpoint', placeholder: 'https://sts.ap-northeast-1.amazonaws.com' },
];

function AssumeRoleFields(props: { value: AssumeRole; profiles: ProfileSummary[]; keyNames: string[]; onChange(v: RequestAuth): void }) {
  const { value, onChange } = props;
  const base = value.base;
  return (
    <div className="sb-role">
      <label className="sb-field">
        <span>Base credentials</span>
        <select
          aria-label="Base credentials"
          value={base.kind}
          onChange={(e) => {
            const kind = e.target.value as AssumeRole['base']['kind'];
            const next: AssumeRole['base'] =
              kind === 'profile' ? { kind, profile: props.profiles[0]?.name ?? '' } : kind === 'storedKeys' ? { kind, name: props.keyNames[0] ?? '' } : { kind };
            onChange({ ...value, base: next });
          }}
        >
          <option value="profile">AWS profile</option>
          <option value="env">Environment credentials</option>
          <option value="storedKeys">Stored keys</option>
        </select>
      </label>
      {base.kind === 'profile' && (
        <ProfileSelect label="Base profile" value={base.profile} profiles={props.profiles} onChange={(profile) => onChange({ ...value, base: { kind: 'profile', profile } })} />
      )}
      {base.kind === 'storedKeys' && (
        <KeysSelect label="Base stored keys" value={base.name} names={props.keyNames} onChange={(name) => onChange({ ...value, base: { kind: 'storedKeys', name } })} />
      )}
      {ROLE_FIELDS.map((f) => (
        <label key={f.key} className="sb-field">
          <span>{f.label}</span>
          <input className="sb-mono" aria-label={f.label} value={value[f.key]} placeholder={f.placeholder} spellCheck={false} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })} />
        </label>
      ))}
    </div>
  );
}
