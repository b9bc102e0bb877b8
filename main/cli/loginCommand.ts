// `rolecall login --profile P`: the IAM Identity Center device sign-in of the window, on the terminal. It prints the
// URL (with the code filled in) and the code, waits for the approval, and leaves the token in the AWS CLI's cache,
// where `aws` and every RoleCall find it. Ctrl+C cancels. Nothing secret is printed.
import { formatAppError, toAppError, type Result } from '../../src/errors';
import type { ChannelResponse } from '../../src/contract';
import type { SsoStatus } from '../../src/models/sso';
import { createApp } from '../app';
import type { CliArgs } from './args';

export interface LoginIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runLogin(args: CliArgs, env: Record<string, string | undefined>, io: LoginIo = process): Promise<number> {
  const profile = args.values.profile ?? env.AWS_PROFILE ?? 'default';
  const json = Boolean(args.values.json);
  let finished: (status: SsoStatus) => void = () => {};
  const ended = new Promise<SsoStatus>((resolve) => (finished = resolve));
  let flowId: string | undefined;
  const app = createApp({
    host: 'cli',
    env,
    emit: (event, payload) => {
      const status = payload as SsoStatus;
      if (event === 'sso:status' && status.flowId === flowId && status.state !== 'pending') finished(status);
    },
  });
  const interrupt = () => {
    if (flowId) void app.registry.invoke('sso:cancel', { flowId });
  };
  process.once('SIGINT', interrupt);
  try {
    const started = (await app.registry.invoke('sso:start', { profile })) as Result<ChannelResponse<'sso:start'>>;
    if (!started.ok) {
      if (json) io.stdout.write(`${JSON.stringify({ error: started.error }, null, 2)}\n`);
      io.stderr.write(`rolecall: ${formatAppError(started.error)}\n`);
      return started.error.code === 'INVALID_INPUT' ? 2 : 1;
    }
    const flow = started.value;
    flowId = flow.flowId;
    // The flow may have ended before flowId was known: ask once.
    const now = (await app.registry.invoke('sso:poll', { flowId })) as Result<SsoStatus>;
    if (now.ok && now.value.state !== 'pending') finished(now.value);
    io.stderr.write(
      `Signing in ${flow.sessionName ? `sso-session ${flow.sessionName}` : `profile ${flow.profile}`} at ${flow.startUrl}.\n` +
        `Open this URL in a browser and confirm the code:\n\n  ${flow.verificationUriComplete}\n\nCode: ${flow.userCode}\n\nWaiting… (Ctrl+C cancels)\n`,
    );
    const status = await ended;
    if (json) io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    else io.stdout.write(`${status.message ?? status.state}\n`);
    return status.state === 'signedIn' ? 0 : 1;
  } catch (err) {
    io.stderr.write(`rolecall: ${formatAppError(toAppError(err))}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', interrupt);
    await app.dispose();
  }
}
