import { describe, expect, it } from 'vitest';
import { contentHeight, lineAt, LINE_HEIGHT, MAX_SCROLL_PX, scrollTopFor } from './windowScroll';

describe('window scroll', () => {
  it('maps scroll positions to lines one to one while the document fits', () => {
    expect(contentHeight(100)).toBe(100 * LINE_HEIGHT);
    expect(lineAt(10 * LINE_HEIGHT + 5, 400, 100)).toEqual({ first: 10, offset: 5 });
    expect(scrollTopFor(10, 400, 100)).toBe(10 * LINE_HEIGHT);
  });

  it('scales a document taller than the browser allows, reaching its last line at the bottom', () => {
    const lines = 3_000_000;
    const viewport = 600;
    expect(contentHeight(lines)).toBe(MAX_SCROLL_PX);
    const end = lineAt(MAX_SCROLL_PX - viewport, viewport, lines);
    expect(end.first + Math.ceil(viewport / LINE_HEIGHT)).toBeGreaterThanOrEqual(lines);
    const there = lineAt(scrollTopFor(2_000_000, viewport, lines), viewport, lines);
    expect(there.first).toBe(2_000_000);
    expect(lineAt(0, viewport, lines)).toEqual({ first: 0, offset: 0 });
  });
});
