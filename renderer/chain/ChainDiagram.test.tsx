import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors';
import type { SendResult } from '../../src/models/http';
import type { ProfileList } from '../../src/models/profile';
import type { WorkbenchFacts } from './chainInput';
import { buildChain, type ChainInput } from './chainModel';
import { ChainDiagram } from './ChainDiagram';
import { wrap } from './chainLayout';
import { chainStyles } from './chainStyles';
import { standaloneSvg, textToBase64 } from './exportSvg';
import { ChainPanel } from './ChainPanel';
import type { RoleCallApi } from '../../src/contract';

const EXTERNAL_ID = 'partner-external-id-0042';
const URL = 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/prod/items';

const profiles: ProfileList = {
  profiles: [
    { name: 'base', kind: 'static', sourceChain: ['base'], definedIn: ['credentials'], isDefault: false, problems: [] },
    { name: 'deploy', kind: 'assumeRole', roleArn: 'arn:aws:iam::111111111111:role/ApiInvoker', sourceProfile: 'base', sourceChain: ['deploy', 'base'], externalId: EXTERNAL_ID, mfaSerial: 'arn:aws:iam::000000000000:mfa/alice', definedIn: ['config'], isDefault: false, problems: [] },
  ],
  defaultProfile: 'default',
  files: { config: '/c', credentials: '/k' },
  problems: [],
  environmentCredentials: false,
};

const stsRefusal: AppError = { code: 'STS_ACCESS_DENIED', message: 'arn:aws:iam::222222222222:role/Reader refused the AssumeRole: check the role\'s trust policy.', awsCode: 'AccessDenied' };

const failedAtHop: ChainInput = {
  auth: { kind: 'assumeRole', base: { kind: 'profile', profile: 'deploy' }, roleArn: 'arn:aws:iam::222222222222:role/Reader', externalId: EXTERNAL_ID },
  profiles,
  whoami: { error: stsRefusal },
  target: { url: URL, method: 'GET' },
};

const draw = (input: ChainInput) => renderToString(<ChainDiagram model={buildChain(input)} />);

