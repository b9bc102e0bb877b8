// Actual values beside a check result are for reading: long ones are cut, saying how much was left out.

export const ACTUAL_LIMIT = 300;

export function shortText(text: string, limit = ACTUAL_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** A JSON value as a user reads it: strings bare, everything else as compact JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(not found)';
  return JSON.stringify(value) ?? String(value);
}
