import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import type { ProfileList } from '../../src/models/profile';
import { resetEarlyCalls, startEarlyCalls } from '../startup/earlyCalls';
import { reloadProfiles, subscribeProfiles } from './profiles';

const list = (name: string) => ({ profiles: [{ name }], defaultProfile: name }) as unknown as ProfileList;

function fakeApi() {
  const changed = new Set<() => void>();
  let reads = 0;
  const api = {
    profilesList: vi.fn(async () => ({ ok: true as const, value: list(`p${++reads}`) })),
    appInfo: vi.fn(async () => ({ ok: true as const, value: {} })),
    preferencesGet: vi.fn(async () => ({ ok: true as const, value: { values: {} } })),
    workspaceLoad: vi.fn(async () => ({ ok: true as const, value: {} })),
    on: (event: string, listener: () => void) => {
      if (event === 'profiles:changed') changed.add(listener);
      return () => changed.delete(listener);
    },
  };
  return { api: api as unknown as RoleCallApi, raw: api, changed };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => resetEarlyCalls());

describe('the profile list', () => {
  it('is read once for every part that shows it (the workbench and the collections panel asked twice at start)', async () => {
    const { api, raw } = fakeApi();
    const workbench = vi.fn();
    const sidebar = vi.fn();
    const stopA = subscribeProfiles(api, workbench);
    await settled();
    const stopB = subscribeProfiles(api, sidebar);
    await settled();
    expect(raw.profilesList).toHaveBeenCalledTimes(1);
    expect(workbench).toHaveBeenCalledWith(list('p1'));
    expect(sidebar).toHaveBeenCalledWith(list('p1'));
    stopA();
    stopB();
  });

  it('takes the answer sent at start instead of asking again', async () => {
    const { api, raw } = fakeApi();
    startEarlyCalls(api);
    const heard = vi.fn();
    const stop = subscribeProfiles(api, heard);
    await settled();
    expect(raw.profilesList).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(list('p1'));
    stop();
  });

  it('is read again when the AWS files change and on "Reload profiles", for every part', async () => {
    const { api, raw, changed } = fakeApi();
    const a = vi.fn();
    const b = vi.fn();
    const stopA = subscribeProfiles(api, a);
    const stopB = subscribeProfiles(api, b);
    await settled();
    for (const hear of changed) hear();
    await settled();
    expect(a).toHaveBeenLastCalledWith(list('p2'));
    expect(b).toHaveBeenLastCalledWith(list('p2'));
    reloadProfiles();
    await settled();
    expect(raw.profilesList).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenLastCalledWith(list('p3'));
    stopA();
    stopB();
    expect(changed.size).toBe(0);
  });

  it('is read afresh by a part shown after every other one was gone', async () => {
    const { api, raw } = fakeApi();
    subscribeProfiles(api, vi.fn())();
    await settled();
    const later = vi.fn();
    const stop = subscribeProfiles(api, later);
    await settled();
    expect(raw.profilesList).toHaveBeenCalledTimes(2);
    expect(later).toHaveBeenCalledWith(list('p2'));
    stop();
  });
});
