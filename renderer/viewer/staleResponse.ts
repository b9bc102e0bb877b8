// Whether the response on screen still answers the request as it stands. An answer to an older version of the
// request (an edited URL, header, body, auth or signing option) or one signed before the AWS config files changed
// says so, instead of leaving, say, an old "Signature mismatch" looking current.
import type { ProfileList } from '../../src/models/profile';
import type { RequestDoc } from '../../src/models/workspace';

export type StaleReason = 'edited' | 'awsFiles';

/** Renaming the tab changes nothing that was sent. */
const IGNORED: ReadonlySet<string> = new Set(['name']);

/** `filesVersion`: how many AWS file changes main had reported (useAwsFilesVersion) when it was sent, and now. */
export function staleReason(
  sent: { draft?: RequestDoc; profiles?: ProfileList; filesVersion?: number },
  now: { draft?: RequestDoc; profiles?: ProfileList; filesVersion?: number },
): StaleReason | undefined {
  const a = sent.draft;
  const b = now.draft;
  if (a && b && a !== b) {
    // Edits replace only the fields they change, so a field compared by reference tells whether it was touched;
    // a text typed back to what was sent compares equal.
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (IGNORED.has(key)) continue;
      if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return 'edited';
    }
  }
  if (sent.filesVersion !== undefined && now.filesVersion !== undefined && now.filesVersion > sent.filesVersion) return 'awsFiles';
  // The profile list is read again when the files change; a different list means the identity may differ too.
  if (sent.profiles && now.profiles && sent.profiles !== now.profiles && JSON.stringify(sent.profiles) !== JSON.stringify(now.profiles)) return 'awsFiles';
  return undefined;
}

export const STALE_TEXT: Record<StaleReason, string> = {
  edited: 'This response is to the request as it was before your last edits.',
  awsFiles: 'This response was signed before the AWS config files changed.',
};
