// The response pane takes room only when there is something to show: with no response yet it shrinks to its
// placeholder, so the signing inspector under it is in view instead of below the fold; the first response (or
// error) of a tab gives it back its share. A size the user dragged stays until the next change of state.
import { useEffect, useRef, type RefObject } from 'react';
import type { PanelHandle } from './splitPanes';

export const RESPONSE_SHARE = 58;
export const EMPTY_RESPONSE_SIZE = '7.5rem';

/** The pane starts at EMPTY_RESPONSE_SIZE (no tab has a response at start); this follows later changes. */
export function useResponseRoom(panel: RefObject<PanelHandle | null>, hasResponse: boolean): void {
  const first = useRef(true);
  useEffect(() => {
    const handle = panel.current;
    if (first.current) {
      first.current = false;
      return;
    }
    if (!handle) return;
    if (hasResponse) {
      if (handle.getSize().asPercentage < RESPONSE_SHARE) handle.resize(`${RESPONSE_SHARE}%`);
    } else {
      handle.resize(EMPTY_RESPONSE_SIZE);
    }
  }, [panel, hasResponse]);
}
