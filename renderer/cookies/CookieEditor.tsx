// One cookie's form. Editing asks main for the value (cookies:reveal) when the form opens, on the user's click; the
// value lives in this form's state only and is gone when it closes. Saving an edit names the previous key, so a
// renamed cookie or a moved path replaces the old one.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { CookieSummary } from '../../src/models/cookies';
import { settle } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { fromLocalInput, toLocalInput } from './cookieRows';

interface Props {
  api: RoleCallApi;
  /** Absent: a new cookie. */
  cookie?: CookieSummary;
  onCancel: () => void;
  onSaved: () => void;
}

export function CookieEditor({ api, cookie, onCancel, onSaved }: Props) {
  const id = useId();
  const [domain, setDomain] = useState(cookie?.domain ?? '');
  const [path, setPath] = useState(cookie?.path ?? '/');
  const [name, setName] = useState(cookie?.name ?? '');
  const [value, setValue] = useState(cookie ? undefined : '');
  const [expires, setExpires] = useState(toLocalInput(cookie?.expires));
  const [hostOnly, setHostOnly] = useState(cookie?.hostOnly ?? true);
  const [secure, setSecure] = useState(cookie?.secure ?? false);
  const [httpOnly, setHttpOnly] = useState(cookie?.httpOnly ?? false);
  const [error, setError] = useState<AppError | undefined>();

  useEffect(() => {
    if (!cookie) return;
    let live = true;
    void settle(() => api.cookiesReveal({ domain: cookie.domain, path: cookie.path, name: cookie.name })).then((result) => {
      if (!live) return;
      if (result.ok) setValue(result.value.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, cookie]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (value === undefined) return;
    const when = fromLocalInput(expires);
    const result = await settle(() =>
      api.cookiesSet({
        domain,
        path: path || '/',
        name,
        value,
        hostOnly,
        secure,
        httpOnly,
        ...(when ? { expires: when } : {}),
        ...(cookie ? { previous: { domain: cookie.domain, path: cookie.path, name: cookie.name } } : {}),
      }),
    );
    if (!result.ok) return setError(result.error);
    onSaved();
  }

  const field = (label: string, input: ReactNode, suffix: string) => (
    <div className="cookie-field">
      <label htmlFor={`${id}-${suffix}`}>{label}</label>
      {input}
    </div>
  );
  return (
    <form className="cookie-editor" onSubmit={(e) => void save(e)} aria-label={cookie ? `Edit cookie ${cookie.name}` : 'Add a cookie'}>
      <div className="cookie-fields">
        {field('Domain', <input id={`${id}-domain`} value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="api.example.com" required />, 'domain')}
        {field('Path', <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} />, 'path')}
        {field('Name', <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required autoFocus={!cookie} />, 'name')}
        {field(
          'Value',
          <input
            id={`${id}-value`}
            value={value ?? ''}
            placeholder={value === undefined ? 'Loading…' : ''}
            disabled={value === undefined}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />,
          'value',
        )}
        {field('Expires (empty: a session cookie)', <input id={`${id}-expires`} type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />, 'expires')}
      </div>
      <fieldset className="cookie-flags">
        <legend>Flags</legend>
        <label>
          <input type="checkbox" checked={hostOnly} onChange={(e) => setHostOnly(e.target.checked)} /> This host only (no subdomains)
        </label>
        <label>
          <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} /> Secure (https only)
        </label>
        <label>
          <input type="checkbox" checked={httpOnly} onChange={(e) => setHttpOnly(e.target.checked)} /> HttpOnly
        </label>
      </fieldset>
      {error && <ErrorBox error={error} title="The cookie was not saved" />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={value === undefined}>
          Save cookie
        </button>
      </div>
    </form>
  );
}
