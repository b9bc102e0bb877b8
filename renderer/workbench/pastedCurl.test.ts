import { describe, expect, it } from 'vitest';
import { requestDocSchema } from '../../src/models/workspace';
import { pastedCurl } from './pastedCurl';

const draft = requestDocSchema.parse({ id: 'd1', name: 'My request', method: 'GET', url: '' });

describe('a curl command pasted into the URL field', () => {
  it('becomes the request, keeping the tab\'s id and name', async () => {
    const pasted = (await pastedCurl("curl 'https://example.com/items' \\\n  -X PUT -H 'Content-Type: application/json' --data-raw '{\"a\":1}'", draft))!;
    expect(pasted.draft).toMatchObject({ id: 'd1', name: 'My request', method: 'PUT', url: 'https://example.com/items', body: { mode: 'raw', language: 'json', text: '{"a":1}' } });
    expect(pasted.draft.headers.map((h) => [h.key, h.value])).toEqual([['Content-Type', 'application/json']]);
    expect(pasted.notice).toMatch(/became this request/);
  });

  it('drops literal keys and says to choose a profile or store them', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const pasted = (await pastedCurl(`curl https://abc.execute-api.eu-west-1.amazonaws.com/prod --aws-sigv4 aws:amz:eu-west-1:execute-api --user AKIAIOSFODNN7EXAMPLE:${secret}`, draft))!;
    expect(pasted.draft.auth).toEqual({ type: 'profile', profile: '' });
    expect(pasted.draft.signing).toMatchObject({ region: 'eu-west-1', service: 'execute-api' });
    expect(JSON.stringify(pasted)).not.toContain(secret);
    expect(JSON.stringify(pasted)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(pasted.notice).toMatch(/keys were not kept: choose a profile, or store the keys/);
    expect(pasted.notice).not.toMatch(/when offered/);
  });

  it('leaves other text to be pasted as it is, and says why a broken command was not used', async () => {
    expect(await pastedCurl('https://example.com/curl', draft)).toBeUndefined();
    const broken = (await pastedCurl("curl 'https://example.com", draft))!;
    expect(broken.draft).toBe(draft);
    expect(broken.notice).toMatch(/was not used/);
  });
});
