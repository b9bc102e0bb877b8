import { describe, expect, it } from 'vitest';
import { appError } from '../../src/errors';
import { toRoleCallError } from './awsErrors';

const serviceError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 403 } });
const providerError = (message: string) => Object.assign(new Error(message), { name: 'CredentialsProviderError' });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

describe('toRoleCallError', () => {
  it('maps AccessDenied on AssumeRole to STS_ACCESS_DENIED naming the role, with AWS text as detail', () => {
    const text = 'User: arn:aws:iam::222222222222:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Api';
    const err = toRoleCallError(serviceError('AccessDenied', text), { action: 'AssumeRole' });
    expect(err.toAppError()).toEqual({
      code: 'STS_ACCESS_DENIED',
      message: "arn:aws:iam::111111111111:role/Api refused the AssumeRole: check the role's trust policy and the caller's sts:AssumeRole permission.",
      detail: text,
      awsCode: 'AccessDenied',
    });
    expect(toRoleCallError(serviceError('AccessDenied', 'nope'), { action: 'GetCallerIdentity' }).code).toBe('AWS_ERROR');
  });

  it.each([
    ['InvalidClientTokenId', 'INVALID_CLIENT_TOKEN'],
    ['UnrecognizedClientException', 'INVALID_CLIENT_TOKEN'],
    ['SignatureDoesNotMatch', 'SIGNATURE_MISMATCH'],
    ['ExpiredToken', 'EXPIRED_TOKEN'],
    ['ThrottlingException', 'AWS_ERROR'],
  ])('maps %s to %s and keeps the AWS code', (awsCode, code) => {
    const err = toRoleCallError(serviceError(awsCode, 'aws says no'), { action: 'GetCallerIdentity' });
    expect(err).toMatchObject({ code, awsCode, detail: 'aws says no' });
  });

  it('says what a signature mismatch means', () => {
    expect(toRoleCallError(serviceError('SignatureDoesNotMatch', 'x')).message).toMatch(/the secret key does not match the access key/);
  });

  it.each([
    ['ECONNREFUSED', 'CONNECTION_REFUSED'],
    ['ENOTFOUND', 'DNS_FAILURE'],
    ['ECONNRESET', 'CONNECTION_RESET'],
    ['ETIMEDOUT', 'TIMEOUT'],
    ['CERT_HAS_EXPIRED', 'TLS_ERROR'],
    ['EHOSTUNREACH', 'NETWORK_ERROR'],
  ])('maps the socket error %s to %s, naming the endpoint', (socketCode, code) => {
    const err = toRoleCallError(socketError(socketCode), { endpoint: 'https://sts.ap-northeast-1.amazonaws.com' });
    expect(err.code).toBe(code);
    expect(err.message).toContain('https://sts.ap-northeast-1.amazonaws.com');
  });

  it("finds the socket code inside Node's AggregateError and SDK wrappers", () => {
    const aggregate = Object.assign(new AggregateError([socketError('ECONNREFUSED')], 'failed'), {});
    expect(toRoleCallError(aggregate).code).toBe('CONNECTION_REFUSED');
    expect(toRoleCallError(Object.assign(new Error('wrapped'), { cause: socketError('ENOTFOUND') })).code).toBe('DNS_FAILURE');
  });

  it('maps credential-provider failures', () => {
    expect(toRoleCallError(providerError('Could not resolve credentials using profile: [x] in configuration/credentials file(s).'), { profile: 'x' }))
      .toMatchObject({ code: 'CREDENTIALS_MISSING', message: 'Profile "x" has no credentials RoleCall can use.' });
    expect(toRoleCallError(providerError('Profile x could not be found or parsed in shared credentials file.')).code).toBe('PROFILE_NOT_FOUND');
    expect(toRoleCallError(providerError('Detected a cycle attempting to resolve credentials for profile a.')).code).toBe('CREDENTIALS_ERROR');
    const sso = toRoleCallError(providerError('The SSO session associated with this profile has expired.'), { profile: 'dev' });
    expect(sso.message).toContain('aws sso login --profile dev');
  });

  it('passes RoleCallErrors (an MFA cancel) through unchanged', () => {
    const cancelled = appError('MFA_CANCELLED', 'The MFA prompt was cancelled.');
    expect(toRoleCallError(cancelled)).toBe(cancelled);
  });

  it('keeps unknown failures readable', () => {
    expect(toRoleCallError(new Error('boom'))).toMatchObject({ code: 'CREDENTIALS_ERROR', detail: 'boom' });
    expect(toRoleCallError('text')).toMatchObject({ code: 'CREDENTIALS_ERROR', detail: 'text' });
  });
});
