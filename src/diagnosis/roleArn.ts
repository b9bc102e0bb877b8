// The IAM role an AWS text names, for a refusal that does not put it in the usual "User: … is not authorized to
// perform: … on resource: …" sentence. "on resource:" first; else the first role ARN anywhere. Assumed-role session
// ARNs (arn:aws:sts::…:assumed-role/…) are the caller, not a role, and never match. Bounded text, one regex pass.

const ROLE_ARN = /arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+/;

export function roleArnIn(text: string): string | undefined {
  const bounded = text.slice(0, 8 * 1024);
  const on = bounded.indexOf('on resource: ');
  const found = (on >= 0 ? ROLE_ARN.exec(bounded.slice(on, on + 'on resource: '.length + 2048)) : null) ?? ROLE_ARN.exec(bounded);
  // The sentence's own full stop or comma is not part of the name.
  return found?.[0].replace(/[.,]+$/, '');
}
