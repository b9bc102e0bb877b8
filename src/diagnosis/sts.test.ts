import { describe, expect, it } from 'vitest';
import { stsAdvice } from './sts';

const ROLE = 'arn:aws:iam::111111111111:role/ApiInvoker';
const OTHER = 'arn:aws:iam::111111111111:role/SomethingElse';
// moto's refusal (and AWS's older one) names the caller and the action, but not the role.
const MOTO = 'User: arn:aws:iam::123456789012:user/diag-denied is not authorized to perform: sts:AssumeRole';

describe('stsAdvice: the resource of a refused AssumeRole', () => {
  it('takes the role from "on resource:" even when the sentence is not the usual "User: … is not authorized"', () => {
    const advice = stsAdvice('AccessDenied', `Not authorized to perform sts:AssumeRole on resource: ${ROLE}.`);
    expect(advice).toMatchObject({ action: 'sts:AssumeRole', resource: ROLE });
  });

  it('names the role AWS names before the one RoleCall thinks it asked for', () => {
    const advice = stsAdvice('AccessDenied', `Not authorized to perform sts:AssumeRole on resource: ${ROLE}`, { roleArn: OTHER });
    expect(advice?.resource).toBe(ROLE);
  });

  it('falls back to the role RoleCall asked for when AWS names none', () => {
    expect(stsAdvice('AccessDenied', MOTO, { roleArn: ROLE })).toMatchObject({ principal: 'arn:aws:iam::123456789012:user/diag-denied', resource: ROLE });
    expect(stsAdvice('AccessDenied', MOTO)?.resource).toBeUndefined();
  });

  it('never takes the caller\'s assumed-role ARN for the resource', () => {
    const text = 'User: arn:aws:sts::222222222222:assumed-role/Caller/s is not authorized to perform: sts:AssumeRole';
    expect(stsAdvice('AccessDenied', text)?.resource).toBeUndefined();
  });

  it('names the role in the duration and MFA refusals from the text too', () => {
    const duration = stsAdvice('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role (${ROLE}).`);
    expect(duration).toMatchObject({ id: 'sts.duration-too-long', resource: ROLE });
    expect(duration?.explanation).toContain(ROLE);
    const mfa = stsAdvice('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', { roleArn: ROLE });
    expect(mfa).toMatchObject({ id: 'sts.mfa-failed', resource: ROLE });
  });
});

describe('stsAdvice: who called, when AWS\'s text does not say', () => {
  const NAMELESS = 'Not authorized to perform sts:AssumeRole';
  it('names the base profile\'s identity as the principal, and says how to see it', () => {
    const advice = stsAdvice('AccessDenied', NAMELESS, { roleArn: ROLE, externalId: false, baseProfile: 'base' });
    expect(advice).toMatchObject({ principal: 'the identity of profile base', action: 'sts:AssumeRole', resource: ROLE });
    expect(advice?.checks.join('\n')).toContain('"Who am I?" on it');
  });

  it('in a chain, names the previous role\'s session as the caller, not the base profile', () => {
    const advice = stsAdvice('AccessDenied', NAMELESS, { roleArn: ROLE, baseProfile: 'base', sourceRoleArn: OTHER });
    expect(advice?.principal).toBe(`a session of ${OTHER}`);
    expect(advice?.checks.join('\n')).toContain(`trust policy must name that role`);
  });

  it('keeps the principal AWS names over anything RoleCall knows', () => {
    expect(stsAdvice('AccessDenied', MOTO, { roleArn: ROLE, baseProfile: 'base', sourceRoleArn: OTHER })?.principal).toBe('arn:aws:iam::123456789012:user/diag-denied');
  });
});
