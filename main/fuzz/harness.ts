// The fuzz loop every target shares: one forked generator per input (so any input replays from the seed alone),
// a count and a time budget, failures collected with the smallest failing input of each kind, uncaught errors and
// unhandled rejections captured while it runs, and a scan that says whether a secret reached an output.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { MAX_BLOCK_MS } from './eventLoopWatch';
import { fuzzSeed, Rng } from './random';

export interface Secret {
  label: string;
  value: string;
}

interface Failure {
  index: number;
  kind: string;
  input: string;
}

export interface FuzzContext {
  rng: Rng;
  index: number;
  /** Records a failed assertion for this input; `input` is a description with no secret in it. */
  fail(kind: string, input: string): void;
}

export interface FuzzOutcome {
  ran: number;
  failures: Failure[];
  processErrors: string[];
  /** A report naming the seed, each failure kind, its count and its smallest input; empty when all passed. */
  report: string;
}

/** Records unhandled rejections and uncaught exceptions until dispose(). */
export function captureProcessErrors(): { errors: string[]; dispose(): void } {
  const errors: string[] = [];
  const onRejection = (reason: unknown) => errors.push(`unhandledRejection: ${describeError(reason)}`);
  const onException = (err: unknown) => errors.push(`uncaughtException: ${describeError(err)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  return {
    errors,
    dispose() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtExceptionMonitor', onException);
    },
  };
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err).slice(0, 300);
}

/**
 * Runs `count` inputs (fewer only if `budgetMs` runs out, which is reported, never asserted). Each input gets
 * rng.fork(index), so the seed and the index reproduce it.
 */
export async function fuzz(
  target: string,
  opts: { count: number; budgetMs: number; secrets?: Secret[]; /** Separates targets that share a seed. */ salt?: number },
  body: (ctx: FuzzContext) => Promise<void>,
): Promise<FuzzOutcome> {
  const seed = fuzzSeed();
  const root = new Rng((seed ^ Math.imul(opts.salt ?? 0, 0x27d4eb2d)) >>> 0);
  const failures: Failure[] = [];
  const captured = captureProcessErrors();
  const started = performance.now();
  let ran = 0;
  try {
    for (let index = 0; index < opts.count; index++) {
      if (performance.now() - started > opts.budgetMs) {
        console.warn(`[fuzz ${target}] time budget of ${opts.budgetMs} ms reached after ${ran} inputs (seed ${seed})`);
        break;
      }
      const ctx: FuzzContext = {
        rng: root.fork(index),
        index,
        fail: (kind, input) => failures.push({ index, kind, input: scrub(input, opts.secrets ?? []) }),
      };
      try {
        await body(ctx);
      } catch (err) {
        ctx.fail(`the fuzz body threw: ${describeError(err)}`, `input #${index}`);
      }
      ran++;
    }
    // Let late rejections (a socket closing after its request settled) surface before the listener goes.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    captured.dispose();
  }
  const processErrors = captured.errors.map((e) => scrub(e, opts.secrets ?? []));
  return { ran, failures, processErrors, report: reportOf(target, seed, ran, failures, processErrors) };
}

function reportOf(target: string, seed: number, ran: number, failures: Failure[], processErrors: string[]): string {
  if (failures.length === 0 && processErrors.length === 0) return '';
  const lines = [`fuzz ${target}: seed ${seed} (replay with ROLECALL_FUZZ_SEED=${seed}), ${ran} inputs`];
  const byKind = new Map<string, Failure[]>();
  for (const f of failures) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    const smallest = list.reduce((a, b) => (b.input.length < a.input.length ? b : a));
    lines.push(`- ${kind}: ${list.length} input(s); smallest is #${smallest.index}: ${clip(smallest.input, 600)}`);
  }
  for (const e of processErrors.slice(0, 5)) lines.push(`- ${e}`);
  return lines.join('\n');
}

export const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`);

/**
 * The forms a secret can take in an output: as is, without its base64 padding (a linter that quotes the text
 * before "=" leaks the whole token), percent-encoded, JSON-escaped.
 */
function forms(value: string): string[] {
  const bare = value.replace(/=+$/, '');
  return [...new Set([value, bare, encodeURIComponent(bare), JSON.stringify(bare).slice(1, -1)])];
}

/** Replaces every secret (in any of its forms) with its label, for printing. */
export function scrub(text: string, secrets: Secret[]): string {
  let out = text;
  for (const s of secrets) for (const form of forms(s.value)) out = out.split(form).join(`«fake ${s.label}»`);
  return out;
}

/**
 * Where secrets were found in `value` ("session token at problems.3.message"): in every string and key, and in the
 * decoded bytes of every base64 field (a body's head, a slice of a spooled body). Names labels, never values.
 */
export function secretsIn(value: unknown, secrets: Secret[]): string[] {
  const found = new Set<string>();
  const check = (text: string, where: string) => {
    for (const s of secrets) if (forms(s.value).some((f) => text.includes(f))) found.add(`${s.label} at ${where || '(value)'}`);
  };
  const walk = (v: unknown, where: string, key: string, depth: number) => {
    if (depth > 200) return;
    if (typeof v === 'string') {
      check(v, where);
      if (/base64/i.test(key)) check(Buffer.from(v, 'base64').toString('latin1'), `${where} (decoded)`);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [k, item] of Object.entries(v)) {
      const at = where ? `${where}.${k}` : k;
      check(k, `${at} (key)`);
      walk(item, at, k, depth + 1);
    }
  };
  walk(value, '', '', 0);
  return [...found];
}

/** A finding's place without its indexes, to group failures: "problems.3.message" becomes "problems.#.message". */
export const kindOf = (where: string) => where.replace(/\.\d+(?=\.|$| )/g, '.#');

/** A block over the bound, confirmed by running the same input again (a busy shared machine can stall a tick). */
export async function confirmedBlock(firstMs: number, again: () => Promise<number>): Promise<number | undefined> {
  if (firstMs <= MAX_BLOCK_MS) return undefined;
  const second = await again();
  return second > MAX_BLOCK_MS ? Math.min(firstMs, second) : undefined;
}
