// Collection folders in the sidebar (issue 6): "Open folder…" and "New folder…" (main shows the folder dialog),
// the folders opened before (reopened by the path main listed, the only paths it accepts), and for each open
// folder what in it could not be read, by file and line, and a way to close it.
import { useEffect, useState } from 'react';
import type { RecentFolderView } from '../../src/models/folders';
import { useWorkspace, useWorkspaceApi } from '../state/workspace';

export function FoldersBar() {
  const api = useWorkspaceApi();
  const ws = useWorkspace();
  const [recent, setRecent] = useState<RecentFolderView[]>([]);
  const [error, setError] = useState<string | undefined>();

  const refreshRecent = async () => {
    const result = await api.foldersRecent({}).catch(() => undefined);
    if (result?.ok) setRecent(result.value);
  };
  useEffect(() => {
    void refreshRecent();
    // Reopened folders change the list; so does each open.
  }, [ws.folders.length]);

  async function run(call: () => Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>) {
    setError(undefined);
    const result = await call().catch((err: unknown) => ({ ok: false as const, error: { message: String(err) } }));
    if (!result.ok) setError(result.error.message);
    await ws.reloadFolders().catch(() => undefined);
    await refreshRecent();
  }

  const closed = recent.filter((r) => !ws.folders.some((f) => f.folderId === r.folderId));
  return (
    <div className="sb-folders">
      <div className="sb-folders-actions">
        <button type="button" className="sb-button" onClick={() => void run(() => api.foldersOpen({}))}>
          Open folder…
        </button>
        <button type="button" className="sb-button" onClick={() => void run(() => api.foldersCreate({}))}>
          New folder…
        </button>
      </div>
      {error && (
        <p className="sb-filter-status" role="alert">
          {error}
        </p>
      )}
      {ws.folders.map((folder) => (
        <div key={folder.folderId} className="sb-folder" aria-label={`Folder ${folder.name}`}>
          <span className="sb-badge sb-folder-badge">folder</span> <span className="sb-name">{folder.name}</span>{' '}
          <button type="button" className="sb-link" onClick={() => void run(() => api.foldersClose({ folderId: folder.folderId }))}>
            Close
          </button>
          {folder.problems.length > 0 && (
            <ul className="sb-folder-problems" aria-label={`Problems in ${folder.name}`}>
              {folder.problems.map((p, i) => (
                <li key={`${p.path}:${p.line ?? ''}:${i}`}>
                  <code>
                    {p.path}
                    {p.line !== undefined ? `:${p.line}` : ''}
                  </code>{' '}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {closed.length > 0 && (
        <details className="sb-folders-recent">
          <summary>Recent folders</summary>
          <ul>
            {closed.map((r) => (
              <li key={r.folderId}>
                <button type="button" className="sb-link" title={r.path} onClick={() => void run(() => api.foldersOpen({ path: r.path }))}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
