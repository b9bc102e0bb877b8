// A handle on a table header's right edge that sets that column's width, as a share of the table: drag it, or focus
// it and use the arrow keys (a WAI-ARIA window splitter). Used where long values need the room a name does not.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** The column's width in percent of the table. */
  value: number;
  min: number;
  max: number;
  label: string;
  onChange: (percent: number) => void;
}

const STEP = 5;

export function ColumnResizer({ value, min, max, label, onChange }: Props) {
  const start = useRef<{ x: number; value: number; tableWidth: number } | undefined>(undefined);
  const clamp = (percent: number) => Math.round(Math.min(max, Math.max(min, percent)));

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const table = event.currentTarget.closest('table');
    if (!table) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { x: event.clientX, value, tableWidth: table.getBoundingClientRect().width || 1 };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const from = start.current;
    if (!from) return;
    onChange(clamp(from.value + ((event.clientX - from.x) / from.tableWidth) * 100));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const to =
      event.key === 'ArrowLeft' ? value - STEP
      : event.key === 'ArrowRight' ? value + STEP
      : event.key === 'Home' ? min
      : event.key === 'End' ? max
      : undefined;
    if (to === undefined) return;
    event.preventDefault();
    onChange(clamp(to));
  }

  return (
    <div
      className="column-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = undefined)}
      onPointerCancel={() => (start.current = undefined)}
      onKeyDown={onKeyDown}
    />
  );
}
