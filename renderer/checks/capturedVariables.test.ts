import { beforeEach, describe, expect, it } from 'vitest';
import { effectiveRequest } from '../../src/effectiveRequest';
import { requestDocSchema } from '../../src/models/workspace';
import { applyCaptures, capturedRows, clearCaptured } from './capturedVariables';

describe('captured variables', () => {
  beforeEach(() => clearCaptured());

  it('resolve before the environment; a capture that found nothing keeps the old value', () => {
    applyCaptures([{ captureId: 'a', variable: 'orderId', value: 'ord-1' }]);
    applyCaptures([{ captureId: 'a', variable: 'orderId', message: 'nothing found' }]);
    const doc = requestDocSchema.parse({ id: 'r', name: 'Get', method: 'GET', url: 'https://h.example/orders/{{orderId}}' });
    const environment = { id: 'e', name: 'stag', variables: [{ id: 'v', key: 'orderId', value: 'from-env', enabled: true, secret: false }] };
    const effective = effectiveRequest({ doc, folders: [], environment, captured: capturedRows() });
    expect(effective.sign.request.url).toBe('https://h.example/orders/ord-1');
    expect(effective.scopes.map((s) => s.label)).toEqual(['captured this session', 'environment "stag"']);
  });

  it('replaces a variable captured again and clears one or all', () => {
    applyCaptures([{ captureId: 'a', variable: 'x', value: '1' }, { captureId: 'b', variable: 'y', value: '2' }]);
    applyCaptures([{ captureId: 'a', variable: 'x', value: '3' }]);
    expect(capturedRows().map((r) => [r.key, r.value])).toEqual([['x', '3'], ['y', '2']]);
    clearCaptured('x');
    expect(capturedRows().map((r) => r.key)).toEqual(['y']);
    clearCaptured();
    expect(capturedRows()).toEqual([]);
  });
});
