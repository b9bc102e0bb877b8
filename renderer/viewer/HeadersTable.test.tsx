import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HeadersTable } from './HeadersTable';

const headers = Array.from({ length: 3 }, (_, i): [string, string] => [`x-h${i}`, 'v']);

describe('HeadersTable', () => {
  it('says when the server sent more headers than are shown', () => {
    const html = renderToString(<HeadersTable headers={headers} label="Response headers" truncated />);
    expect(html).toContain('The server sent more than 3 headers; only the first 3 are shown.');
    expect(html).toContain('x-h2');
  });

  it('says nothing of the kind when all arrived', () => {
    expect(renderToString(<HeadersTable headers={headers} label="Response headers" />)).not.toContain('more than');
  });
});
