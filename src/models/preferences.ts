// The window's own preferences (the theme, the profile last picked per collection): about this machine, never in the
// workspace or a collection. The window keeps them in localStorage for a first paint without waiting, and main keeps
// the same values (preferences:get / preferences:set) so that browser mode, whose origin changes with its port, finds
// them again on another port.
import { z } from 'zod';

/** Only RoleCall's own keys: the theme and the remembered profiles. */
export const preferenceKeySchema = z
  .string()
  .max(128)
  .regex(/^rolecall\.(theme|profileFor\..*)$/, 'must be a RoleCall preference');
export const preferenceValueSchema = z.string().max(256);
/** Kept at most; the oldest set go first. */
export const PREFERENCE_LIMIT = 500;

export const PREFERENCE_KEYS = { theme: 'rolecall.theme', profileFor: 'rolecall.profileFor.' } as const;
