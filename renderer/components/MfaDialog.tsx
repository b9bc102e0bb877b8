// Main asks for an MFA code mid-resolution (mfa:prompt); this modal answers with mfa:answer, code or cancel.
// Prompts queue: the first is shown, the next appears when it is answered.
import { useState, type FormEvent } from 'react';
import type { MfaPrompt, RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import { transportError } from '../format';
import { ErrorBox } from './ErrorBox';
import { Modal } from './Modal';

interface Props {
  api: RoleCallApi;
  prompt: MfaPrompt;
  onDone: (promptId: string) => void;
}

export function MfaDialog({ api, prompt, onDone }: Props) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  async function answer(request: { code: string } | { cancel: true }) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.mfaAnswer({ promptId: prompt.promptId, ...request });
      // accepted: false means main no longer waits for this prompt (timed out, already answered): drop it too.
      if (result.ok) onDone(prompt.promptId);
      else setError(result.error);
    } catch (err) {
      setError(transportError(err));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void answer({ code: code.trim() });
  }

  return (
    // Escape cancels the prompt in main too, not only the dialog.
    <Modal title="MFA code needed" onCancel={() => void answer({ cancel: true })} className="mfa-dialog">
      <form onSubmit={onSubmit}>
        <p>
          <strong>{prompt.reason}</strong> needs a code from the MFA device <code>{prompt.mfaSerial}</code>.
        </p>
        <label className="field">
          <span>Code</span>
          <input
            aria-label="MFA code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
            autoFocus
          />
        </label>
        {error && <ErrorBox error={error} />}
        <div className="actions">
          <button type="button" onClick={() => void answer({ cancel: true })} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy || code.length !== 6}>
            Submit code
          </button>
        </div>
      </form>
    </Modal>
  );
}
