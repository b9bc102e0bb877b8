import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Environment, KeyValue } from '../../src/models/workspace';
import { capturedOverrides, CapturedVariablesRows } from './CapturedVariablesRows';

const row = (key: string, value: string, extra: Partial<KeyValue> = {}): KeyValue => ({ id: `v-${key}`, key, value, enabled: true, secret: false, ...extra });
const stag: Environment = {
  id: 'e',
  name: 'stag',
  variables: [row('orderId', 'from-env'), row('token', 'tok-s3cr3t', { secret: true }), row('off', 'x', { enabled: false })],
};
const render = (captured: KeyValue[], env: Environment | undefined = stag) =>
  renderToString(<CapturedVariablesRows rows={capturedOverrides(captured, env)} {...(env ? { environment: env.name } : {})} onClear={() => undefined} />).replace(/<!-- -->/g, '');

describe('captured values in the environments panel', () => {
  it('shows nothing when nothing was captured', () => {
    expect(render([])).toBe('');
  });

  it('lists each captured value, says which environment value it overrides, and offers Clear for one and all', () => {
    const html = render([row('orderId', 'ord-42'), row('fresh', 'new-1')]);
    expect(html).toContain('Captured this session');
    expect(html).toContain('ord-42');
    expect(html).toContain('overrides “stag”: <code title="from-env">from-env</code>');
    // Only a name the environment defines is said to be overridden.
    expect(html.match(/overrides “/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Clear captured orderId"');
    expect(html).toContain('aria-label="Clear captured fresh"');
    expect(html).toContain('Clear all captured');
  });

  it('never shows a secret environment value it overrides, and ignores a switched-off one', () => {
    expect(capturedOverrides([row('token', 'captured'), row('off', 'y')], stag)).toEqual([
      { key: 'token', value: 'captured', overrides: '(secret)' },
      { key: 'off', value: 'y' },
    ]);
    expect(render([row('token', 'captured')])).not.toContain('tok-s3cr3t');
    expect(capturedOverrides([row('orderId', 'ord-1')], undefined)).toEqual([{ key: 'orderId', value: 'ord-1' }]);
  });
});
