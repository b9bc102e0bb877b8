// What the renderer is told about collection folders (issue 6): which collections and environments come from an
// opened folder, what in it could not be read (file and line), and the folders opened before. Absolute paths
// appear only in the recent list, for display and to reopen one; never in a collection or an error.

/** Where a collection or environment in workspace:load is kept, when it is not the app's own store. */
export interface FolderSource {
  kind: 'folder';
  folderId: string;
  /** The opened folder's own name (not its path). */
  folderName: string;
}

/** A file of an opened folder that could not be read, or a part of one that was ignored; line is 1-based. */
export interface FolderProblemView {
  path: string;
  line?: number;
  message: string;
}

export interface OpenFolderSummary {
  folderId: string;
  name: string;
  problems: FolderProblemView[];
}

export interface RecentFolderView {
  folderId: string;
  name: string;
  /** For display (a tooltip) and for folders:open. */
  path: string;
  open: boolean;
}
