// A small seeded generator for the fuzz suite: mulberry32, so a failing run is replayed exactly by setting
// ROLECALL_FUZZ_SEED to the seed it printed. Only test code uses it; nothing here is random in the crypto sense.

export const DEFAULT_SEED = 0x5eed_0008;

/** The run's seed: ROLECALL_FUZZ_SEED (decimal or 0x-hex) or the fixed default. */
export function fuzzSeed(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ROLECALL_FUZZ_SEED?.trim();
  if (!raw) return DEFAULT_SEED;
  const parsed = Number(raw);
  if (!Number.isFinite(parsed)) throw new Error(`ROLECALL_FUZZ_SEED must be a number, not "${raw}"`);
  return parsed >>> 0;
}

export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [w, value] of choices) {
      if ((at -= w) < 0) return value;
    }
    return choices[choices.length - 1]![1];
  }

  /** A child generator for one input, so inputs stay reproducible whatever the ones before consumed. */
  fork(index: number): Rng {
    return new Rng((Math.imul(this.seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0);
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** Characters from `alphabet`. */
  word(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** Text that mixes ASCII, controls, NUL, lone surrogates, emoji, RTL marks and combining characters. */
  nastyString(maxLength = 40): string {
    const pieces = [
      () => this.word(this.int(1, 8)),
      () => '\u0000',
      () => '\r',
      () => '\n',
      () => '\t',
      () => ' ',
      () => '\u00e9',
      () => 'e\u0301',
      () => '\u202e',
      () => '\ufeff',
      () => '\ud800',
      () => '\udfff',
      () => '\u{1f600}',
      () => '日本語',
      () => '%00',
      () => '%2e%2e/',
      () => '../',
      () => '{{x}}',
      () => '"',
      () => "'",
      () => '\\',
      () => '=',
      () => '[',
      () => ']',
      () => '#',
      () => ';',
      () => '<',
      () => '>',
      () => '&',
      () => String.fromCharCode(this.int(0, 0xffff)),
    ];
    let out = '';
    const target = this.int(0, maxLength);
    while (out.length < target) out += this.pick(pieces)();
    return out;
  }

  /** The bytes with a few random edits: flips, NULs, insertions, deletions, duplicated runs. */
  mutateBytes(input: Buffer, edits = this.int(1, 4)): Buffer {
    let data = Buffer.from(input);
    for (let e = 0; e < edits; e++) {
      const at = data.length === 0 ? 0 : this.int(0, data.length - 1);
      const kind = this.int(0, 5);
      if (kind === 0 && data.length > 0) data[at] = data[at]! ^ (1 << this.int(0, 7));
      else if (kind === 1) data = Buffer.concat([data.subarray(0, at), Buffer.from([0]), data.subarray(at)]);
      else if (kind === 2) data = Buffer.concat([data.subarray(0, at), this.bytes(this.int(1, 8)), data.subarray(at)]);
      else if (kind === 3) data = Buffer.concat([data.subarray(0, at), data.subarray(Math.min(data.length, at + this.int(1, 16)))]);
      else if (kind === 4) {
        const end = Math.min(data.length, at + this.int(1, 32));
        data = Buffer.concat([data.subarray(0, end), data.subarray(at, end), data.subarray(end)]);
      } else if (data.length > 0) data[at] = this.int(0, 255);
    }
    return data;
  }
}

/** A fake secret nobody could mistake for real: the label, then random base64-ish text, ending in "=". */
export function fakeSecret(rng: Rng, label: string): string {
  return `Fuzz${label}${rng.word(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}=`;
}
