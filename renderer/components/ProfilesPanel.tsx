// The local profiles as main read them, with the lines of the files it could not read shown as warnings.
import { useRef, type KeyboardEvent } from 'react';
import type { ProfileList, ProfileSummary } from '../../src/models/profile';
import { fileProblemText, kindLabel, sourceChainText } from '../format';
import { SsoSignInButton } from '../sso/SsoSignInButton';

interface Props {
  list: ProfileList;
  selected: string | undefined;
  onSelect: (name: string) => void;
}

export function ProfilesPanel({ list, selected, onSelect }: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  // Arrow keys move the selection, as in any listbox; focus follows it (roving tabindex).
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const names = list.profiles.map((p) => p.name);
    const at = selected === undefined ? -1 : names.indexOf(selected);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || names.length === 0) return;
    event.preventDefault();
    const next = names[Math.min(names.length - 1, Math.max(0, at + step))];
    if (next === undefined) return;
    onSelect(next);
    listRef.current?.querySelector<HTMLElement>(`[data-profile="${CSS.escape(next)}"]`)?.focus();
  }

  return (
    <section className="panel profiles" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Profiles</h2>
      <p className="muted files">
        Read from <code>{list.files.config}</code> and <code>{list.files.credentials}</code>
      </p>
      {list.problems.length > 0 && (
        <ul className="warnings" aria-label="Configuration file problems">
          {list.problems.map((problem) => (
            <li key={`${problem.file}:${problem.line}:${problem.message}`} className="warning">
              {fileProblemText(problem)}
            </li>
          ))}
        </ul>
      )}
      {list.environmentCredentials && (
        <p className="note" role="note">
          Environment credentials (AWS_ACCESS_KEY_ID) are set for RoleCall.
        </p>
      )}
      {list.profiles.length === 0 ? (
        <p className="empty">No profiles found. Add one to your AWS config or credentials file.</p>
      ) : (
        <ul ref={listRef} className="profile-list" role="listbox" aria-label="Profiles" onKeyDown={onKeyDown}>
          {list.profiles.map((profile) => (
            <ProfileOption
              key={profile.name}
              profile={profile}
              selected={profile.name === selected}
              focusable={profile.name === selected || (selected === undefined && profile === list.profiles[0])}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
      {list.profiles.some((p) => p.name === selected && p.kind === 'sso') && selected && (
        <SsoSignInButton profile={selected} label={`Sign in to SSO for ${selected}`} />
      )}
    </section>
  );
}

interface OptionProps {
  profile: ProfileSummary;
  selected: boolean;
  focusable: boolean;
  onSelect: (name: string) => void;
}

function ProfileOption({ profile, selected, focusable, onSelect }: OptionProps) {
  const p = profile;
  return (
    // No aria-label: the option is named by all it shows (name, badges, facts), so what is heard is what is seen.
    <li
      role="option"
      aria-selected={selected}
      data-profile={p.name}
      tabIndex={focusable ? 0 : -1}
      className={selected ? 'profile selected' : 'profile'}
      onClick={() => onSelect(p.name)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(p.name);
        }
      }}
    >
      <div className="profile-head">
        <span className="profile-name">{p.name}</span>
        <span className={`badge kind-${p.kind}`}>{kindLabel(p.kind)}</span>
        {p.isDefault && <span className="badge">default</span>}
        {p.mfaSerial && (
          <span className="badge mfa" title={p.mfaSerial}>
            MFA
          </span>
        )}
      </div>
      <dl className="facts">
        {p.region && <Fact term="Region" value={p.region} />}
        {p.roleArn && <Fact term="Role" value={p.roleArn} />}
        {p.sourceChain.length > 1 && <Fact term="Source chain" value={sourceChainText(p.sourceChain)} />}
        {p.credentialSource && <Fact term="Credential source" value={p.credentialSource} />}
        {p.mfaSerial && <Fact term="MFA device" value={p.mfaSerial} />}
        {(p.ssoSession || p.ssoStartUrl) && <Fact term="SSO" value={p.ssoSession ?? p.ssoStartUrl ?? ''} />}
        {p.ssoAccountId && <Fact term="SSO account" value={`${p.ssoAccountId}${p.ssoRoleName ? ` / ${p.ssoRoleName}` : ''}`} />}
      </dl>
      {p.problems.length > 0 && (
        <ul className="problems">
          {p.problems.map((problem) => (
            <li key={problem} className="warning">
              {problem}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
