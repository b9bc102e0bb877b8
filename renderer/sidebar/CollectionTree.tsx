// The collections tree: virtualized (only the rows in view are in the DOM, so 10,000 requests stay fast), a WAI-ARIA
// tree with one tab stop (roving focus), arrow keys to move, Enter to open, F2 to rename, Delete to delete,
// Alt+Up/Down to move an item, Shift+F10 for the actions menu; and HTML5 drag and drop to move and reorder.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { TreeRow } from '../../src/collectionTree';
import { firstRect, observeRectAfterLayout, scrollAfterMount } from '../components/virtualRect';
import { isShortcut } from '../keyboard/shortcutList';

export type DropPosition = 'before' | 'after' | 'inside';
export type DragItem = { kind: 'collection'; collectionId: string } | { kind: 'item'; collectionId: string; itemId: string };

export interface TreeHandlers {
  onOpen(row: TreeRow): void;
  onToggle(row: TreeRow, expanded: boolean): void;
  onRename(row: TreeRow, name: string | undefined): void;
  onStartRename(row: TreeRow): void;
  onDelete(row: TreeRow): void;
  onShift(row: TreeRow, step: -1 | 1): void;
  onMenu(row: TreeRow, anchor: HTMLElement): void;
  onDrop(drag: DragItem, target: TreeRow, position: DropPosition): void;
}

interface Props extends TreeHandlers {
  rows: TreeRow[];
  /** The row of the request open in the active tab. */
  selectedKey?: string;
  renamingKey?: string;
  /** A row to focus and scroll to (after a create or a move); changes of this value move focus there. */
  focusRequest?: { key: string };
  emptyText: string;
}

const ROW_HEIGHT = 28;
const DRAG_TYPE = 'application/x-rolecall-item';

export function rowName(row: TreeRow): string {
  return row.kind === 'collection' ? row.collection.name : row.kind === 'folder' ? row.folder.name : row.request.name;
}

function dragItemOf(row: TreeRow): DragItem {
  if (row.kind === 'collection') return { kind: 'collection', collectionId: row.collection.id };
  return { kind: 'item', collectionId: row.collectionId, itemId: row.kind === 'folder' ? row.folder.id : row.request.id };
}

