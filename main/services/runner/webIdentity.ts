// Web identity as CI systems hand it over: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (GitHub Actions' OIDC,
// EKS service accounts), with AWS_ROLE_SESSION_NAME when set. The SDK's own provider exchanges the token with
// AssumeRoleWithWebIdentity (at the STS endpoint the environment names, through its proxy) and the keys it returns
// become the run's environment credentials, so every request that signs with "environment" uses that role.
import { appError } from '../../../src/errors';
import { toRoleCallError } from '../awsErrors';
import { sdkProxyAgents } from '../proxy';
import { stsSettings } from '../stsEndpoint';

type Env = Record<string, string | undefined>;

export function hasWebIdentity(env: Env): boolean {
  return Boolean(env.AWS_ROLE_ARN?.trim() && env.AWS_WEB_IDENTITY_TOKEN_FILE?.trim());
}

export function hasEnvKeys(env: Env): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

/**
 * The environment with web identity exchanged for keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION); unchanged when keys are already there or no token file is named.
 */
export async function withWebIdentityKeys(env: Env): Promise<Env> {
  if (hasEnvKeys(env) || !hasWebIdentity(env)) return env;
  const roleArn = env.AWS_ROLE_ARN!.trim();
  const sts = stsSettings(env, undefined, {});
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  try {
    const { fromTokenFile } = await import('@aws-sdk/credential-providers');
    const provider = fromTokenFile({
      roleArn,
      webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE!.trim(),
      ...(env.AWS_ROLE_SESSION_NAME ? { roleSessionName: env.AWS_ROLE_SESSION_NAME } : {}),
      clientConfig: {
        region,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000, ...sdkProxyAgents(env) },
        useFipsEndpoint: sts.useFipsEndpoint,
        useDualstackEndpoint: sts.useDualstackEndpoint,
        ...(sts.endpoint ? { endpoint: sts.endpoint } : {}),
      },
    });
    const keys = await provider();
    return {
      ...env,
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
      ...(keys.expiration ? { AWS_CREDENTIAL_EXPIRATION: keys.expiration.toISOString() } : {}),
    };
  } catch (err) {
    const error = toRoleCallError(err, { roleArn, ...(sts.endpoint ? { endpoint: sts.endpoint } : {}) });
    // A token file that cannot be read says so by its variable, not with the SDK's stack.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw appError('CREDENTIALS_MISSING', 'AWS_WEB_IDENTITY_TOKEN_FILE names a file that does not exist.', env.AWS_WEB_IDENTITY_TOKEN_FILE);
    }
    throw error;
  }
}
