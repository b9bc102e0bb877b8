// One comparison (exists, equals, contains, matches, type, length) applied to a value a check found:
// a JSON value from the body, a header's value, or the body text. `undefined` means nothing was found.
import type { Comparison } from '../models/checks';
import { compilePattern } from './pattern';
import { shortText, valueText } from './shortText';

export interface Comparing {
  passed: boolean;
  actual: string;
  message?: string;
}

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return type;
  return 'object';
}

export function compareValue(value: unknown, compare: Comparison): Comparing {
  const actual = shortText(valueText(value));
  const fail = (message: string): Comparing => ({ passed: false, actual, message });
  const pass: Comparing = { passed: true, actual };
  if (compare.op === 'exists') return value !== undefined ? pass : fail('not found');
  if (compare.op === 'absent') return value === undefined ? pass : fail('expected nothing, found a value');
  if (value === undefined) return fail('not found');
  switch (compare.op) {
    case 'equals':
      return valueEquals(value, compare.value) ? pass : fail(`expected ${shortText(compare.value, 120)}`);
    case 'contains':
      return valueContains(value, compare.value) ? pass : fail(`does not contain ${shortText(compare.value, 120)}`);
    case 'matches': {
      const pattern = compilePattern(compare.pattern, compare.flags);
      if (!pattern.ok) return fail(pattern.message);
      return pattern.test(valueText(value)) ? pass : fail(`does not match /${shortText(compare.pattern, 120)}/${compare.flags}`);
    }
    case 'type': {
      const type = jsonType(value);
      return type === compare.type ? pass : fail(`expected type ${compare.type}, found ${type}`);
    }
    case 'length': {
      const length = lengthOf(value);
      if (length === undefined) return fail(`a ${jsonType(value)} has no length`);
      const inRange = (compare.min === undefined || length >= compare.min) && (compare.max === undefined || length <= compare.max);
      return inRange
        ? { passed: true, actual: `length ${length}` }
        : { passed: false, actual: `length ${length}`, message: `expected length ${lengthRangeText(compare.min, compare.max)}` };
    }
  }
}

export function lengthRangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return 'any';
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

/** A string value equals the text exactly; any other value equals the text read as JSON (so 3, true, {"a":1} work). */
function valueEquals(value: unknown, expected: string): boolean {
  if (typeof value === 'string') return value === expected;
  const parsed = parseJson(expected);
  return parsed.ok ? deepEqual(value, parsed.value) : false;
}

/** An array contains an element equal to the text; anything else contains it as a substring of its text. */
function valueContains(value: unknown, expected: string): boolean {
  if (Array.isArray(value)) return value.some((element) => valueEquals(element, expected));
  return valueText(value).includes(expected);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
