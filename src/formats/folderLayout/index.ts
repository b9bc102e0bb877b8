// RoleCall collections as a folder of files in Postman's git-native layout (collection schema v3): the opened
// folder holds `collections/<name>/` and `environments/<name>.environment.yaml`, as Postman's `postman/` folder
// does. Pure: main's folder service reads and writes the files; this module only turns text into models and back.
export { readFolder } from './read';
export { writeFolder } from './write';
export type { FolderFiles, FolderInput, FolderMeta, FolderProblem, FolderRead, ItemPlacement, SecretName } from './types';
