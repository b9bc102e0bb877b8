// What happens around a send: the live signing preview (debounced request:sign as the request is edited), the send
// itself with cancel, the history entry, and the identity badge (whoami on demand and after each signed send).
// Results are kept per tab, so switching tabs shows each one's last answer.
import { identityLabel } from '../../src/historySearch';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RoleCallApi } from '../../src/contract';
import { roleArnIn } from '../../src/diagnosis/roleArn';
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import type { EffectiveRequest } from '../../src/effectiveRequest';
import type { AppError } from '../../src/errors';
import type { AuthChoice } from '../../src/models/auth';
import type { SendResult, SignResult } from '../../src/models/http';
import type { ReceivingResponse } from '../../src/models/receiving';
import type { ProfileList } from '../../src/models/profile';
import type { HistoryEntry, TabState } from '../../src/models/workspace';
import { sendOptions } from '../../src/models/requestDefaults';
import type { VariableScope } from '../../src/variables';
import { settle } from '../api';
import { applyCaptures } from '../checks/capturedVariables';
import { checkVariablesFor } from '../../src/checks/checkVariables';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import type { IdentityState } from './IdentityBadge';
import { fileHandlesVersion, reconfirmFiles, subscribeFileHandles, withFileHandles } from './fileHandles';
import { keptResponseInput } from '../history/keptResponse';
import { dropEarly, openEarly } from '../viewer/useBodyView';
import { headerValue } from '../viewer/units';

/** The largest response body the window receives inline; larger ones are read from the spool file. */
const UI_INLINE_BODY_BYTES = 1024 * 1024;

export interface RunState {
  pendingId?: string;
  result?: SendResult;
  error?: AppError;
  /** The draft that was sent: the inspector shows the sent signature until the draft changes. */
  sentDraft?: TabState['draft'];
  /** Unresolved names that stopped the last send, waiting for "Send anyway". */
  blocked?: string[];
  /** The variable scopes the sent request was resolved with: their secrets are masked in what is shown. */
  scopes?: VariableScope[];
  /** What a failed send asked STS for (from its auth), so a refused AssumeRole is explained against it. */
  assumeRole?: AssumeRoleContext;
  /** The AWS profile list when it was sent: a different one now marks the answer stale (viewer/staleResponse.ts). */
  sentProfiles?: ProfileList;
  /** The pending send's body is still arriving (request:receiving): its first screen is shown meanwhile. */
  receiving?: { response: ReceivingResponse; received: number };
}

export interface PreviewState {
  signed?: SignResult;
  error?: AppError;
  pending: boolean;
  /** Why no preview was made, when none was. */
  waiting?: string;
  /** The variable scopes the preview was resolved with: their secrets are masked in what is shown. */
  scopes?: VariableScope[];
}

export const PREVIEW_DELAY_MS = 300;

export function authKey(auth: AuthChoice): string {
  return JSON.stringify(auth);
}

/** True when resolving this auth may stop for an MFA code (so the preview must not ask on its own). */
export function mayNeedMfa(auth: AuthChoice, profiles?: ProfileList): boolean {
  const profileNeeds = (name: string): boolean => {
    const profile = profiles?.profiles.find((p) => p.name === name);
    if (!profile) return false;
    return [profile.name, ...profile.sourceChain].some((n) => Boolean(profiles?.profiles.find((p) => p.name === n)?.mfaSerial));
  };
  if (auth.kind === 'profile') return profileNeeds(auth.profile);
  if (auth.kind === 'assumeRole') return Boolean(auth.mfaSerial) || (auth.base.kind === 'profile' && profileNeeds(auth.base.profile));
  return false;
}

interface Options {
  api: RoleCallApi;
  tab?: TabState;
  effective?: EffectiveRequest;
  profiles?: ProfileList;
  environmentId?: string;
  addHistory: (entry: HistoryEntry) => Promise<void>;
}

