// The workbench: sidebar | request tabs | response over the signing inspector, each border draggable (and movable
// with the arrow keys once focused). This component wires the pieces together: the open tabs, the request in
// effect after inheritance and variables, sending, saving and the keyboard. What main signed and sent carries
// secret variables' real values; they are masked here, once, before any of it reaches the inspector or the viewer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from './splitPanes';
import type { RoleCallApi } from '../../src/contract';
import { effectiveRequest, inheritedAuth } from '../../src/effectiveRequest';
import { maskError, maskSendResult, maskSignResult } from '../../src/maskSignResult';
import type { HistoryEntry, RequestDoc } from '../../src/models/workspace';
import type { VariableScope } from '../../src/variables';
import { ErrorBoundary } from '../components/ErrorBoundary';
import type { VariableFieldHandle } from '../editor/VariableField';
import { SigningInspector } from '../inspector/SigningInspector';
import { InspectorTabs } from '../inspector/InspectorTabs';
import { Sidebar } from '../sidebar/Sidebar';
import { ChainPanel, ResponseViewer, SaveRequestDialog, UnsavedDialog, WorkshopPanel } from '../startup/lazyParts';
import { prefetchWhenIdle } from '../startup/onDemand';
import { useProfileList } from '../state/profiles';
import { activeTab, useTabs, type SourceRef } from '../state/tabs';
import { useWorkspace } from '../state/workspace';
import { useCapturedVariables } from '../checks/capturedVariables';
import { signInProfileOf } from '../sso/SsoSignInButton';
import { staleReason } from '../viewer/staleResponse';
import { StaleResponseNote } from '../viewer/StaleResponseNote';
import { useAwsFilesVersion } from '../viewer/useAwsFilesVersion';
import { IdentityBadge } from './IdentityBadge';
import { newTabRequest, noteAuthEdit, unsavedFallback } from './defaultAuth';
import { settle } from '../api';
import { replaceRequest } from './replaceRequest';
import { RequestEditor } from './RequestEditor';
import { useShortcuts, type ShortcutAction } from './shortcuts';
import { tabTitle, TabsBar } from './TabsBar';
import { useRunner } from './useRunner';
import { EMPTY_RESPONSE_SIZE, useResponseRoom } from './useResponseRoom';
import { HistoryResponseNote } from '../history/HistoryResponseNote';
import { useHistoryResponses } from '../history/useHistoryResponses';
import { resendsAfterSignIn, SignInFollowUp } from '../sso/signInFollowUp';
import { SsoSignInButton } from '../sso/SsoSignInButton';
import { useSsoTokenState } from '../sso/useSsoTokenState';
import './workbench.css';

/** `base` is the tab's draft when the save began: edits made while it runs must survive it. */
type SaveDialog = { tabId: string; draft: RequestDoc; base: RequestDoc; closeAfter: boolean };

