#!/usr/bin/env node
// `rolecall`: the app's engine without a window. It calls the same handler registry the Electron shell registers,
// so a request signed here is signed exactly as the app signs it.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { formatAppError, RoleCallError, toAppError, type AppError, type Result } from '../../src/errors';
import type { Channel, ChannelRequest, ChannelResponse, MfaPrompt } from '../../src/contract';
import { createApp } from '../app';
import { authFromArgs, parseCli, requestFromArgs, signingFromArgs, timeoutFromArgs, type CliArgs } from './args';
import { clockSkewText, signedClockLine } from './clockText';
import { HELP } from './help';
import { runImport } from './importCommand';
import { runLogin } from './loginCommand';
import { runCommand } from './runCommand';
import * as out from './output';
import { refusalText } from './refusalText';
import { readLine } from './readLine';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import { roleArnIn } from '../../src/diagnosis/roleArn';
import { explainAppError } from '../../src/diagnosis/explainAppError';
import type { AuthChoice } from '../../src/models/auth';
import packageJson from '../../package.json';

class ExitError extends Error {
  constructor(readonly error: AppError, readonly exitCode: number) {
    super(error.message);
  }
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  // A collection run reads its own options (main/cli/runCommand.ts).
  if (argv[0] === 'run') return runCommand(argv.slice(1), env, { stdout: process.stdout, stderr: process.stderr, stdinIsTty: Boolean(process.stdin.isTTY) });
  let args: CliArgs;
  try {
    args = parseCli(argv);
  } catch (err) {
    process.stderr.write(`rolecall: ${toAppError(err).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.values.version) {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  if (args.values.help || !args.command) {
    process.stdout.write(`${HELP}\n`);
    return args.command || args.values.help ? 0 : 2;
  }

  // Reads a file and prints; no engine needed.
  if (args.command === 'import') return runImport(args);
  // The app in the browser: runs until Ctrl+C. Bundled to dist/cli/ and run from main/cli/: the root is two up.
  // Loaded on demand: ws and conf (external, see bundleOptions.ts) stay out of every other command's start-up.
  if (args.command === 'ui') return (await import('./uiCommand')).runUi(args, { env, root: path.resolve(__dirname, '..', '..') });
  // IAM Identity Center sign-in: prints the URL and code and waits for the approval.
  if (args.command === 'login') return runLogin(args, env);

  const presign = args.values.presign !== undefined;
  let mfaCode = args.values['mfa-code'];
  const pendingPrompts: Promise<unknown>[] = [];
  const app = createApp({
    host: 'cli',
    env,
    // A presigned URL is a bearer credential by design: the user asked for one, so it is printed whole.
    revealSecrets: presign,
    emit: (event, payload) => {
      if (event !== 'mfa:prompt') return;
      const prompt = payload as MfaPrompt;
      pendingPrompts.push(
        (async () => {
          const code = mfaCode ?? (await readLine(`MFA code for ${prompt.mfaSerial} (${prompt.reason}): `));
          mfaCode = undefined;
          const answer = /^\d{6}$/.test(code) ? { promptId: prompt.promptId, code } : { promptId: prompt.promptId, cancel: true };
          await app.registry.invoke('mfa:answer', answer);
        })(),
      );
    },
  });

  async function call<C extends Channel>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
    const result = (await app.registry.invoke(channel, request)) as Result<ChannelResponse<C>>;
    if (!result.ok) throw new ExitError(result.error, result.error.code === 'INVALID_INPUT' || result.error.code === 'INVALID_URL' ? 2 : 1);
    return result.value;
  }

  // A large body is spooled to a file while it arrives; the CLI prints it and leaves nothing behind.
  let spooled: string | undefined;
  const json = Boolean(args.values.json);
  /** The auth of the command, for explaining a refused AssumeRole. */
  let auth: AuthChoice | undefined;
  const print = (value: unknown, text: () => string) => process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);

  try {
    switch (args.command) {
      case 'profiles': {
        const list = await call('profiles:list', {});
        print(list, () => out.profilesText(list));
        return 0;
      }
      case 'whoami': {
        auth = authFromArgs(args, env);
        const identity = await call('credentials:whoami', { auth });
        print(identity, () => out.identityText(identity));
        return 0;
      }
      case 'sign': {
        const signed = await call('request:sign', { request: requestFromArgs(args), auth: authFromArgs(args, env), signing: signingFromArgs(args) });
        print(out.signJson(signed), () => (presign ? signed.request.url : out.signText(signed)));
        return 0;
      }
      case 'send': {
        const timeoutMs = timeoutFromArgs(args);
        auth = authFromArgs(args, env);
        const result = await call('request:send', {
          request: requestFromArgs(args),
          auth,
          signing: signingFromArgs(args),
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        const { response } = result;
        spooled = response.body.spoolFile;
        if (json) {
          print(out.sendJson(result), () => '');
        } else {
          if (args.values.verbose) {
            const clock = signedClockLine(result.sent.explanation);
            process.stderr.write(`${out.signText(result.sent)}\n${clock ? `${clock}\n` : ''}\n${out.timingText(response)}\n`);
          }
          // A retried send is worth a word even without -v: this computer's clock is wrong.
          if (result.clockSkew && (args.values.verbose || result.clockSkew.retried)) process.stderr.write(`${clockSkewText(result.clockSkew)}\n`);
          if (args.values.include) process.stdout.write(`${out.statusBlock(response)}\n\n`);
          if (response.body.spoolFile) {
            await new Promise<void>((resolve, reject) => {
              createReadStream(response.body.spoolFile as string).on('error', reject).on('end', resolve).pipe(process.stdout, { end: false });
            });
          } else {
            process.stdout.write(out.bodyBytes(response));
          }
          if (result.awsError) {
            process.stderr.write(`\nAWS said (${response.status}${result.awsError.type ? ` ${result.awsError.type}` : ''}): ${result.awsError.message}\n`);
          }
        }
        // On stderr with --json too: a CI log then explains itself while stdout stays parseable.
        if (result.refusal) process.stderr.write(`\n${refusalText(result.refusal)}\n`);
        return args.values.fail && response.status >= 400 ? 22 : 0;
      }
    }
  } catch (err) {
    const error = err instanceof ExitError ? err.error : toAppError(err);
    const code = err instanceof ExitError ? err.exitCode : err instanceof RoleCallError && err.code === 'INVALID_INPUT' ? 2 : 1;
    // A role_arn profile's role, external ID (whether one went) and base profile come from the profile list, as in the window.
    const usesProfile = auth?.kind === 'profile' || (auth?.kind === 'assumeRole' && auth.base.kind === 'profile');
    const listed = error.awsCode && usesProfile ? ((await app.registry.invoke('profiles:list', {})) as Result<ChannelResponse<'profiles:list'>>) : undefined;
    const refusal = explainAppError(error, assumeRoleContext(auth, listed?.ok ? listed.value : undefined, roleArnIn(error.message)));
    if (json) process.stdout.write(`${JSON.stringify(refusal ? { error, refusal } : { error }, null, 2)}\n`);
    process.stderr.write(`rolecall: ${formatAppError(error)}\n`);
    if (refusal) process.stderr.write(`\n${refusalText(refusal)}\n`);
    return code;
  } finally {
    await Promise.allSettled(pendingPrompts);
    await app.dispose();
    if (spooled) await rm(spooled, { force: true }).catch(() => {});
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`rolecall: ${formatAppError(toAppError(err))}\n`);
      process.exitCode = 1;
    },
  );
}
