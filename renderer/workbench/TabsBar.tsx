// The open requests as tabs, in a row of their own: click or arrow keys to switch, drag (or Ctrl+Shift+PageUp/
// PageDown) to reorder, a dot for unsaved changes, and a close mark that asks first when there is something to lose.
// Many tabs scroll sideways with the active one kept in view, and the list menu at the end names them all.
// The close mark is part of the tab, hidden from assistive technology: a tablist may hold only tabs, and the
// keyboard closes a tab with Delete or Ctrl+W.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TabState } from '../../src/models/workspace';
import { isShortcut } from '../keyboard/shortcutList';
import { TabListMenu } from './TabListMenu';

interface Props {
  tabs: TabState[];
  activeId?: string;
  onActivate: (id: string) => void;
  onClose: (id: string) => void;
  onMove: (id: string, to: number) => void;
  onNew: () => void;
}

export function tabTitle(tab: TabState): string {
  return tab.draft.name.trim() || 'Untitled request';
}

export function TabsBar({ tabs, activeId, onActivate, onClose, onMove, onNew }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<string | undefined>();
  const [dropAt, setDropAt] = useState<number | undefined>();

  useEffect(() => {
    if (!activeId) return;
    // In the next frame, which lays the page out anyway: asked here, in the effect, it forced a layout of the whole
    // window in the middle of rendering (at start-up, before the URL field had even been created).
    const frame = requestAnimationFrame(() =>
      list.current?.querySelector(`[data-tab-id="${CSS.escape(activeId)}"]`)?.closest('.tab')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [activeId, tabs.length]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((t) => t.id === activeId);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End' || step !== 0) {
      event.preventDefault();
      const next = event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs.at(-1) : tabs[(at + step + tabs.length) % tabs.length];
      if (!next) return;
      onActivate(next.id);
      list.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(next.id)}"]`)?.focus();
    } else if (isShortcut('tabClose', event)) {
      event.preventDefault();
      if (activeId) onClose(activeId);
    }
  }

  return (
    <div className="tabs-bar">
      <div ref={list} className="tabs" role="tablist" aria-label="Open requests" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => {
          const active = tab.id === activeId;
          const title = tabTitle(tab);
          return (
            <div
              key={tab.id}
              className={`tab${active ? ' active' : ''}${dragging === tab.id ? ' dragging' : ''}${dropAt === index && dragging !== tab.id ? ' drop-target' : ''}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData('application/x-rolecall-tab', tab.id);
                event.dataTransfer.effectAllowed = 'move';
                setDragging(tab.id);
              }}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                setDropAt(index);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = event.dataTransfer.getData('application/x-rolecall-tab') || dragging;
                if (id) onMove(id, index);
                setDragging(undefined);
                setDropAt(undefined);
              }}
              onDragEnd={() => {
                setDragging(undefined);
                setDropAt(undefined);
              }}
            >
              <button
                type="button"
                role="tab"
                data-tab-id={tab.id}
                aria-selected={active}
                aria-controls="request-editor"
                tabIndex={active ? 0 : -1}
                className="tab-button"
                title={tab.draft.url || title}
                onClick={() => onActivate(tab.id)}
                onAuxClick={(event) => event.button === 1 && onClose(tab.id)}
              >
                <span className={`method method-${tab.draft.method.toUpperCase()}`}>{tab.draft.method.toUpperCase()}</span>
                <span className="tab-title">{title}</span>
                {tab.dirty && (
                  <span className="dirty-dot" title="Unsaved changes">
                    <span aria-hidden="true">●</span>
                    <span className="sr-only">(unsaved changes)</span>
                  </span>
                )}
                <span
                  className="tab-close"
                  aria-hidden="true"
                  title="Close (Ctrl+W)"
                  onClick={(event) => {
                    event.stopPropagation();
                    onClose(tab.id);
                  }}
                >
                  ×
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="new-tab" aria-label="New request tab" title="New tab (Ctrl+T)" onClick={onNew}>
        +
      </button>
      <TabListMenu tabs={tabs} activeId={activeId} onActivate={onActivate} />
    </div>
  );
}
