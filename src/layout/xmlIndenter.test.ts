import { describe, expect, it } from 'vitest';
import { indentXml } from './xmlIndenter';

describe('indentXml', () => {
  it('keeps a "<" that starts no tag as text instead of dropping it', () => {
    expect(indentXml('<R><A>1 < 2</A><B>x<</B></R>')?.text).toBe('<R>\n  <A>1 < 2</A>\n  <B>x<</B>\n</R>');
  });

  it('leaves XML that already has line breaks between tags alone', () => {
    expect(indentXml('<R>\n  <A>1</A>\n</R>')).toBeUndefined();
    expect(indentXml('<R><A>line one\nline two</A></R>')?.text).toBe('<R>\n  <A>line one\nline two</A>\n</R>');
  });

  it('keeps comments and CDATA whole, and an unclosed one as text', () => {
    expect(indentXml('<R><!-- a <b> --><![CDATA[<x>]]></R>')?.text).toBe('<R>\n  <!-- a <b> -->\n  <![CDATA[<x>]]>\n</R>');
    expect(indentXml('<R><!-- open')?.text).toBe('<R>\n  <!-- open');
  });
});
