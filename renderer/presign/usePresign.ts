// The presigned URL the user asked to see, held in this hook's memory only: never in the tab, history or any
// saved state. It is dropped as soon as the request it was made for changes (it would no longer match what is on
// screen) and when it expires (it no longer works); the next "Show" asks main for a new one.
import { useCallback, useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { SignInput } from '../../src/models/http';
import type { PresignedUrl } from '../../src/models/presign';
import { settle } from '../api';
import { withFileHandles } from '../workbench/fileHandles';

export type PresignState =
  | { status: 'hidden'; expiredBefore?: boolean }
  | { status: 'pending' }
  | { status: 'shown'; presigned: PresignedUrl }
  | { status: 'failed'; error: AppError };

export function usePresign(api: RoleCallApi, sign: SignInput | undefined) {
  const key = sign ? JSON.stringify(sign) : '';
  const [held, setHeld] = useState<{ key: string; state: PresignState }>({ key, state: { status: 'hidden' } });
  const [now, setNow] = useState(() => Date.now());
  const state: PresignState = held.key === key ? held.state : { status: 'hidden' };

  // A changed request drops the URL made for the old one at once (the render above already hides it).
  useEffect(() => {
    if (held.key !== key) setHeld({ key, state: { status: 'hidden' } });
  }, [key, held.key]);

  const expiresAtMs = state.status === 'shown' ? Date.parse(state.presigned.expiresAt) : undefined;
  useEffect(() => {
    if (expiresAtMs === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= expiresAtMs) setHeld((h) => (h.key === key ? { key, state: { status: 'hidden', expiredBefore: true } } : h));
    }, 1000);
    return () => clearInterval(timer);
  }, [expiresAtMs, key]);

  const reveal = useCallback(async () => {
    if (!sign) return;
    setHeld({ key, state: { status: 'pending' } });
    const result = await settle(() => api.presignReveal(withFileHandles(sign)));
    setHeld((h) => (h.key !== key ? h : { key, state: result.ok ? { status: 'shown', presigned: result.value } : { status: 'failed', error: result.error } }));
  }, [api, sign, key]);

  const hide = useCallback(() => setHeld({ key, state: { status: 'hidden' } }), [key]);

  return { state, now, reveal, hide };
}
