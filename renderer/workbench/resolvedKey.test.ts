import { describe, expect, it } from 'vitest';
import { resolvedKeyText } from './resolvedKey';

describe('the identity the preview resolved', () => {
  it('names the key the preview signed with and its kind by prefix', () => {
    expect(resolvedKeyText('ASIAEXAMPLE123456789')).toBe('signs with ASIAEXAMPLE123456789 (temporary keys); who that is: ask STS');
    expect(resolvedKeyText('AKIAEXAMPLE123456789')).toContain('(long-term keys)');
    expect(resolvedKeyText('AKIDEXAMPLE')).toContain('(keys)');
  });
  it('says nothing when the preview signed nothing', () => {
    expect(resolvedKeyText(undefined)).toBeUndefined();
  });
});
