import { describe, expect, it } from 'vitest';
import { flexOf, minPixels, movePair, paneMin, paneSize, percentOf } from './paneSizes';

describe('pane sizes', () => {
  it('reads a number as a share of the free room and any other size as a CSS length', () => {
    expect(paneSize(22)).toEqual({ share: 22 });
    expect(paneSize('54')).toEqual({ share: 54 });
    expect(paneSize('7.5rem')).toEqual({ length: '7.5rem' });
    expect(paneSize('58%')).toEqual({ length: '58%' });
    expect(paneSize(undefined)).toEqual({ share: 1 });
  });

  it('reads a bare minimum as a percentage of the group', () => {
    expect(paneMin(45)).toBe('45%');
    expect(paneMin('10')).toBe('10%');
    expect(paneMin('250px')).toBe('250px');
    expect(paneMin(undefined)).toBe('0');
  });

  it('lays a share out over a zero basis and a length as the basis itself', () => {
    expect(flexOf({ share: 22 })).toEqual({ flexGrow: 22, flexShrink: 1, flexBasis: 0 });
    expect(flexOf({ length: '7.5rem' })).toEqual({ flexGrow: 0, flexShrink: 1, flexBasis: '7.5rem' });
  });

  it('turns a computed minimum into pixels, a percentage of the group included', () => {
    expect(minPixels('250px', 1400)).toBe(250);
    expect(minPixels('45%', 1000)).toBe(450);
    expect(minPixels('0px', 1000)).toBe(0);
    expect(minPixels('auto', 1000)).toBe(0);
  });

  it('moves a separator within the room of its two panes, stopping at either minimum', () => {
    const pair = { before: 300, beforeMin: 250, after: 700, afterMin: 450 };
    expect(movePair(pair, 100)).toEqual({ before: 400, after: 600 });
    expect(movePair(pair, -30)).toEqual({ before: 270, after: 730 });
    expect(movePair(pair, -500)).toEqual({ before: 250, after: 750 });
    expect(movePair(pair, 500)).toEqual({ before: 550, after: 450 });
    expect(movePair(pair, -Infinity)).toEqual({ before: 250, after: 750 });
    expect(movePair(pair, Infinity)).toEqual({ before: 550, after: 450 });
  });

  it('keeps the minimum of the pane before when the two minimums cannot both be met', () => {
    expect(movePair({ before: 300, beforeMin: 400, after: 200, afterMin: 300 }, 50)).toEqual({ before: 400, after: 100 });
  });

  it('gives a separator its value as a whole percentage of the group, within 0 to 100', () => {
    expect(percentOf(308, 1400)).toBe(22);
    expect(percentOf(105, 827)).toBe(13);
    expect(percentOf(10, 0)).toBe(0);
    expect(percentOf(1500, 1400)).toBe(100);
  });
});
