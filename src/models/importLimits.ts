// How much an import reads, without the import channels' schemas (importing.ts): the renderer's drop handlers
// check these on the first screen, and importing the schemas would bring zod's schema builders into that chunk.

/** The most text an import reads (a file, a drop, a paste): a collection is far smaller. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** The most files one dropped folder brings; together they hold at most IMPORT_MAX_BYTES characters. */
export const DROPPED_FOLDER_MAX_FILES = 2000;
