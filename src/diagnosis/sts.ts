// STS's refusals of AssumeRole: the role's trust policy does not name the caller, the caller lacks sts:AssumeRole,
// the external ID or MFA its trust policy requires is missing or wrong, or the session asked for is longer than the
// role allows. AWS answers most of these with the same AccessDenied sentence, so what RoleCall sent (an external
// ID, an MFA serial) decides what is worth checking first. Used for STS responses and for credential errors.
import { accessAdvice } from './accessDenied';
import { refusal, type Facts } from './facts';
import { parseNotAuthorized } from './notAuthorized';
import { roleArnIn } from './roleArn';
import type { Refusal } from '../models/refusal';

/** What RoleCall asked STS for, when it knows (an assume-role auth choice). */
export interface AssumeRoleContext {
  roleArn?: string;
  externalId?: boolean;
  mfaSerial?: string;
  durationSeconds?: number;
  /** The base identity, when known. */
  callerArn?: string;
  /** The profile whose credentials start the chain (its keys, SSO, process or credential source). */
  baseProfile?: string;
  /** In a chain of roles, the role whose session called AssumeRole: the caller the trust policy must name. */
  sourceRoleArn?: string;
}

export type StsAdvice = Pick<Refusal, 'id' | 'title' | 'explanation' | 'checks' | 'fixes' | 'likelihood'> &
  Partial<Pick<Refusal, 'principal' | 'action' | 'resource'>>;

