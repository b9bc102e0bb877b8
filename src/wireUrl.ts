// A typed URL becomes the exact request target that will go on the wire, BEFORE it is signed: characters HTTP
// cannot carry (space, control characters, non-ASCII, and the few ASCII characters a browser would escape) are
// percent-encoded as UTF-8; everything else, including existing %XX escapes, stays byte for byte as typed. The
// signer then signs that form and the transport sends it, so what AWS receives is what was signed.
// The fragment (#...) is never sent.

const MUST_ESCAPE = /[\u0000-\u0020"<>`{}\u007f-\uffff]/gu;

function escapeChar(ch: string): string {
  return Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** Returns the URL with its path and query in wire form; the scheme and authority are left as typed. */
export function toWireUrl(typed: string): string {
  const text = typed.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  if (!scheme) return text;
  const afterScheme = text.slice(scheme[0].length);
  const authorityEnd = afterScheme.search(/[/?#]/);
  if (authorityEnd < 0) return text;
  const authority = afterScheme.slice(0, authorityEnd);
  const target = afterScheme.slice(authorityEnd).split('#', 1)[0] ?? '';
  return `${scheme[0]}${authority}${target.replace(MUST_ESCAPE, escapeChar)}`;
}
