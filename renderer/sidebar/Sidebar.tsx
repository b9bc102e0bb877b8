// The sidebar: Collections, History and Environments as three tabs (arrow keys switch, as in any tablist), with
// the workspace's errors above them, so a failed save or an unreadable store is never silent. In a narrow sidebar
// (250 px at a 1024 px window) the labels tighten and a tab that still does not fit wraps (sidebar.css): a shortened
// label would no longer match the tab's accessible name, which axe reports.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../src/models/workspace';
import { ErrorBox } from '../components/ErrorBox';
import { useWorkspace, type RequestRef } from '../state/workspace';
import { CollectionsPanel } from './CollectionsPanel';
import { EnvironmentsPanel } from './EnvironmentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { WorkspaceNotices } from './WorkspaceNotices';
import './sidebar.css';

interface Props {
  onOpenRequest(ref: RequestRef): void;
  onOpenHistory(entry: HistoryEntry): void;
  activeRef?: RequestRef;
}

const SECTIONS = [
  { id: 'collections', label: 'Collections' },
  { id: 'history', label: 'History' },
  { id: 'environments', label: 'Environments' },
] as const satisfies ReadonlyArray<{ id: string; label: string }>;
type Section = (typeof SECTIONS)[number]['id'];

export function Sidebar({ onOpenRequest, onOpenHistory, activeRef }: Props) {
  const ws = useWorkspace();
  const [section, setSection] = useState<Section>('collections');
  const tabs = useRef<HTMLDivElement>(null);

  function onTabKey(event: KeyboardEvent) {
    const at = SECTIONS.findIndex((s) => s.id === section);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = SECTIONS[(at + step + SECTIONS.length) % SECTIONS.length] as (typeof SECTIONS)[number];
    setSection(next.id);
    tabs.current?.querySelector<HTMLElement>(`#sb-tab-${next.id}`)?.focus();
  }

  return (
    <nav className="sb" aria-label="Sidebar">
      <div ref={tabs} className="sb-tabs" role="tablist" aria-label="Sidebar sections" onKeyDown={onTabKey}>
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            id={`sb-tab-${s.id}`}
            type="button"
            role="tab"
            aria-selected={section === s.id}
            aria-controls={`sb-panel-${s.id}`}
            tabIndex={section === s.id ? 0 : -1}
            className="sb-tab"
            onClick={() => setSection(s.id)}
          >
            {s.label}
            {s.id === 'history' && ws.history.length > 0 && <span className="sb-tab-count">{ws.history.length}</span>}
          </button>
        ))}
      </div>
      <WorkspaceNotices notices={ws.notices} readOnly={ws.readOnly} storedKeyProblems={ws.storedKeyProblems} onDismiss={(id) => void ws.dismissNotice(id).catch(() => undefined)} />
      {ws.error && (
        <div className="sb-error">
          <ErrorBox error={ws.error} />
          <button type="button" className="sb-link" onClick={ws.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {!ws.ready ? (
        <p className="sb-empty" role="status">
          Loading the workspace…
        </p>
      ) : (
        // All three stay mounted (hidden when not chosen) so the filter, the open folders and edits survive a switch.
        SECTIONS.map((s) => (
          <div key={s.id} id={`sb-panel-${s.id}`} role="tabpanel" aria-labelledby={`sb-tab-${s.id}`} className="sb-panel" hidden={section !== s.id}>
            {s.id === 'collections' ? (
              <CollectionsPanel onOpenRequest={onOpenRequest} activeRef={activeRef} />
            ) : s.id === 'history' ? (
              <HistoryPanel onOpenHistory={onOpenHistory} />
            ) : (
              <EnvironmentsPanel />
            )}
          </div>
        ))
      )}
    </nav>
  );
}
