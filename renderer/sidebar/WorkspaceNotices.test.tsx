import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WorkspaceNotice } from '../../src/models/workspace';
import { WorkspaceNotices } from './WorkspaceNotices';

const setAside: WorkspaceNotice = {
  id: 'n1',
  message: 'Part of the saved workspace could not be read: history[0] (id: expected string).',
  file: '/home/me/.config/RoleCall/workspace.set-aside-2025-01-01T00-00-00-000Z.json',
  at: '2025-01-01T00:00:00.000Z',
  dismissable: true,
};
const readOnly: WorkspaceNotice = { id: 'read-only', message: 'This workspace was saved by a newer RoleCall; it is open read-only.', at: setAside.at, dismissable: false };
const render = (props: Partial<Parameters<typeof WorkspaceNotices>[0]>) =>
  renderToString(<WorkspaceNotices notices={[]} readOnly={false} storedKeyProblems={[]} onDismiss={() => {}} {...props} />);

describe('WorkspaceNotices', () => {
  it('shows nothing when all is well', () => {
    expect(render({})).toBe('');
  });

  it('says where the set-aside data is, with a Dismiss button', () => {
    const html = render({ notices: [setAside] });
    expect(html).toContain(setAside.file);
    expect(html).toContain('history[0]');
    expect(html).toMatch(/<button[^>]*>Dismiss<\/button>/);
  });

  it('offers no Dismiss for a read-only workspace, and names unreadable stored keys', () => {
    const html = render({ notices: [readOnly, setAside], readOnly: true, storedKeyProblems: [{ name: 'ci', problem: 'accessKeyId: expected string' }] });
    expect(html).toContain('read-only');
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('Dismiss');
    expect(html).toContain('&quot;ci&quot;');
  });
});
