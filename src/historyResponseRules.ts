// What of a response history may keep on disk. A response is data, not a credential, but some responses are
// credentials: STS AssumeRole, IAM Identity Center GetRoleCredentials and CreateToken, Cognito, the instance metadata
// service. A body naming a credential field is therefore not kept at all (the entry says why), and response headers
// that carry one (Set-Cookie values, Authorization, X-Amz-Security-Token) keep their name with the value masked, as
// history already masks credential headers of the request (src/credentialGuard.ts). Pure, so main's guard and its
// tests share one list.
import { QUERY_MASK } from './credentialGuard';

/**
 * A credential field as JSON key, XML element or form field: SecretAccessKey, SessionToken, SecretKey (Cognito),
 * accessToken / refreshToken / clientSecret (SSO OIDC), IdToken (Cognito user pools), aws_secret_access_key…
 */
const CREDENTIAL_FIELD =
  /(secret[_-]?access[_-]?key|session[_-]?token|secret[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?secret|id[_-]?token|security[_-]?token)["']?\s*(?:[:=]|>)/i;

/** The credential field a body names (as written), or undefined. Linear in the text. */
export function credentialFieldIn(text: string): string | undefined {
  return CREDENTIAL_FIELD.exec(text)?.[1];
}

const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-amz-security-token', 'set-cookie', 'set-cookie2']);

/** A response header as history keeps it: cookies keep their name and attributes, credential values are masked. */
export function historyHeader([name, value]: [string, string]): [string, string] {
  const lower = name.trim().toLowerCase();
  if (!MASKED_HEADERS.has(lower) || value === '') return [name, value];
  if (lower === 'set-cookie' || lower === 'set-cookie2') {
    const semi = value.indexOf(';');
    const pair = semi < 0 ? value : value.slice(0, semi);
    const eq = pair.indexOf('=');
    const cookieName = eq < 0 ? '' : pair.slice(0, eq);
    return [name, `${cookieName}=${QUERY_MASK}${semi < 0 ? '' : value.slice(semi)}`];
  }
  return [name, QUERY_MASK];
}

/** The body with each form of a secret value masked, or why it cannot be kept (a value in a body that is not UTF-8). */
export function maskedBody(bytes: Uint8Array, forms: readonly string[], mask: string): { bytes: Uint8Array } | { withheld: string } {
  if (forms.length === 0 || bytes.length === 0) return { bytes };
  const loose = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!forms.some((form) => loose.includes(form))) return { bytes };
  let text: string;
  try {
    // stream: a character cut where the kept bytes end is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return { withheld: 'The body was not kept: it holds a secret variable’s value and is not text that could be masked.' };
  }
  for (const form of forms) text = text.split(form).join(mask);
  return { bytes: new TextEncoder().encode(text) };
}

export function withheldForCredentials(field: string): string {
  return `The body was not kept: it holds credentials (${field}), which history never stores.`;
}
