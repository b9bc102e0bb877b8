// "Copy as" for the request in the editor: the snippet is made here, in the window, from the effective request.
// The window already holds secret variables' values (it resolves them to sign), and the generator only uses them
// to know which text to replace by an environment variable reference, so nothing secret goes to main or to the
// clipboard. Credentials are never known here: snippets read them from the profile, the environment or STS.
import type { CopyAsResult } from '../../src/formats/copyAs/copyAs';
import type { CopyAsKind } from '../../src/formats/copyAs/kinds';
import type { EffectiveRequest } from '../../src/effectiveRequest';

export const COPY_AS_LABELS: Record<CopyAsKind, string> = {
  curl: 'curl',
  awscurl: 'awscurl',
  python: 'Python',
  typescript: 'TypeScript',
};

export interface CopiedSnippet extends CopyAsResult {
  kind: CopyAsKind;
  /** False when the clipboard refused: the text is then shown to copy by hand. */
  copied: boolean;
}

/** Makes the snippet and puts it on the clipboard through `write` (navigator.clipboard.writeText in the app). */
export async function copySnippet(kind: CopyAsKind, effective: EffectiveRequest, write: (text: string) => Promise<void>): Promise<CopiedSnippet> {
  // The writers are a chunk of their own, loaded on the first copy (the first screen only lists the kinds).
  const { copyAs, copyAsInputFrom } = await import('../../src/formats/copyAs/copyAs');
  const result = copyAs(kind, copyAsInputFrom(effective));
  // {{name}} left as typed would be sent literally by the snippet too.
  const notes = effective.unresolved.length
    ? [...result.notes, `Not defined in any scope, left as typed: ${effective.unresolved.map((n) => `{{${n}}}`).join(', ')}.`]
    : result.notes;
  let copied = false;
  try {
    await write(result.text);
    copied = true;
  } catch {
    // No clipboard (permission, focus, an insecure context): the caller shows the text instead.
  }
  return { ...result, notes, kind, copied };
}

/** The app's clipboard writer; a missing API rejects like a refused one. */
export function clipboardWrite(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) return Promise.reject(new Error('no clipboard'));
  return clipboard.writeText(text);
}
