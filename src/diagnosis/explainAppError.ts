// Credential errors explained like refused responses. An AssumeRole or GetCallerIdentity that STS refuses never
// becomes a response: credentials resolution turns it into an AppError (code, awsCode, AWS's text as detail).
// This reads those three, with what RoleCall asked STS for when the caller knows it, and gives the same Refusal.
import type { AppError } from '../errors';
import type { Refusal } from '../models/refusal';
import { explainRefusal } from './explainRefusal';
import { stsAdvice, type AssumeRoleContext } from './sts';

export type { AssumeRoleContext } from './sts';

export function explainAppError(error: AppError, ctx: AssumeRoleContext = {}): Refusal | undefined {
  if (!error.awsCode) return undefined;
  const text = (error.detail ?? error.message).slice(0, 8 * 1024);
  const sts = stsAdvice(error.awsCode, text, ctx);
  if (sts) return { family: 'sts', ...sts, awsText: text, awsType: error.awsCode };
  const stsUrl = ctx.roleArn ? 'https://sts.amazonaws.com/?Action=AssumeRole' : 'https://sts.amazonaws.com/';
  const found = explainRefusal({
    status: 403,
    headers: [],
    bodyText: '',
    awsError: { type: error.awsCode, message: text },
    request: { method: 'POST', url: stsUrl },
  });
  if (!found) return undefined;
  const { status: _status, ...rest } = found;
  if (found.id === 'aws.refused') rest.title = `AWS refused the call to STS (${error.awsCode})`;
  if (found.id === 'signature.mismatch') {
    // Calling STS, RoleCall signs with the base keys as the SDK does: a mismatch there is the secret key's.
    return {
      ...rest,
      id: 'credentials.wrong-secret',
      title: 'The secret access key does not match the access key id',
      explanation: 'STS refused the base credentials\' signature: the secret key is not the one paired with the access key id.',
      checks: ['The aws_secret_access_key of the base profile, the environment, or the stored keys (a copy-paste cut or an extra character).'],
      fixes: ['Enter the secret key again, or create a new access key pair.'],
      likelihood: [],
    };
  }
  return rest;
}
