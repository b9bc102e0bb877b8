import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlainHttpWarning } from './PlainHttpWarning';

const render = (url: string, refused = false) => renderToString(<PlainHttpWarning url={url} signed refused={refused} onSendAnyway={() => {}} />);

describe('PlainHttpWarning', () => {
  it('warns under the URL bar about plain http to another machine', () => {
    const html = render('http://api.example.com/orders');
    expect(html).toContain('role="note"');
    expect(html).toContain('anyone on the network can read this request');
    expect(html).not.toContain('Send over plain HTTP anyway');
  });

  it('offers to send anyway once main refused it', () => {
    const html = render('http://10.0.0.5:8080/x', true);
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<button[^>]*>Send over plain HTTP anyway<\/button>/);
  });

  it('stays silent for https and for this machine', () => {
    for (const url of ['https://api.example.com/', 'http://127.0.0.1:9000/', 'http://localhost/', 'http://[::1]:80/']) expect(render(url, true), url).toBe('');
  });
});
