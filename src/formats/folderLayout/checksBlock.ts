// A request's checks and captures in its `.request.yaml`, flat and readable by hand:
//   checks:
//     - kind: json
//       path: $.id
//       op: equals
//       value: ord-42
//   captures:
//     - variable: orderId
//       from: json
//       path: $.id
// Ids are not written (they only need to be unique within the request, so they come back as check-1, capture-1 by
// position), keys always go in the same order, and `disabled: true` appears only when set. An entry RoleCall cannot read is reported by
// its line and skipped, never guessed at.
import { captureSchema, checkSchema, type Capture, type Check, type Comparison } from '../../models/checks';
import { fieldProblem, readList, type YamlFile } from './yamlText';

function comparisonToYaml(compare: Comparison): Record<string, unknown> {
  switch (compare.op) {
    case 'exists':
    case 'absent':
      return { op: compare.op };
    case 'equals':
    case 'contains':
      return { op: compare.op, value: compare.value };
    case 'matches':
      return { op: compare.op, pattern: compare.pattern, ...(compare.flags ? { flags: compare.flags } : {}) };
    case 'type':
      return { op: compare.op, type: compare.type };
    case 'length':
      return { op: compare.op, ...(compare.min !== undefined ? { min: compare.min } : {}), ...(compare.max !== undefined ? { max: compare.max } : {}) };
  }
}

function checkToYaml(check: Check): Record<string, unknown> {
  const fields = ((): Record<string, unknown> => {
    switch (check.kind) {
      case 'status':
      case 'identity':
        return { expect: check.expect };
      case 'time':
        return { underMs: check.underMs };
      case 'header':
        return { name: check.name, ...comparisonToYaml(check.compare) };
      case 'json':
        return { path: check.path, ...comparisonToYaml(check.compare) };
      case 'text':
        return comparisonToYaml(check.compare);
    }
  })();
  return { kind: check.kind, ...fields, ...(check.enabled ? {} : { disabled: true }) };
}

function captureToYaml(capture: Capture): Record<string, unknown> {
  return {
    variable: capture.variable,
    from: capture.from,
    ...(capture.from === 'status' ? {} : { path: capture.path }),
    ...(capture.enabled ? {} : { disabled: true }),
  };
}

/** The keys to add to a request file; none when the request has no checks or captures. */
export function checksToYaml(checks: Check[], captures: Capture[]): Record<string, unknown> {
  return {
    ...(checks.length ? { checks: checks.map(checkToYaml) } : {}),
    ...(captures.length ? { captures: captures.map(captureToYaml) } : {}),
  };
}

const COMPARISON_KEYS = ['op', 'value', 'pattern', 'flags', 'type', 'min', 'max'];

/** Numbers and booleans a hand edit left unquoted read as their text where text is expected. */
const asText = (value: unknown): unknown => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);

function checkFromEntry(entry: Record<string, unknown>, id: string): unknown {
  const compare: Record<string, unknown> = {};
  for (const key of COMPARISON_KEYS) if (entry[key] !== undefined && entry[key] !== null) compare[key] = entry[key];
  if (compare.value !== undefined) compare.value = asText(compare.value);
  if (compare.pattern !== undefined) compare.pattern = asText(compare.pattern);
  return {
    id,
    kind: entry.kind,
    enabled: entry.disabled !== true,
    ...(entry.expect !== undefined ? { expect: asText(entry.expect) } : {}),
    ...(entry.underMs !== undefined ? { underMs: entry.underMs } : {}),
    ...(entry.name !== undefined ? { name: asText(entry.name) } : {}),
    ...(entry.path !== undefined ? { path: asText(entry.path) } : {}),
    ...(entry.kind === 'header' || entry.kind === 'json' || entry.kind === 'text' ? { compare } : {}),
  };
}

function entries(file: YamlFile, key: string): Array<{ entry: Record<string, unknown>; index: number }> {
  const out: Array<{ entry: Record<string, unknown>; index: number }> = [];
  readList(file, [key]).forEach((entry, index) => {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) out.push({ entry: entry as Record<string, unknown>, index });
    else fieldProblem(file, [key, index], 'expected a mapping; skipped, and not written back when this is saved in RoleCall');
  });
  return out;
}

const SKIPPED = 'not written back when this is saved in RoleCall';

export function checksFromYaml(file: YamlFile): { checks: Check[]; captures: Capture[] } {
  const checkId = (i: number) => `check-${i + 1}`;
  const captureId = (i: number) => `capture-${i + 1}`;
  const checks: Check[] = [];
  for (const { entry, index } of entries(file, 'checks')) {
    const parsed = checkSchema.safeParse(checkFromEntry(entry, checkId(checks.length)));
    if (parsed.success) checks.push(parsed.data);
    else fieldProblem(file, ['checks', index], `not a check RoleCall can read (see "Checks and captures" in the README); skipped, ${SKIPPED}`);
  }
  const captures: Capture[] = [];
  for (const { entry, index } of entries(file, 'captures')) {
    const parsed = captureSchema.safeParse({
      id: captureId(captures.length),
      enabled: entry.disabled !== true,
      variable: asText(entry.variable),
      from: entry.from,
      path: entry.from === 'status' ? '' : asText(entry.path ?? ''),
    });
    if (parsed.success) captures.push(parsed.data);
    else fieldProblem(file, ['captures', index], `not a capture RoleCall can read (variable, from: json|header|status, path); skipped, ${SKIPPED}`);
  }
  return { checks, captures };
}