export function CollectionTree(props: Props) {
  const { rows } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const [drop, setDrop] = useState<{ key: string; position: DropPosition } | undefined>();
  const dragging = useRef<DragItem | undefined>(undefined);
  const focusPending = useRef<string | undefined>(undefined);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    observeElementRect: observeRectAfterLayout,
    initialRect: firstRect(),
    scrollToFn: scrollAfterMount,
  });

  const indexOf = (key: string | undefined) => (key === undefined ? -1 : rows.findIndex((r) => r.key === key));
  const activeIndex = Math.max(0, indexOf(activeKey));
  const tabStop = rows[activeIndex]?.key;

  function focusRow(key: string) {
    const index = indexOf(key);
    if (index < 0) return;
    setActiveKey(key);
    focusPending.current = key;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  useEffect(() => {
    if (props.focusRequest) focusRow(props.focusRequest.key);
    // Only a new request object moves focus; rows changing under it must not steal focus back.
  }, [props.focusRequest]);

  // Focus lands once the virtualizer has rendered the row.
  useEffect(() => {
    const key = focusPending.current;
    if (!key) return;
    // A row being renamed keeps focus in its name box (autoFocus); taking it back would end the rename.
    if (props.renamingKey === key) {
      focusPending.current = undefined;
      return;
    }
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (element) {
      focusPending.current = undefined;
      element.focus({ preventScroll: true });
    }
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>, row: TreeRow, index: number) {
    if (event.target !== event.currentTarget) return; // keys typed into the rename box or on the actions button
    const container = row.kind !== 'request';
    const expanded = container && row.expanded;
    const move = (to: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (next) focusRow(next.key);
    };
    const parentIndex = () => {
      for (let i = index - 1; i >= 0; i--) if ((rows[i] as TreeRow).depth < row.depth) return i;
      return index;
    };
    let handled = true;
    if (isShortcut('rowShift', event)) props.onShift(row, event.key === 'ArrowUp' ? -1 : 1);
    else if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'ArrowRight') {
      if (container && !expanded) props.onToggle(row, true);
      else if (container) move(index + 1);
    } else if (event.key === 'ArrowLeft') {
      if (container && expanded) props.onToggle(row, false);
      else move(parentIndex());
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (row.kind === 'request') props.onOpen(row);
      else props.onToggle(row, !expanded);
    } else if (isShortcut('rowRename', event)) props.onStartRename(row);
    else if (isShortcut('rowDelete', event)) props.onDelete(row);
    else if (isShortcut('rowMenu', event)) props.onMenu(row, event.currentTarget);
    else handled = false;
    if (handled) event.preventDefault();
  }

  function positionFor(event: DragEvent<HTMLDivElement>, row: TreeRow): DropPosition | undefined {
    const drag = dragging.current;
    if (!drag) return undefined;
    const rect = event.currentTarget.getBoundingClientRect();
    const y = (event.clientY - rect.top) / rect.height;
    if (drag.kind === 'collection') return row.kind === 'collection' ? (y < 0.5 ? 'before' : 'after') : undefined;
    if (row.kind === 'collection') return 'inside';
    if (row.kind === 'folder') return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
    return y < 0.5 ? 'before' : 'after';
  }

  if (rows.length === 0) return <p className="sb-empty">{props.emptyText}</p>;

  return (
    <div ref={scrollRef} className="sb-tree-scroll">
      <div role="tree" aria-label="Collections" className="sb-tree" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index] as TreeRow;
          const name = rowName(row);
          const renaming = props.renamingKey === row.key;
          const container = row.kind !== 'request';
          const dropHere = drop?.key === row.key ? ` sb-drop-${drop.position}` : '';
          return (
            <div
              key={row.key}
              data-key={row.key}
              role="treeitem"
              aria-label={name}
              aria-level={row.depth + 1}
              aria-expanded={container ? row.expanded : undefined}
              aria-selected={props.selectedKey === row.key}
              aria-posinset={v.index + 1}
              aria-setsize={rows.length}
              tabIndex={tabStop === row.key ? 0 : -1}
              className={`sb-row sb-${row.kind}${props.selectedKey === row.key ? ' sb-selected' : ''}${dropHere}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, paddingLeft: 6 + row.depth * 14 }}
              draggable={!renaming}
              onFocus={(e) => e.target === e.currentTarget && setActiveKey(row.key)}
              onKeyDown={(e) => onKeyDown(e, row, v.index)}
              onClick={() => {
                setActiveKey(row.key);
                if (row.kind === 'request') props.onOpen(row);
                else props.onToggle(row, !row.expanded);
              }}
              onDoubleClick={() => props.onStartRename(row)}
              onContextMenu={(e) => {
                e.preventDefault();
                props.onMenu(row, e.currentTarget);
              }}
              onDragStart={(e) => {
                const item = dragItemOf(row);
                dragging.current = item;
                e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(item));
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => {
                dragging.current = undefined;
                setDrop(undefined);
              }}
              onDragOver={(e) => {
                const position = positionFor(e, row);
                if (!position) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (drop?.key !== row.key || drop.position !== position) setDrop({ key: row.key, position });
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop((d) => (d?.key === row.key ? undefined : d));
              }}
              onDrop={(e) => {
                e.preventDefault();
                const position = positionFor(e, row);
                const drag = dragging.current ?? parseDrag(e.dataTransfer.getData(DRAG_TYPE));
                dragging.current = undefined;
                setDrop(undefined);
                if (drag && position) props.onDrop(drag, row, position);
              }}
            >
              <span className="sb-twisty" aria-hidden="true">
                {container ? (row.expanded ? '▾' : '▸') : ''}
              </span>
              {row.kind === 'request' ? (
                <span className={`sb-method sb-m-${row.request.method.toLowerCase()}`} aria-hidden="true" data-method={methodShort(row.request.method)} />
              ) : (
                <span className={row.kind === 'collection' ? 'sb-icon-collection' : 'sb-icon-folder'} aria-hidden="true" />
              )}
              {renaming ? (
                <RenameBox name={name} label={`New name for ${name}`} onDone={(value) => props.onRename(row, value)} />
              ) : (
                <span className="sb-name" title={row.kind === 'request' ? `${row.request.method} ${row.request.url}` : name}>
                  {name}
                </span>
              )}
              {row.kind === 'collection' && 'source' in row.collection && (
                <span className="sb-badge sb-folder-badge" title="Kept as files in an opened folder">
                  folder
                </span>
              )}
              {row.kind === 'collection' && (
                <span className="sb-count" aria-hidden="true" data-count={row.count} />
              )}
              <button
                type="button"
                className="sb-row-menu"
                aria-label={`Actions for ${name}`}
                aria-haspopup="menu"
                tabIndex={tabStop === row.key ? 0 : -1}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onMenu(row, e.currentTarget);
                }}
              >
                ⋯
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function parseDrag(text: string): DragItem | undefined {
  try {
    return text ? (JSON.parse(text) as DragItem) : undefined;
  } catch {
    return undefined;
  }
}

function methodShort(method: string): string {
  const m = method.toUpperCase();
  return m === 'DELETE' ? 'DEL' : m === 'OPTIONS' ? 'OPT' : m === 'PATCH' ? 'PATCH' : m.slice(0, 5);
}

function RenameBox(props: { name: string; label: string; onDone(value: string | undefined): void }) {
  const [value, setValue] = useState(props.name);
  const done = useRef(false);
  const finish = (v: string | undefined) => {
    if (done.current) return;
    done.current = true;
    props.onDone(v === undefined || !v.trim() || v.trim() === props.name ? undefined : v.trim());
  };
  return (
    <input
      className="sb-rename"
      aria-label={props.label}
      value={value}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(undefined);
      }}
      onBlur={() => finish(value)}
    />
  );
}
