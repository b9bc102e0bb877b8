// The workspace cookie jar: every cookie by domain with its path, expiry and flags (never its value), edited one at
// a time, deleted, or cleared by domain or all; and the workspace's choice about AWS hosts. A value is fetched from
// main only when the user opens that cookie in the editor (CookieEditor.tsx).
import { useCallback, useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { CookieKey, CookieList, CookieSummary } from '../../src/models/cookies';
import { settle } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Modal } from '../components/Modal';
import { CookieEditor } from './CookieEditor';
import { byDomain, expiresText, flagsText } from './cookieRows';
import './cookies.css';

interface Props {
  api: RoleCallApi;
  onClose: () => void;
}

/** What the editor is open on: a new cookie, or one of the list. */
type Editing = { cookie?: CookieSummary } | undefined;

export function CookiesDialog({ api, onClose }: Props) {
  const [list, setList] = useState<CookieList | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const [editing, setEditing] = useState<Editing>();
  const [confirmAll, setConfirmAll] = useState(false);

  const refresh = useCallback(async () => {
    const result = await settle(() => api.cookiesList({}));
    if (!result.ok) return setError(result.error);
    setList(result.value);
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (call: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    const result = await call();
    if (!result.ok) return setError(result.error);
    setError(undefined);
    await refresh();
  };
  const remove = (key: CookieKey) => act(() => settle(() => api.cookiesDelete(key)));
  const clear = (domain?: string) => act(() => settle(() => api.cookiesClear(domain ? { domain } : {})));
  const allowAws = (allowAwsHosts: boolean) => act(() => settle(() => api.cookiesSettings({ allowAwsHosts })));

  const groups = byDomain(list?.cookies ?? []);
  return (
    <Modal title="Cookies" onCancel={onClose} className="modal cookies-dialog" describedBy="cookies-about">
      <p id="cookies-about" className="muted">
        Cookies that servers set are kept for this workspace and sent back to them with later requests (before signing, so the signature covers
        them). A Cookie header typed in a request wins for the names it sets.{' '}
        {list && (list.persisted ? 'They are kept encrypted on this computer.' : 'They are kept until RoleCall closes: no encryption is available here, so they are never written to disk.')}
      </p>
      <label className="cookies-aws">
        <input type="checkbox" checked={list?.settings.allowAwsHosts ?? false} disabled={!list} onChange={(e) => void allowAws(e.target.checked)} />
        Keep and send cookies for AWS hosts too (amazonaws.com, amazonaws.com.cn, api.aws, on.aws): off by default, since AWS APIs are signed, not
        sessions
      </label>
      {error && <ErrorBox error={error} title="The cookies were not changed" />}
      {editing ? (
        <CookieEditor
          api={api}
          {...(editing.cookie ? { cookie: editing.cookie } : {})}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            setError(undefined);
            void refresh();
          }}
        />
      ) : (
        <div className="cookies-list" tabIndex={0} aria-label="Cookies by domain">
          {list && groups.length === 0 && <p className="empty">No cookies yet. They appear here when a response sets one.</p>}
          {groups.map((group) => (
            <section key={group.domain} className="cookies-domain" aria-label={group.domain}>
              <div className="cookies-domain-head">
                <h3>{group.domain}</h3>
                <button type="button" className="secondary small" onClick={() => void clear(group.domain)} aria-label={`Clear domain ${group.domain}`}>
                  Clear domain
                </button>
              </div>
              <table className="cookies-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Path</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Sent to</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.cookies.map((cookie) => (
                    <tr key={`${cookie.path} ${cookie.name}`}>
                      <th scope="row">
                        <code>{cookie.name}</code>
                      </th>
                      <td>
                        <code>{cookie.path}</code>
                      </td>
                      <td>{expiresText(cookie)}</td>
                      <td>{flagsText(cookie)}</td>
                      <td className="cookies-row-actions">
                        <button type="button" className="secondary small" onClick={() => setEditing({ cookie })} aria-label={`Edit ${cookie.name} of ${cookie.domain}`}>
                          Edit
                        </button>
                        <button type="button" className="secondary small" onClick={() => void remove(cookie)} aria-label={`Delete ${cookie.name} of ${cookie.domain}`}>
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
      {!editing && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing({})}>
            Add cookie
          </button>
          {confirmAll ? (
            <span className="row" role="group" aria-label="Confirm clearing all cookies">
              <span>Clear every cookie?</span>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirmAll(false);
                  void clear();
                }}
              >
                Clear all
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmAll(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="secondary" disabled={!groups.length} onClick={() => setConfirmAll(true)}>
              Clear all…
            </button>
          )}
          <div className="spacer" />
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      )}
    </Modal>
  );
}
