// The hints that tell the user to clear cached credentials name the control that does it, by its label.
import { describe, expect, it } from 'vitest';
import { expiredTokenAdvice } from '../../src/diagnosis/tokens';
import { CLEAR_CACHE_LABEL } from '../workbench/ClearCacheButton';
import { errorHint } from './errorHints';

describe('hints about cached credentials', () => {
  it('point to “Clear cached credentials”, which the identity badge shows', () => {
    expect(errorHint({ code: 'EXPIRED_TOKEN' }).hint).toContain(`“${CLEAR_CACHE_LABEL}”`);
    expect(expiredTokenAdvice().fixes.join(' ')).toContain(`“${CLEAR_CACHE_LABEL}”`);
  });
});
