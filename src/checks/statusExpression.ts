// The expected-status expression of a status check: "200", "2xx", "200-299", or a comma list of those ("200,201,204").
// Parsed into ranges once so a bad expression is reported as such rather than failing every status silently.

export type StatusExpression = { ok: true; ranges: Array<[number, number]> } | { ok: false; message: string };

const CODE = /^[1-5]\d\d$/;
const CLASS = /^([1-5])xx$/i;
const RANGE = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/;

export function parseStatusExpression(expression: string): StatusExpression {
  const parts = expression.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === '')) {
    return { ok: false, message: `"${expression}" is not a status: use 200, 2xx, 200-299 or 200,201,204` };
  }
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    const range = parseOne(part);
    if (!range) return { ok: false, message: `"${part}" is not a status: use 200, 2xx, 200-299 or 200,201,204` };
    ranges.push(range);
  }
  return { ok: true, ranges };
}

function parseOne(part: string): [number, number] | undefined {
  if (CODE.test(part)) return [Number(part), Number(part)];
  const klass = CLASS.exec(part);
  if (klass) return [Number(klass[1]) * 100, Number(klass[1]) * 100 + 99];
  const range = RANGE.exec(part);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    return low <= high ? [low, high] : undefined;
  }
  return undefined;
}

export function statusMatches(expression: Extract<StatusExpression, { ok: true }>, status: number): boolean {
  return expression.ranges.some(([low, high]) => status >= low && status <= high);
}
