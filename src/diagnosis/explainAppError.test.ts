import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { explainAppError } from './explainAppError';

// As main/services/awsErrors.ts turns STS's answers into AppErrors: AWS's text in detail, its code in awsCode.
const ROLE = 'arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag';
const denied: AppError = {
  code: 'STS_ACCESS_DENIED',
  message: `${ROLE} refused the AssumeRole: check the role's trust policy and the caller's sts:AssumeRole permission.`,
  detail: `User: arn:aws:sts::222222222222:assumed-role/LambdaRoleDeve/s is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
  awsCode: 'AccessDenied',
};

describe('explainAppError', () => {
  it('explains a refused AssumeRole with principal, action and resource, both sides needed across accounts', () => {
    const found = explainAppError(denied, { roleArn: ROLE })!;
    expect(found).toMatchObject({ id: 'sts.assume-role-denied', family: 'sts', principal: 'arn:aws:sts::222222222222:assumed-role/LambdaRoleDeve/s', action: 'sts:AssumeRole', resource: ROLE, awsType: 'AccessDenied' });
    expect(found.awsText).toBe(denied.detail);
    expect(found.likelihood.join(' ')).toMatch(/both sides must allow/);
    expect(found.fixes.join(' ')).toMatch(/arn:aws:iam::222222222222:role\/LambdaRoleDeve/);
  });

  it('points at the external ID when one was sent, at MFA when none was', () => {
    const withExternal = explainAppError(denied, { roleArn: ROLE, externalId: true, mfaSerial: 'arn:aws:iam::222222222222:mfa/me' })!;
    expect(withExternal.likelihood.join(' ')).toMatch(/external ID was sent/);
    expect(withExternal.likelihood.join(' ')).not.toMatch(/No MFA/);
    const plain = explainAppError(denied, { roleArn: ROLE })!;
    expect(plain.likelihood.join(' ')).toMatch(/No MFA was sent/);
    expect(plain.checks.join(' ')).toMatch(/sts:ExternalId/);
    // Without knowing what was sent (the window's error view), nothing is claimed about it; both stay checks.
    const unknown = explainAppError(denied)!;
    expect(unknown.likelihood.join(' ')).not.toMatch(/MFA was sent/);
    expect(unknown.checks.join(' ')).toMatch(/aws:MultiFactorAuthPresent/);
  });

  it('says when AWS names the caller\'s identity policy as missing', () => {
    const found = explainAppError({ ...denied, detail: `${denied.detail} because no identity-based policy allows the sts:AssumeRole action` })!;
    expect(found.id).toBe('sts.caller-lacks-assume-role');
    expect(found.fixes[0]).toMatch(/identity policy allowing sts:AssumeRole/);
  });

  it.each([
    ['AWS_ERROR', 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 'sts.duration-too-long'],
    ['AWS_ERROR', 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 'sts.duration-role-chaining'],
    ['STS_ACCESS_DENIED', 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', 'sts.mfa-failed'],
    ['STS_ACCESS_DENIED', 'AccessDenied', 'Roles may not be assumed by root accounts.', 'sts.root-cannot-assume'],
    ['STS_ACCESS_DENIED', 'AccessDenied', 'Not authorized to perform sts:AssumeRole', 'sts.assume-role-denied'],
    ['INVALID_CLIENT_TOKEN', 'InvalidClientTokenId', 'The security token included in the request is invalid.', 'credentials.unknown-key'],
    ['EXPIRED_TOKEN', 'ExpiredToken', 'The security token included in the request is expired', 'credentials.expired-token'],
    ['SIGNATURE_MISMATCH', 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 'credentials.wrong-secret'],
    ['SIGNATURE_MISMATCH', 'SignatureDoesNotMatch', 'Signature expired: 20240101T000000Z is now earlier than 20240101T005500Z (20240101T010000Z - 5 min.)', 'clock.skew'],
    ['AWS_ERROR', 'RegionDisabledException', 'STS is not activated in this region for account:111111111111.', 'sts.region-disabled'],
    ['AWS_ERROR', 'Throttling', 'Rate exceeded', 'aws.refused'],
  ] as const)('%s/%s: %s', (code, awsCode, detail, id) => {
    expect(explainAppError({ code, message: 'm', detail, awsCode }, { roleArn: ROLE, durationSeconds: 43200 })?.id).toBe(id);
  });

  it('gives nothing for errors AWS did not answer', () => {
    expect(explainAppError({ code: 'DNS_FAILURE', message: 'Could not reach the STS endpoint', detail: 'ENOTFOUND' })).toBeUndefined();
  });
});
