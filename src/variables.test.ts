import { describe, expect, it } from 'vitest';
import { findVariables, resolveText, type VariableScope } from './variables';

const kv = (key: string, value: string, extra: { enabled?: boolean; secret?: boolean } = {}) => ({
  id: key,
  key,
  value,
  enabled: extra.enabled ?? true,
  secret: extra.secret ?? false,
});

const scopes: VariableScope[] = [
  { label: 'environment "stag"', variables: [kv('host', 'stag.example.com'), kv('token', 's3cr3t', { secret: true }), kv('off', 'x', { enabled: false })] },
  { label: 'collection "Team API"', variables: [kv('host', 'prod.example.com'), kv('stage', 'v1'), kv('off', 'from-collection')] },
];

describe('variables', () => {
  it('takes the first scope that defines a name and says which', () => {
    const r = resolveText('https://{{host}}/{{ stage }}/items', scopes);
    expect(r.text).toBe('https://stag.example.com/v1/items');
    expect(r.uses).toEqual([
      { name: 'host', scope: 'environment "stag"', secret: false },
      { name: 'stage', scope: 'collection "Team API"', secret: false },
    ]);
    expect(r.unresolved).toEqual([]);
  });

  it('skips disabled variables and reports unresolved names, leaving them visible', () => {
    const r = resolveText('{{off}} {{missing}} {{missing}}', scopes);
    expect(r.text).toBe('from-collection {{missing}} {{missing}}');
    expect(r.unresolved).toEqual(['missing']);
  });

  it('marks secret uses and does not expand values recursively', () => {
    const r = resolveText('Bearer {{token}}', [{ label: 'env', variables: [kv('token', '{{host}}', { secret: true }), kv('host', 'h')] }]);
    expect(r.text).toBe('Bearer {{host}}');
    expect(r.uses[0]?.secret).toBe(true);
  });

  it('finds variable spans for highlighting', () => {
    expect(findVariables('a{{x}}b{{ y.z }}')).toEqual([
      { name: 'x', start: 1, end: 6 },
      { name: 'y.z', start: 7, end: 16 },
    ]);
  });
});
