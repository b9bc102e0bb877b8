import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import { resetEarlyCalls, startEarlyCalls, takeEarly } from './earlyCalls';

function fakeApi() {
  const sent: string[] = [];
  const answer = (name: string) => vi.fn(async () => {
    sent.push(name);
    return { ok: true as const, value: { name } };
  });
  const api = { appInfo: answer('appInfo'), preferencesGet: answer('preferencesGet'), workspaceLoad: answer('workspaceLoad'), profilesList: answer('profilesList'), on: () => () => undefined };
  return { api: api as unknown as RoleCallApi, raw: api, sent };
}

afterEach(() => resetEarlyCalls());

describe('start-up calls', () => {
  it('are sent at once, the small ones before the workspace, each once', () => {
    const { api, raw, sent } = fakeApi();
    startEarlyCalls(api);
    startEarlyCalls(api);
    expect(sent).toEqual(['appInfo', 'preferencesGet', 'workspaceLoad', 'profilesList']);
    expect(raw.workspaceLoad).toHaveBeenCalledTimes(1);
  });

  it('hand each answer to the first part that asks for it, and only to that one', async () => {
    const { api } = fakeApi();
    startEarlyCalls(api);
    await expect(takeEarly(api, 'workspaceLoad')).resolves.toEqual({ ok: true, value: { name: 'workspaceLoad' } });
    expect(takeEarly(api, 'workspaceLoad')).toBeUndefined();
  });

  it('are not handed to a part that talks to another api (a test host)', () => {
    const first = fakeApi();
    const other = fakeApi();
    startEarlyCalls(first.api);
    expect(takeEarly(other.api, 'appInfo')).toBeUndefined();
  });

  it('settle as a failed result when the bridge throws, instead of an unhandled rejection', async () => {
    const { api, raw } = fakeApi();
    raw.workspaceLoad.mockImplementation(async () => {
      throw new Error('socket closed');
    });
    startEarlyCalls(api);
    const answer = await takeEarly(api, 'workspaceLoad');
    expect(answer?.ok).toBe(false);
  });

  it('are not sent without an api (a plain browser tab)', () => {
    startEarlyCalls(undefined);
    expect(takeEarly(fakeApi().api, 'appInfo')).toBeUndefined();
  });
});
