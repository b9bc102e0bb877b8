// The jar's list as the dialog shows it: grouped by domain, each cookie's flags and expiry in words. Pure, so the
// grouping and wording are tested without a page.
import type { CookieSummary } from '../../src/models/cookies';

export interface DomainGroup {
  domain: string;
  cookies: CookieSummary[];
}

export function byDomain(cookies: CookieSummary[]): DomainGroup[] {
  const groups = new Map<string, CookieSummary[]>();
  for (const cookie of cookies) {
    const list = groups.get(cookie.domain) ?? [];
    list.push(cookie);
    groups.set(cookie.domain, list);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([domain, list]) => ({ domain, cookies: list }));
}

export function flagsText(cookie: CookieSummary): string {
  const flags = [cookie.hostOnly ? 'this host only' : 'and subdomains'];
  if (cookie.secure) flags.push('Secure');
  if (cookie.httpOnly) flags.push('HttpOnly');
  if (cookie.sameSite) flags.push(`SameSite=${cookie.sameSite.charAt(0).toUpperCase()}${cookie.sameSite.slice(1)}`);
  return flags.join(' · ');
}

export function expiresText(cookie: CookieSummary): string {
  if (!cookie.expires) return 'Session (until cleared)';
  return new Date(cookie.expires).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An ISO time as a datetime-local input's value (local time, minutes), and back. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
