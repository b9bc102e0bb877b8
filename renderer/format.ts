// How models read on screen. Pure, so the wording is tested without a browser.
import type { AppError } from '../src/errors';
import type { CredentialHop } from '../src/models/auth';
import type { ConfigFileProblem, ProfileKind } from '../src/models/profile';

const KIND_LABELS: Record<ProfileKind, string> = {
  static: 'static keys',
  assumeRole: 'assume role',
  sso: 'SSO',
  process: 'credential process',
  webIdentity: 'web identity',
  incomplete: 'incomplete',
};

export function kindLabel(kind: ProfileKind): string {
  return KIND_LABELS[kind] ?? kind;
}

/** "config:12 message", the form editors and compilers use, so the line can be found. */
export function fileProblemText(problem: ConfigFileProblem): string {
  return `${problem.file}:${problem.line} ${problem.message}`;
}

export function sourceChainText(chain: string[]): string {
  return chain.join(' → ');
}

export function hopText(hop: CredentialHop): string {
  const kinds: Record<CredentialHop['kind'], string> = {
    profile: 'profile',
    env: 'environment',
    assumeRole: 'assume role',
    sso: 'SSO',
    process: 'credential process',
    webIdentity: 'web identity',
    storedKeys: 'stored keys',
  };
  const head = kinds[hop.kind] ?? hop.kind;
  return hop.label && hop.label !== head ? `${head}: ${hop.label}` : head;
}

/** "CODE" or "CODE / AwsCode": the stable code first, AWS's own code when AWS answered. */
export function errorCodeText(error: AppError): string {
  return error.awsCode ? `${error.code} / ${error.awsCode}` : error.code;
}

/** A failure of the transport itself (the bridge threw rather than answering with a Result). */
export function transportError(err: unknown): AppError {
  return {
    code: 'INTERNAL',
    message: 'RoleCall could not reach its main process.',
    detail: err instanceof Error ? err.message : String(err),
  };
}
