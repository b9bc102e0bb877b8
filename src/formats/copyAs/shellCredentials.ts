// The comment a shell snippet opens with: where AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN come
// from for this request's auth, as AWS CLI commands the user can run first. Keys are never written into a snippet.
import type { AuthChoice, BaseIdentity } from '../../models/auth';
import { bashWord } from './quote';
import type { SnippetInput } from './snippetInput';

const EXPORTED = 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (when there is one)';

export function shellCredentialComment(input: SnippetInput): string[] {
  const auth = input.auth;
  const word = (value: string) => bashWord(input.text(value), { oneLine: true });
  switch (auth.kind) {
    case 'none':
      return [];
    case 'env':
      return [`# Signs with ${EXPORTED} from the environment.`];
    case 'storedKeys':
      return [`# Signs with the keys RoleCall keeps as ${word(auth.name)}: export them first as ${EXPORTED}.`];
    case 'profile':
      return [
        `# Signs with ${EXPORTED} from the environment; fill them from the AWS profile first:`,
        `#   eval "$(aws configure export-credentials --profile ${word(auth.profile)} --format env)"`,
      ];
    case 'assumeRole':
      return assumeRoleComment(auth, word);
  }
}

function baseLine(base: BaseIdentity, word: (value: string) => string): string {
  if (base.kind === 'profile') return ` --profile ${word(base.profile)}`;
  return '';
}

function assumeRoleComment(auth: Extract<AuthChoice, { kind: 'assumeRole' }>, word: (value: string) => string): string[] {
  const lines = [`# Signs with ${EXPORTED} from the environment; fill them by assuming the role first:`];
  if (auth.base.kind === 'storedKeys') lines.push(`#   (with the keys RoleCall keeps as ${word(auth.base.name)} exported as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`);
  let command = `aws sts assume-role${baseLine(auth.base, word)} --role-arn ${word(auth.roleArn)} --role-session-name ${word(auth.sessionName ?? 'rolecall')}`;
  if (auth.externalId) command += ` --external-id ${word(auth.externalId)}`;
  if (auth.durationSeconds) command += ` --duration-seconds ${auth.durationSeconds}`;
  if (auth.mfaSerial) command += ` --serial-number ${word(auth.mfaSerial)} --token-code "$MFA_CODE"`;
  if (auth.stsRegion) command += ` --region ${word(auth.stsRegion)}`;
  if (auth.stsEndpoint) command += ` --endpoint-url ${word(auth.stsEndpoint)}`;
  command += ` --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text`;
  lines.push(`#   read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN < <(${command})`);
  lines.push('#   export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN');
  return lines;
}

/** "# Reads secret variables from the environment: A, B." when the snippet uses any. */
export function secretEnvComment(input: SnippetInput, prefix = '#'): string[] {
  if (input.secretEnv.length === 0) return [];
  return [`${prefix} Secret variables are read from the environment, never written here: ${input.secretEnv.join(', ')}.`];
}
