// Which profile signs a request nobody chose auth for: the one the AWS CLI would use (AWS_PROFILE, else "default"),
// else the first profile that can give credentials. Once the user picks another profile in a collection, that
// pick is what new requests there start from (the renderer keeps the memory; this file only decides).
import type { ProfileList, ProfileSummary } from './models/profile';
import type { RequestAuth } from './models/workspace';

/** A profile that can be resolved: read without problems and of a kind that yields credentials. */
export function usableProfile(profile: ProfileSummary): boolean {
  return profile.problems.length === 0 && profile.kind !== 'incomplete';
}

/** AWS_PROFILE's (or "default") when it exists, else the first usable profile, else none. */
export function defaultProfileName(list: ProfileList | undefined): string | undefined {
  if (!list) return undefined;
  if (list.profiles.some((p) => p.name === list.defaultProfile)) return list.defaultProfile;
  return list.profiles.find(usableProfile)?.name;
}

/**
 * The auth a new request starts with: the remembered profile while it still exists (a {{variable}} is kept as
 * typed), else the default profile, else no auth when there is no profile at all.
 */
export function newRequestAuth(list: ProfileList | undefined, remembered?: string): RequestAuth {
  const kept = remembered?.trim();
  if (kept && (kept.includes('{{') || list?.profiles.some((p) => p.name === kept))) return { type: 'profile', profile: kept };
  const name = defaultProfileName(list);
  return name ? { type: 'profile', profile: name } : { type: 'none' };
}

/** The profile a changed auth picks, when the user has just chosen one (for remembering it); else undefined. */
export function pickedProfile(before: RequestAuth, after: RequestAuth): string | undefined {
  if (after.type !== 'profile' || !after.profile.trim()) return undefined;
  if (before.type === 'profile' && before.profile === after.profile) return undefined;
  return after.profile.trim();
}
