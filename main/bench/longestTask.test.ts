import { describe, expect, it } from 'vitest';
import { longestTaskBetween } from './longestTask';

const mark = (name: string, ts: number) => ({ name, ph: 'R', ts, pid: 1, tid: 7 });
const task = (ts: number, dur: number, tid = 7, tdur = dur) => ({ name: 'RunTask', ph: 'X', ts, dur, tdur, pid: 1, tid });

describe('longestTaskBetween', () => {
  it('takes the longest task of the marking thread between the marks, short ones included', () => {
    const events = [task(0, 90_000), mark('start', 100_000), task(110_000, 12_000), task(130_000, 31_500), task(140_000, 80_000, 9), mark('end', 200_000), task(210_000, 70_000)];
    expect(longestTaskBetween(events, 'start', 'end').wall).toBe(31.5);
  });

  it('counts a task running across a mark', () => {
    expect(longestTaskBetween([task(90_000, 40_000), mark('start', 100_000), mark('end', 200_000)], 'start', 'end').wall).toBe(40);
  });

  it('keeps apart the time a task waited for a core (wall) from its own work (thread time)', () => {
    const events = [mark('start', 0), task(10_000, 101_000, 7, 6_500), task(200_000, 30_000, 7, 29_000), mark('end', 500_000)];
    expect(longestTaskBetween(events, 'start', 'end')).toEqual({ wall: 101, cpu: 29 });
  });

  it('says which mark is missing instead of reading 0', () => {
    expect(() => longestTaskBetween([mark('start', 1)], 'start', 'end')).toThrow(/no end mark/);
  });
});
