import { describe, expect, it } from 'vitest';
import { createEventHub } from './api';

describe('createEventHub', () => {
  it('delivers an event to each listener of that event only, and says how many heard it', () => {
    const hub = createEventHub();
    const heard: string[] = [];
    hub.subscribe('mfa:prompt', (p) => heard.push(`a:${String(p)}`));
    hub.subscribe('mfa:prompt', (p) => heard.push(`b:${String(p)}`));
    hub.subscribe('folders:changed', (p) => heard.push(`f:${String(p)}`));
    expect(hub.emit('mfa:prompt', 1)).toBe(2);
    expect(heard).toEqual(['a:1', 'b:1']);
  });

  it('stops delivering after unsubscribe, also when a listener unsubscribes while being called', () => {
    const hub = createEventHub();
    const heard: number[] = [];
    const off = hub.subscribe('mfa:prompt', () => {
      heard.push(1);
      off();
    });
    hub.subscribe('mfa:prompt', () => heard.push(2));
    expect(hub.emit('mfa:prompt', undefined)).toBe(1);
    expect(heard).toEqual([1, 2]);
    hub.emit('mfa:prompt', undefined);
    expect(heard).toEqual([1, 2, 2]);
    expect(hub.emit('folders:changed', undefined)).toBe(0);
  });
});
