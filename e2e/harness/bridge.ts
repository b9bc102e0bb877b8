// The browser test host's stand-in for the preload: installs window.rolecall before the page's scripts run,
// built with the contract's own createApi so the page sees exactly the methods the Electron preload exposes.
// Calls go to the Playwright binding __rolecallInvoke (the real handler registry in the test process); events
// from main arrive through __rolecallEmit, which the harness calls with page.evaluate.
import { API_GLOBAL, createApi, createEventHub } from '../../src/api';
import type { EventName } from '../../src/contract';
import type { Result } from '../../src/errors';

declare global {
  interface Window {
    __rolecallInvoke(channel: string, request: unknown): Promise<Result<unknown>>;
    __rolecallEmit(event: string, payload: unknown): number;
  }
}

const events = createEventHub();

/** Delivers an event to the page's listeners; returns how many there were, so the harness can tell nobody heard. */
window.__rolecallEmit = (event, payload) => events.emit(event as EventName, payload);

const api = createApi((channel, request) => window.__rolecallInvoke(channel, request), events.subscribe);

// Like contextBridge.exposeInMainWorld: a frozen object on a property the page cannot replace.
Object.defineProperty(window, API_GLOBAL, { value: Object.freeze(api), enumerable: true });
