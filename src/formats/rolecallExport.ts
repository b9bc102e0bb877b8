// RoleCall's own collection file: the collection as the workspace keeps it (secret values emptied), with a
// format tag and the workspace version so a later RoleCall knows what it is reading.
import { WORKSPACE_VERSION, type Collection } from '../models/workspace';
import { blankSecrets } from './blankSecrets';

export const ROLECALL_COLLECTION_FORMAT = 'rolecall-collection';

export interface RoleCallCollectionFile {
  format: typeof ROLECALL_COLLECTION_FORMAT;
  version: number;
  collection: Collection;
}

export function toRoleCallFile(collection: Collection): RoleCallCollectionFile {
  return { format: ROLECALL_COLLECTION_FORMAT, version: WORKSPACE_VERSION, collection: blankSecrets(collection) };
}
