// The answer to a sent request: status, time with its breakdown, size, headers, and the body as pretty text
// (formatted by main), raw text, or hex. AWS error documents are shown above the body, failures as readable
// messages. Bodies are text only: markup is never rendered, and big bodies are shown without being put in the DOM.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import type { AppError } from '../../src/errors';
import type { SendResult } from '../../src/models/http';
import type { ReceivingResponse } from '../../src/models/receiving';
import { settle } from '../api';
import { isShortcut } from '../keyboard/shortcutList';
import { CheckSummary } from '../checks/CheckSummary';
import { AwsErrorPanel } from './AwsErrorPanel';
import { BodyEditor, type BodyEditorHandle } from './BodyEditor';
import { RedirectNote } from './RedirectNote';
import { ClockSkewNote } from './ClockSkewNote';
import { CopyButton } from './CopyButton';
import { ErrorView } from './ErrorView';
import { HeadersTable } from './HeadersTable';
import { HexView } from './HexView';
import { RefusalExplainer } from './RefusalExplainer';
import { TimingWaterfall } from './TimingWaterfall';
import { formatBytes, formatDuration, headerValue, statusTone, suggestedFileName } from './units';
import { bodySource, useBodyText, type BodyText } from './useBody';
import { isWindowed, useBodyView, type BodyViewState } from './useBodyView';
import { WindowedBody } from './WindowedBody';
import { readWholeBody } from './wholeBody';
import { receivingResult } from './receiving';
import './viewer.css';

type Section = 'body' | 'headers' | 'timing';
type BodyView = 'pretty' | 'raw' | 'hex';

export function ResponseViewer(props: {
  api: RoleCallApi;
  result?: SendResult;
  error?: AppError;
  assumeRole?: AssumeRoleContext;
  pending?: boolean;
  /** The pending send's body is still arriving: its first screen is shown from the spool file meanwhile. */
  receiving?: { response: ReceivingResponse; received: number };
  signInProfile?: string;
}) {
  const arriving = props.receiving?.response;
  const early = useMemo(() => (arriving ? receivingResult(arriving) : undefined), [arriving]);
  let content;
  if (props.pending && early && props.receiving) {
    content = <ResultView api={props.api} result={early} received={props.receiving.received} />;
  } else if (props.pending) {
    content = (
      <div className="rv-state" role="status">
        <span className="rv-spinner" aria-hidden="true" /> Sending the request…
      </div>
    );
  } else if (props.error) {
    content = <ErrorView error={props.error} assumeRole={props.assumeRole} signInProfile={props.signInProfile} />;
  } else if (props.result) {
    content = <ResultView api={props.api} result={props.result} />;
  } else {
    content = (
      <div className="rv-state rv-empty">
        <p className="rv-empty-title">No response yet</p>
        <p>
          Send the request with <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac). The status, headers, body and timing
          appear here.
        </p>
      </div>
    );
  }
  return (
    <section className="response-viewer" aria-label="Response">
      {content}
    </section>
  );
}

