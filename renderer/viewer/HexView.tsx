// Offset / hex / ASCII for binary bodies, a page of 64 KiB at a time: a page is read from main (response:read) or
// cut from the in-memory body, and its rows are virtualized, so only a screenful of rows is ever in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { ResponseBody } from '../../src/models/http';
import { settle } from '../api';
import { base64ToBytes } from './base64';
import { hexRow, parseOffset, rowCount, BYTES_PER_ROW } from './hex';
import { formatBytes } from './units';
import { inlineBytes } from './useBody';

export const HEX_PAGE = 64 * 1024;
const ROW_HEIGHT = 20;

type Page = { status: 'loading' } | { status: 'ready'; bytes: Uint8Array } | { status: 'failed'; error: AppError };

export function HexView({ api, body }: { api: RoleCallApi; body: ResponseBody }) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page>({ status: 'loading' });
  const [goto, setGoto] = useState('');
  const [gotoError, setGotoError] = useState<string | undefined>();
  const memory = useMemo(() => inlineBytes(body), [body]);
  const pages = Math.max(1, Math.ceil(body.size / HEX_PAGE));
  const scroller = useRef<HTMLDivElement>(null);
  const scrollRow = useRef<number | undefined>(undefined);

  useEffect(() => setPage(0), [body]);

  useEffect(() => {
    const offset = page * HEX_PAGE;
    if (memory) {
      setData({ status: 'ready', bytes: memory.subarray(offset, offset + HEX_PAGE) });
      return;
    }
    const file = body.spoolFile;
    if (!file) {
      setData({ status: 'ready', bytes: new Uint8Array() });
      return;
    }
    let live = true;
    setData({ status: 'loading' });
    void settle(() => api.responseRead({ file, offset, length: HEX_PAGE })).then((result) => {
      if (!live) return;
      setData(result.ok ? { status: 'ready', bytes: base64ToBytes(result.value.base64) } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, body, memory, page]);

  const bytes = data.status === 'ready' ? data.bytes : undefined;
  const virtualizer = useVirtualizer({
    count: bytes ? rowCount(bytes.length) : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  function go(to: number, rowInPage = 0) {
    setPage(Math.min(Math.max(0, to), pages - 1));
    scrollRow.current = rowInPage;
  }

  // Scroll once the page's rows exist, or the browser clamps the position to an empty list.
  useEffect(() => {
    if (data.status !== 'ready' || scrollRow.current === undefined) return;
    scroller.current?.scrollTo({ top: scrollRow.current * ROW_HEIGHT });
    scrollRow.current = undefined;
  }, [data]);

  function jump() {
    const offset = parseOffset(goto);
    if (offset === undefined || offset >= body.size) {
      setGotoError(`Enter an offset below ${body.size} (decimal, or hex as 0x…).`);
      return;
    }
    setGotoError(undefined);
    go(Math.floor(offset / HEX_PAGE), Math.floor((offset % HEX_PAGE) / BYTES_PER_ROW));
  }

  const first = page * HEX_PAGE;
  const last = Math.min(body.size, first + HEX_PAGE) - 1;
  return (
    <div className="rv-hex">
      <div className="rv-hex-bar" role="toolbar" aria-label="Hex pages">
        <button type="button" onClick={() => go(0)} disabled={page === 0} aria-label="First page">«</button>
        <button type="button" onClick={() => go(page - 1)} disabled={page === 0} aria-label="Previous page">‹</button>
        <span className="rv-hex-range" aria-live="polite">
          Bytes 0x{first.toString(16)}–0x{Math.max(first, last).toString(16)} of {formatBytes(body.size)} · page {page + 1} of {pages}
        </span>
        <button type="button" onClick={() => go(page + 1)} disabled={page >= pages - 1} aria-label="Next page">›</button>
        <button type="button" onClick={() => go(pages - 1)} disabled={page >= pages - 1} aria-label="Last page">»</button>
        <form
          className="rv-hex-goto"
          onSubmit={(event) => {
            event.preventDefault();
            jump();
          }}
        >
          <label>
            Go to offset
            <input value={goto} onChange={(e) => setGoto(e.target.value)} placeholder="0x1f40" spellCheck={false} size={10} />
          </label>
          <button type="submit">Go</button>
        </form>
      </div>
      {gotoError && <p className="rv-inline-error" role="alert">{gotoError}</p>}
      {data.status === 'failed' && (
        <p className="rv-inline-error" role="alert">
          Could not read this part of the body: {data.error.message}
          {data.error.detail && <code> {data.error.detail}</code>}
        </p>
      )}
      <div className="rv-hex-head" aria-hidden="true">
        <span>Offset</span>
        <span>00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f</span>
        <span>ASCII</span>
      </div>
      <div className="rv-hex-scroll" ref={scroller} role="table" aria-label="Hex dump" aria-busy={data.status === 'loading'} tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {bytes &&
            virtualizer.getVirtualItems().map((item) => {
              const row = hexRow(bytes, item.index * BYTES_PER_ROW, first);
              return (
                <div key={item.key} role="row" className="rv-hex-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                  <span role="cell" className="rv-hex-offset">{row.offset}</span>
                  <span role="cell" className="rv-hex-bytes">{row.hex}</span>
                  <span role="cell" className="rv-hex-ascii">{row.ascii}</span>
                </div>
              );
            })}
        </div>
      </div>
    </div>
  );
}
