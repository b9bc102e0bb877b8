// The arithmetic of the workbench's split panes (splitPanes.tsx), apart from the DOM. A pane's size is a share of the
// room its group leaves after the panes with a length (flex-grow over a zero basis), or a CSS length of its own
// ("7.5rem", "58%" of the group). Nothing here measures: sizes given at start are laid out by the browser's first
// layout, and pixels enter only when the user moves a separator (drag, keys) or a pane is resized by the app.

export type PaneSize = { share: number } | { length: string };

/** A number, or a string that is only one ("54"): a size without a unit. */
const isBare = (given: number | string): boolean => typeof given === 'number' || /^\d+(\.\d+)?$/.test(given.trim());

/** A default size as given to a pane: a number (or numeric string) is a share, any other string a CSS length. */
export function paneSize(given: number | string | undefined): PaneSize {
  if (given === undefined) return { share: 1 };
  return isBare(given) ? { share: Number(given) } : { length: String(given).trim() };
}

/** A minimum size as given to a pane: a bare number is a percentage of the group, a string a CSS length. */
export function paneMin(given: number | string | undefined): string {
  if (given === undefined) return '0';
  return isBare(given) ? `${Number(given)}%` : String(given).trim();
}

/** The flex style that lays a pane out at `size` along its group's axis. */
export function flexOf(size: PaneSize): { flexGrow: number; flexShrink: number; flexBasis: string | number } {
  return 'share' in size ? { flexGrow: size.share, flexShrink: 1, flexBasis: 0 } : { flexGrow: 0, flexShrink: 1, flexBasis: size.length };
}

/**
 * A computed min-width or min-height in pixels: lengths come computed as "250px"; a percentage stays one and is of
 * the group's size; anything else ("auto", "0") is no minimum.
 */
export function minPixels(computed: string, groupPixels: number): number {
  const value = Number.parseFloat(computed);
  if (!Number.isFinite(value) || value <= 0) return 0;
  return computed.trim().endsWith('%') ? (value / 100) * groupPixels : value;
}

export interface PairMove {
  /** The pane before the separator: its size in pixels, and its minimum. */
  before: number;
  beforeMin: number;
  /** The pane after it. */
  after: number;
  afterMin: number;
}

/**
 * The two panes' sizes after their separator moves by `delta` pixels: together they keep their room, and neither
 * goes under its minimum (when both minimums cannot be met, the one before the separator keeps its own).
 */
export function movePair(pair: PairMove, delta: number): { before: number; after: number } {
  const room = pair.before + pair.after;
  const most = Math.max(pair.beforeMin, room - pair.afterMin);
  const before = Math.min(most, Math.max(pair.beforeMin, pair.before + delta));
  return { before, after: room - before };
}

/** A separator's aria-valuenow: the pane before it as a whole percentage of its group. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round(Math.min(100, Math.max(0, (part / whole) * 100))) : 0;
}
