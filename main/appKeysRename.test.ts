// keys:rename over the registry: only the summary crosses, the old name is gone and the keys sign under the new one.
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createProcessCipher } from './testing/processCipher';

const SECRET = 'appRenameSecret/Key+NeverInAnAnswer000001';

describe('keys:rename', () => {
  it('renames stored keys, answering the summary only', async () => {
    const app = createApp({ host: 'browser-test', env: {}, emit: () => {}, cipher: createProcessCipher(), awsFilesWatch: false });
    try {
      const saved = await app.registry.invoke('keys:save', { name: 'old', accessKeyId: 'AKIAAPPRENAMEEXAMPLE', secretAccessKey: SECRET });
      expect(saved.ok).toBe(true);
      const renamed = await app.registry.invoke('keys:rename', { from: 'old', to: '  team-ci ' });
      expect(renamed).toEqual({ ok: true, value: { name: 'team-ci', accessKeyId: 'AKIAAPPRENAMEEXAMPLE', hasSessionToken: false, protection: expect.any(String) } });
      expect(JSON.stringify(renamed)).not.toContain(SECRET);
      const loaded = await app.registry.invoke('workspace:load', {});
      expect(loaded.ok && (loaded.value as { storedKeys: Array<{ name: string }> }).storedKeys.map((k) => k.name)).toEqual(['team-ci']);
      const clash = await app.registry.invoke('keys:rename', { from: 'team-ci', to: '' });
      expect(clash.ok ? '' : clash.error.message).toBe('The new name is not chosen or empty.');
    } finally {
      await app.dispose();
    }
  });
});
