// New checks and captures as the Checks tab adds them, and a check switched to another kind: fields that kind needs
// with sensible starting values; id and enabled are kept so the row stays the same row.
import type { Capture, Check, Comparison } from '../../src/models/checks';

export const CHECK_KINDS: Array<[Check['kind'], string]> = [
  ['status', 'Status'],
  ['time', 'Response time'],
  ['header', 'Header'],
  ['json', 'JSON path'],
  ['text', 'Body text'],
  ['identity', 'Caller identity'],
];

export const OPS: Array<[Comparison['op'], string]> = [
  ['exists', 'exists'],
  ['absent', 'is absent'],
  ['equals', 'equals'],
  ['contains', 'contains'],
  ['matches', 'matches regex'],
  ['type', 'is of type'],
  ['length', 'has length'],
];

export const newId = (): string => crypto.randomUUID();

export function checkOfKind(kind: Check['kind'], keep: { id: string; enabled: boolean } = { id: newId(), enabled: true }): Check {
  switch (kind) {
    case 'status':
      return { ...keep, kind, expect: '2xx' };
    case 'time':
      return { ...keep, kind, underMs: 1000 };
    case 'header':
      return { ...keep, kind, name: 'Content-Type', compare: { op: 'exists' } };
    case 'json':
      return { ...keep, kind, path: '$.id', compare: { op: 'exists' } };
    case 'text':
      return { ...keep, kind, compare: { op: 'contains', value: '' } };
    case 'identity':
      return { ...keep, kind, expect: '' };
  }
}

export function comparisonOf(op: Comparison['op'], previous: Comparison): Comparison {
  const text = 'value' in previous ? previous.value : '';
  switch (op) {
    case 'exists':
    case 'absent':
      return { op };
    case 'equals':
    case 'contains':
      return { op, value: text };
    case 'matches':
      return { op, pattern: 'pattern' in previous ? previous.pattern : text, flags: '' };
    case 'type':
      return { op, type: 'string' };
    case 'length':
      return { op, min: 1 };
  }
}

export const newCapture = (): Capture => ({ id: newId(), enabled: true, variable: '', from: 'json', path: '$.id' });
