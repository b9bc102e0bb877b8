// Picks a local AWS profile, showing what kind it is and its region; "Type a name…" lets the profile come from a
// {{variable}} instead (one collection, a different profile per environment).
import { useId, useState } from 'react';
import type { ProfileList } from '../../src/models/profile';
import { kindLabel } from '../format';
import { reloadProfiles } from '../state/profiles';

const CUSTOM = '\u0000custom';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  profiles?: ProfileList;
}

export function ProfileSelect({ label, value, onChange, profiles }: Props) {
  const id = useId();
  const names = profiles?.profiles.map((p) => p.name) ?? [];
  // Before the list arrives a set value is not yet known to be custom; `custom` below decides once it is there.
  const [typing, setTyping] = useState(() => value !== '' && profiles !== undefined && !names.includes(value));
  const custom = typing || (value !== '' && profiles !== undefined && !names.includes(value));
  const selected = profiles?.profiles.find((p) => p.name === value);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="stack">
        <div className="row">
          <select
            id={id}
            value={custom ? CUSTOM : value}
            onChange={(event) => {
              const next = event.target.value;
              setTyping(next === CUSTOM);
              onChange(next === CUSTOM ? value : next);
            }}
          >
            <option value="" disabled>
              {profiles ? 'Choose a profile' : 'Reading profiles…'}
            </option>
            {profiles?.profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} — {kindLabel(p.kind)}
                {p.region ? `, ${p.region}` : ''}
                {p.mfaSerial ? ' · MFA' : ''}
              </option>
            ))}
            <option value={CUSTOM}>Type a name or {'{{variable}}'}…</option>
          </select>
          <button type="button" className="secondary small" onClick={reloadProfiles} title="Read ~/.aws/config and ~/.aws/credentials again">
            Reload profiles
          </button>
        </div>
        {custom && (
          <input aria-label={`${label} name`} value={value} placeholder="profile name or {{variable}}" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
        )}
        {selected && (
          <p className="muted form-note">
            {kindLabel(selected.kind)}
            {selected.region ? ` in ${selected.region}` : ''}
            {selected.roleArn ? ` · assumes ${selected.roleArn}` : ''}
            {selected.sourceChain.length > 1 ? ` · via ${selected.sourceChain.slice(1).join(' → ')}` : ''}
          </p>
        )}
      </div>
    </>
  );
}
