import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClockSkewNote } from './ClockSkewNote';

const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('ClockSkewNote', () => {
  it('says the clock is off, that the refused first attempt was resent, and what AWS said', () => {
    const html = text(
      renderToString(
        <ClockSkewNote info={{ offsetMs: -543_000, source: 'aws-message', retried: true, refused: { status: 403, message: 'Signature not yet current: 20170215T151034Z is still later than …' } }} />,
      ),
    );
    expect(html).toContain("Clock offset -9 min 3 s (from AWS's refusal message)");
    expect(html).toContain("This computer's clock is 9 min 3 s ahead of AWS's.");
    expect(html).toContain('signed it again with the corrected time and sent it once more');
    expect(html).toContain('First attempt: 403 Signature not yet current');
  });

  it('says nothing when the clocks agree again and nothing was retried', () => {
    expect(renderToString(<ClockSkewNote info={{ offsetMs: 0, source: 'date-header', retried: false }} />)).toBe('');
  });
});
