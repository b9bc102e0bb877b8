import { describe, expect, it } from 'vitest';
import { errorCodeText, fileProblemText, hopText, kindLabel, sourceChainText, transportError } from './format';

describe('renderer wording', () => {
  it('writes a file problem as file:line message', () => {
    expect(fileProblemText({ file: '/home/u/.aws/config', line: 7, message: 'Expected a key = value line' })).toBe(
      '/home/u/.aws/config:7 Expected a key = value line',
    );
  });

  it('names profile kinds in the user’s terms', () => {
    expect(kindLabel('assumeRole')).toBe('assume role');
    expect(kindLabel('static')).toBe('static keys');
    expect(kindLabel('sso')).toBe('SSO');
  });

  it('joins a source chain with arrows', () => {
    expect(sourceChainText(['deploy', 'ops', 'base'])).toBe('deploy → ops → base');
  });

  it('labels a hop with its kind, without repeating a label equal to the kind', () => {
    expect(hopText({ kind: 'assumeRole', label: 'arn:aws:iam::111111111111:role/Api' })).toBe(
      'assume role: arn:aws:iam::111111111111:role/Api',
    );
    expect(hopText({ kind: 'env', label: 'environment' })).toBe('environment');
  });

  it('shows AWS’s code beside RoleCall’s', () => {
    expect(errorCodeText({ code: 'STS_ACCESS_DENIED', message: 'm', awsCode: 'AccessDenied' })).toBe(
      'STS_ACCESS_DENIED / AccessDenied',
    );
    expect(errorCodeText({ code: 'PROFILE_NOT_FOUND', message: 'm' })).toBe('PROFILE_NOT_FOUND');
  });

  it('turns a thrown transport failure into a readable error value', () => {
    expect(transportError(new Error('binding gone'))).toEqual({
      code: 'INTERNAL',
      message: 'RoleCall could not reach its main process.',
      detail: 'binding gone',
    });
  });
});
