import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors';
import { IdentityBadge } from './IdentityBadge';

const ROLE = 'arn:aws:iam::111111111111:role/ApiInvoker';
const MFA = 'arn:aws:iam::000000000000:mfa/alice';
/** The badge's HTML once its on-demand parts have loaded (renderToString would stop at their "Loading…"). */
async function renderLoaded(element: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

const refused: AppError = { code: 'STS_ACCESS_DENIED', message: "The role refused the AssumeRole: check the role's trust policy.", detail: 'Not authorized to perform sts:AssumeRole', awsCode: 'AccessDenied' };

describe('IdentityBadge: a refused "Who am I?"', () => {
  it('explains an STS refusal with the principal, action and resource, as a failed send does', async () => {
    const html = await renderLoaded(
      <IdentityBadge enabled onCheck={() => {}} state={{ status: 'failed', error: refused, context: { roleArn: ROLE, externalId: false, mfaSerial: MFA, baseProfile: 'base' } }} />,
    );
    expect(html).toContain('Why AWS said no');
    const facts = [...html.matchAll(/<dt>([^<]*)<\/dt><dd><code>([^<]*)<\/code>/g)].map((m) => [m[1], m[2]]);
    expect(facts).toEqual([
      ['Principal', 'the identity of profile base'],
      ['Action', 'sts:AssumeRole'],
      ['Resource', ROLE],
    ]);
    expect(html).toContain(`RoleCall sent a code from ${MFA}`);
    expect(html).toContain('Not authorized to perform sts:AssumeRole');
  });

  it('without a context still explains what AWS\'s text says', async () => {
    const html = await renderLoaded(<IdentityBadge enabled onCheck={() => {}} state={{ status: 'failed', error: refused }} />);
    expect(html).toContain('Why AWS said no');
    expect(html).toContain('<dt>Action</dt>');
  });
});
