// The request's Settings tab: its own timeout and whether redirects are followed, saved with it. Empty fields say
// what the app does without them, in the numbers request:send really uses (REQUEST_DEFAULTS).
import { useEffect, useState } from 'react';
import { REQUEST_DEFAULTS, REQUEST_TIMEOUT_MAX_MS, REQUEST_TIMEOUT_MIN_MS, type RequestSettings } from '../../src/models/requestSettings';

interface Props {
  settings: RequestSettings | undefined;
  onChange: (settings: RequestSettings | undefined) => void;
}

const MIN_S = REQUEST_TIMEOUT_MIN_MS / 1000;
const MAX_S = REQUEST_TIMEOUT_MAX_MS / 1000;

/** Seconds as typed (up to 0.1 s) to milliseconds; undefined for empty, an error text for what cannot be used. */
export function parseTimeoutSeconds(text: string): { ms?: number; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const seconds = Number(trimmed);
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(seconds) || ms < REQUEST_TIMEOUT_MIN_MS || ms > REQUEST_TIMEOUT_MAX_MS) {
    return { error: `Give a number of seconds from ${MIN_S} to ${MAX_S} (15 minutes), or leave it empty for ${REQUEST_DEFAULTS.timeoutMs / 1000} s.` };
  }
  return { ms };
}

function withField<K extends keyof RequestSettings>(settings: RequestSettings | undefined, key: K, value: RequestSettings[K] | undefined): RequestSettings | undefined {
  const next: RequestSettings = { ...settings };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length ? next : undefined;
}

export function RequestSettingsPanel({ settings, onChange }: Props) {
  const saved = settings?.timeoutMs === undefined ? '' : String(settings.timeoutMs / 1000);
  // What is typed stays as typed (an unfinished "1." or a bad value) until it can be used; the saved value follows.
  const [typed, setTyped] = useState(saved);
  useEffect(() => {
    if (parseTimeoutSeconds(typed).ms !== settings?.timeoutMs) setTyped(saved);
    // Only when the saved value changes from elsewhere (another tab state, an undo).
  }, [saved]);
  const parsed = parseTimeoutSeconds(typed);
  const follow = settings?.followRedirects;
  return (
    <fieldset className="form-grid request-settings">
      <legend>Sending this request</legend>
      <label htmlFor="settings-timeout">Timeout (seconds)</label>
      <div className="stack">
        <input
          id="settings-timeout"
          inputMode="decimal"
          value={typed}
          placeholder={`${REQUEST_DEFAULTS.timeoutMs / 1000} (the default)`}
          aria-invalid={parsed.error ? true : undefined}
          aria-describedby="settings-timeout-note"
          onChange={(e) => {
            setTyped(e.target.value);
            const next = parseTimeoutSeconds(e.target.value);
            if (!next.error) onChange(withField(settings, 'timeoutMs', next.ms));
          }}
        />
        <span id="settings-timeout-note" className={parsed.error ? 'form-note error-text' : 'muted form-note'} role={parsed.error ? 'alert' : undefined}>
          {parsed.error ?? 'Covers resolving credentials (an MFA prompt included), reading the body and the whole exchange.'}
        </span>
      </div>
      <label htmlFor="settings-redirects">Redirects</label>
      <div className="stack">
        <select
          id="settings-redirects"
          value={follow === undefined ? 'default' : follow ? 'follow' : 'stop'}
          onChange={(e) => onChange(withField(settings, 'followRedirects', e.target.value === 'default' ? undefined : e.target.value === 'follow'))}
        >
          <option value="default">Default: not followed</option>
          <option value="follow">Follow redirects</option>
          <option value="stop">Do not follow (show the 3xx)</option>
        </select>
        <span className="muted form-note">
          Up to 5 hops; a 303, or a 301/302 after a POST, goes on as a GET without the body. Within the same origin each
          hop is signed again with the same credentials; to another origin it goes with no signature, token, cookie or
          credential header.
        </span>
      </div>
    </fieldset>
  );
}
