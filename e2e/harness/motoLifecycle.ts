// One moto server for the enclosing test.describe: started before its tests, stopped after them. The getter
// answers null when moto_server is not on PATH, so each test can skip itself with a reason.
import { startMoto, type MotoServer } from '../../main/testing/moto';
import { test } from './fixtures';

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
