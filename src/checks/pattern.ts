// A check's `matches` pattern runs on RE2 (the re2js port), whose time is linear in the input. The pattern can come
// from a collection file in a team's repository, and on JavaScript's backtracking engine `^(a+)+$` against a long
// run of a's never finishes: it would freeze the app's Node side or a CI run. RE2 has no look-around and no
// backreferences (they cannot run in linear time), so those are found here and reported in words.
import { RE2JS } from 're2js';
import { shortText } from './shortText';

export type CompiledPattern = { ok: true; test: (text: string) => boolean } | { ok: false; message: string };

const NOT_RUN = 'which RoleCall does not run; check patterns use a linear-time engine so that a pattern from a shared file cannot freeze the app';

export function compilePattern(pattern: string, flags: string): CompiledPattern {
  const unsupported = unsupportedFeature(pattern);
  if (unsupported === 'look-around') {
    return { ok: false, message: `this pattern uses a look-around, ${NOT_RUN}; match the text itself instead` };
  }
  if (unsupported === 'backreference') {
    return { ok: false, message: `this pattern uses a backreference, ${NOT_RUN}; spell the repeated text out instead` };
  }
  try {
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), engineFlags(flags));
    return { ok: true, test: (text) => compiled.test(text) };
  } catch {
    return { ok: false, message: `/${shortText(pattern, 120)}/ is not a valid regular expression` };
  }
}

/** i, m and s map to RE2's flags; u needs none: RE2 always reads text as code points and knows \u{…}. */
function engineFlags(flags: string): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out;
}

/** Look-arounds `(?=` `(?!` `(?<=` `(?<!` and backreferences `\1`…`\9`, `\k<name>`, outside character classes. */
function unsupportedFeature(pattern: string): 'look-around' | 'backreference' | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<'))) return 'backreference';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && /^\(\?(=|!|<=|<!)/.test(pattern.slice(i, i + 4))) {
      return 'look-around';
    }
  }
  return undefined;
}
