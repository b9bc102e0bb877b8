// AWS by default in the workbench: an unsaved tab signs with the default profile (or the one last picked for
// unsaved tabs) instead of nothing, a new tab starts with that profile chosen, and a profile the user picks is
// remembered for the request's collection (profileMemory.ts).
import { newRequestAuth, pickedProfile } from '../../src/defaultProfile';
import type { ProfileList } from '../../src/models/profile';
import { findItem } from '../../src/collectionTree';
import { inheritedAuth } from '../../src/effectiveRequest';
import type { CollectionSummary, RequestAuth, RequestDoc, RequestNode } from '../../src/models/workspace';
import { blankRequest } from '../state/tabs';
import { rememberedProfile, rememberProfile } from './profileMemory';

/** What "inherit" ends at for a request no collection holds; undefined until the profiles are read. */
export function unsavedFallback(profiles: ProfileList | undefined): RequestAuth | undefined {
  return profiles ? newRequestAuth(profiles, rememberedProfile(undefined)) : undefined;
}

/**
 * The default auths new tabs were given, by identity: an edit makes a new auth object, so a draft whose auth is still
 * one of these is one the user never chose (a reloaded tab is a new object and counts as chosen, which keeps it).
 */
const untouchedDefaults = new WeakSet<RequestAuth>();

/** A new tab's request: the default profile chosen when there is one, else inheriting (which then ends at none). */
export function newTabRequest(profiles: ProfileList | undefined): RequestDoc {
  const doc = blankRequest();
  const auth = unsavedFallback(profiles);
  if (auth?.type !== 'profile') return doc;
  untouchedDefaults.add(auth);
  return { ...doc, auth };
}

/**
 * A tab's request saved under `parentId` in a collection: the default profile the tab merely started with gives way
 * to "inherit" when the folders or the collection sign, as a Postman user expects of a request saved into a folder
 * with auth; an auth the user chose is kept.
 */
export function savedIntoScope(collection: CollectionSummary, parentId: string | undefined, request: RequestNode): RequestNode {
  if (!untouchedDefaults.has(request.auth)) return request;
  const inheriting: RequestNode = { ...request, auth: { type: 'inherit' } };
  const parent = parentId ? findItem(collection, parentId) : undefined;
  const folders = parent && parent.item.kind === 'folder' ? [...parent.folders, parent.item] : [];
  return inheritedAuth(inheriting, folders, collection).auth.type !== 'none' ? inheriting : request;
}

/** Called with every edit of a tab's draft: a newly picked profile is remembered for its collection. */
export function noteAuthEdit(collectionId: string | undefined, before: RequestDoc, after: RequestDoc): void {
  if (before.auth === after.auth) return;
  const picked = pickedProfile(before.auth, after.auth);
  if (picked) rememberProfile(collectionId, picked);
}

/** The auth a new request in a collection starts with when its folders and collection would leave it unsigned. */
export function newRequestAuthIn(collectionId: string, profiles: ProfileList | undefined): RequestAuth {
  return newRequestAuth(profiles, rememberedProfile(collectionId));
}

/**
 * A request about to be created in a collection (under `parentId`, a folder, or at the top): it keeps inheriting
 * when its folders or collection sign, and otherwise starts with the collection's remembered or the default profile.
 */
export function signedNewRequest(collection: CollectionSummary, parentId: string | undefined, request: RequestNode, profiles: ProfileList | undefined): RequestNode {
  const parent = parentId ? findItem(collection, parentId) : undefined;
  const folders = parent && parent.item.kind === 'folder' ? [...parent.folders, parent.item] : [];
  if (inheritedAuth(request, folders, collection).auth.type !== 'none') return request;
  const auth = newRequestAuthIn(collection.id, profiles);
  return auth.type === 'none' ? request : { ...request, auth };
}
