import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { requestDocSchema } from '../../src/models/workspace';
import { DocsPanel, withDescription } from './DocsPanel';
import { preservedEntries, SHOWN_CHARS } from './preservedEntries';

const doc = requestDocSchema.parse({
  id: 'r1',
  name: 'r',
  method: 'GET',
  url: 'https://x',
  description: '# Title\n<img src=x onerror=alert(1)> **bold**',
  preserved: { order: [], fields: { scripts: [{ type: 'afterResponse', code: '<script>alert(2)</script>' }], 'x-owner': 'ops' } },
});

describe('the Docs tab', () => {
  it('shows the description and what was kept as text, never as HTML', () => {
    const html = renderToString(<DocsPanel tabId="t1" draft={doc} onChange={() => undefined} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<h1');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold**');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('Postman scripts, never run here');
    expect(html).toContain('x-owner');
  });

  it('lists nothing kept when the request carries nothing', () => {
    const html = renderToString(<DocsPanel tabId="t1" draft={{ ...doc, preserved: undefined }} onChange={() => undefined} />);
    expect(html).not.toContain('Kept from the file');
  });

  it('drops the description key when it is emptied, so an untouched request saves as before', () => {
    expect('description' in withDescription(doc, '  ')).toBe(false);
    expect(withDescription(doc, 'New').description).toBe('New');
    expect(withDescription(doc, 'New').preserved).toEqual(doc.preserved);
  });

  it('cuts a very long kept value for display only', () => {
    const [entry] = preservedEntries({ order: [], fields: { examples: 'x'.repeat(SHOWN_CHARS + 10) } });
    expect(entry!.text.length).toBeLessThan(SHOWN_CHARS + 100);
    expect(entry!.text).toContain('10 more characters, kept in the file');
  });
});
