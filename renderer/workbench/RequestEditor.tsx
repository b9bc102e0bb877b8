// One request being edited: method, URL with its {{variables}} checked, then params, headers, body and auth.
// Sending is refused while a variable is unresolved, with the names listed and a way to send anyway.
import { forwardRef, useRef, useState, type ReactNode } from 'react';
import type { RoleCallApi } from '../../src/contract';
import { detectEndpoint } from '../../src/endpoint';
import { maskSecrets, type EffectiveRequest } from '../../src/effectiveRequest';
import type { ProfileList } from '../../src/models/profile';
import type { RequestAuth, RequestDoc, StoredKeySummary } from '../../src/models/workspace';
import { VariableField, type VariableFieldHandle } from '../editor/VariableField';
import { AuthPanel, BodyEditor, ChecksTab, DocsPanel, PresignPanel, RequestSettingsPanel, SigningOptions } from '../startup/lazyParts';
import { authSummary } from './authSummary';
import { CopyAsButton } from './CopyAsButton';
import { KeyValueTable } from './KeyValueTable';
import { ParamsTable } from './ParamsTable';
import { looksLikeCurl, pastedCurl, pastedFields } from './pastedCurl';
import { PlainHttpWarning } from './PlainHttpWarning';
import { queryRows } from './queryParams';
import { checksCount } from '../checks/checksCount';
import type { CheckOutcome } from '../../src/models/checks';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

type Section = 'params' | 'headers' | 'body' | 'auth' | 'checks' | 'settings' | 'docs';

interface Props {
  api: RoleCallApi;
  tabId: string;
  draft: RequestDoc;
  onChange: (draft: RequestDoc) => void;
  effective: EffectiveRequest;
  inherited: { auth: RequestAuth; source: string };
  profiles?: ProfileList;
  storedKeys: StoredKeySummary[];
  onKeysSaved: () => Promise<void>;
  sending: boolean;
  blocked?: string[];
  /** The last send's checks and captures, shown in the Checks tab. */
  checkOutcome?: CheckOutcome;
  onSend: (force?: boolean, allowPlainHttp?: boolean) => void;
  /** The last send was refused as signed plain http to another machine: offer to send it anyway. */
  insecureRefused?: boolean;
  onCancel: () => void;
  onDismissBlocked: () => void;
  onSave: () => void;
  onSaveAs: () => void;
  /** Where the tab was saved, e.g. 'Team API / orders'; absent for an unsaved request. */
  location?: string;
  badge: ReactNode;
}

