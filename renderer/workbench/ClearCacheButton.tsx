// "Clear cached credentials": RoleCall keeps temporary credentials until shortly before they expire; after a role's
// policy or an MFA device changed, or AWS said the token expired, the next send should assume the role afresh.
// The expired-token hints name this control.
import { useState } from 'react';

export const CLEAR_CACHE_LABEL = 'Clear cached credentials';

export function ClearCacheButton({ enabled, onClear }: { enabled: boolean; onClear: () => Promise<number | undefined> }) {
  const [note, setNote] = useState<string | undefined>();
  return (
    <>
      <button
        type="button"
        className="secondary small"
        disabled={!enabled}
        title="Forget the temporary credentials RoleCall cached for this auth: the next send or “Who am I?” gets fresh ones"
        onClick={() =>
          void onClear().then((cleared) =>
            setNote(cleared === undefined ? 'Could not clear the cache.' : cleared ? 'Cleared: the next send gets fresh credentials.' : 'Nothing was cached.'),
          )
        }
      >
        {CLEAR_CACHE_LABEL}
      </button>
      {note && (
        <span role="status" className="muted">
          {note}
        </span>
      )}
    </>
  );
}
