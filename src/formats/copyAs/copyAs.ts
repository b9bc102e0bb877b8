// "Copy as": one request as a command or program the user can run outside RoleCall, signed the same way. Pure
// text generation; credentials are never known here and never printed: snippets read them from the AWS profile, the
// environment or STS when they run, and secret variables' values become environment variable references.
import { awscurlSnippet } from './awscurl';
import { curlSnippet } from './curl';
import { pythonSnippet } from './python';
import { snippetInput, type CopyAsInput } from './snippetInput';
import { typescriptSnippet } from './typescript';

import type { CopyAsKind } from './kinds';

export { COPY_AS_KINDS, type CopyAsKind } from './kinds';

export interface CopyAsResult {
  text: string;
  /** What the snippet cannot do as RoleCall does (also written as comments in the text). */
  notes: string[];
  /** Environment variables the snippet reads secret variables' values from. */
  secretEnv: string[];
}

const GENERATORS: Record<CopyAsKind, (input: ReturnType<typeof snippetInput>) => string> = {
  curl: curlSnippet,
  awscurl: awscurlSnippet,
  python: pythonSnippet,
  typescript: typescriptSnippet,
};

export function copyAs(kind: CopyAsKind, input: CopyAsInput): CopyAsResult {
  const prepared = snippetInput(input);
  const text = GENERATORS[kind](prepared);
  return { text, notes: [...prepared.notes], secretEnv: prepared.secretEnv };
}

export { copyAsInputFrom, type CopyAsInput } from './snippetInput';
