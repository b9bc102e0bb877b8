// A body too big to hold in the page, shown a window of lines at a time: main has laid it out (bodyView:*), and
// this view asks for the lines in sight plus a margin, in blocks it keeps a bounded number of. Every line is one
// fixed height, so scrolling is arithmetic (windowScroll.ts); visible lines only are coloured (paintLine.ts).
// The scroller is the focusable, read-only textbox: arrows, Page Up/Down, Ctrl+Home/End move; a mouse selection
// of the lines in view copies with Ctrl+C, and Ctrl+A selects the lines in view. Search runs in main (WindowSearch).
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useReducer, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { BodyWindow } from '../../src/models/bodyView';
import { settle } from '../api';
import type { BodyEditorHandle } from './BodyEditor';
import { paintLine } from './paintLine';
import { contentHeight, LINE_HEIGHT, lineAt, scrollTopFor } from './windowScroll';
import { WindowSearch, type FoundMatch, type SearchMarks } from './WindowSearch';

const BLOCK = 100;
/** Blocks kept in the page: about 6,000 lines, a few hundred KB whatever the body's size. */
const MAX_BLOCKS = 60;

interface Block {
  lines: string[];
  complete: boolean;
}

export function WindowedBody(props: { api: RoleCallApi; view: BodyWindow; label: string; ref?: Ref<BodyEditorHandle> }) {
  const { api, view } = props;
  const { viewId, totalLines, done, language } = view;
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const blocks = useRef(new Map<number, Block>());
  const pending = useRef(new Set<number>());
  const expectedTop = useRef<number | undefined>(undefined);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [viewport, setViewport] = useState(400);
  const [pos, setPos] = useState({ first: 0, offset: 0 });
  const [searching, setSearching] = useState(false);
  const [marks, setMarks] = useState<SearchMarks>();
  const [selected, setSelected] = useState<FoundMatch>();

  // The lines the open answered with seed the first blocks.
  if (blocks.current.size === 0 && view.lines.length > 0 && view.from === 0) {
    for (let b = 0; b * BLOCK < view.lines.length; b++) {
      const lines = view.lines.slice(b * BLOCK, (b + 1) * BLOCK);
      blocks.current.set(b, { lines, complete: lines.length === BLOCK || (done && b * BLOCK + lines.length >= totalLines) });
    }
  }

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 400));
    observer.observe(el);
    setViewport(el.clientHeight || 400);
    return () => observer.disconnect();
  }, []);

  const visible = Math.ceil(viewport / LINE_HEIGHT) + 1;

  // Fetch the blocks in sight and a block either side, those missing in one request; drop far ones.
  useEffect(() => {
    const lastBlock = Math.max(0, Math.ceil(totalLines / BLOCK) - 1);
    const from = Math.max(0, Math.floor((pos.first - BLOCK) / BLOCK));
    const to = Math.min(lastBlock, Math.floor((pos.first + visible + BLOCK) / BLOCK));
    const missing: number[] = [];
    for (let b = from; b <= to; b++) if (!blocks.current.get(b)?.complete && !pending.current.has(b)) missing.push(b);
    if (missing.length === 0) return;
    const lo = missing[0]!;
    const hi = Math.min(missing[missing.length - 1]!, lo + 9); // at most MAX_WINDOW_LINES in one answer
    for (let b = lo; b <= hi; b++) pending.current.add(b);
    void settle(() => api.bodyViewLines({ viewId, from: lo * BLOCK, count: (hi - lo + 1) * BLOCK })).then((answer) => {
      for (let b = lo; b <= hi; b++) pending.current.delete(b);
      if (!answer.ok) return;
      const { lines, done: over, totalLines: total } = answer.value;
      for (let b = lo; b <= hi; b++) {
        const part = lines.slice((b - lo) * BLOCK, (b - lo + 1) * BLOCK);
        if (part.length === 0) break;
        blocks.current.set(b, { lines: part, complete: part.length === BLOCK || (over && b * BLOCK + part.length >= total) });
      }
      if (blocks.current.size > MAX_BLOCKS) {
        const far = [...blocks.current.keys()].sort((x, y) => Math.abs(y - lo) - Math.abs(x - lo));
        for (const k of far.slice(0, blocks.current.size - MAX_BLOCKS)) blocks.current.delete(k);
      }
      redraw();
    });
  }, [api, viewId, pos.first, visible, totalLines]);

  /** Shows virtual pixel `top` (line * LINE_HEIGHT + offset) at the top of the window. */
  const showAt = useCallback(
    (top: number) => {
      const el = scroller.current;
      const maxTop = Math.max(0, totalLines * LINE_HEIGHT - viewport);
      const clamped = Math.min(Math.max(0, top), maxTop);
      const first = Math.floor(clamped / LINE_HEIGHT);
      setPos({ first, offset: clamped - first * LINE_HEIGHT });
      if (el) {
        el.scrollTop = scrollTopFor(clamped / LINE_HEIGHT, viewport, totalLines);
        expectedTop.current = el.scrollTop;
      }
    },
    [totalLines, viewport],
  );

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    if (expectedTop.current !== undefined && Math.abs(el.scrollTop - expectedTop.current) < 1) return;
    expectedTop.current = undefined;
    setPos(lineAt(el.scrollTop, viewport, totalLines));
  };

  // The wheel moves lines, not scrollbar pixels (which stand for many lines in a scaled document).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0 || event.ctrlKey) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? LINE_HEIGHT : event.deltaMode === 2 ? viewport : 1;
      if (event.deltaX) el.scrollLeft += event.deltaX * unit;
      showAt(pos.first * LINE_HEIGHT + pos.offset + event.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [pos, showAt, viewport]);

  const jumpToLine = useCallback((line: number) => showAt(Math.max(0, line - Math.floor(visible / 3)) * LINE_HEIGHT), [showAt, visible]);

  useImperativeHandle(props.ref, () => ({
    openSearch() {
      setSearching(true);
      // After the bar renders.
      setTimeout(() => {
        findInput.current?.focus();
        findInput.current?.select();
      });
    },
  }));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const mod = event.ctrlKey || event.metaKey;
    const page = Math.max(1, visible - 2) * LINE_HEIGHT;
    const top = pos.first * LINE_HEIGHT + pos.offset;
    const moves: Record<string, number | undefined> = {
      ArrowDown: top + LINE_HEIGHT,
      ArrowUp: top - LINE_HEIGHT,
      PageDown: top + page,
      PageUp: top - page,
      Home: mod ? 0 : undefined,
      End: mod ? totalLines * LINE_HEIGHT : undefined,
    };
    const to = moves[event.key];
    if (to !== undefined && !event.altKey) {
      event.preventDefault();
      showAt(to);
    } else if (mod && event.key.toLowerCase() === 'a' && rows.current) {
      event.preventDefault();
      const range = document.createRange();
      range.selectNodeContents(rows.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }

  const lineText = (i: number): string | undefined => blocks.current.get(Math.floor(i / BLOCK))?.lines[i % BLOCK];
  const end = Math.min(totalLines, pos.first + visible + 1);
  const digits = String(Math.max(1, totalLines)).length;
  const shown = [];
  for (let i = pos.first; i < end; i++) {
    const text = lineText(i);
    const pieces =
      text === undefined
        ? [{ text: '' }]
        : paintLine(text, language, marks ? { ...marks, ...(selected && selected.line === i ? { selectedColumn: selected.column } : {}) } : {});
    shown.push(
      <div key={i} className="wb-line" data-n={i + 1}>
        {pieces.map((p, k) =>
          p.cls?.includes('wb-match') ? (
            <mark key={k} className={p.cls} {...(p.selected ? { 'data-selected': 'true' } : {})}>
              {p.text}
            </mark>
          ) : p.cls ? (
            <span key={k} className={p.cls}>
              {p.text}
            </span>
          ) : (
            p.text
          ),
        )}
      </div>,
    );
  }

  return (
    <div className="wb-body">
      {searching && (
        <WindowSearch
          api={api}
          viewId={viewId}
          inputRef={findInput}
          onMarks={setMarks}
          onMatch={(match) => {
            setSelected(match);
            if (match) jumpToLine(match.line);
          }}
          onClose={() => {
            setSearching(false);
            setMarks(undefined);
            setSelected(undefined);
            scroller.current?.focus();
          }}
        />
      )}
      <div
        ref={scroller}
        className="wb-scroller"
        data-body-scroller=""
        role="textbox"
        aria-label={props.label}
        aria-readonly="true"
        aria-multiline="true"
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        style={{ ['--wb-gutter' as string]: `${digits + 2}ch` }}
      >
        <div className="wb-sizer" style={{ height: Math.max(contentHeight(totalLines), viewport) }}>
          <div className="wb-window" style={{ height: viewport }}>
            <div ref={rows} className="wb-rows" style={{ transform: `translateY(${-pos.offset}px)` }}>
              {shown}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