export const RequestEditor = forwardRef<VariableFieldHandle, Props>(function RequestEditor(props, urlRef) {
  const { draft, onChange, effective } = props;
  const [section, setSection] = useState<Section>('params');
  const [pasteNotice, setPasteNotice] = useState<string | undefined>();
  const latest = useRef({ tabId: props.tabId, draft, onChange });
  latest.current = { tabId: props.tabId, draft, onChange };
  const set = (patch: Partial<RequestDoc>) => onChange({ ...draft, ...patch });
  const preview = (text: string) => maskSecrets(text, effective.scopes);
  let detected = detectEndpoint('');
  try {
    detected = detectEndpoint(effective.sign.request.url);
  } catch {
    // an unfinished URL detects nothing
  }

  const counts: Record<Section, string> = {
    params: count(queryRows(draft.url).length),
    headers: count(draft.headers.filter((h) => h.enabled && h.key).length),
    body: draft.body.mode === 'none' ? '' : ' •',
    auth: '',
    checks: checksCount(draft.checks, props.checkOutcome),
    settings: draft.settings ? ' •' : '',
    docs: draft.description || Object.keys(draft.preserved?.fields ?? {}).length ? ' •' : '',
  };
  const labels: Record<Section, string> = { params: 'Params', headers: 'Headers', body: 'Body', auth: 'Auth & signing', checks: 'Checks', settings: 'Settings', docs: 'Docs' };

  return (
    <div className="request-editor" id="request-editor" role="tabpanel" aria-label="Request">
      <div className="request-name-row">
        <label className="sr-only" htmlFor={`name-${props.tabId}`}>
          Request name
        </label>
        <input id={`name-${props.tabId}`} className="request-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        <span className="muted location">{props.location ? `in ${props.location}` : 'not saved in a collection'}</span>
        <div className="spacer" />
        <CopyAsButton effective={effective} />
        <button type="button" className="secondary small" onClick={props.onSaveAs}>
          Save as…
        </button>
        <button type="button" className="secondary small" onClick={props.onSave} title="Save (Ctrl+S)">
          Save
        </button>
      </div>
      <div className="url-row">
        <label className="sr-only" htmlFor={`method-${props.tabId}`}>
          Method
        </label>
        <select id={`method-${props.tabId}`} className={`method-select method-${draft.method}`} value={draft.method} onChange={(e) => set({ method: e.target.value })}>
          {(METHODS.includes(draft.method) ? METHODS : [draft.method, ...METHODS]).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <div className="url-field">
          <VariableField
            key={props.tabId}
            ref={urlRef}
            label="URL"
            value={draft.url}
            unresolved={effective.unresolved}
            placeholderText="https://abc123.execute-api.eu-west-1.amazonaws.com/stag/items?id={{id}}"
            onChange={(url) => set({ url })}
            onEnter={() => props.onSend()}
            onPasteText={(text) => {
              if (!looksLikeCurl(text)) return false;
              const tabId = props.tabId;
              void pastedCurl(text, draft).then((pasted) => {
                // Applied to the tab it was pasted into, over what the tab holds by then.
                if (!pasted || latest.current.tabId !== tabId) return;
                latest.current.onChange({ ...latest.current.draft, ...pastedFields(pasted.draft) });
                setPasteNotice(pasted.notice);
              });
              return true;
            }}
          />
        </div>
        {props.sending ? (
          <button type="button" className="danger" onClick={props.onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="send" onClick={() => props.onSend()} title="Send (Ctrl+Enter)">
            Send
          </button>
        )}
      </div>
      {pasteNotice && (
        <div className="paste-notice" role="status">
          <span>{pasteNotice}</span>
          <button type="button" className="secondary small" onClick={() => setPasteNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <PlainHttpWarning
        url={effective.sign.request.url}
        signed={effective.sign.auth.kind !== 'none'}
        refused={props.insecureRefused}
        onSendAnyway={() => props.onSend(false, true)}
      />
      <VariablesLine effective={effective} />
      <div className="auth-strip">
        <span className="auth-summary">
          <span className="muted">Auth </span>
          <button type="button" className="link-button" onClick={() => setSection('auth')}>
            <span className="sr-only">Edit auth: </span>
            {authSummary(draft.auth.type === 'inherit' ? props.inherited.auth : draft.auth)}
          </button>
          {draft.auth.type === 'inherit' && <span className="muted"> from {props.inherited.source}</span>}
        </span>
        {props.badge}
      </div>
      {effective.sign.signing?.mode === 'query' && <PresignPanel api={props.api} sign={effective.sign} />}
      {props.blocked && props.blocked.length > 0 && (
        <div className="blocked" role="alert">
          <span>
            Not sent: {props.blocked.length === 1 ? 'this variable is' : 'these variables are'} not defined in any scope:{' '}
            <strong>{props.blocked.join(', ')}</strong>. Define {props.blocked.length === 1 ? 'it' : 'them'} in the environment, or send the text as typed.
          </span>
          <span className="row">
            <button type="button" className="secondary small" onClick={props.onDismissBlocked}>
              Dismiss
            </button>
            <button type="button" className="small" onClick={() => props.onSend(true)}>
              Send anyway
            </button>
          </span>
        </div>
      )}
      <div className="section-tabs" role="tablist" aria-label="Request sections">
        {(Object.keys(labels) as Section[]).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`section-${key}`}
            aria-selected={section === key}
            aria-controls={`section-panel-${key}`}
            className={section === key ? 'section-tab active' : 'section-tab'}
            onClick={() => setSection(key)}
          >
            {labels[key]}
            <span className="count">{counts[key]}</span>
          </button>
        ))}
      </div>
      <div className="section-panel" role="tabpanel" id={`section-panel-${section}`} aria-labelledby={`section-${section}`}>
        {section === 'params' && <ParamsTable url={draft.url} disabled={draft.disabledParams} onChange={set} preview={preview} descriptions={draft.paramDescriptions} />}
        {section === 'headers' && <KeyValueTable rows={draft.headers} onChange={(headers) => set({ headers })} noun="Header" preview={preview} />}
        {section === 'body' && <BodyEditor api={props.api} editorKey={props.tabId} body={draft.body} onChange={(body) => set({ body })} preview={preview} />}
        {section === 'checks' && <ChecksTab checks={draft.checks} captures={draft.captures} onChange={set} outcome={props.checkOutcome} />}
        {section === 'docs' && <DocsPanel tabId={props.tabId} draft={draft} onChange={onChange} />}
        {section === 'settings' && <RequestSettingsPanel settings={draft.settings} onChange={(settings) => onChange(withSettings(draft, settings))} />}
        {section === 'auth' && (
          <div className="auth-section">
            <AuthPanel
              api={props.api}
              auth={draft.auth}
              onChange={(auth) => set({ auth })}
              inherited={props.inherited}
              profiles={props.profiles}
              storedKeys={props.storedKeys}
              onKeysSaved={props.onKeysSaved}
            />
            <SigningOptions
              signing={draft.signing}
              onChange={(signing) => set({ signing })}
              detected={detected}
              signs={effective.sign.auth.kind !== 'none'}
            />
          </div>
        )}
      </div>
    </div>
  );
});

/** The draft with these settings, or without the key when none are left (so an untouched request saves as before). */
function withSettings(draft: RequestDoc, settings: RequestDoc['settings']): RequestDoc {
  const { settings: _old, ...rest } = draft;
  return settings ? { ...rest, settings } : rest;
}

function count(n: number): string {
  return n > 0 ? ` ${n}` : '';
}

/** Where variables come from, first wins, and which names nothing defines. */
function VariablesLine({ effective }: { effective: EffectiveRequest }) {
  if (effective.uses.length === 0 && effective.unresolved.length === 0) return null;
  return (
    <div className="variables-line">
      <span className="muted" aria-label="Resolution order">
        Variables from: {effective.scopes.length ? effective.scopes.map((s) => s.label).join(' → ') : 'no scope (choose an environment)'}
      </span>
      {effective.unresolved.length > 0 && (
        <span className="unresolved" aria-label="Unresolved variables">
          unresolved: {effective.unresolved.join(', ')}
        </span>
      )}
    </div>
  );
}
