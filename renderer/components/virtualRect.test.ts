import type { Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, it } from 'vitest';
import { scrollAfterMount } from './virtualRect';

/** A virtualizer with just what elementScroll reads, over a scroller that records where it was sent. */
function listOver() {
  const scrolls: number[] = [];
  const element = { scrollTo: ({ top }: { top: number }) => scrolls.push(top) } as unknown as Element;
  const instance = { scrollElement: element, options: { horizontal: false, isRtl: false } } as unknown as Virtualizer<Element, Element>;
  return { instance, scrolls };
}

describe('scrollAfterMount', () => {
  it('leaves a new scroller where it is (its top) on the mount call, and scrolls it on every later call', () => {
    const { instance, scrolls } = listOver();
    scrollAfterMount(0, {}, instance);
    expect(scrolls).toEqual([]);
    scrollAfterMount(0, {}, instance);
    scrollAfterMount(380, { adjustments: 20 }, instance);
    expect(scrolls).toEqual([0, 400]);
  });

  it('scrolls on the first call when it is asked for somewhere other than the top', () => {
    const { instance, scrolls } = listOver();
    scrollAfterMount(1_000, {}, instance);
    expect(scrolls).toEqual([1_000]);
  });
});
