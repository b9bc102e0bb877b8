import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { effectiveRequest } from '../../src/effectiveRequest';
import { environmentSchema, requestDocSchema } from '../../src/models/workspace';
import { CopiedNotice, CopyAsButton, SnippetDialog } from './CopyAsButton';
import { copySnippet } from './copySnippet';

const SECRET = 'sk-LIVE-never-copied-7';

const effective = effectiveRequest({
  doc: requestDocSchema.parse({
    id: 'r1',
    name: 'r',
    method: 'GET',
    url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?key={{apiKey}}&x={{missing}}',
    auth: { type: 'profile', profile: 'dev' },
  }),
  folders: [],
  environment: environmentSchema.parse({ id: 'e', name: 'stag', variables: [{ id: 'v', key: 'apiKey', value: SECRET, secret: true }] }),
});

describe('copy as', () => {
  it('puts the snippet on the clipboard with the secret variable as an environment reference', async () => {
    const written: string[] = [];
    const made = await copySnippet('curl', effective, async (text) => void written.push(text));
    expect(made.copied).toBe(true);
    expect(written).toEqual([made.text]);
    expect(made.text).toContain('--aws-sigv4 "aws:amz:eu-west-1:execute-api"');
    expect(made.text).not.toContain(SECRET);
    expect(made.secretEnv).toEqual(['APIKEY']);
    expect(made.notes.join('\n')).toContain('{{missing}}');
  });

  it('reports a refused clipboard so the text is shown instead', async () => {
    const made = await copySnippet('python', effective, () => Promise.reject(new Error('denied')));
    expect(made.copied).toBe(false);
    expect(made.text).toContain('SigV4Auth');
    expect(made.text).not.toContain(SECRET);
  });

  it('renders a menu button, a notice with the notes, and a read-only box with the text', async () => {
    expect(renderToString(<CopyAsButton effective={effective} />)).toMatch(/<button[^>]*aria-haspopup="menu"[^>]*>Copy as ▾<\/button>/);
    const made = await copySnippet('awscurl', effective, async () => undefined);
    const notice = renderToString(<CopiedNotice snippet={made} onShow={() => {}} onDismiss={() => {}} />);
    expect(notice).toContain('Copied as awscurl.');
    expect(notice).toContain('Set APIKEY in the environment');
    const dialog = renderToString(<SnippetDialog snippet={{ ...made, copied: false }} write={async () => undefined} onClose={() => {}} />);
    expect(dialog).toMatch(/<textarea[^>]*readOnly=""/);
    expect(dialog).toContain('The clipboard is not available');
    expect(dialog).not.toContain(SECRET);
  });
});
