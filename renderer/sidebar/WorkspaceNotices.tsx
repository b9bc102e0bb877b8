// The banner above the sidebar that says what of the saved workspace could not be read and where it was kept.
// Main repeats each notice at every start until the user dismisses it here; a read-only workspace (from a newer
// RoleCall) has no Dismiss: it lasts as long as its cause. Stored key records that could not be read are named too.
import type { StoredKeyProblem, WorkspaceNotice } from '../../src/models/workspace';

interface Props {
  notices: WorkspaceNotice[];
  readOnly: boolean;
  storedKeyProblems: StoredKeyProblem[];
  onDismiss(id: string): void;
}

export function WorkspaceNotices({ notices, readOnly, storedKeyProblems, onDismiss }: Props) {
  if (notices.length === 0 && storedKeyProblems.length === 0) return null;
  return (
    <div className="sb-notices" aria-label="About the saved workspace">
      {notices.map((notice) => (
        <div key={notice.id} className="sb-notice" role={notice.dismissable ? 'note' : 'alert'}>
          <p>{notice.message}</p>
          {notice.file && (
            <p>
              Kept in <code>{notice.file}</code>
            </p>
          )}
          {notice.dismissable && !readOnly && (
            <button type="button" className="sb-link" onClick={() => onDismiss(notice.id)}>
              Dismiss
            </button>
          )}
        </div>
      ))}
      {storedKeyProblems.length > 0 && (
        <div className="sb-notice" role="note">
          <p>
            Some stored keys could not be read; they are kept as they are, unused:{' '}
            {storedKeyProblems.map((p) => (p.name ? `"${p.name}" (${p.problem})` : p.problem)).join('; ')}
          </p>
        </div>
      )}
    </div>
  );
}
