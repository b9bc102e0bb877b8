// JSONPath over a response body, with RFC 9535's grammar (jsonpath-rfc9535): filters such as $.items[?@.id > 1]
// are part of the grammar, so nothing is evaluated as JavaScript and a shared collection runs no code.
import { query, type JsonValue } from 'jsonpath-rfc9535';

export type ParsedBody = { ok: true; value: JsonValue } | { ok: false; message: string };

export function parseBody(bodyText: string, truncated: boolean): ParsedBody {
  if (truncated) return { ok: false, message: 'the body is larger than checks read, so it was not parsed as JSON' };
  try {
    return { ok: true, value: JSON.parse(bodyText) as JsonValue };
  } catch {
    return { ok: false, message: bodyText.trim() === '' ? 'the body is empty, not JSON' : 'the body is not JSON' };
  }
}

export type PathLookup = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The value a path selects: undefined when it selects nothing, the node itself when one, and the list of nodes
 * when several (so $.items[*].id can be checked with contains or length).
 */
export function lookupPath(body: JsonValue, path: string): PathLookup {
  if (usesRegexFunction(path)) {
    return {
      ok: false,
      message: `"${path.slice(0, 200)}" uses match() or search(), which RoleCall does not run in a JSON path (they would run on a backtracking engine that a pattern from a shared file can freeze); select the value and use a "matches" comparison instead`,
    };
  }
  let nodes: JsonValue[];
  try {
    nodes = query(body, path.trim());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `"${path}" is not a JSONPath expression (${reason.slice(0, 200)})` };
  }
  if (nodes.length === 0) return { ok: true, value: undefined };
  return { ok: true, value: nodes.length === 1 ? nodes[0] : nodes };
}

/** A match( or search( call outside the path's quoted names and strings. */
function usesRegexFunction(path: string): boolean {
  let unquoted = '';
  let quote = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
      unquoted += ' ';
    } else {
      unquoted += c;
    }
  }
  return /(?:^|[^\w])(?:match|search)\s*\(/.test(unquoted);
}
