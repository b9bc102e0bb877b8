// Values captured from responses in this session: memory only, never saved to a file or the store, gone when the
// window closes or the user clears them. They resolve before the environment's, so a create-then-get flow works
// without editing the environment (and without a captured id ending up in a shared environment file).
import { useSyncExternalStore } from 'react';
import type { CaptureResult } from '../../src/models/checks';
import type { KeyValue } from '../../src/models/workspace';

let values: KeyValue[] = [];
const listeners = new Set<() => void>();

function publish(next: KeyValue[]): void {
  values = next;
  for (const listener of listeners) listener();
}

/** Sets each capture that found a value; one that found nothing leaves the variable as it was. */
export function applyCaptures(results: CaptureResult[]): void {
  let next = values;
  for (const result of results) {
    if (result.value === undefined) continue;
    const row: KeyValue = { id: `captured-${result.variable}`, key: result.variable, value: result.value, enabled: true, secret: false };
    next = next.some((v) => v.key === result.variable) ? next.map((v) => (v.key === result.variable ? row : v)) : [...next, row];
  }
  if (next !== values) publish(next);
}

export function clearCaptured(variable?: string): void {
  publish(variable === undefined ? [] : values.filter((v) => v.key !== variable));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const capturedRows = (): KeyValue[] => values;

/** The captured variables as a scope's rows, re-rendering when they change. */
export function useCapturedVariables(): KeyValue[] {
  return useSyncExternalStore(subscribe, () => values);
}
