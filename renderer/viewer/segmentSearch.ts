// Plain-text search over a document held as consecutive parts (the slices a big body was read in), without joining
// them: a 50 MB join and its lower-cased copy cost seconds of allocation. Matches may straddle two parts.

/** [offset of the part in the document, its text], in document order. */
export type Segment = readonly [number, string];

export function toSegments(parts: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const part of parts) {
    out.push([at, part]);
    at += part.length;
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Match starts in `text` at or after `from`, in order, until `visit` returns true. */
function scan(text: string, needle: string, caseSensitive: boolean, from: number, visit: (index: number) => boolean): void {
  if (caseSensitive) {
    for (let i = text.indexOf(needle, from); i >= 0; i = text.indexOf(needle, i + 1)) if (visit(i)) return;
    return;
  }
  const re = new RegExp(escapeRegExp(needle), 'gi');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (visit(m.index)) return;
    re.lastIndex = m.index + 1;
  }
}

/** The text around the seam before part k+1 (n-1 characters each side, over as many parts as that takes). */
function seam(segs: readonly Segment[], k: number, n: number): { start: number; text: string; seamAt: number } | undefined {
  const next = segs[k + 1];
  if (!next || n < 2) return undefined;
  let tail = '';
  for (let j = k; j >= 0 && tail.length < n - 1; j--) tail = segs[j]![1].slice(-(n - 1 - tail.length)) + tail;
  let head = '';
  for (let j = k + 1; j < segs.length && head.length < n - 1; j++) head += segs[j]![1].slice(0, n - 1 - head.length);
  return { start: next[0] - tail.length, text: tail + head, seamAt: next[0] };
}

/**
 * The first match starting at or after `from` (forward), or the last one starting before `from` (backward), as
 * document offsets; no wrapping.
 */
export function findInSegments(
  segs: readonly Segment[],
  needle: string,
  caseSensitive: boolean,
  from: number,
  forward: boolean,
): { from: number; to: number } | undefined {
  const n = needle.length;
  if (n === 0) return undefined;
  const hit = (pos: number) => ({ from: pos, to: pos + n });
  if (forward) {
    for (let k = 0; k < segs.length; k++) {
      const [start, text] = segs[k]!;
      if (start + text.length <= from - n) continue;
      let found: number | undefined;
      scan(text, needle, caseSensitive, Math.max(0, from - start), (i) => ((found = start + i), true));
      if (found !== undefined) return hit(found);
      const s = seam(segs, k, n);
      if (s) {
        scan(s.text, needle, caseSensitive, 0, (i) => {
          const pos = s.start + i;
          if (pos >= from && pos < s.seamAt && pos + n > s.seamAt) found = pos;
          return found !== undefined;
        });
        if (found !== undefined) return hit(found);
      }
    }
    return undefined;
  }
  for (let k = segs.length - 1; k >= 0; k--) {
    const [start, text] = segs[k]!;
    if (start >= from) continue;
    let found: number | undefined;
    const s = seam(segs, k, n);
    if (s) {
      scan(s.text, needle, caseSensitive, 0, (i) => {
        const pos = s.start + i;
        if (pos < from && pos < s.seamAt && pos + n > s.seamAt) found = pos;
        return false;
      });
      if (found !== undefined) return hit(found);
    }
    scan(text, needle, caseSensitive, 0, (i) => {
      if (start + i >= from) return true;
      found = start + i;
      return false;
    });
    if (found !== undefined) return hit(found);
  }
  return undefined;
}
