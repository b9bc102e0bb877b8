// The actions menu of a tree row (button, right click or Shift+F10): a WAI-ARIA menu with arrow-key movement,
// Escape to close, and focus handed back to where it came from.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  run(): void;
  danger?: boolean;
  disabled?: boolean;
}

interface Props {
  label: string;
  anchor: HTMLElement;
  actions: MenuAction[];
  onClose(): void;
}

export function RowMenu({ label, anchor, actions, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect();
    const menu = ref.current?.getBoundingClientRect();
    const height = menu?.height ?? 0;
    const width = menu?.width ?? 180;
    const top = rect.bottom + height > window.innerHeight ? Math.max(4, rect.top - height) : rect.bottom;
    const left = Math.max(4, Math.min(rect.right - width, window.innerWidth - width - 4));
    setPosition({ top, left });
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [anchor]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  function close(refocus: boolean) {
    onClose();
    if (refocus && anchor.isConnected) anchor.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div ref={ref} role="menu" aria-label={label} className="sb-menu" style={{ top: position.top, left: position.left }} onKeyDown={onKeyDown}>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={action.danger ? 'sb-danger' : undefined}
          aria-disabled={action.disabled || undefined}
          onClick={() => {
            if (action.disabled) return;
            close(false);
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
