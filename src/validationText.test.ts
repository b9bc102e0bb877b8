import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels } from './contract';
import { authChoiceSchema } from './models/auth';
import { collectionSchema } from './models/workspace';
import { fieldInWords, invalidInput, issueSentences } from './validationText';

const RAW = /Too small|Too big|Invalid input|expected string|>=|Unrecognized key/;

function sentencesOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return issueSentences(parsed.error.issues);
}

describe('validation issues in words', () => {
  it('says what to do when "Stored keys" is chosen with no keys, instead of zod\'s text', () => {
    const [sentence] = sentencesOf(channels['request:send'].request, {
      request: { method: 'GET', url: 'https://example.com/', headers: [], body: { kind: 'none' } },
      auth: { kind: 'storedKeys', name: '' },
    });
    expect(sentence).toMatch(/^The stored keys are not chosen or empty\. .*add keys/);
    expect(sentence).not.toMatch(RAW);
  });

  it('names fields in words, with the schema\'s own advice where it has one', () => {
    const sentences = sentencesOf(z.object({ auth: authChoiceSchema }), { auth: { kind: 'assumeRole', base: { kind: 'profile', profile: ' ' }, roleArn: 'nope' } });
    expect(sentences).toContain('The base profile is not chosen or empty. Choose a profile in the Auth section.');
    expect(sentences).toContain('The role ARN must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).');
    for (const s of sentences) expect(s).not.toMatch(RAW);
  });

  it('covers missing fields, wrong types, lengths, formats, choices and unknown fields', () => {
    const schema = z
      .object({ name: z.string(), count: z.number(), tags: z.array(z.string()).max(1), at: z.iso.datetime(), mode: z.enum(['a', 'b']), stsEndpoint: z.url() })
      .strict();
    const sentences = sentencesOf(schema, { count: 'x', tags: ['1', '2'], at: 'yesterday', mode: 'c', stsEndpoint: 'no', extra: 1 });
    expect(sentences).toEqual(
      expect.arrayContaining([
        'The name is missing.',
        'The count must be a number.',
        'The tags must be at most 1 item long.',
        'The at is not a valid date and time.',
        'The mode must be one of: a, b.',
      ]),
    );
    const all = issueSentences(schema.safeParse({ count: 'x', tags: ['1', '2'], at: 'yesterday', mode: 'c', stsEndpoint: 'no', extra: 1 }).error!.issues, 10);
    expect(all).toEqual(expect.arrayContaining(['The STS endpoint is not a valid URL.', 'RoleCall does not know the field "extra".']));
    for (const s of all) expect(s).not.toMatch(RAW);
  });

  it('says where in a list the problem is', () => {
    expect(fieldInWords(['headers', 2])).toBe('item 3 of the headers');
    expect(fieldInWords(['variables', 0, 'key'])).toBe('the name in item 1 of the variables');
    expect(fieldInWords([])).toBe('the request');
    const sentences = sentencesOf(collectionSchema, { id: 'c', name: 'x', variables: [{ id: '', key: 'k', value: 'v' }] });
    expect(sentences[0]).toBe('The ID in item 1 of the variables is not chosen or empty.');
  });

  it('builds an INVALID_INPUT error whose message is the first sentence and whose detail lists the rest', () => {
    const parsed = z.object({ a: z.string(), b: z.number() }).safeParse({});
    const error = invalidInput(parsed.error!.issues, 'request').toAppError();
    expect(error).toEqual({ code: 'INVALID_INPUT', message: 'The a is missing.', detail: 'The a is missing.\nThe b is missing.' });
  });
});