export function useRunner({ api, tab, effective, profiles, environmentId, addHistory }: Options) {
  const [runs, setRuns] = useState<Record<string, RunState>>({});
  const [preview, setPreview] = useState<PreviewState>({ pending: false });
  const [identities, setIdentities] = useState<Record<string, IdentityState>>({});
  const previewSeq = useRef(0);
  /** Tabs with a send in flight. A ref, not state, so a second Enter in the same tick already sees the first. */
  const inFlight = useRef(new Set<string>());
  /** This window's pending sends (events reach every window) and, once known, the spool file of each body arriving. */
  const arriving = useRef(new Map<string, string | undefined>());

  const setRun = useCallback((tabId: string, run: RunState) => setRuns((all) => ({ ...all, [tabId]: run })), []);

  // A large body's head, and then how much has come, while the send is still pending: for the tab that sent it.
  useEffect(
    () =>
      api.on('request:receiving', (event) => {
        if (event.response && arriving.current.has(event.requestId) && arriving.current.get(event.requestId) === undefined) {
          // The first screen main opened (or, without it, asked for now, while React renders the status and headers).
          arriving.current.set(event.requestId, event.response.body.spoolFile);
          openEarly(api, event.response.body.spoolFile, headerValue(event.response.headers, 'content-type'), event.view);
        }
        setRuns((all) => {
          const tabId = Object.keys(all).find((id) => all[id]?.pendingId === event.requestId);
          const run = tabId ? all[tabId] : undefined;
          const response = event.response ?? run?.receiving?.response;
          if (!tabId || !run || !response) return all;
          return { ...all, [tabId]: { ...run, receiving: { response, received: event.received } } };
        });
      }),
    [api],
  );

  /** Asks STS who this auth is. `quiet` (after a send) only updates the badge on success: a failure nobody asked for stays silent. */
  const checkIdentity = useCallback(
    async (auth: AuthChoice, quiet = false) => {
      if (auth.kind === 'none') return;
      const key = authKey(auth);
      if (!quiet) setIdentities((all) => ({ ...all, [key]: { status: 'pending' } }));
      const result = await settle(() => api.credentialsWhoami({ auth }));
      if (quiet && !result.ok) return;
      const failed = (error: AppError): IdentityState => ({ status: 'failed', error, context: assumeRoleContext(auth, profiles, roleArnIn(error.message)) });
      setIdentities((all) => ({ ...all, [key]: result.ok ? { status: 'done', identity: result.value } : failed(result.error) }));
    },
    [api, profiles],
  );

  // Body files go with the handles picked in this run; a new pick re-signs the preview.
  const handlesVersion = useSyncExternalStore(subscribeFileHandles, fileHandlesVersion);
  const sign = effective?.sign;
  const scopes = effective?.scopes;
  const signKey = sign ? `${handlesVersion}:${JSON.stringify(sign)}` : '';
  const identityKnown = sign ? identities[authKey(sign.auth)]?.status === 'done' : false;
  const waitsForMfa = sign ? mayNeedMfa(sign.auth, profiles) && !identityKnown : false;

  useEffect(() => {
    const seq = ++previewSeq.current;
    if (!sign || !sign.request.url.trim()) {
      setPreview({ pending: false, waiting: 'Type a URL to see what will be signed.' });
      return;
    }
    if (waitsForMfa) {
      setPreview({ pending: false, waiting: 'This identity needs an MFA code: the preview appears after “Who am I?” or a send.' });
      return;
    }
    setPreview((previous) => ({ ...previous, pending: true, waiting: undefined }));
    const timer = setTimeout(() => {
      // The preview never leaves this machine, so plain http is no reason to withhold it; sending still asks.
      void settle(() => api.requestSign(withFileHandles({ ...sign, allowPlainHttp: true }))).then((result) => {
        if (seq !== previewSeq.current) return;
        if (!result.ok && result.error.code === 'FILE_NOT_CONFIRMED') {
          setPreview({ pending: false, waiting: `${result.error.message} The preview appears once it is picked (Choose file…) or the request is sent.` });
          return;
        }
        setPreview(result.ok ? { signed: result.value, pending: false, scopes } : { error: result.error, pending: false, scopes });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // signKey stands for `sign`: a new object with the same content must not sign again.
  }, [api, signKey, waitsForMfa]);

  /** Sends the active tab's request; while that tab's last send is in flight, does nothing (every way to send ends here). */
  const send = useCallback(
    async (force = false, allowPlainHttp = false) => {
      if (!tab || !effective) return;
      const tabId = tab.id;
      if (inFlight.current.has(tabId)) return;
      const draft = tab.draft;
      if (!draft.url.trim()) {
        setRun(tabId, { error: { code: 'INVALID_URL', message: 'Type a URL to send the request to.' } });
        return;
      }
      if (effective.unresolved.length > 0 && !force) {
        setRun(tabId, { ...runs[tabId], blocked: effective.unresolved });
        return;
      }
      const requestId = crypto.randomUUID();
      inFlight.current.add(tabId);
      setRun(tabId, { ...runs[tabId], pendingId: requestId, blocked: undefined, receiving: undefined });
      // Bodies over 1 MiB stay in main's spool file and the viewer pages through them, so a 50 MB answer is
      // never one giant message across IPC.
      // The values of the {{variables}} the checks expect go with them, resolved as the request was.
      const checkVariables = checkVariablesFor(draft.checks, effective.scopes);
      const checks = { ...(draft.checks.length ? { checks: draft.checks } : {}), ...(draft.captures.length ? { captures: draft.captures } : {}), ...(checkVariables.length ? { checkVariables } : {}) };
      const sendOnce = (id: string) => settle(() => api.requestSend(withFileHandles({ ...effective.sign, ...sendOptions(draft.settings), ...checks, requestId: id, maxInMemoryBytes: UI_INLINE_BODY_BYTES, ...(allowPlainHttp ? { allowPlainHttp } : {}) })));
      const sentIds = [requestId];
      arriving.current.set(requestId, undefined);
      let result = await sendOnce(requestId);
      // A body file not picked in this run (a saved request, a restart): pick it again, then send once more.
      if (!result.ok && result.error.code === 'FILE_NOT_CONFIRMED') {
        const again = await reconfirmFiles(api, effective.sign.request.body, result.error.detail);
        if (again.confirmed) {
          const retryId = crypto.randomUUID();
          sentIds.push(retryId);
          arriving.current.set(retryId, undefined);
          setRun(tabId, { ...runs[tabId], pendingId: retryId, blocked: undefined, receiving: undefined });
          result = await sendOnce(retryId);
        } else if (again.error) {
          result = { ok: false, error: again.error };
        }
      }
      inFlight.current.delete(tabId);
      for (const id of sentIds) {
        const file = arriving.current.get(id);
        arriving.current.delete(id);
        // Taken by the viewer by now if it showed the first screen; otherwise the viewer opens its own.
        if (file) dropEarly(api, file);
      }
      // Captured values become this session's variables for the requests that follow (memory only).
      if (result.ok && result.value.checks) applyCaptures(result.value.checks.captures);
      const sent = { sentDraft: draft, scopes: effective.scopes, sentProfiles: profiles };
      // The auth this send used, not whatever the draft holds when the error is looked at; main's message names the
      // role STS refused, which picks the hop in a chain of roles.
      setRun(tabId, result.ok ? { result: result.value, ...sent } : { error: result.error, ...sent, assumeRole: assumeRoleContext(effective.sign.auth, profiles, roleArnIn(result.error.message)) });
      const entry: HistoryEntry = {
        id: crypto.randomUUID(),
        at: new Date().toISOString(),
        request: draft,
        resolvedUrl: effective.maskedUrl.slice(0, 64 * 1024),
        ...(environmentId ? { environmentId } : {}),
        ...withIdentity(identityLabel(effective.sign.auth)),
        ...(result.ok
          ? { status: result.value.response.status, durationMs: result.value.response.timings.total, size: result.value.response.body.size }
          : { errorCode: result.error.code }),
      };
      // The response is kept once main holds the entry (only the newest entries keep theirs: historyResponse.ts).
      void addHistory(entry).then(
        () => (result.ok ? settle(() => api.historyKeepResponse({ entryId: entry.id, response: keptResponseInput(result.value, effective.scopes) })) : undefined),
        () => undefined,
      );
      if (result.ok && effective.sign.auth.kind !== 'none') void checkIdentity(effective.sign.auth, true);
    },
    [api, tab, effective, profiles, runs, setRun, environmentId, addHistory, checkIdentity],
  );

  const cancel = useCallback(async () => {
    const id = tab ? runs[tab.id]?.pendingId : undefined;
    if (id) await settle(() => api.requestCancel({ requestId: id }));
  }, [api, tab, runs]);

  const dismissBlocked = useCallback(() => {
    if (tab) setRun(tab.id, { ...runs[tab.id], blocked: undefined });
  }, [tab, runs, setRun]);

  const run = tab ? runs[tab.id] : undefined;
  const identity: IdentityState = sign && sign.auth.kind !== 'none' ? (identities[authKey(sign.auth)] ?? { status: 'idle' }) : { status: 'idle' };

  return { run, preview, identity, send, cancel, dismissBlocked, checkIdentity };
}

const withIdentity = (identity: string | undefined) => (identity ? { identity } : {});
