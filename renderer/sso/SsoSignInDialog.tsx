// The IAM Identity Center sign-in as the user sees it: main starts the device flow (sso:start) and opens the page in
// the system browser where it can; here the code to check, the link (for browser mode, or when no browser opened),
// a live state from sso:status (sso:poll as a fallback) and Cancel. No token ever reaches the page.
import { Fragment, useEffect, useRef, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { SsoFlow, SsoStatus } from '../../src/models/sso';
import { ErrorBox } from '../components/ErrorBox';
import { Modal } from '../components/Modal';
import { settle } from '../api';
import './sso.css';

interface Props {
  api: RoleCallApi;
  profile: string;
  onClose: (signedIn: boolean) => void;
}

/** How often the page asks for the state in case an event went missing; the flow itself is bounded by its code's expiry. */
const POLL_MS = 3000;

export function SsoSignInDialog({ api, profile, onClose }: Props) {
  const [flow, setFlow] = useState<SsoFlow>();
  const [status, setStatus] = useState<SsoStatus>();
  const [error, setError] = useState<AppError>();
  const flowRef = useRef<SsoFlow | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const off = api.on('sso:status', (s) => {
      if (live && s.flowId === flowRef.current?.flowId) setStatus(s);
    });
    void settle(() => api.ssoStart({ profile })).then((result) => {
      if (!live) {
        if (result.ok) void api.ssoCancel({ flowId: result.value.flowId });
        return;
      }
      if (result.ok) {
        flowRef.current = result.value;
        setFlow(result.value);
      } else setError(result.error);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, profile]);

  const pending = flow !== undefined && (status === undefined || status.state === 'pending');
  useEffect(() => {
    if (!pending || !flow) return;
    const timer = setInterval(() => {
      void settle(() => api.ssoPoll({ flowId: flow.flowId })).then((result) => {
        if (result.ok && result.value.state !== 'pending') setStatus(result.value);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, flow, pending]);

  const signedIn = status?.state === 'signedIn';
  function close() {
    if (flow && pending) void api.ssoCancel({ flowId: flow.flowId });
    onClose(signedIn);
  }

  return (
    <Modal title={`Sign in to IAM Identity Center`} onCancel={close} className="sso-dialog">
      <p>
        Profile <strong>{flow?.profile ?? profile}</strong>
        {flow?.sessionName ? (
          <>
            {' '}
            (sso-session <strong>{flow.sessionName}</strong>)
          </>
        ) : null}
        {flow ? <> at {flow.startUrl}</> : null}
      </p>
      {!flow && !error && <p role="status">Starting the sign-in…</p>}
      {error && <ErrorBox error={error} />}
      {flow && (
        <>
          <p>{flow.opened ? 'Your browser opened the sign-in page. Check that it shows this code:' : 'Open the sign-in page and check that it shows this code:'}</p>
          <p className="sso-code" aria-label="Sign-in code">
            {flow.userCode}
          </p>
          <p className="sso-url">
            <a href={flow.verificationUriComplete} target="_blank" rel="noreferrer noopener">
              {flow.verificationUriComplete}
            </a>
          </p>
          <p role="status" aria-live="polite" aria-label="Sign-in state">
            {pending ? 'Waiting for you to approve in the browser…' : (status?.message ?? status?.state)}
          </p>
          {status?.error && <ErrorBox error={status.error} />}
          <p className="muted">
            The same sign-in from a terminal: <TerminalCommand command={flow.loginCommand} />
          </p>
        </>
      )}
      <div className="actions">
        {signedIn ? (
          <button type="submit" onClick={close}>
            Done
          </button>
        ) : (
          <button type="button" onClick={close}>
            {pending ? 'Cancel' : 'Close'}
          </button>
        )}
      </div>
    </Modal>
  );
}

/**
 * A command the user may type or copy: it wraps between words only, never inside one (a browser would break
 * "--sso-session" after its hyphen). The text is unchanged, so a copy gives the exact command.
 */
function TerminalCommand({ command }: { command: string }) {
  return (
    <code className="sso-command">
      {command.split(' ').map((word, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className="sso-command-word">{word}</span>
        </Fragment>
      ))}
    </code>
  );
}
