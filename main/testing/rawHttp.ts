// Parses a raw HTTP/1.1 request as written in AWS's SigV4 test vectors (.req files): request line, headers in
// order with duplicates and obs-fold continuation lines kept as typed, a blank line, then the body. Lenient on
// purpose: the vectors hold requests no strict parser accepts (a space in the path, raw UTF-8).

export interface RawHttpRequest {
  method: string;
  /** The request target exactly as written, e.g. "/example space/?a=b". */
  target: string;
  version: string;
  /** Names as written; a continuation line is kept after a "\n" in its header's value. */
  headers: Array<[string, string]>;
  body: Uint8Array;
}

export function parseRawHttpRequest(text: string): RawHttpRequest {
  const blank = /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const lines = head.split(/\r?\n/);
  const requestLine = lines[0] ?? '';
  const first = requestLine.indexOf(' ');
  const last = requestLine.lastIndexOf(' ');
  if (first < 0 || last <= first) throw new Error(`Not an HTTP request line: ${requestLine}`);
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue; // the head's own final line break
    if (/^[ \t]/.test(line)) {
      const previous = headers.at(-1);
      if (!previous) throw new Error(`Continuation line before any header: ${line}`);
      previous[1] = `${previous[1]}\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Not a header line: ${line}`);
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  const body = blank ? text.slice(blank.index + blank[0].length) : '';
  return {
    method: requestLine.slice(0, first),
    target: requestLine.slice(first + 1, last),
    version: requestLine.slice(last + 1),
    headers,
    body: new TextEncoder().encode(body),
  };
}

/** The value of the first header with this name (any case), or undefined. */
export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}
