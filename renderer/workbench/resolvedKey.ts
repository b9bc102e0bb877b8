// What the live signing preview already knows about the identity before anyone asks STS: the access key it signed
// with, and from its prefix whether those are temporary (ASIA…) or long-term (AKIA…) keys. An access key id is not
// a secret (it is in every Authorization header); it names the key, not who it belongs to.

export function resolvedKeyText(accessKeyId: string | undefined): string | undefined {
  if (!accessKeyId) return undefined;
  const kind = accessKeyId.startsWith('ASIA') ? 'temporary keys' : accessKeyId.startsWith('AKIA') ? 'long-term keys' : 'keys';
  return `signs with ${accessKeyId} (${kind}); who that is: ask STS`;
}
