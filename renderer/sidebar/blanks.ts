// What "New collection / folder / request" start from.
import type { Collection, FolderNode, RequestNode } from '../../src/models/workspace';
import { blankRequest as blankDoc } from '../state/tabs';
import { newId } from './ids';

export function blankCollection(name = 'New collection'): Collection {
  return { id: newId(), name, auth: { type: 'none' }, variables: [], items: [] };
}

export function blankFolder(name = 'New folder'): FolderNode {
  return { kind: 'folder', id: newId(), name, auth: { type: 'inherit' }, variables: [], items: [] };
}

export function blankRequest(name = 'New request'): RequestNode {
  return { kind: 'request', ...blankDoc(name, newId()) };
}
