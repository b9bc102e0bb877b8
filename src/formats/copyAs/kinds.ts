// The kinds of "Copy as" snippet, apart from their writers (copyAs.ts): the window's menu lists them on the first
// screen, and the writers load only when one is chosen.
export type CopyAsKind = 'curl' | 'awscurl' | 'python' | 'typescript';
export const COPY_AS_KINDS: CopyAsKind[] = ['curl', 'awscurl', 'python', 'typescript'];
