// The calls every window makes at start, sent as soon as the page's first module runs instead of from React effects
// after the first render: the answers (the workspace above all) are on their way while the rest of the code is
// evaluated and the shell is drawn. The small calls go first, so their answers are not queued behind the workspace.
// Each answer is taken once, by the part that would have asked (takeEarly); a later ask goes to main again.
import type { RoleCallApi } from '../../src/contract';
import type { Result } from '../../src/errors';
import { settle } from '../api';

const EARLY = ['appInfo', 'preferencesGet', 'workspaceLoad', 'profilesList'] as const;
export type EarlyCall = (typeof EARLY)[number];
type Answer<K extends EarlyCall> = Awaited<ReturnType<RoleCallApi[K]>>;

let sentOver: RoleCallApi | undefined;
const answers = new Map<EarlyCall, Promise<Result<unknown>>>();

/** Sends the start-up calls over `api` (nothing without one: the page then says it is not connected). */
export function startEarlyCalls(api: RoleCallApi | undefined): void {
  if (!api || sentOver) return;
  sentOver = api;
  for (const name of EARLY) answers.set(name, settle(() => (api[name] as (request: object) => Promise<Result<unknown>>)({})));
}

/** The answer sent at start for this call over this api, the first time it is asked for; undefined after. */
export function takeEarly<K extends EarlyCall>(api: RoleCallApi, name: K): Promise<Answer<K>> | undefined {
  if (api !== sentOver) return undefined;
  const answer = answers.get(name);
  answers.delete(name);
  return answer as Promise<Answer<K>> | undefined;
}

/** For tests: forget what was sent. */
export function resetEarlyCalls(): void {
  sentOver = undefined;
  answers.clear();
}
