import { describe, expect, it } from 'vitest';
import { allocateOrders } from './order';

describe('allocateOrders', () => {
  it('counts a fresh directory in thousands', () => {
    expect(allocateOrders([undefined, undefined, undefined])).toEqual([1000, 2000, 3000]);
  });

  it('keeps existing numbers and puts a new item between its neighbours', () => {
    expect(allocateOrders([1000, undefined, 2000, 3000])).toEqual([1000, 1500, 2000, 3000]);
    expect(allocateOrders([undefined, 1000])).toEqual([500, 1000]);
    expect(allocateOrders([1000, 2000, undefined, undefined])).toEqual([1000, 2000, 3000, 4000]);
    expect(allocateOrders([1000, undefined, undefined, 2000])).toEqual([1000, 1333, 1666, 2000]);
  });

  it('renumbers only the item that moved', () => {
    // The item numbered 3000 moved to the front: the others keep theirs.
    expect(allocateOrders([3000, 1000, 2000])).toEqual([500, 1000, 2000]);
  });

  it('treats duplicates and numbers it cannot keep as new', () => {
    expect(allocateOrders([1000, 1000, 2000])).toEqual([1000, 1500, 2000]);
    expect(allocateOrders([0, 1.5, -3, 1000])).toEqual([250, 500, 750, 1000]);
  });

  it('renumbers the directory only when no gap is left', () => {
    expect(allocateOrders([1000, undefined, 1001])).toEqual([1000, 2000, 3000]);
    expect(allocateOrders([1, undefined, 3])).toEqual([1, 2, 3]);
  });
});
