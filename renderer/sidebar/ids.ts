// Ids for new collections, folders, requests, rows and environments. getRandomValues works on file:// pages too,
// where randomUUID (secure contexts only) may be missing.
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
