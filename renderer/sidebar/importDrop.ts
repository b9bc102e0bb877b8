// A file dropped on the sidebar, read in the page: its text is what goes to main (import:preview), never its path,
// so main reads no file a page named. Only one file, text-like by name, and no larger than main would take. A
// dropped folder is read by droppedFolder.ts.
import { IMPORT_MAX_BYTES } from '../../src/models/importLimits';

/** True when a drag carries files from outside (not a row of the tree being moved). */
export const hasFiles = (transfer: DataTransfer): boolean => Array.from(transfer.types).includes('Files');

const TEXT_NAME = /\.(json|txt|sh|curl|ya?ml)$|^[^.]+$/i;

export type Dropped = { text: string; fileName: string } | { problem: string };

export async function droppedFile(files: ArrayLike<File>, maxBytes = IMPORT_MAX_BYTES): Promise<Dropped> {
  if (files.length === 0) return { problem: 'Drop a file or a folder to import it.' };
  if (files.length > 1) return { problem: 'Drop one file at a time to import it.' };
  const file = files[0] as File;
  if (!TEXT_NAME.test(file.name)) return { problem: `${file.name} is not a .json or .txt file, so RoleCall does not import it.` };
  if (file.size > maxBytes) return { problem: `${file.name} is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most RoleCall imports.` };
  try {
    return { text: await file.text(), fileName: file.name };
  } catch (err) {
    // A folder this browser gave no entry for is a File that cannot be read.
    return { problem: `${file.name} could not be read: to import a folder, use "Open folder…".${err instanceof Error ? ` (${err.message})` : ''}` };
  }
}
