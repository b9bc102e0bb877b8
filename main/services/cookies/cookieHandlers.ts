// The cookie channels: the jar listed without values, one value revealed when the user opens that cookie in the
// editor (like presign:reveal, only on the user's action, never logged), and the edits. Inputs arrive parsed by
// the contract's schemas (src/models/cookies.ts).
import { appError } from '../../../src/errors';
import type { Handlers } from '../../ipc/registry';
import type { WorkspaceCookies } from './workspaceCookies';

type CookieChannels = 'cookies:list' | 'cookies:reveal' | 'cookies:set' | 'cookies:delete' | 'cookies:clear' | 'cookies:settings';

export function cookieHandlers(cookies: WorkspaceCookies): Pick<Handlers, CookieChannels> {
  return {
    'cookies:list': async () => cookies.list(),
    'cookies:reveal': async (key) => {
      const value = cookies.jar().value(key);
      if (value === undefined) throw appError('INVALID_INPUT', `There is no cookie ${key.name} for ${key.domain}${key.path} any more.`);
      return { value };
    },
    'cookies:set': async (input) => {
      const { expires, previous, ...rest } = input;
      const cookie = cookies.jar().put({ ...rest, ...(expires ? { expires } : {}), ...(previous ? { previous } : {}) });
      cookies.flush();
      return cookie;
    },
    'cookies:delete': async (key) => {
      const deleted = cookies.jar().remove(key);
      cookies.flush();
      return { deleted };
    },
    'cookies:clear': async ({ domain }) => {
      const cleared = cookies.jar().clear(domain);
      cookies.flush();
      return { cleared };
    },
    'cookies:settings': async (settings) => cookies.setSettings(settings),
  };
}
