import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileList, ProfileSummary } from '../../src/models/profile';
import { collectionSchema, type RequestNode } from '../../src/models/workspace';
import { blankRequest } from '../state/tabs';
import { newTabRequest, noteAuthEdit, savedIntoScope, signedNewRequest, unsavedFallback } from './defaultAuth';

const profile = (name: string): ProfileSummary => ({ name, kind: 'static', sourceChain: [name], definedIn: ['credentials'], isDefault: name === 'default', problems: [] });
const profiles: ProfileList = { profiles: [profile('default'), profile('stag')], defaultProfile: 'default', files: { config: '', credentials: '' }, problems: [], environmentCredentials: false };

describe('AWS by default in the workbench', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  });
  afterEach(() => {
    store.clear();
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('opens a new tab signed with the default profile, and inheriting until the profiles are read', () => {
    expect(newTabRequest(profiles).auth).toEqual({ type: 'profile', profile: 'default' });
    expect(newTabRequest(undefined).auth).toEqual({ type: 'inherit' });
    expect(unsavedFallback({ ...profiles, profiles: [] })).toEqual({ type: 'none' });
  });

  it('remembers a profile picked in a collection for the next new request there, and not elsewhere', () => {
    const collection = collectionSchema.parse({ id: 'c1', name: 'C', auth: { type: 'none' } });
    const before = blankRequest();
    noteAuthEdit('c1', before, { ...before, auth: { type: 'profile', profile: 'stag' } });
    const request: RequestNode = { kind: 'request', ...blankRequest('New request') };
    expect(signedNewRequest(collection, undefined, request, profiles).auth).toEqual({ type: 'profile', profile: 'stag' });
    expect(signedNewRequest({ ...collection, id: 'c2' }, undefined, request, profiles).auth).toEqual({ type: 'profile', profile: 'default' });
    // Unsaved tabs have their own memory.
    noteAuthEdit(undefined, before, { ...before, auth: { type: 'profile', profile: 'stag' } });
    expect(newTabRequest(profiles).auth).toEqual({ type: 'profile', profile: 'stag' });
  });

  it('leaves a new request inheriting where its folder or collection signs', () => {
    const collection = collectionSchema.parse({
      id: 'c1',
      name: 'C',
      auth: { type: 'none' },
      items: [{ kind: 'folder', id: 'f1', name: 'F', auth: { type: 'env' }, items: [] }],
    });
    const request: RequestNode = { kind: 'request', ...blankRequest('New request') };
    expect(signedNewRequest(collection, 'f1', request, profiles).auth).toEqual({ type: 'inherit' });
    expect(signedNewRequest({ ...collection, auth: { type: 'profile', profile: 'x' } }, undefined, request, profiles).auth).toEqual({ type: 'inherit' });
  });

  it('lets a new tab\'s untouched default profile inherit when saved into a folder that signs, and keeps a chosen one', () => {
    const collection = collectionSchema.parse({
      id: 'c2',
      name: 'C',
      auth: { type: 'none' },
      items: [{ kind: 'folder', id: 'f1', name: 'Orders', auth: { type: 'profile', profile: 'stag' } }, { kind: 'folder', id: 'f2', name: 'Open' }],
    });
    const fresh = newTabRequest(profiles);
    const node = (doc: typeof fresh): RequestNode => ({ ...doc, url: 'https://example.com/', kind: 'request' });
    expect(savedIntoScope(collection, 'f1', node(fresh)).auth).toEqual({ type: 'inherit' });
    // Nothing above signs: the default profile stays, or the request would go unsigned.
    expect(savedIntoScope(collection, 'f2', node(fresh)).auth).toEqual({ type: 'profile', profile: 'default' });
    // Picked by the user (a new auth object, even with the same value): kept.
    const chosen = { ...fresh, auth: { type: 'profile' as const, profile: 'default' } };
    expect(savedIntoScope(collection, 'f1', node(chosen)).auth).toEqual({ type: 'profile', profile: 'default' });
  });
});
