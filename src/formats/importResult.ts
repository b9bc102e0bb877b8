// What every importer (Postman collection and environment, curl) hands back: RoleCall's own model, a report of what
// was and was not carried over, the literal keys it found (never stored: the caller offers them for the encrypted key
// store) and the descriptions and scripts found, listed for the preview (the items carry them).
import { RoleCallError } from '../errors';

/** Access keys an import found typed into the source. Never put into the collection; the caller may offer to store them. */
export interface OfferedKeys {
  /** A name to suggest for the stored keys (unique within one import). */
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Ids of the collection, folders and requests whose auth used these keys (now "choose a profile"). */
  usedBy: string[];
}

export interface ImportReport {
  /** What was carried over, in words. */
  mapped: string[];
  /** What RoleCall does not have and so did not carry over (or kept only as text). */
  notMapped: string[];
  /** What the user must do or know before sending. */
  warnings: string[];
}

/**
 * A Postman or OpenAPI item's description and scripts, listed for the import preview. The items themselves carry
 * them (description, and preserved scripts that RoleCall never runs).
 */
export interface ImportNote {
  /** The id of the collection, folder or request it belongs to. */
  itemId: string;
  /** Where it is, as "Folder / Request" ("" for the collection itself). */
  path: string;
  description?: string;
  prerequest?: string;
  test?: string;
}

/** An input RoleCall cannot import: code INVALID_INPUT, a message saying what is wrong, where when known. */
export class ImportError extends RoleCallError {
  constructor(message: string, detail?: string) {
    super({ code: 'INVALID_INPUT', message, ...(detail !== undefined ? { detail } : {}) });
    this.name = 'ImportError';
  }
}

/** Runs an importer so that anything unforeseen (a stack overflow on a hostile file) is an ImportError, not a crash. */
export function guarded<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`This ${what} could not be read.`, err instanceof Error ? err.message : String(err));
  }
}

/** Limits that keep a hostile or huge file from exhausting memory or the stack. */
export const IMPORT_LIMITS = {
  /** Folders and requests together. */
  items: 10_000,
  /** Folder nesting. */
  depth: 32,
  /** Places listed under one report line before "and N more". */
  placesPerLine: 5,
} as const;

export const defaultNewId = (): string => globalThis.crypto.randomUUID();

/**
 * Collects report lines, grouping the same message found in several places into one line, so a collection with
 * 500 requests that all use {{AWS_SECRET}} gives one warning, not 500.
 */
export class ReportBuilder {
  private readonly lines = { mapped: new Map<string, string[]>(), notMapped: new Map<string, string[]>(), warnings: new Map<string, string[]>() };

  add(kind: keyof ImportReport, message: string, where?: string): void {
    const places = this.lines[kind].get(message) ?? [];
    if (where !== undefined && !places.includes(where)) places.push(where);
    this.lines[kind].set(message, places);
  }

  build(): ImportReport {
    const render = (map: Map<string, string[]>) =>
      [...map].map(([message, places]) => {
        if (places.length === 0) return message;
        const shown = places.slice(0, IMPORT_LIMITS.placesPerLine).map((p) => (p === '' ? 'the collection' : `"${p}"`));
        const more = places.length - shown.length;
        return `${message} (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
      });
    return { mapped: render(this.lines.mapped), notMapped: render(this.lines.notMapped), warnings: render(this.lines.warnings) };
  }
}

/** Cuts a text to the model's limit, saying so. */
export function clip(text: string, max: number, report: ReportBuilder, what: string, where: string): string {
  if (text.length <= max) return text;
  report.add('warnings', `${what} longer than ${max} characters was cut`, where);
  return text.slice(0, max);
}

/** A value that is only {{variable}} references: a template, not a literal. */
export const isVariableOnly = (value: string): boolean => /^(\s*\{\{\s*[^{}]+?\s*\}\}\s*)+$/.test(value);

/** Placeholders authors leave for the reader to fill in: {accessKey}, <access-key-id>, YOUR_ACCESS_KEY. */
export const isPlaceholder = (value: string): boolean =>
  /^\{[^{}]+\}$/.test(value.trim()) || /^<[^<>]+>$/.test(value.trim()) || /^(your|my)[-_ ]/i.test(value.trim());
