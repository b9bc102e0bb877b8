// One moto server for the enclosing test.describe: started before its tests, stopped after them. The getter
// answers null when moto_server is not on PATH, so each test can skip itself with a reason.
import { startMoto, type MotoServer } from '../../main/testing/moto';
import { test, type AwsSetup } from './fixtures';

export function useMoto(what: string): () => MotoServer | null {
  let moto: MotoServer | null = null;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    moto = await startMoto();
    if (!moto) console.warn(`Skipping ${what}: moto_server is not on PATH.`);
  });
  test.afterAll(async () => {
    await moto?.stop();
  });
  return () => moto;
}

export interface DeploySetupOptions {
  /** The new user's inline policy; none when undefined. */
  policy?: object;
  /** role_session_name of the deploy profile. */
  sessionName: string;
  /** Config lines after the deploy profile's (more of its settings, or more profiles). */
  moreConfig?: string[];
  /** Written as the user's secret instead of the real one (a wrong-secret test). */
  secret?: string;
}

/**
 * A new moto user `name` as profile `base`, and profile `deploy` assuming role ApiInvoker from it: the AWS files an
 * e2e test opens RoleCall with.
 */
export async function motoDeploySetup(moto: MotoServer | null, name: string, options: DeploySetupOptions): Promise<AwsSetup> {
  if (!moto) throw new Error('moto is not running');
  const user = await moto.createUserWithKeys(name, options.policy);
  return {
    stsEndpoint: moto.endpoint,
    config: [
      '[profile base]',
      'region = us-east-1',
      '[profile deploy]',
      'role_arn = arn:aws:iam::111111111111:role/ApiInvoker',
      'source_profile = base',
      `role_session_name = ${options.sessionName}`,
      ...(options.moreConfig ?? []),
      '',
    ].join('\n'),
    credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${options.secret ?? user.secretAccessKey}\n`,
  };
}
