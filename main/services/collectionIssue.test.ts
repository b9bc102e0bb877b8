import { describe, expect, it } from 'vitest';
import { collectionSchema } from '../../src/models/workspace';
import { collectionProblem } from './collectionIssue';

const problemOf = (stored: unknown) => {
  const parsed = collectionSchema.safeParse(stored);
  if (parsed.success) throw new Error('expected a problem');
  return collectionProblem(stored, parsed.error);
};

describe('collectionProblem', () => {
  const request = (id: string, extra: object = {}) => ({ kind: 'request', id, name: `Request ${id}`, method: 'GET', url: 'https://x', ...extra });

  it('names the folders and the request a problem is in', () => {
    const stored = { id: 'c', name: 'C', items: [{ kind: 'folder', id: 'f1', name: 'Orders', items: [request('a'), request('b', { headers: [{ id: 'h', key: 'k', value: 7 }] })] }] };
    expect(problemOf(stored)).toBe('The value in item 1 of the headers must be text, in folder “Orders” (id "f1") › request “Request b” (id "b")');
  });

  it('says where a damaged item sits even when it has no name, and cuts long names short', () => {
    const long = 'n'.repeat(500);
    const stored = { id: 'c', name: 'C', items: [{ kind: 'folder', id: 'f1', name: long, items: [{ kind: 'request', id: 'r', method: 'GET', url: 'u' }] }] };
    expect(problemOf(stored)).toMatch(new RegExp(`, in folder “${'n'.repeat(80)}” \\(id "f1"\\) › request \\(id "r"\\)$`));
  });

  it('leaves a problem outside the tree as the schema says it', () => {
    expect(problemOf({ id: 'c', name: 7, items: [] })).not.toMatch(/, in /);
    expect(problemOf({ id: 'c', name: 'C', items: 'nope' })).not.toMatch(/, in /);
  });
});
