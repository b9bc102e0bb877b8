import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import { WindowedBody } from './WindowedBody';

const api = {} as RoleCallApi;

describe('WindowedBody', () => {
  it('draws the first lines main laid out as a read-only textbox, coloured, numbered outside the text, never as markup', () => {
    const html = renderToString(
      <WindowedBody
        api={api}
        label="Response body"
        view={{ viewId: 'v', from: 0, lines: ['[', '  {', '    "id": 0,', '    "html": "<b>x</b>"'], totalLines: 2_000_000, done: false, language: 'json', binary: false }}
      />,
    );
    expect(html).toMatch(/role="textbox"[^>]*aria-label="Response body"/);
    expect(html).toContain('data-body-scroller');
    expect(html).toContain('aria-readonly="true"');
    expect(html).toContain('<span class="wb-key">&quot;id&quot;</span>');
    expect(html).toContain('<span class="wb-literal">0</span>');
    expect(html).toContain('&quot;&lt;b&gt;x&lt;/b&gt;&quot;');
    expect(html).toContain('data-n="3"');
    // A screenful of rows, not two million; the scrolling height is capped.
    expect(html.match(/class="wb-line"/g)?.length ?? 0).toBeLessThan(60);
    expect(html).toMatch(/height:8000000px/);
  });
});
