// The list of every open tab, from a button at the end of the tab row: with many tabs open, the one wanted is a
// click away even when scrolled out of sight. A WAI-ARIA menu: arrow keys move, Enter picks, Escape closes.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TabState } from '../../src/models/workspace';
import { tabTitle } from './TabsBar';

interface Props {
  tabs: TabState[];
  activeId?: string;
  onActivate: (id: string) => void;
}

export function TabListMenu({ tabs, activeId, onActivate }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const items = menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]');
    const current = Array.from(items ?? []).find((item) => item.getAttribute('aria-checked') === 'true');
    (current ?? items?.[0])?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to =
      event.key === 'ArrowDown' ? (at + 1) % items.length
      : event.key === 'ArrowUp' ? (at - 1 + items.length) % items.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? items.length - 1
      : undefined;
    if (to !== undefined) {
      event.preventDefault();
      items[to]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    }
  }

  return (
    <div className="tab-list-menu">
      <button
        ref={button}
        type="button"
        className="tab-list-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="All open tabs"
        disabled={tabs.length === 0}
        onClick={() => setOpen((was) => !was)}
      >
        {/* Named by its visible count with words before it (a label must contain what is shown). */}
        <span className="sr-only">All open tabs: </span>
        {tabs.length}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} className="tab-list-popup" role="menu" aria-label="Open tabs" onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="menuitemradio"
              aria-checked={tab.id === activeId}
              tabIndex={-1}
              onClick={() => {
                onActivate(tab.id);
                close(false);
              }}
            >
              <span className={`method method-${tab.draft.method.toUpperCase()}`}>{tab.draft.method.toUpperCase()}</span>
              <span className="tab-list-title">{tabTitle(tab)}</span>
              {tab.dirty && <span className="muted"> (unsaved)</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
