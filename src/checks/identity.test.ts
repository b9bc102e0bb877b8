import { describe, expect, it } from 'vitest';
import { matchIdentity, wildcardMatch } from './identity';

const SESSION = 'arn:aws:sts::123456789012:assumed-role/Deploy/rolecall-1700000000';

describe('matchIdentity', () => {
  it('matches an exact ARN and refuses another, naming the actual one', () => {
    expect(matchIdentity(SESSION, SESSION, undefined)).toEqual({ passed: true, actual: SESSION });
    const other = matchIdentity('arn:aws:sts::123456789012:assumed-role/Reader/x', SESSION, undefined);
    expect(other.passed).toBe(false);
    expect(other.actual).toBe(SESSION);
  });

  it('takes * wildcards and treats every other character literally', () => {
    expect(matchIdentity('arn:aws:sts::123456789012:assumed-role/Deploy/*', SESSION, undefined).passed).toBe(true);
    expect(matchIdentity('arn:aws:sts::*:assumed-role/Dep*/*', SESSION, undefined).passed).toBe(true);
    expect(wildcardMatch('arn:aws:iam::1.3:user/a', 'arn:aws:iam::123:user/a')).toBe(false);
  });

  it('lets a role ARN stand for its sessions, with or without a path', () => {
    expect(matchIdentity('arn:aws:iam::123456789012:role/Deploy', SESSION, undefined).passed).toBe(true);
    expect(matchIdentity('arn:aws:iam::123456789012:role/ci/Deploy', SESSION, undefined).passed).toBe(true);
    expect(matchIdentity('arn:aws:iam::123456789012:role/Deployer', SESSION, undefined).passed).toBe(false);
    expect(matchIdentity('arn:aws:iam::210987654321:role/Deploy', SESSION, undefined).passed).toBe(false);
  });

  it('matches a 12-digit account from the ARN or the account given', () => {
    expect(matchIdentity('123456789012', SESSION, undefined)).toEqual({ passed: true, actual: '123456789012' });
    expect(matchIdentity('123456789012', undefined, '123456789012').passed).toBe(true);
    const wrong = matchIdentity('210987654321', SESSION, undefined);
    expect(wrong).toMatchObject({ passed: false, actual: SESSION, message: 'expected account 210987654321' });
  });

  it('fails, saying so, when the identity is not known', () => {
    expect(matchIdentity('123456789012', undefined, undefined)).toMatchObject({ passed: false, actual: '(identity not known)' });
    expect(matchIdentity(SESSION, undefined, undefined).passed).toBe(false);
  });

  // The expected identity can come from a shared collection file: wildcards are matched without a regular expression,
  // since `arn:***…*!` on a backtracking engine tries every way of splitting the ARN and never finishes.
  it('answers at once for a pattern of many wildcards, passing and failing', { timeout: 10_000 }, () => {
    expect(matchIdentity(`arn:${'*'.repeat(40)}!`, SESSION, undefined)).toMatchObject({ passed: false, actual: SESSION });
    expect(matchIdentity(`arn:${'*:'.repeat(4)}${'*'.repeat(40)}0`, SESSION, undefined).passed).toBe(true);
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(2_000))).toBe(false);
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(2_000)}b`)).toBe(true);
    expect(wildcardMatch('', '')).toBe(true);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a*', 'b')).toBe(false);
    expect(wildcardMatch('a*c', 'abbbc')).toBe(true);
    expect(wildcardMatch('a*c', 'abbbcd')).toBe(false);
    expect(wildcardMatch('x\n*', 'x\nyz')).toBe(true);
    expect(wildcardMatch('a*b', 'a\nb')).toBe(true);
  });
});
