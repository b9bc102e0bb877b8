// The workspace cookie jar as the window sees it. Cookie values are session credentials: list views carry names,
// domains, paths, expiry and flags only; a value crosses IPC only through cookies:reveal, when the user opens one
// cookie in the editor (as presign:reveal does for a presigned URL).
import { z } from 'zod';

/** A cookie's identity in the jar (RFC 6265: name, domain and path together). */
export const cookieKeySchema = z
  .object({
    domain: z.string().trim().min(1).max(253),
    path: z.string().min(1).max(1024).startsWith('/'),
    name: z.string().min(1).max(256),
  })
  .strict();
export type CookieKey = z.infer<typeof cookieKeySchema>;

/** Characters RFC 6265 leaves out of a cookie name, and out of a value (besides the double quote it allows around one). */
const NAME_CHARS = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE_CHARS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** Adds or edits a cookie; `previous` is the cookie being edited, removed when the key changed. */
export const cookieSetSchema = z
  .object({
    domain: z.string().trim().min(1, 'Give the cookie a domain.').max(253).regex(/^\.?[A-Za-z0-9.:[\]-]+$/, 'The domain must be a host name such as api.example.com.'),
    path: z.string().max(1024).regex(/^\/[^;\s]*$/, 'The path must start with / and have no spaces or semicolons.').default('/'),
    name: z.string().min(1, 'Give the cookie a name.').max(256).regex(NAME_CHARS, 'A cookie name has no spaces, quotes or any of ( ) < > @ , ; : \\ / [ ] ? = { }.'),
    value: z.string().max(4096).regex(VALUE_CHARS, 'A cookie value has no spaces, commas, semicolons, backslashes or double quotes.'),
    /** Sent only to this exact host (no Domain attribute); false: to its subdomains too. */
    hostOnly: z.boolean().default(true),
    secure: z.boolean().default(false),
    httpOnly: z.boolean().default(false),
    /** ISO 8601; absent: a session cookie (kept until cleared, as RoleCall has no browser session to end). */
    expires: z.iso.datetime({ offset: true }).optional(),
    previous: cookieKeySchema.optional(),
  })
  .strict();
export type CookieSetInput = z.input<typeof cookieSetSchema>;

export const cookieClearSchema = z.object({ domain: z.string().trim().min(1).max(253).optional() }).strict();

export const cookieSettingsSchema = z.object({ allowAwsHosts: z.boolean() }).strict();
export type CookieSettings = z.infer<typeof cookieSettingsSchema>;

/** One cookie without its value. */
export interface CookieSummary extends CookieKey {
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  /** ISO 8601; absent for a session cookie. */
  expires?: string;
  /** How long the value is, so the list can say something without showing it. */
  valueLength: number;
}

export interface CookieList {
  cookies: CookieSummary[];
  settings: CookieSettings;
  /** True when the jar is kept encrypted on disk; false: in memory only (no encryption available), gone at exit. */
  persisted: boolean;
}

/** The hosts the jar leaves alone unless the workspace allows them (main/services/cookies/awsHosts.ts). */
export const AWS_HOST_SUFFIXES = ['amazonaws.com', 'amazonaws.com.cn', 'api.aws', 'on.aws'] as const;
