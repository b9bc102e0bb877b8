import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import type { AppError } from '../../src/errors';
import type { ProfileList } from '../../src/models/profile';
import { IdentityPanel } from './IdentityPanel';

const ROLE = 'arn:aws:iam::111111111111:role/ApiInvoker';
const EXTERNAL_ID = 'partner-external-id-0042';
const profiles: ProfileList = {
  profiles: [
    { name: 'base', kind: 'static', sourceChain: ['base'], definedIn: ['credentials'], isDefault: false, problems: [] },
    { name: 'deploy', kind: 'assumeRole', roleArn: ROLE, sourceProfile: 'base', sourceChain: ['deploy', 'base'], externalId: EXTERNAL_ID, definedIn: ['config'], isDefault: false, problems: [] },
  ],
  defaultProfile: 'default',
  files: { config: '/c', credentials: '/k' },
  problems: [],
  environmentCredentials: false,
};
// AWS's newer texts (and moto's) may name neither the caller nor the role: only RoleCall's context can.
const refused: AppError = { code: 'STS_ACCESS_DENIED', message: "The role refused the AssumeRole: check the role's trust policy.", detail: 'Not authorized to perform sts:AssumeRole', awsCode: 'AccessDenied' };

const facts = (html: string) => [...html.matchAll(/<dt>([^<]*)<\/dt><dd><code>([^<]*)<\/code>/g)].map((m) => [m[1], m[2]]);

describe('IdentityPanel: a refused "Who am I?"', () => {
  it('is explained like a failed send: principal, action and resource from the profile, and what was sent', () => {
    const context = assumeRoleContext({ kind: 'profile', profile: 'deploy' }, profiles);
    const html = renderToString(
      <IdentityPanel selected="deploy" state={{ status: 'failed', profile: 'deploy', error: refused, context }} forceRefresh={false} onForceRefreshChange={() => {}} onWhoami={() => {}} />,
    );
    expect(html).toContain('Why AWS said no');
    expect(facts(html)).toEqual([
      ['Principal', 'the identity of profile base'],
      ['Action', 'sts:AssumeRole'],
      ['Resource', ROLE],
    ]);
    expect(html).toContain('An external ID was sent');
    expect(html).not.toContain(EXTERNAL_ID);
    // AWS's own text stays underneath.
    expect(html).toContain('Not authorized to perform sts:AssumeRole');
  });

  it('keeps the plain error box for a failure AWS did not answer', () => {
    const html = renderToString(
      <IdentityPanel selected="deploy" state={{ status: 'failed', profile: 'deploy', error: { code: 'PROFILE_NOT_FOUND', message: 'No profile deploy.' } }} forceRefresh={false} onForceRefreshChange={() => {}} onWhoami={() => {}} />,
    );
    expect(html).toContain('No profile deploy.');
    expect(html).not.toContain('Why AWS said no');
  });
});
