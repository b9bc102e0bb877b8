// `rolecall run`: a collection folder or file run headless, through the engine the app sends with, for CI. Reads
// its own options (they are not the single-request commands'); prints a line per request on a terminal, a summary,
// and the reports asked for; exits 0, 1, 2 or 3 as newman does.
import { rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { appError, formatAppError, toAppError } from '../../src/errors';
import { PlanError, planRun } from '../../src/runner/plan';
import { progressLine, summaryText } from '../../src/runner/reporters/cliReport';
import { renderReport, type ReportFormat } from '../../src/runner/reporters/renderReport';
import { parseVarWords } from '../../src/runner/runVariables';
import { CREDENTIAL_ERROR_CODES } from '../../src/runner/summary';
import type { RunReport, RunSettings } from '../../src/runner/types';
import { createEngine } from '../engine';
import { defaultSpoolDir } from '../services/transport';
import { fillSecrets, loadEnvironment, loadRunSource } from '../services/runner/loadSource';
import { runnerEngine, runnerEvaluate } from '../services/runner/runnerHooks';
import { runPlan } from '../services/runner/runPlan';
import { hasEnvKeys, withWebIdentityKeys } from '../services/runner/webIdentity';
import { runAuthRewrite } from './runAuth';
import { RUN_HELP } from './runHelp';
import { readLine } from './readLine';

export const EXIT = { passed: 0, failed: 1, usage: 2, credentials: 3 } as const;

const options = {
  env: { type: 'string' },
  var: { type: 'string', multiple: true },
  folder: { type: 'string', multiple: true },
  iterations: { type: 'string' },
  delay: { type: 'string' },
  bail: { type: 'boolean' },
  'timeout-request': { type: 'string' },
  reporter: { type: 'string', multiple: true },
  'reporter-junit-export': { type: 'string' },
  'reporter-json-export': { type: 'string' },
  'reporter-html-export': { type: 'string' },
  profile: { type: 'string' },
  'assume-role': { type: 'string' },
  'insecure-http': { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];
const parse = (argv: string[]) => parseArgs({ args: argv, options, allowPositionals: true, strict: true });

export interface RunIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTty: boolean;
}

const usage = (message: string) => appError('INVALID_INPUT', message);

function whole(name: string, text: string | undefined, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw usage(`--${name} takes a whole number from ${min} to ${max}, not "${text}".`);
  return Number(text);
}

function settingsFrom(v: Values): RunSettings {
  return {
    iterations: whole('iterations', v.iterations, 1, 100_000, 1),
    delayMs: whole('delay', v.delay, 0, 3_600_000, 0),
    bail: v.bail === true,
    timeoutMs: whole('timeout-request', v['timeout-request'], 100, 15 * 60 * 1000, 30_000),
  };
}

/** The reporters and where each writes: a file, or stdout for at most one of json, junit and html. */
function reportersFrom(v: Values): { cli: boolean; files: Array<{ format: ReportFormat; file?: string }> } {
  const names = (v.reporter ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toLowerCase()).filter(Boolean);
  const exports: Record<ReportFormat, string | undefined> = { json: v['reporter-json-export'], junit: v['reporter-junit-export'], html: v['reporter-html-export'] };
  for (const name of names) if (!['cli', 'json', 'junit', 'html'].includes(name)) throw usage(`Unknown reporter "${name}": use cli, json, junit or html.`);
  const chosen = new Set(names.length ? names : ['cli']);
  // An export path names its reporter too, as a user would expect.
  for (const [format, file] of Object.entries(exports)) if (file) chosen.add(format);
  const files = (['json', 'junit', 'html'] as const).filter((f) => chosen.has(f)).map((format) => ({ format, ...(exports[format] ? { file: exports[format] } : {}) }));
  if (files.filter((f) => !f.file).length > 1) throw usage('Only one of the json, junit and html reporters can write to stdout: give the others --reporter-<name>-export FILE.');
  return { cli: chosen.has('cli'), files };
}

function exitCode(report: RunReport): number {
  if (report.results.some((r) => r.error && CREDENTIAL_ERROR_CODES.has(r.error.code))) return EXIT.credentials;
  return report.passed ? EXIT.passed : EXIT.failed;
}

export async function runCommand(argv: string[], env: Record<string, string | undefined>, io: RunIo): Promise<number> {
  const err = (text: string) => io.stderr.write(`${text}\n`);
  let v: Values;
  let positionals: string[];
  try {
    ({ values: v, positionals } = parse(argv));
  } catch (e) {
    err(`rolecall run: ${(e as Error).message}\n\n${RUN_HELP}`);
    return EXIT.usage;
  }
  if (v.help) {
    io.stdout.write(`${RUN_HELP}\n`);
    return EXIT.passed;
  }

  let prepared;
  try {
    if (positionals.length !== 1) throw usage(positionals.length ? `rolecall run takes one PATH, not ${positionals.length}.` : 'Give the collection folder or file to run: rolecall run PATH.');
    const settings = settingsFrom(v);
    const reporters = reportersFrom(v);
    const given = parseVarWords(v.var ?? []);
    const source = await loadRunSource(positionals[0]!);
    const environment = v.env ? await loadEnvironment(v.env, source) : undefined;
    const filled = fillSecrets(source.collections, environment, given, env);
    const plan = planRun(filled.collections, { folders: v.folder ?? [] });
    if (plan.length === 0) throw usage(`${source.label} has no requests to run.`);
    prepared = { settings, reporters, source, filled, plan };
  } catch (e) {
    const error = toAppError(e instanceof PlanError ? usage(e.message) : e);
    err(`rolecall run: ${formatAppError(error)}`);
    return EXIT.usage;
  }
  const { settings, reporters, source, filled, plan } = prepared;
  for (const warning of source.warnings) err(`warning: ${warning}`);

  let runEnv: Record<string, string | undefined>;
  try {
    runEnv = await withWebIdentityKeys(env);
  } catch (e) {
    err(`rolecall run: ${formatAppError(toAppError(e))}`);
    return EXIT.credentials;
  }

  const interactive = io.stdinIsTty && v['no-interactive'] !== true && env.CI !== 'true';
  const engine = createEngine({
    env: runEnv,
    mfa: async (serial, reason) => {
      if (!interactive) {
        throw appError('MFA_CANCELLED', `${reason} needs an MFA code (${serial}), and this run cannot ask for one: it is not interactive.`, 'Run it on a terminal, or sign with credentials that need no MFA (--profile, environment keys or web identity).');
      }
      const code = await readLine(`MFA code for ${serial} (${reason}): `, io.stderr, true);
      if (!/^\d{6}$/.test(code)) throw appError('MFA_CANCELLED', 'No MFA code was entered.');
      return code;
    },
  });
  const profiles = await engine.profiles.list().catch(() => undefined);
  const authFor = runAuthRewrite({
    ...(v.profile ? { profile: v.profile } : {}),
    ...(v['assume-role'] ? { assumeRole: v['assume-role'] } : {}),
    knownProfiles: new Set(profiles?.profiles.map((p) => p.name) ?? []),
    envCredentials: hasEnvKeys(runEnv),
    defaultProfile: runEnv.AWS_PROFILE || 'default',
    notice: (text) => err(`note: ${text}`),
  });

  // The cli reporter writes where no file reporter does; progress lines only on a terminal.
  const cliOut = reporters.files.some((f) => !f.file) ? io.stderr : io.stdout;
  const progress = reporters.cli && cliOut.isTTY === true;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let report: RunReport;
  try {
    report = await runPlan(
      {
        plan,
        ...(filled.environment ? { environment: filled.environment } : {}),
        overrides: filled.overrides,
        settings,
        allowPlainHttp: v['insecure-http'] === true,
        authFor,
        signal: controller.signal,
      },
      {
        engine: runnerEngine(engine),
        evaluate: runnerEvaluate(defaultSpoolDir()),
        onResult: async (result, sent) => {
          // A spooled body was read for the checks; the CLI keeps nothing behind.
          const spool = sent?.result.response.body.spoolFile;
          if (spool) await rm(spool, { force: true }).catch(() => {});
          if (progress) cliOut.write(`${progressLine(result, settings.iterations)}\n`);
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  if (reporters.cli) cliOut.write(`${progress ? '\n' : ''}${summaryText(report)}\n`);
  for (const { format, file } of reporters.files) {
    const text = renderReport(format, report);
    if (!file) {
      io.stdout.write(text);
      continue;
    }
    try {
      await writeFile(file, text, 'utf8');
    } catch (e) {
      err(`rolecall run: could not write the ${format} report to ${file}: ${(e as Error).message}`);
      return EXIT.usage;
    }
  }
  return exitCode(report);
}
