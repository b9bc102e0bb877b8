// The vitest face of the moto harness, kept apart from moto.ts so that non-vitest code (Playwright) can start moto.
import { afterAll, beforeAll, describe } from 'vitest';
import { findMotoServer, MOTO_MISSING, startMoto, START_TIMEOUT_MS, type MotoServer } from './moto';

/**
 * A describe block with a moto_server started before its tests and stopped after them. Without moto_server it is
 * skipped with a printed reason, except under CI=true, where the start fails the block.
 */
export function describeWithMoto(name: string, body: (moto: () => MotoServer) => void, opts: { noAuthActions?: number } = {}): void {
  if (!findMotoServer() && process.env.CI !== 'true') {
    console.warn(`Skipping "${name}": ${MOTO_MISSING}.`);
    describe.skip(name, () => body(() => { throw new Error(MOTO_MISSING); }));
    return;
  }
  describe(name, () => {
    let server: MotoServer | null = null;
    beforeAll(async () => {
      server = await startMoto(opts);
      if (!server) throw new Error(MOTO_MISSING);
    }, START_TIMEOUT_MS * 2);
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (!server) throw new Error('moto_server is not running');
      return server;
    });
  });
}
