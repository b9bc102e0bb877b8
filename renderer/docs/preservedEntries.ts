// What the Docs tab lists of a preserved record: each key with its value as text (a multi-line text as it is,
// anything else as indented JSON, so the page needs no YAML library), cut to a length a page shows comfortably,
// and a word on what the key is when it is one of Postman's.
import type { Preserved } from '../../src/models/preserved';

export const SHOWN_CHARS = 20_000;

const NOTES: Record<string, string> = {
  scripts: 'Postman scripts, never run here',
  pathVariables: 'Postman path variables (:name in the URL)',
  examples: 'saved examples',
};

export interface KeptEntry {
  key: string;
  note?: string;
  text: string;
}

export function preservedEntries(preserved: Preserved | undefined): KeptEntry[] {
  if (!preserved) return [];
  return Object.entries(preserved.fields).map(([key, value]) => {
    let text = typeof value === 'string' ? value : JSON.stringify(value, null, 2) ?? String(value);
    if (text.length > SHOWN_CHARS) text = `${text.slice(0, SHOWN_CHARS)}\n… (${text.length - SHOWN_CHARS} more characters, kept in the file)`;
    return { key, ...(NOTES[key] ? { note: NOTES[key] } : {}), text };
  });
}
