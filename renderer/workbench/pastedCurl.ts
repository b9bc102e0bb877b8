// A curl command pasted into the URL field becomes the tab's request: method, URL, headers, body, auth and signing
// (src/formats/curlImport.ts, pure, so it runs here). Keys typed into the command (--user with --aws-sigv4) are
// dropped, never kept in the page or the draft: the notice says to choose a profile or store the keys under Auth.
// The parser is a chunk of its own, loaded on the first pasted command: looksLikeCurl decides at once whether the
// paste is taken, and the request follows when the parser has run.
import type { RequestDoc } from '../../src/models/workspace';

const CURL = /^\s*(\$\s+)?curl(\.exe)?\s/i;

export const looksLikeCurl = (text: string): boolean => CURL.test(text);

/** What a pasted command sets in the tab's request; the rest (id, name, description, checks…) stays the tab's. */
export function pastedFields(doc: RequestDoc): Pick<RequestDoc, 'method' | 'url' | 'headers' | 'body' | 'auth' | 'signing' | 'disabledParams'> {
  const { method, url, headers, body, auth, signing, disabledParams } = doc;
  return { method, url, headers, body, auth, signing, disabledParams };
}

/** The draft with the command's request in it and a notice to show; undefined when the text is not a curl command. */
export async function pastedCurl(text: string, draft: RequestDoc): Promise<{ draft: RequestDoc; notice: string } | undefined> {
  if (!looksLikeCurl(text)) return undefined;
  const { importCurlCommand } = await import('../../src/formats/curlImport');
  let result;
  try {
    result = importCurlCommand(text);
  } catch (err) {
    return { draft, notice: `The pasted curl command was not used: ${err instanceof Error ? err.message : String(err)}` };
  }
  const { request, report, offeredKeys } = result;
  const next: RequestDoc = { ...draft, ...pastedFields(request) };
  const parts = ['The pasted curl command became this request.'];
  if (offeredKeys?.length) parts.push('Its keys were not kept: choose a profile, or store the keys under Auth → Static keys.');
  // The report's advice about offered keys is for the import dialog, which can store them; here they are dropped.
  const rest = [...report.warnings, ...report.notMapped].filter((line) => !/when offered/.test(line));
  parts.push(...rest.slice(0, 3));
  if (rest.length > 3) parts.push(`(${rest.length - 3} more notes.)`);
  return { draft: next, notice: parts.join(' ') };
}