/** `received` while the body is still arriving: the bytes so far (time and size are final only at the end). */
function ResultView({ api, result, received }: { api: RoleCallApi; result: SendResult; received?: number }) {
  const arriving = received !== undefined;
  const { response } = result;
  const contentType = headerValue(response.headers, 'content-type');
  const [section, setSection] = useState<Section>('body');
  const [chosenView, setChosenView] = useState<BodyView | undefined>();
  // A body spooled to disk is laid out and searched in main and shown a window at a time; a small one is held here.
  const windowed = isWindowed(response.body);
  const pretty = useBodyText(api, response.body, 'pretty', contentType, !windowed);
  const prettyWindow = useBodyView(api, response.body, 'pretty', contentType, windowed);
  const binary = windowed ? prettyWindow.window?.binary === true : pretty.binary;
  const view: BodyView = chosenView ?? (binary ? 'hex' : 'pretty');
  const raw = useBodyText(api, response.body, 'raw', contentType, !windowed && section === 'body' && view === 'raw');
  const rawWindow = useBodyView(api, response.body, 'raw', contentType, windowed && section === 'body' && view === 'raw');
  const [wrap, setWrap] = useState(false);
  const editor = useRef<BodyEditorHandle>(null);
  const [saved, setSaved] = useState<{ text: string; failed?: boolean } | undefined>();
  const ids = useId();

  useEffect(() => {
    setSection('body');
    setChosenView(undefined);
    setSaved(undefined);
  }, [result]);

  const shown = view === 'pretty' ? pretty : view === 'raw' ? raw : undefined;
  const shownWindow = view === 'pretty' ? prettyWindow : view === 'raw' ? rawWindow : undefined;
  const searchable =
    section === 'body' &&
    (windowed
      ? shownWindow?.status === 'ready' && shownWindow.window?.binary === false
      : shown !== undefined && !shown.binary && shown.parts.length > 0);
  const copyable = !arriving && (windowed ? !binary && view !== 'hex' : shown?.status === 'ready' && !shown.binary);
  const copyText = (): string | Promise<string> =>
    windowed && response.body.spoolFile ? readWholeBody(api, response.body.spoolFile, response.body.size) : (shown?.parts.join('') ?? '');

  function openSearch() {
    if (searchable) editor.current?.openSearch();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    if (isShortcut('bodySearch', event) && searchable) {
      event.preventDefault();
      openSearch();
    }
  }

  async function save() {
    setSaved(undefined);
    const outcome = await settle(() =>
      api.responseSave({ source: bodySource(response.body), suggestedName: suggestedFileName(result.sent.request.url, contentType) }),
    );
    if (!outcome.ok) setSaved({ text: `Could not save: ${outcome.error.message}`, failed: true });
    else if (!outcome.value.cancelled) setSaved({ text: `Saved to ${outcome.value.path ?? 'the chosen file'}` });
  }

  const tone = statusTone(response.status);
  // After a redirect AWS's canonical request is the last hop's: comparing it with the first one's would mislead.
  const oursToCompare = response.redirects ? undefined : result.sent.explanation?.canonicalRequest;
  const sections: Array<[Section, string]> = [
    ['body', 'Body'],
    ['headers', `Headers (${response.headers.length}${response.headersTruncated ? '+' : ''})`],
    ['timing', 'Timing'],
  ];
  return (
    <div className="rv-result" onKeyDown={onKeyDown}>
      <div className="rv-summary">
        <span className={`rv-status rv-status-${tone}`} aria-label="Status">
          {response.status} {response.statusText}
        </span>
        {arriving ? (
          <span className="rv-fact" aria-label="Receiving" role="status">
            <span className="rv-spinner" aria-hidden="true" /> Receiving… {formatBytes(received)}
          </span>
        ) : (
          <>
            <span className="rv-fact" aria-label="Time">
              <span className="rv-fact-name">Time</span> {formatDuration(response.timings.total)}
            </span>
            <span className="rv-fact" aria-label="Size">
              <span className="rv-fact-name">Size</span> {formatBytes(response.body.size)}
            </span>
          </>
        )}
        <span className="rv-fact rv-muted">HTTP/{response.httpVersion}</span>
        {result.checks && <CheckSummary outcome={result.checks} />}
      </div>
      {result.clockSkew && <ClockSkewNote info={result.clockSkew} />}
      {response.redirects && <RedirectNote redirects={response.redirects} />}
      {result.refusal ? (
        <RefusalExplainer refusal={result.refusal} aws={result.awsError && <AwsErrorPanel info={result.awsError} ours={oursToCompare} />} />
      ) : (
        result.awsError && <AwsErrorPanel info={result.awsError} ours={oursToCompare} />
      )}
      <div className="rv-tabs" role="tablist" aria-label="Response sections">
        {sections.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`${ids}-tab-${id}`} aria-selected={section === id} aria-controls={`${ids}-section`} onClick={() => setSection(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="rv-section" id={`${ids}-section`} role="tabpanel" aria-labelledby={`${ids}-tab-${section}`}>
        {section === 'headers' && <HeadersTable headers={response.headers} label="Response headers" truncated={response.headersTruncated} />}
        {section === 'timing' && (arriving ? <p className="rv-note">The timing is shown once the whole body has arrived.</p> : <TimingWaterfall timings={response.timings} />)}
        {section === 'body' && (
          <>
            <div className="rv-body-bar">
              <div className="rv-views" role="tablist" aria-label="Body view">
                {(['pretty', 'raw', 'hex'] as const).map((id) => (
                  <button key={id} type="button" role="tab" aria-selected={view === id} disabled={arriving && id === 'hex'} onClick={() => setChosenView(id)}>
                    {id === 'pretty' ? 'Pretty' : id === 'raw' ? 'Raw' : 'Hex'}
                  </button>
                ))}
              </div>
              <span className="rv-spacer" />
              <button type="button" onClick={openSearch} disabled={!searchable} aria-keyshortcuts="Control+F" title="Search in the body (Ctrl+F)">
                Search
              </button>
              <label className="rv-wrap">
                <input
                  type="checkbox"
                  checked={wrap && !windowed}
                  onChange={(e) => setWrap(e.target.checked)}
                  disabled={view === 'hex' || windowed}
                  title={windowed ? 'A body this size is shown with lines broken every 4,096 characters' : undefined}
                />{' '}
                Wrap lines
              </label>
              {copyable ? (
                <CopyButton text={copyText} label="Copy body" />
              ) : (
                <button type="button" disabled aria-label="Copy body">
                  Copy
                </button>
              )}
              <button type="button" onClick={() => void save()} disabled={arriving || response.body.size === 0}>
                Save to file
              </button>
            </div>
            {saved && (
              <p className={saved.failed ? 'rv-inline-error' : 'rv-note'} role={saved.failed ? 'alert' : 'status'}>
                {saved.text}
              </p>
            )}
            {!response.body.complete && !arriving && (
              <p className="rv-note">This {formatBytes(response.body.size)} body was kept on disk; RoleCall shows it from there.</p>
            )}
            {windowed && (view !== 'hex' || arriving) ? (
              <WindowPane api={api} view={view === 'hex' ? 'pretty' : view} state={view === 'hex' ? prettyWindow : shownWindow} editor={editor} arriving={arriving} />
            ) : (
              <BodyPane api={api} result={result} view={view} text={shown} editor={editor} wrap={wrap} />
            )}
          </>
        )}
      </div>
    </div>
  );
}

function BodyPane(props: {
  api: RoleCallApi;
  result: SendResult;
  view: BodyView;
  text: BodyText | undefined;
  editor: RefObject<BodyEditorHandle | null>;
  wrap: boolean;
}) {
  const { body } = props.result.response;
  const t = props.text;
  if (body.size === 0) return <p className="rv-state">The response has no body.</p>;
  if (props.view === 'hex' || !t) return <HexView api={props.api} body={body} />;
  if (t.status === 'failed' && t.error) return <ErrorView error={t.error} />;
  if (t.binary) return <p className="rv-state">This body is binary; the Hex view shows its bytes.</p>;
  if (t.parts.length === 0) {
    return <Loading text={props.view === 'pretty' && body.complete ? `Formatting ${formatBytes(body.size)}…` : 'Reading…'} />;
  }
  return (
    <>
      {t.status === 'loading' && (
        <p className="rv-note" role="status">
          Reading {formatBytes(t.loaded)} of {formatBytes(body.size)}…
        </p>
      )}
      {t.note && <p className="rv-note">{t.note}</p>}
      <BodyEditor
        ref={props.editor}
        parts={t.parts}
        docKey={body}
        language={props.view === 'raw' ? 'text' : t.language}
        label={props.view === 'raw' ? 'Raw response body' : 'Response body'}
        wrap={props.wrap}
        loading={t.status === 'loading'}
        {...(props.view === 'pretty' && t.longContainers ? { longContainers: t.longContainers } : {})}
      />
    </>
  );
}

function WindowPane(props: { api: RoleCallApi; view: BodyView; state: BodyViewState | undefined; editor: RefObject<BodyEditorHandle | null>; arriving: boolean }) {
  const s = props.state;
  if (!s || s.status === 'loading' || !s.window) {
    if (s?.status === 'failed' && s.error) return <ErrorView error={s.error} />;
    return <Loading text="Reading…" />;
  }
  const w = s.window;
  if (w.binary) return <p className="rv-state">This body is binary; the Hex view shows its bytes.</p>;
  return (
    <>
      {w.failed && (
        <p className="rv-inline-error" role="alert">
          {w.failed}
        </p>
      )}
      {!w.done && !w.failed && (
        <p className="rv-note" role="status">
          {props.arriving ? 'The body is still arriving' : 'Laying out the body'}… {w.totalLines.toLocaleString()} lines so far
        </p>
      )}
      {props.view === 'pretty' && w.note && <p className="rv-note">{w.note}</p>}
      <WindowedBody
        key={w.viewId}
        ref={props.editor}
        api={props.api}
        view={w}
        label={props.view === 'raw' ? 'Raw response body' : 'Response body'}
      />
    </>
  );
}

function Loading({ text }: { text: string }) {
  return (
    <div className="rv-state" role="status">
      <span className="rv-spinner" aria-hidden="true" /> {text}
    </div>
  );
}
