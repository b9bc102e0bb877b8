// `rolecall sign` in a bundle of its own (see bin.ts): the engine, the MFA prompt and the printing, without the rest
// of the app (stores, formats, runner, checks, import and export) and without zod, which a sign with a plain input
// never needs and Node would otherwise compile and evaluate on every run. It does what rolecall.ts's `sign` does
// through the app's registry, step for step: the same input (plainSignInput.ts is the schema's answer for it), the
// same masking, the same output and exit codes (rolecallSignBundle.test.ts runs both on the same arguments). An
// input that is not plain (a file body, an assumed role, one the schema must judge or word a refusal for) is left
// to the whole CLI, as help and usage errors are.
import { formatAppError, RoleCallError, toAppError, type AppError } from '../../src/errors';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import { explainAppError } from '../../src/diagnosis/explainAppError';
import { roleArnIn } from '../../src/diagnosis/roleArn';
import { createEngine } from '../engine';
import { createMfaBroker } from '../services/mfaBroker';
import { redactSecrets } from '../services/redact';
import { authFromArgs, parseCli, requestFromArgs, signingFromArgs, type CliArgs } from './args';
import * as out from './output';
import { refusalText } from './refusalText';
import { plainArgs } from './plainArgs';
import { plainSignInput } from './plainSignInput';
import { readLine } from './readLine';
import { writeOut } from './writeOut';

/** The exit code, or undefined when these words are not a plain sign (help, --version, a usage error, an input that is not plain): main's job. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number | undefined> {
  let args: CliArgs;
  try {
    args = plainArgs(argv) ?? parseCli(argv);
  } catch {
    return undefined;
  }
  if (args.command !== 'sign' || args.values.help || args.values.version) return undefined;

  const presign = args.values.presign !== undefined;
  const json = Boolean(args.values.json);
  let input: unknown;
  try {
    input = { request: requestFromArgs(args), auth: authFromArgs(args, env), signing: signingFromArgs(args) };
  } catch (err) {
    return fail(toAppError(err), err instanceof RoleCallError && err.code === 'INVALID_INPUT' ? 2 : 1, json);
  }
  const parsed = plainSignInput(input);
  if (!parsed) return undefined;
  let mfaCode = args.values['mfa-code'];
  const pendingPrompts: Promise<unknown>[] = [];
  const broker = createMfaBroker((prompt) => {
    pendingPrompts.push(
      (async () => {
        const code = mfaCode ?? (await readLine(`MFA code for ${prompt.mfaSerial} (${prompt.reason}): `));
        mfaCode = undefined;
        if (/^\d{6}$/.test(code)) broker.answer(prompt.promptId, code, false);
        else broker.answer(prompt.promptId, undefined, true);
      })(),
    );
  });
  // A presigned URL is a bearer credential by design: the user asked for one, so it is printed whole.
  const engine = createEngine({ mfa: broker.provider, env, ...(presign ? { revealSecrets: true } : {}) });

  try {
    let signed;
    try {
      const result = await engine.sign(parsed);
      signed = presign ? result.result : redactSecrets(result.result, result.secrets);
    } catch (err) {
      // As the registry answers: every failure of the call itself is a value, a usage error exits 2.
      const error = toAppError(err);
      return fail(error, error.code === 'INVALID_INPUT' || error.code === 'INVALID_URL' ? 2 : 1, json);
    }
    await writeOut(`${json ? JSON.stringify(out.signJson(signed), null, 2) : presign ? signed.request.url : out.signText(signed)}\n`);
    return 0;
  } catch (err) {
    return fail(toAppError(err), err instanceof RoleCallError && err.code === 'INVALID_INPUT' ? 2 : 1, json);
  } finally {
    await Promise.allSettled(pendingPrompts);
    for (const prompt of broker.pending()) broker.answer(prompt.promptId, undefined, true);
  }
}

/** Prints a failure as rolecall.ts does for a sign (which names no profile list to explain a refused role with). */
function fail(error: AppError, code: number, json: boolean): number {
  const refusal = explainAppError(error, assumeRoleContext(undefined, undefined, roleArnIn(error.message)));
  if (json) process.stdout.write(`${JSON.stringify(refusal ? { error, refusal } : { error }, null, 2)}\n`);
  process.stderr.write(`rolecall: ${formatAppError(error)}\n`);
  if (refusal) process.stderr.write(`\n${refusalText(refusal)}\n`);
  return code;
}
