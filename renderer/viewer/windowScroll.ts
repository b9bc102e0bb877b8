// Where the windowed body view is scrolled to, in lines. Every line is LINE_HEIGHT pixels, so a line's position is
// arithmetic. Browsers cap an element's height (Chromium near 33 million pixels; 2.5 million lines of pretty JSON
// would be 47 million), so past MAX_SCROLL_PX the scrollbar stands for the document proportionally.

export const LINE_HEIGHT = 19;
export const MAX_SCROLL_PX = 8_000_000;

/** The scrolling content's height for `lines` lines. */
export function contentHeight(lines: number, lineHeight = LINE_HEIGHT): number {
  return Math.min(lines * lineHeight, MAX_SCROLL_PX);
}

/** The first line shown and how many pixels of it are scrolled past, for a scroll position. */
export function lineAt(scrollTop: number, viewport: number, lines: number, lineHeight = LINE_HEIGHT): { first: number; offset: number } {
  const maxScroll = Math.max(0, contentHeight(lines, lineHeight) - viewport);
  const maxVirtual = Math.max(0, lines * lineHeight - viewport);
  const clamped = Math.min(Math.max(scrollTop, 0), maxScroll);
  const top = maxScroll === maxVirtual ? clamped : maxScroll > 0 ? (clamped / maxScroll) * maxVirtual : 0;
  const first = Math.floor(top / lineHeight);
  return { first, offset: top - first * lineHeight };
}

/** The scroll position that shows `line` at the top (or as near as the end allows). */
export function scrollTopFor(line: number, viewport: number, lines: number, lineHeight = LINE_HEIGHT): number {
  const maxScroll = Math.max(0, contentHeight(lines, lineHeight) - viewport);
  const maxVirtual = Math.max(0, lines * lineHeight - viewport);
  const top = Math.min(Math.max(line, 0) * lineHeight, maxVirtual);
  if (maxScroll === maxVirtual) return top;
  return maxVirtual > 0 ? (top / maxVirtual) * maxScroll : 0;
}
