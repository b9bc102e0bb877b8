// Text made safe for XML and HTML: the five special characters as entities, and the characters XML 1.0 cannot
// hold at all (control characters other than tab and newlines, lone surrogates) replaced, so a hostile response
// body quoted in a failure can neither break the document nor inject markup.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(INVALID, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
