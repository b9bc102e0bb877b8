// Masks secrets in response body bytes while they stream in, so that neither the head kept in memory nor the file
// a large body is spooled to ever holds a secret the server echoed back (API Gateway quotes the canonical request,
// session token included, in its SignatureDoesNotMatch body). A secret may be cut across two chunks, so the last
// bytes of each chunk wait for the next. Masks have the secret's length in bytes: the size, the offsets the viewer
// pages by and every other byte stay exactly as received.
import { Buffer } from 'node:buffer';
import { encodings, labelled, MIN_SECRET_LENGTH, type SecretInput } from './redact';

interface Needle {
  bytes: Buffer;
  mask: Buffer;
}

export interface BodyMasker {
  /** The masked bytes that can be released now; up to (longest form - 1) bytes wait for the next chunk. */
  push(chunk: Buffer): Buffer;
  /** The bytes still waiting, masked: the end of the body. */
  flush(): Buffer;
}

/** Compiles the secrets once per request; `create()` gives a masker per body. Undefined when nothing to mask. */
export function bodyMaskerFactory(secrets: SecretInput[]): (() => BodyMasker) | undefined {
  const needles = bodyNeedles(secrets);
  if (needles.length === 0) return undefined;
  const keep = Math.max(...needles.map((n) => n.bytes.length)) - 1;
  return () => new StreamMasker(needles, keep);
}

/** Masks a whole buffer at once (a body already in memory). */
export function maskBody(bytes: Buffer, secrets: SecretInput[]): Buffer {
  const create = bodyMaskerFactory(secrets);
  if (!create) return bytes;
  const masker = create();
  return Buffer.concat([masker.push(bytes), masker.flush()]);
}

function bodyNeedles(secrets: SecretInput[]): Needle[] {
  const byText = new Map<string, string>();
  for (const secret of secrets) {
    const { value, label } = labelled(secret);
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    for (const form of bodyForms(value)) if (!byText.has(form)) byText.set(form, label);
  }
  return [...byText]
    .map(([text, label]) => {
      const bytes = Buffer.from(text, 'utf8');
      return { bytes, mask: sameLengthMask(label, bytes.length) };
    })
    .sort((a, b) => b.bytes.length - a.bytes.length); // longest first: at one position the longer form wins
}

/**
 * The forms a secret takes in a body: those of a URL or canonical query (redact.ts), JSON with `/` escaped as `\/`
 * or `+` as `\u002B` (.NET's default), and base64 of the secret at each of the three alignments (the middle
 * that does not depend on the neighbouring bytes).
 */
function bodyForms(value: string): string[] {
  const forms = new Set(encodings(value));
  for (const plus of ['+', '\\u002B', '\\u002b']) {
    for (const slash of ['/', '\\/']) forms.add(value.replace(/\+/g, plus).replace(/\//g, slash));
  }
  const raw = Buffer.from(value, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    // Characters covering the shifted-in bytes, and the last group (padding, or bytes that follow), are unstable.
    const start = shift === 0 ? 0 : 4;
    const end = (shift + raw.length) % 3 === 0 ? b64.length : b64.length - 4;
    const middle = b64.slice(start, end);
    if (middle.length >= 16) forms.add(middle);
  }
  return [...forms];
}

/** "[redacted session token*****]" cut or padded to exactly `length` ASCII bytes. */
function sameLengthMask(label: string, length: number): Buffer {
  const text = `[redacted ${label}`;
  const mask = length >= text.length + 1 ? `${text}${'*'.repeat(length - text.length - 1)}]` : '*'.repeat(length);
  return Buffer.from(mask, 'ascii');
}

class StreamMasker implements BodyMasker {
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly needles: Needle[],
    private readonly keep: number,
  ) {}

  push(chunk: Buffer): Buffer {
    const buf = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    return this.run(buf, false);
  }

  flush(): Buffer {
    return this.run(this.carry, true);
  }

  private run(buf: Buffer, final: boolean): Buffer {
    // A needle starting before `limit` lies wholly inside buf, so whether it is there is already known.
    const limit = final ? buf.length : buf.length - this.keep;
    if (limit <= 0) {
      this.carry = buf === this.carry ? buf : Buffer.from(buf);
      return Buffer.alloc(0);
    }
    let out: Buffer | undefined;
    let pos = 0;
    const next = this.needles.map((n) => buf.indexOf(n.bytes));
    for (;;) {
      let best = -1;
      for (let i = 0; i < next.length; i++) {
        const at = next[i]!;
        if (at >= 0 && (best < 0 || at < next[best]!)) best = i;
      }
      if (best < 0 || next[best]! >= limit) break;
      const at = next[best]!;
      const needle = this.needles[best]!;
      out ??= Buffer.from(buf); // never write into the caller's chunk
      needle.mask.copy(out, at);
      pos = at + needle.bytes.length;
      for (let i = 0; i < next.length; i++) if (next[i]! >= 0 && next[i]! < pos) next[i] = buf.indexOf(this.needles[i]!.bytes, pos);
    }
    const end = Math.max(limit, pos);
    // A copy, so that a small carry never pins a large chunk in memory.
    this.carry = end === buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(end));
    return (out ?? buf).subarray(0, end);
  }
}
