// The engine's inputs parsed with the contract's schemas, for callers that build one by hand (tests, the bench, the
// runner's bench). Apart from engine.ts, so that loading the engine builds no schema: `rolecall sign`
// (main/cli/signCommand.ts) runs the engine without zod.
import type { ParsedSendInput, ParsedSignInput } from './engine';
import { signInputSchema, sendInputSchema } from '../src/models/http';
import { invalidInput } from '../src/validationText';

export function parseSignInput(input: unknown): ParsedSignInput {
  const parsed = signInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues, 'request');
  return parsed.data;
}

export function parseSendInput(input: unknown): ParsedSendInput {
  const parsed = sendInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues, 'request');
  return parsed.data;
}