export function stsAdvice(awsCode: string, text: string, ctx: AssumeRoleContext = {}): StsAdvice | undefined {
  // The role AWS names wins over the one RoleCall meant to ask for (a chain's other hop); moto and older answers name none.
  const roleArn = roleArnIn(text) ?? ctx.roleArn;
  const role = roleArn ?? 'the role';
  if (text.includes('DurationSeconds exceeds the MaxSessionDuration')) {
    return {
      id: 'sts.duration-too-long',
      title: 'The session asked for is longer than the role allows',
      explanation: `AssumeRole asked for ${ctx.durationSeconds ? `${ctx.durationSeconds} seconds` : 'a session'}, longer than ${role}'s maximum session duration (1 hour unless its owner raised it, up to 12 hours).`,
      checks: [`The duration in RoleCall's assume-role settings or the profile's duration_seconds.`, `The "Maximum session duration" of ${role} in the IAM console.`],
      fixes: ['Lower the duration to the role\'s maximum (3600 seconds by default), or ask the role\'s owner to raise MaxSessionDuration.'],
      likelihood: [],
      action: 'sts:AssumeRole',
      ...(roleArn ? { resource: roleArn } : {}),
    };
  }
  if (text.includes('session limit for roles assumed by role chaining')) {
    return {
      id: 'sts.duration-role-chaining',
      title: 'A chained role session is limited to 1 hour',
      explanation: 'The role is assumed with credentials that came from another AssumeRole (role chaining); AWS caps such sessions at 1 hour whatever the role allows.',
      checks: ['The duration in the assume-role settings or duration_seconds of the chained profile.'],
      fixes: ['Ask for 3600 seconds or less.'],
      likelihood: [],
      action: 'sts:AssumeRole',
      ...(roleArn ? { resource: roleArn } : {}),
    };
  }
  if (text.includes('MultiFactorAuthentication failed')) {
    return {
      id: 'sts.mfa-failed',
      title: 'The MFA code was not accepted',
      explanation: 'STS checked the MFA code against the device named by the serial, and it did not match (a wrong or reused code, or another device).',
      checks: [`The MFA serial${ctx.mfaSerial ? ` ${ctx.mfaSerial}` : ''}: it must be the ARN of the device registered to the base user.`, "The device's clock, and that the code was not already used."],
      fixes: ['Send again and type the current code from the device.'],
      likelihood: [],
      action: 'sts:AssumeRole',
      ...(roleArn ? { resource: roleArn } : {}),
    };
  }
  if (text.includes('Roles may not be assumed by root accounts')) {
    return {
      id: 'sts.root-cannot-assume',
      title: "An account's root user cannot assume roles",
      explanation: 'The base credentials are the root user\'s keys; AWS does not let root assume a role.',
      checks: ['Which keys the base profile or environment holds.'],
      fixes: ['Use an IAM user or SSO identity as the base, and delete the root access keys.'],
      likelihood: [],
      action: 'sts:AssumeRole',
    };
  }
  if (awsCode === 'RegionDisabledException') {
    return {
      id: 'sts.region-disabled',
      title: 'STS is not activated in this region',
      explanation: 'The account has not activated STS in the region of the STS endpoint RoleCall called.',
      checks: ['The STS region or endpoint in the assume-role settings or the profile.'],
      fixes: ['Use another STS region (or the global endpoint), or activate the region in the account settings.'],
      likelihood: [],
    };
  }
  if (awsCode === 'ValidationError' && text.includes('ARN')) {
    return {
      id: 'sts.invalid-role-arn',
      title: 'The role ARN is not valid',
      explanation: 'STS could not read the role ARN it was given.',
      checks: ['The role ARN: arn:aws:iam::ACCOUNT:role/NAME, twelve-digit account, the role\'s path if it has one.'],
      fixes: ['Copy the role ARN from the IAM console.'],
      likelihood: [],
    };
  }
  const denied = parseNotAuthorized(text);
  const isAssume = denied?.action.startsWith('sts:AssumeRole') ?? text.includes('sts:AssumeRole');
  if (!isAssume || !(awsCode.startsWith('AccessDenied') || denied)) return undefined;
  const principal = denied?.principal ?? ctx.callerArn ?? callerWords(ctx);
  const resource = denied?.resource ?? roleArn;
  const advice = accessAdvice({ principal, action: denied?.action ?? 'sts:AssumeRole', explicitDeny: denied?.explicitDeny ?? false, ...(resource ? { resource } : {}), ...(denied?.decidedBy ? { decidedBy: denied.decidedBy } : {}) }, "the role's trust policy");
  const likelihood = [...advice.likelihood];
  const checks = [...advice.checks];
  // What was sent is known only with a context (the CLI's flags); without one, both stay things to check.
  const known = ctx.roleArn !== undefined;
  if (ctx.externalId) {
    checks.push('The external ID RoleCall sends must equal the trust policy\'s "sts:ExternalId" condition exactly (AWS answers a mismatch with this same message).');
    likelihood.push('An external ID was sent: a mismatch looks exactly like this refusal.');
  } else {
    checks.push('Does the trust policy require an external ID ("sts:ExternalId" condition)? Then set it under the assume-role settings.');
  }
  if (!denied?.principal && !ctx.callerArn && (ctx.sourceRoleArn || ctx.baseProfile)) {
    checks.push(ctx.sourceRoleArn
      ? `The caller is a session of ${ctx.sourceRoleArn} (the chain's previous role): the trust policy must name that role.`
      : `The caller is the identity of profile ${ctx.baseProfile} ("Who am I?" on it shows the ARN the trust policy must name).`);
  }
  if (ctx.mfaSerial) {
    checks.push(`The trust policy's MFA condition: RoleCall sent a code from ${ctx.mfaSerial}.`);
  } else {
    checks.push('Does the trust policy require MFA ("aws:MultiFactorAuthPresent")? Then set the MFA serial so RoleCall asks for a code.');
    if (known) likelihood.push('No MFA was sent: a trust policy requiring MFA refuses with this same message.');
  }
  const byIdentity = denied?.decidedBy === 'identity';
  return {
    id: denied?.explicitDeny ? 'sts.assume-role-explicit-deny' : byIdentity ? 'sts.caller-lacks-assume-role' : 'sts.assume-role-denied',
    title: denied?.explicitDeny ? 'An explicit Deny refused AssumeRole' : byIdentity ? 'The caller may not call sts:AssumeRole' : 'The role does not trust this caller',
    explanation: `${advice.explanation} For AssumeRole the role's trust policy is the resource policy.`,
    checks,
    fixes: advice.fixes,
    likelihood,
    principal,
    action: denied?.action ?? 'sts:AssumeRole',
    ...(resource ? { resource } : {}),
  };
}

/** Who called STS when AWS's text does not say: the chain's previous role, else the base profile's identity. */
function callerWords(ctx: AssumeRoleContext): string {
  if (ctx.sourceRoleArn) return `a session of ${ctx.sourceRoleArn}`;
  if (ctx.baseProfile) return `the identity of profile ${ctx.baseProfile}`;
  return 'the caller';
}

/** An STS answer RoleCall received as the response to a request the user sent to STS. */
export function stsResponse(f: Facts): Refusal | undefined {
  const advice = stsAdvice(f.type, f.text);
  return advice ? refusal(f, 'sts', advice) : undefined;
}
