// Takes SigV4's Authorization header and presigned-URL parameters apart so the inspector can label each piece.

export interface CredentialParts {
  accessKeyId: string;
  /** YYYYMMDD, the date of the signing key. */
  date: string;
  region: string;
  service: string;
  /** Always "aws4_request". */
  terminator: string;
}

export interface AuthorizationParts {
  algorithm: string;
  credential: CredentialParts;
  /** The raw "AKID/date/region/service/aws4_request" text. */
  credentialText: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"; undefined when it is not SigV4. */
export function parseAuthorization(header: string): AuthorizationParts | undefined {
  const match = /^\s*(AWS4-[A-Z0-9-]+)\s+(.*)$/s.exec(header);
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[2]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credentialText = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credentialText === undefined || signedHeaders === undefined || signature === undefined) return undefined;
  const credential = parseCredential(credentialText);
  if (!credential) return undefined;
  return { algorithm: match[1]!, credential, credentialText, signedHeaders: signedHeaders.split(';').filter(Boolean), signature };
}

/** "AKID/20150830/us-east-1/iam/aws4_request" into its parts. The key id never holds a slash, the rest cannot. */
export function parseCredential(text: string): CredentialParts | undefined {
  const parts = text.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) return undefined;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, date, region, service, terminator };
}

/** The X-Amz-* query parameters of a presigned URL, in URL order, decoded. */
export function presignedParams(url: string): Array<[string, string]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const out: Array<[string, string]> = [];
  for (const [name, value] of parsed.searchParams) if (/^x-amz-/i.test(name)) out.push([name, value]);
  return out;
}

/** True for the mask main puts where a secret was ("«redacted: session token, 812 chars»"). */
export function isMasked(value: string): boolean {
  return value.includes('«redacted');
}
