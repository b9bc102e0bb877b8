// How a test waits on a promise it expects to fail or to hang, without waiting forever.
import { RoleCallError } from '../../src/errors';

/** The rejection of a promise as a RoleCallError (fails the test when it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<RoleCallError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof RoleCallError)) throw new Error(`expected a RoleCallError, got ${String(err)}`);
  return err;
}

/** Settles within `ms` or says it hung; the timer is cleared either way. */
export async function within<T>(work: Promise<T>, ms = 5000): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}