/** `visible` is false while another view (Profiles) covers the workbench: its shortcuts are off then. */
export function Workbench({ api, visible = true }: { api: RoleCallApi; visible?: boolean }) {
  const ws = useWorkspace();
  const [tabs, dispatch] = useTabs(api, ws.ready ? ws.initialTabs : ws.error ? { open: [] } : undefined);
  const profiles = useProfileList(api);
  // Once the window is usable, the parts it does not show yet load while the page is idle.
  const settled = ws.ready || Boolean(ws.error);
  useEffect(() => {
    if (settled) prefetchWhenIdle();
  }, [settled]);
  const [confirmClose, setConfirmClose] = useState<string | undefined>();
  const [saveDialog, setSaveDialog] = useState<SaveDialog | undefined>();
  const urlField = useRef<VariableFieldHandle>(null);
  /** The tabs as last rendered, for a save that finishes after later edits. */
  const latestTabs = useRef(tabs);
  latestTabs.current = tabs;

  const tab = activeTab(tabs);
  const found = tab?.source ? ws.findRequest(tab.source) : undefined;
  const environment = ws.environments.find((e) => e.id === ws.activeEnvironmentId);
  const captured = useCapturedVariables();
  const effective = useMemo(
    () => (tab ? effectiveRequest({ doc: tab.draft, folders: found?.folders ?? [], collection: found?.collection, environment, fallbackAuth: unsavedFallback(profiles), captured }) : undefined),
    [tab, found, environment, profiles, captured],
  );
  const inherited = tab ? inheritedAuth(tab.draft, found?.folders ?? [], found?.collection, unsavedFallback(profiles)) : { auth: { type: 'none' as const }, source: 'default' };

  const runner = useRunner({ api, tab, effective, profiles, environmentId: environment?.id, addHistory: ws.addHistory });
  const run = runner.run;
  const sentStage = Boolean(run?.result && tab && run.sentDraft === tab.draft);
  const responsePanel = usePanelRef();
  const kept = useHistoryResponses(api);
  // A tab opened from history shows the response history kept, until it sends again.
  const fromHistory = run ? undefined : kept.viewFor(tab?.draft.id);
  useResponseRoom(responsePanel, Boolean(run?.result || run?.error || run?.pendingId || fromHistory));
  const filesVersion = useAwsFilesVersion(api);
  // The AWS file changes seen when each answer arrived (answers are new objects, so they key it).
  const answeredAt = useRef(new WeakMap<object, number>());
  const answer = run?.result ?? run?.error;
  if (answer && !answeredAt.current.has(answer)) answeredAt.current.set(answer, filesVersion);
  const signInProfile = signInProfileOf(effective?.sign.auth);
  const ssoState = useSsoTokenState(api, signInProfile, filesVersion, answer, runner.preview.signed?.explanation?.accessKeyId);
  const identityNeedsSignIn = runner.identity.status === 'failed' && runner.identity.error.code === 'SSO_SIGN_IN_REQUIRED';
  // A sign-in started from a failed send sends that request again, once: its outcome is shown whatever it is.
  const latestSend = useRef({ run, send: runner.send });
  latestSend.current = { run, send: runner.send };
  const resendAfterSignIn = useCallback(() => {
    ssoState.refresh();
    const { run: failed, send } = latestSend.current;
    if (resendsAfterSignIn(failed)) void send();
  }, [ssoState.refresh]);
  const stale =
    run && answer
      ? staleReason({ draft: run.sentDraft, profiles: run.sentProfiles, filesVersion: answeredAt.current.get(answer) }, { draft: tab?.draft, profiles, filesVersion })
      : undefined;

  // The scopes a result was made with and the current ones: a secret stays masked after the environment changes.
  const shown = useMemo(() => {
    const scopes = (made?: VariableScope[]) => [...(made ?? []), ...(effective?.scopes ?? [])];
    const { preview } = runner;
    return {
      result: run?.result && maskSendResult(run.result, scopes(run.scopes)),
      error: run?.error && maskError(run.error, scopes(run.scopes)),
      preview: preview.signed && maskSignResult(preview.signed, scopes(preview.scopes)),
      previewError: preview.error && maskError(preview.error, scopes(preview.scopes)),
    };
  }, [run, runner.preview, effective]);

  const closeNow = useCallback((id: string) => dispatch({ type: 'close', id }), [dispatch]);

  const requestClose = useCallback(
    (id: string) => {
      const target = tabs.open.find((t) => t.id === id);
      if (target?.dirty) setConfirmClose(id);
      else closeNow(id);
    },
    [tabs, closeNow],
  );

  /** Saves a tab over the request it came from; a new request (or one since deleted) asks where to save. */
  const save = useCallback(
    async (tabId: string, closeAfter = false) => {
      const target = tabs.open.find((t) => t.id === tabId);
      if (!target) return;
      const origin = target.source ? ws.findRequest(target.source) : undefined;
      const updated = origin && target.source ? replaceRequest(origin.collection, target.source.requestId, target.draft) : undefined;
      if (!updated || !target.source) {
        setSaveDialog({ tabId, draft: target.draft, base: target.draft, closeAfter });
        return;
      }
      try {
        await ws.saveCollection(updated);
        dispatch({ type: 'saved', id: tabId, source: target.source, doc: target.draft, base: target.draft });
        // Closing would drop what was typed while saving; the tab stays open, marked unsaved, instead.
        const edited = latestTabs.current.open.find((t) => t.id === tabId)?.draft !== target.draft;
        if (closeAfter && !edited) closeNow(tabId);
      } catch {
        // The workspace shows the error in the sidebar and keeps the tab dirty.
      }
    },
    [tabs, ws, dispatch, closeNow],
  );

  const saveAs = useCallback(() => {
    if (tab) setSaveDialog({ tabId: tab.id, draft: { ...tab.draft, id: crypto.randomUUID() }, base: tab.draft, closeAfter: false });
  }, [tab]);

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      switch (action) {
        case 'send':
          void runner.send();
          return;
        case 'newTab':
          dispatch({ type: 'new', doc: newTabRequest(profiles) });
          return;
        case 'closeTab':
          if (tab) requestClose(tab.id);
          return;
        case 'save':
          if (tab) void save(tab.id);
          return;
        case 'nextTab':
          dispatch({ type: 'step', delta: 1 });
          return;
        case 'previousTab':
          dispatch({ type: 'step', delta: -1 });
          return;
        case 'moveTabRight':
          if (tab) dispatch({ type: 'moveBy', id: tab.id, delta: 1 });
          return;
        case 'moveTabLeft':
          if (tab) dispatch({ type: 'moveBy', id: tab.id, delta: -1 });
          return;
        case 'focusUrl':
          urlField.current?.focus();
          return;
      }
    },
    [runner, dispatch, tab, requestClose, save],
  );
  useShortcuts(onShortcut, visible);

  const openRequest = useCallback(
    (ref: SourceRef) => {
      // The tree holds summaries: an open tab comes forward at once, a new one once main has sent the document.
      const open = tabs.open.find((t) => t.source?.collectionId === ref.collectionId && t.source.requestId === ref.requestId);
      if (open) dispatch({ type: 'activate', id: open.id });
      else void ws.loadRequest(ref).then((doc) => dispatch({ type: 'open', source: ref, doc }), () => undefined);
    },
    [ws, tabs, dispatch],
  );
  const openHistory = useCallback(
    (entry: HistoryEntry) => {
      const id = crypto.randomUUID();
      dispatch({ type: 'new', doc: { ...entry.request, id } });
      void kept.open(entry, id);
    },
    [dispatch, kept.open],
  );

  const closing = confirmClose ? tabs.open.find((t) => t.id === confirmClose) : undefined;
  const location = found ? [found.collection.name, ...found.folders.map((f) => f.name)].join(' / ') : undefined;

  // The panes mount once the workspace and its tabs are here, not before: the resizable panels measure the page
  // while they mount (a forced layout), so mounting them over a placeholder laid the whole window out once for
  // "Loading…" and again for the real thing. Once shown they stay, even with every tab closed.
  const [panesShown, setPanesShown] = useState(false);
  if (!panesShown && (tabs.open.length > 0 || ws.error)) setPanesShown(true);
  if (!panesShown) {
    return (
      <div className="empty-workbench" role="status">
        <p>Loading your workspace…</p>
      </div>
    );
  }

  return (
    <>
    <Group orientation="horizontal" className="workbench" id="workbench">
      <Panel id="sidebar-panel" defaultSize="22" minSize="250px" className="pane sidebar-pane">
        <ErrorBoundary region="The sidebar">
          <Sidebar onOpenRequest={openRequest} onOpenHistory={openHistory} activeRef={tab?.source} />
        </ErrorBoundary>
      </Panel>
      <Separator className="resize-handle vertical" aria-label="Resize the sidebar" />
      {/* The request tabs have a row of their own over the request and its result. */}
      <Panel id="main-panel" defaultSize="78" minSize="45" className="pane main-pane">
        <TabsBar
          tabs={tabs.open}
          activeId={tab?.id}
          onActivate={(id) => dispatch({ type: 'activate', id })}
          onClose={requestClose}
          onMove={(id, to) => dispatch({ type: 'move', id, to })}
          onNew={() => dispatch({ type: 'new', doc: newTabRequest(profiles) })}
        />
      <Group orientation="horizontal" className="editor-group" id="editor-group">
      <Panel id="request-panel" defaultSize="54" minSize="30" className="pane request-pane">
        {tab && effective ? (
          <ErrorBoundary region="The request editor">
            <RequestEditor
              ref={urlField}
              api={api}
              tabId={tab.id}
              draft={tab.draft}
              onChange={(draft) => {
                noteAuthEdit(tab.source?.collectionId, tab.draft, draft);
                dispatch({ type: 'edit', id: tab.id, draft });
              }}
              effective={effective}
              inherited={inherited}
              profiles={profiles}
              storedKeys={ws.storedKeys}
              onKeysSaved={ws.refreshKeys}
              sending={Boolean(run?.pendingId)}
              blocked={run?.blocked}
              checkOutcome={run?.result?.checks}
              onSend={(force, allowPlainHttp) => void runner.send(force, allowPlainHttp)}
              insecureRefused={run?.error?.code === 'INSECURE_HTTP'}
              onCancel={() => void runner.cancel()}
              onDismissBlocked={runner.dismissBlocked}
              onSave={() => void save(tab.id)}
              onSaveAs={saveAs}
              location={location}
              badge={
                <IdentityBadge
                  state={runner.identity}
                  enabled={effective.sign.auth.kind !== 'none'}
                  resolvedKeyId={shown.preview?.explanation?.accessKeyId}
                  onCheck={() => void runner.checkIdentity(effective.sign.auth)}
                  signIn={
                    signInProfile && ((ssoState.state?.sso && ssoState.state.signInNeeded) || identityNeedsSignIn) ? (
                      <SsoSignInButton
                        profile={signInProfile}
                        onSignedIn={() => {
                          ssoState.refresh();
                          void runner.checkIdentity(effective.sign.auth);
                        }}
                      />
                    ) : undefined
                  }
                  onClearCache={async () => {
                    const cleared = await settle(() => api.credentialsClear({ auth: effective.sign.auth }));
                    return cleared.ok ? cleared.value.cleared : undefined;
                  }}
                />
              }
            />
          </ErrorBoundary>
        ) : (
          <div className="empty-workbench">
            <p>{ws.ready || ws.error ? 'No request is open.' : 'Loading your workspace…'}</p>
            {(ws.ready || ws.error) && (
              <button type="button" onClick={() => dispatch({ type: 'new', doc: newTabRequest(profiles) })}>
                New request
              </button>
            )}
            <p className="muted">Ctrl+T opens a tab, Ctrl+Enter sends, Ctrl+S saves, Ctrl+L jumps to the URL.</p>
          </div>
        )}
      </Panel>
      <Separator className="resize-handle vertical" aria-label="Resize the request and the response" />
      <Panel id="result-panel" defaultSize="46" minSize="28" className="pane result-pane">
        <Group orientation="vertical" id="result-group">
          <Panel id="response-panel" panelRef={responsePanel} defaultSize={EMPTY_RESPONSE_SIZE} minSize={EMPTY_RESPONSE_SIZE} className="pane response-pane">
            <ErrorBoundary region="The response">
              {stale && <StaleResponseNote reason={stale} sending={Boolean(run?.pendingId)} onSend={() => void runner.send()} />}
              {fromHistory && <HistoryResponseNote view={fromHistory} />}
              <SignInFollowUp.Provider value={resendAfterSignIn}>
              <ResponseViewer
                api={api}
                result={shown.result ?? fromHistory?.result}
                error={shown.error}
                assumeRole={run?.assumeRole}
                pending={Boolean(run?.pendingId)}
                {...(run?.pendingId && run.receiving ? { receiving: run.receiving } : {})}
                signInProfile={signInProfile}
              />
              </SignInFollowUp.Provider>
            </ErrorBoundary>
          </Panel>
          <Separator className="resize-handle horizontal" aria-label="Resize the response and the inspector" />
          <Panel id="inspector-panel" minSize="10" className="pane inspector-pane">
            <ErrorBoundary region="The signing inspector">
              <InspectorTabs
                signing={
                  runner.preview.waiting && !sentStage ? (
                    <section className="inspector-waiting" aria-label="Signing inspector">
                      <h2>Signing inspector</h2>
                      <p className="muted">{runner.preview.waiting}</p>
                    </section>
                  ) : (
                    <SigningInspector
                      signed={sentStage ? shown.result?.sent : shown.preview}
                      error={sentStage ? undefined : shown.previewError}
                      authSource={effective?.authSource}
                      stage={sentStage ? 'sent' : 'preview'}
                      pending={sentStage ? false : runner.preview.pending}
                      // Read defensively: a malformed answer must fail inside the response's boundary, not here.
                      redirects={sentStage ? shown.result?.response?.redirects?.length : undefined}
                    />
                  )
                }
                chain={
                  effective && (
                    <ChainPanel
                      api={api}
                      facts={{
                        auth: effective.sign.auth,
                        profiles,
                        identity: runner.identity,
                        sent: run && tab && run.sentDraft === tab.draft ? { result: shown.result, error: shown.error } : undefined,
                        signed: sentStage ? shown.result?.sent : shown.preview,
                        method: effective.sign.request.method,
                        maskedUrl: effective.maskedUrl,
                      }}
                    />
                  )
                }
                policies={
                  effective && <WorkshopPanel key={tab?.id} api={api} auth={effective.sign.auth} method={effective.sign.request.method} url={effective.maskedUrl} />
                }
              />
            </ErrorBoundary>
          </Panel>
        </Group>
      </Panel>
      </Group>
      </Panel>
    </Group>
      {closing && (
        <UnsavedDialog
          title={tabTitle(closing)}
          onCancel={() => setConfirmClose(undefined)}
          onDiscard={() => {
            setConfirmClose(undefined);
            closeNow(closing.id);
          }}
          onSave={() => {
            setConfirmClose(undefined);
            void save(closing.id, true);
          }}
        />
      )}
      {saveDialog && (
        <SaveRequestDialog
          draft={saveDialog.draft}
          onCancel={() => setSaveDialog(undefined)}
          onSaved={(ref, doc) => {
            dispatch({ type: 'saved', id: saveDialog.tabId, source: ref, doc, base: saveDialog.base });
            if (saveDialog.closeAfter) closeNow(saveDialog.tabId);
            setSaveDialog(undefined);
          }}
        />
      )}
    </>
  );
}
