// Re-indents XML that has no layout of its own (one line of tags, as AWS's Query and REST-XML APIs send it); XML
// with line breaks between tags is left as it is. One pass over the text: every search for a closing "]]>", "-->"
// or ">" remembers where it found the next one (or that there is none), so a body of unclosed "<!--" or "<" costs
// no more than one read. Nesting past MAX_INDENT_DEPTH and growth past the budget continue on the current line.
import { MAX_INDENT_DEPTH, overLayoutBudget } from './limits';

export interface XmlLayout {
  text: string;
  /** Why part of the text was written without line breaks: nesting past MAX_INDENT_DEPTH, or the size budget. */
  flattened: { nesting: boolean; size: boolean };
}

/** The layout, or undefined when the XML already has one (or is empty). */
export function indentXml(xml: string): XmlLayout | undefined {
  const text = xml.trim();
  if (text === '' || hasLayout(text)) return undefined;
  const tokens = tokenize(text);
  const out: string[] = [];
  const pads: string[] = [];
  const flattened = { nesting: false, size: false };
  let pos = 0;
  let read = 0;
  const line = (level: number, piece: string) => {
    let lead = '';
    if (level > MAX_INDENT_DEPTH) flattened.nesting = true;
    else if (!flattened.size && overLayoutBudget(pos, read)) flattened.size = true;
    else if (!flattened.size) lead = (out.length === 0 ? '' : '\n') + (pads[level] ??= '  '.repeat(level));
    out.push(lead, piece);
    pos += lead.length + piece.length;
  };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    read += token.length;
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      line(depth, token);
    } else if (!isTag(token) || token.startsWith('<?') || token.startsWith('<!') || token.endsWith('/>')) {
      const piece = isTag(token) ? token : token.trim();
      if (piece !== '') line(depth, piece);
    } else {
      // <a>text</a> stays on one line.
      const next = tokens[i + 1];
      const close = tokens[i + 2];
      if (next !== undefined && !isTag(next) && close?.startsWith('</')) {
        read += next.length + close.length;
        line(depth, token + next + close);
        i += 2;
      } else {
        line(depth, token);
        depth++;
      }
    }
  }
  return { text: out.join(''), flattened };
}

function isTag(token: string): boolean {
  return token.length > 1 && token.startsWith('<') && token.endsWith('>');
}

/** A ">" then whitespace holding a line break then "<": someone laid this XML out already. */
function hasLayout(text: string): boolean {
  for (let gt = text.indexOf('>'); gt >= 0; ) {
    let j = gt + 1;
    let lineBreak = false;
    while (j < text.length && /\s/.test(text[j]!)) {
      if (text[j] === '\n') lineBreak = true;
      j++;
    }
    if (lineBreak && text[j] === '<') return true;
    gt = text.indexOf('>', j);
  }
  return false;
}

/** Tags, comments, CDATA sections and the text between them, in order; joined they give the text back. */
function tokenize(text: string): string[] {
  const cdataEnd = finder(text, ']]>');
  const commentEnd = finder(text, '-->');
  const tagEnd = finder(text, '>');
  const nextOpen = finder(text, '<');
  const tokens: string[] = [];
  let lastWasText = false;
  let i = 0;
  while (i < text.length) {
    let end = -1;
    if (text[i] === '<') {
      if (text.startsWith('<![CDATA[', i)) end = after(cdataEnd(i + 9), 3);
      else if (text.startsWith('<!--', i)) end = after(commentEnd(i + 4), 3);
      if (end < 0) {
        // A tag holds no "<" of its own: "1 < 2</A>" is text, then a tag.
        const gt = tagEnd(i + 2);
        const lt = nextOpen(i + 1);
        if (gt >= 0 && (lt < 0 || gt < lt)) end = gt + 1;
      }
    }
    if (end >= 0) {
      tokens.push(text.slice(i, end));
      lastWasText = false;
    } else {
      // Text up to the next "<"; a "<" that starts no tag is text too, joined to the text before it.
      const open = nextOpen(i + 1);
      end = open < 0 ? text.length : open;
      if (lastWasText) tokens[tokens.length - 1] += text.slice(i, end);
      else tokens.push(text.slice(i, end));
      lastWasText = true;
    }
    i = end;
  }
  return tokens;
}

function after(index: number, length: number): number {
  return index < 0 ? -1 : index + length;
}

/** indexOf for searches whose start only moves forward: each part of the text is searched at most once. */
function finder(text: string, needle: string): (from: number) => number {
  let found = -2; // not searched yet
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(needle, from);
    return found;
  };
}