describe('ChainDiagram', () => {
  it('is a labelled group with a text alternative and one focusable, named box per step', () => {
    const html = draw(failedAtHop);
    expect(html).toMatch(/^<svg[^>]*role="group"[^>]*aria-labelledby="[^"]+"[^>]*aria-describedby="[^"]+"/);
    expect(html).toContain('<title id=');
    expect(html).toMatch(/<desc[^>]*>[^<]*it broke at AssumeRole from Role ApiInvoker · profile deploy to Role Reader/);
    const boxes = [...html.matchAll(/<g role="listitem" tabindex="0" aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(boxes).toHaveLength(5);
    expect(boxes[0]).toContain('Step 1 of 5. Where the credentials come from: Static keys · profile base');
    expect(boxes[1]).toContain('Role hop 1 of 2: Role ApiInvoker · profile deploy. Account 111111111111');
    expect(boxes[1]).toContain('External ID set');
    expect(boxes[1]).toContain('MFA arn:aws:iam::000000000000:mfa/alice');
    expect(boxes[1]).toContain('AssumeRole to reach it: ok.');
    expect(boxes[2]).toContain('AssumeRole to reach it: failed: arn:aws:iam::222222222222:role/Reader refused the AssumeRole');
    expect(boxes[3]).toContain('GetCallerIdentity to reach it: not tried');
    expect(boxes[4]).toContain('arn:aws:execute-api:ap-northeast-1:222222222222:a1b2c3d4e5/prod/GET/items');
  });

  it('draws each edge with its state in words, a mark and a class, not by colour alone', () => {
    const html = draw(failedAtHop);
    const edges = [...html.matchAll(/data-state="(\w+)"/g)].map((m) => m[1]);
    expect(edges).toEqual(['ok', 'failed', 'notTried', 'notTried']);
    expect(html).toContain('✓ AssumeRole: ok');
    expect(html).toContain('✗ AssumeRole: failed');
    expect(html).toContain('○ GetCallerIdentity: not tried');
    expect(html).toContain('refused the AssumeRole');
  });

  it('never draws the external ID', () => {
    expect(draw(failedAtHop)).not.toContain(EXTERNAL_ID);
  });

  it('the panel shows the summary and an export button', () => {
    const facts: WorkbenchFacts = {
      auth: failedAtHop.auth,
      profiles,
      identity: { status: 'failed', error: stsRefusal },
      method: 'GET',
      maskedUrl: URL,
    };
    const html = renderToString(<ChainPanel api={{} as RoleCallApi} facts={facts} />);
    expect(html).toContain('Export as SVG');
    expect(html).toContain('it broke at AssumeRole');
    expect(html).not.toContain(EXTERNAL_ID);
  });
});

describe('ChainPanel: a failed hop explained', () => {
  // STS's newer texts name neither caller nor role; the chain's own auth and profiles say both.
  const nameless: AppError = { code: 'STS_ACCESS_DENIED', message: "The role refused the AssumeRole: check the role's trust policy.", detail: 'Not authorized to perform sts:AssumeRole', awsCode: 'AccessDenied' };
  const facts = (html: string) => [...html.matchAll(/<dt>([^<]*)<\/dt><dd><code>([^<]*)<\/code>/g)].map((m) => [m[1], m[2]]);

  it('a refused "Who am I?" shows why, with the role, the caller and what was sent', () => {
    const html = renderToString(
      <ChainPanel api={{} as RoleCallApi} facts={{ auth: { kind: 'profile', profile: 'deploy' }, profiles, identity: { status: 'failed', error: nameless }, method: 'GET', maskedUrl: URL }} />,
    );
    expect(html).toContain('Why AWS said no');
    expect(facts(html)).toEqual([
      ['Principal', 'the identity of profile base'],
      ['Action', 'sts:AssumeRole'],
      ['Resource', 'arn:aws:iam::111111111111:role/ApiInvoker'],
    ]);
    expect(html).toContain(`RoleCall sent a code from arn:aws:iam::000000000000:mfa/alice`);
    expect(html).not.toContain(EXTERNAL_ID);
  });

  it('a send that failed at a hop is explained against that hop, the chain\'s previous role as the caller', () => {
    const html = renderToString(<ChainPanel api={{} as RoleCallApi} facts={{ ...failedFacts(), sent: { error: { ...stsRefusal, detail: 'Not authorized to perform sts:AssumeRole' } } }} />);
    expect(facts(html)).toEqual([
      ['Principal', 'a session of arn:aws:iam::111111111111:role/ApiInvoker'],
      ['Action', 'sts:AssumeRole'],
      ['Resource', 'arn:aws:iam::222222222222:role/Reader'],
    ]);
  });

  it('says nothing more when every hop worked', () => {
    const html = renderToString(<ChainPanel api={{} as RoleCallApi} facts={{ auth: { kind: 'profile', profile: 'deploy' }, profiles, identity: { status: 'idle' }, method: 'GET', maskedUrl: URL }} />);
    expect(html).not.toContain('Why AWS said no');
  });

  function failedFacts(): WorkbenchFacts {
    return { auth: failedAtHop.auth, profiles, identity: { status: 'idle' }, method: 'GET', maskedUrl: URL };
  }
});

describe('ChainPanel and a malformed send result', () => {
  // A bug in main that answered a send without a response crashed the whole window: the chain's input was built
  // in the workbench's render, outside the inspector's error boundary. It is now built inside the panel.
  it('fails inside the panel, where the inspector\'s error boundary catches it', () => {
    const facts: WorkbenchFacts = {
      auth: failedAtHop.auth,
      identity: { status: 'idle' },
      sent: { result: { sent: { request: { method: 'GET', url: URL, headers: [] } } } as unknown as SendResult },
      method: 'GET',
      maskedUrl: URL,
    };
    const element = <ChainPanel api={{} as RoleCallApi} facts={facts} />;
    expect(() => renderToString(element)).toThrow(/status/);
  });
});

describe('exported SVG', () => {
  const palette = { panel: '#ffffff', fg: '#1c2024', muted: '#5d6670', border: '#d9dde3', ok: '#1a7f37', danger: '#b42318', accent: '#2459c7', errorBg: '#fdecec', errorText: '#9b1c1c', badge: '#eceff3', mono: 'monospace' };

  it('carries concrete colours instead of theme variables', () => {
    const out = standaloneSvg(draw(failedAtHop), palette);
    expect(out.startsWith('<?xml')).toBe(true);
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out).not.toContain('var(--');
    expect(out).toContain(chainStyles(palette).split('\n')[0]);
  });

  it('refuses markup that is not an SVG or holds active content', () => {
    expect(() => standaloneSvg('<div></div>', palette)).toThrow(/not an SVG/);
    expect(() => standaloneSvg('<svg><script>alert(1)</script></svg>', palette)).toThrow(/active content/);
    expect(() => standaloneSvg('<svg><g onclick="x()"></g></svg>', palette)).toThrow(/active content/);
    expect(() => standaloneSvg(`<svg>${'x'.repeat(600 * 1024)}</svg>`, palette)).toThrow(/too large/);
  });

  it('encodes UTF-8 text (the ✓ marks) as base64', () => {
    expect(new TextDecoder().decode(Uint8Array.from(atob(textToBase64('✓ ok')), (c) => c.charCodeAt(0)))).toBe('✓ ok');
  });
});

describe('wrap', () => {
  it('breaks long ARNs at "/" or ":" and keeps every character', () => {
    const arn = 'arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/prod/GET/some/very/long/path/to/a/resource/deep/down';
    const lines = wrap(arn, 40);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.join('')).toBe(arn);
  });
});
