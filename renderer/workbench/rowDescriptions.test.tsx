// A row's description (kept from Postman or a shared file) is its name's tooltip in the headers and params tables;
// a query param's comes from the request's paramDescriptions by name, whether it is switched on or off.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeyValueTable } from './KeyValueTable';
import { ParamsTable } from './ParamsTable';

const titleOf = (html: string, label: string) => new RegExp(`aria-label="${label}"[^>]*?title="([^"]*)"|title="([^"]*)"[^>]*?aria-label="${label}"`).exec(html)?.slice(1).find(Boolean);

describe('row descriptions in the tables', () => {
  it('are the header name tooltip, and absent where a row has none', () => {
    const html = renderToString(
      <KeyValueTable
        noun="Header"
        onChange={() => undefined}
        rows={[
          { id: 'a', key: 'X-Trace', value: '1', enabled: true, secret: false, description: 'Correlates the logs' },
          { id: 'b', key: 'Accept', value: '*/*', enabled: true, secret: false },
        ]}
      />,
    );
    expect(titleOf(html, 'Header name 1')).toBe('Correlates the logs');
    expect(titleOf(html, 'Header name 2')).toBeUndefined();
  });

  it("are a query param's tooltip whether it is in the URL or switched off", () => {
    const html = renderToString(
      <ParamsTable
        url="https://example.com/?expand=items&page=2"
        disabled={[{ key: 'debug', value: '1' }]}
        descriptions={[
          { key: 'expand', description: 'Related records' },
          { key: 'debug', description: 'Verbose answers' },
        ]}
        onChange={() => undefined}
      />,
    );
    expect(titleOf(html, 'Param name 1')).toBe('Related records');
    expect(titleOf(html, 'Param name 2')).toBeUndefined();
    expect(titleOf(html, 'Param name 3')).toBe('Verbose answers');
  });
});
