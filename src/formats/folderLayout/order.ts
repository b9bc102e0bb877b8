// `order` numbers within one directory. A fresh directory counts 1000, 2000, …; an existing one keeps every
// number that is still in sequence (the longest increasing run of kept numbers), and each new or moved item gets
// a number between its neighbours (the midpoint for one, +1000 past the end), so an insertion or a move rewrites
// only the items that moved. Only when no whole number is left in a gap is the directory renumbered.

export const ORDER_STEP = 1000;

/** Indexes of the longest strictly increasing subsequence of the defined, positive whole numbers in `values`. */
function longestIncreasing(values: (number | undefined)[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each run length
  const prev = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    if (value === undefined) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    // An equal number later on does not displace the first holder: of two items merged with the same number,
    // the one placed first keeps it.
    if (lo < tails.length && values[tails[lo]!] === value) return;
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/** Order numbers for a directory's items in their sequence; `kept[i]` is item i's number from the last read/write. */
export function allocateOrders(kept: (number | undefined)[]): number[] {
  const usable = kept.map((n) => (n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined));
  const anchors = longestIncreasing(usable);
  const out = new Array<number>(kept.length);
  let i = 0;
  while (i < kept.length) {
    if (anchors.has(i)) {
      out[i] = usable[i]!;
      i++;
      continue;
    }
    let end = i;
    while (end < kept.length && !anchors.has(end)) end++;
    const lo = i === 0 ? 0 : out[i - 1]!;
    const count = end - i;
    if (end === kept.length) {
      for (let k = 0; k < count; k++) out[i + k] = lo + ORDER_STEP * (k + 1);
    } else {
      const hi = usable[end]!;
      if (hi - lo - 1 < count) return kept.map((_n, k) => ORDER_STEP * (k + 1));
      for (let k = 0; k < count; k++) out[i + k] = lo + Math.floor(((hi - lo) * (k + 1)) / (count + 1));
    }
    i = end;
  }
  return out;
}
