import { describe, expect, it } from 'vitest';
import { parseSendInput, parseSignInput } from './engineInput';

// The CLI and the runner's bench build engine inputs by hand; a bad one must read like the IPC registry's errors
// (src/validationText.ts), never as zod's JSON list of issues.
describe('parseSignInput and parseSendInput', () => {
  it('throw INVALID_INPUT in words for a bad input', () => {
    for (const parse of [parseSignInput, parseSendInput]) {
      let caught: unknown;
      try {
        parse({ request: { method: 'GET', url: 42 }, auth: { kind: 'none' } });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'INVALID_INPUT' });
      const { message, detail } = caught as { message: string; detail?: string };
      expect(message).not.toMatch(/"code"|"path"|invalid_type|^\[/);
      expect(`${message}\n${detail ?? ''}`).toMatch(/url|URL|address/);
    }
  });

  it('return the parsed input for a good one', () => {
    const input = { request: { method: 'GET', url: 'https://example.com/a' }, auth: { kind: 'none' } };
    expect(parseSendInput(input).request.url).toBe('https://example.com/a');
    expect(parseSignInput(input).request.method).toBe('GET');
  });
});
