// How far a JSON or XML layout goes before it stops adding line breaks. Indenting costs each line two spaces per
// level, so a hostile body (a million nested arrays, or half a million small values 499 levels down) would grow to
// gigabytes; past these limits the rest is written on one line, which keeps the output linear in the input.

/** Containers nested deeper than this are written on one line inside their parent's line. */
export const MAX_INDENT_DEPTH = 500;
/** A layout may grow to this many times the text read so far, plus LAYOUT_SLACK; past that it stops breaking lines. */
export const LAYOUT_GROWTH = 6;
export const LAYOUT_SLACK = 4 * 1024 * 1024;

/** True once the output has outgrown what the input read so far may become. */
export function overLayoutBudget(outputChars: number, inputChars: number): boolean {
  return outputChars > LAYOUT_GROWTH * inputChars + LAYOUT_SLACK;
}

/** What the viewer is told when part of a layout was written on one line; undefined when none was. */
export function flattenedNote(flattened: Readonly<{ nesting: boolean; size: boolean }>): string | undefined {
  if (flattened.size) return 'Laid out only in part: indenting the rest would have made it many times its size, so the rest is on one line.';
  if (flattened.nesting) return `Containers nested deeper than ${MAX_INDENT_DEPTH} levels are shown on one line.`;
  return undefined;
}
