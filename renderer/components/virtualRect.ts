// The size of a virtualized list's scroller, for @tanstack/react-virtual, read after the browser's layout: the
// library's own observer reads clientWidth/clientHeight as the list mounts, which forces a layout inside React's
// mount task (the window's first task, when the list is the collections tree). Here a ResizeObserver alone reports
// it, after layout, the first time in the first frame; until then the list uses its initialRect (firstRect).
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

export function observeRectAfterLayout<T extends Element>(instance: Virtualizer<T, Element>, report: (rect: Rect) => void): () => void {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) report({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** A stand-in until the first observation: as tall as the window, so the first render already fills the list. */
export function firstRect(): Rect {
  return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
}

const placed = new WeakSet<Element>();

/**
 * The library's element scroll, less its first call for a scroller: as the list mounts it scrolls to where the
 * scroller already is (the top of a new element), and that write forces a layout inside the mount task.
 */
export function scrollAfterMount<T extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<T, Element>,
): void {
  const element = instance.scrollElement;
  if (element && !placed.has(element)) {
    placed.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
