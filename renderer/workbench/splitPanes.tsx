// The workbench's resizable layout: a Group lays its Panels side by side (horizontal) or stacked (vertical) with a
// Separator between two of them, which the user drags or moves with the arrow keys (a WAI-ARIA window splitter).
// Sizes are flex styles the browser lays out itself (paneSizes.ts): nothing is measured while the window mounts, so
// the first layout happens in the first frame rather than inside React's first task. Pixels are read only when the
// user moves a separator, when the app asks a pane's size, and for a separator's aria-valuenow, which follows the
// browser's layout through a ResizeObserver.
import {
  createContext,
  useContext,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { flexOf, minPixels, movePair, paneMin, paneSize, percentOf, type PairMove, type PaneSize } from './paneSizes';

type Orientation = 'horizontal' | 'vertical';

/** What the app may do with a pane: read its size, give it another ("58%" of its group, "7.5rem"). */
export interface PanelHandle {
  getSize(): { asPercentage: number };
  resize(size: string): void;
}

interface PaneEntry {
  size(): PaneSize;
  setSize(size: PaneSize): void;
}

interface GroupState {
  orientation: Orientation;
  element: RefObject<HTMLDivElement | null>;
  /** The group's panes by their outer element, so a separator finds the panes on either side of it. */
  panes: Map<Element, PaneEntry>;
}

const GroupContext = createContext<GroupState | null>(null);

function useGroup(what: string): GroupState {
  const group = useContext(GroupContext);
  if (!group) throw new Error(`A ${what} belongs inside a Group.`);
  return group;
}

/** An element's size along the group's axis, in pixels. */
function along(group: GroupState, element: Element): number {
  const box = element.getBoundingClientRect();
  return group.orientation === 'horizontal' ? box.width : box.height;
}

/** Turns every share in the group into its pixels as laid out now, so a move changes only the two panes it moves. */
function fixShares(group: GroupState): void {
  for (const [element, pane] of group.panes) if ('share' in pane.size()) pane.setSize({ share: along(group, element) });
}

export function Group(props: { orientation: Orientation; className?: string; id?: string; children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null);
  const [group] = useState<GroupState>(() => ({ orientation: props.orientation, element, panes: new Map() }));
  const horizontal = props.orientation === 'horizontal';
  return (
    <GroupContext.Provider value={group}>
      <div
        ref={element}
        id={props.id}
        className={props.className}
        data-group=""
        style={{
          display: 'flex',
          flexDirection: horizontal ? 'row' : 'column',
          flexWrap: 'nowrap',
          width: '100%',
          height: '100%',
          overflow: 'hidden',
          // The group handles pointer moves along its axis; content still scrolls across it.
          touchAction: horizontal ? 'pan-y' : 'pan-x',
        }}
      >
        {props.children}
      </div>
    </GroupContext.Provider>
  );
}

export function Panel(props: {
  id?: string;
  /** A share of the group's free room (a number), or a CSS length ("7.5rem"); without it, a share of 1. */
  defaultSize?: number | string;
  /** A percentage of the group (a number), or a CSS length ("250px"). */
  minSize?: number | string;
  className?: string;
  panelRef?: Ref<PanelHandle | null>;
  children?: ReactNode;
}) {
  const group = useGroup('Panel');
  const [size, setSize] = useState<PaneSize>(() => paneSize(props.defaultSize));
  const outer = useRef<HTMLDivElement>(null);
  const current = useRef(size);
  current.current = size;

  useLayoutEffect(() => {
    const element = outer.current;
    if (!element) return;
    group.panes.set(element, { size: () => current.current, setSize });
    return () => {
      group.panes.delete(element);
    };
  }, [group]);

  useImperativeHandle(
    props.panelRef,
    () => ({
      getSize() {
        const element = outer.current;
        const box = group.element.current;
        return { asPercentage: element && box ? (along(group, element) / Math.max(1, along(group, box))) * 100 : 0 };
      },
      resize(to: string) {
        setSize(paneSize(to));
      },
    }),
    [group],
  );

  const horizontal = group.orientation === 'horizontal';
  const min = paneMin(props.minSize);
  return (
    <div
      ref={outer}
      id={props.id}
      data-panel=""
      style={{
        display: 'flex',
        overflow: 'visible',
        width: 'auto',
        height: 'auto',
        maxWidth: '100%',
        maxHeight: '100%',
        minWidth: horizontal ? min : 0,
        minHeight: horizontal ? 0 : min,
        ...flexOf(size),
      }}
    >
      <div className={props.className} style={{ flexGrow: 1, maxWidth: '100%', maxHeight: '100%', overflow: 'auto', touchAction: horizontal ? 'pan-y' : 'pan-x' }}>
        {props.children}
      </div>
    </div>
  );
}

/** The share of the group one arrow key moves a separator. */
const KEY_STEP = 0.05;

interface Pair {
  before: PaneEntry;
  after: PaneEntry;
  sizes: PairMove;
  groupPixels: number;
}

export function Separator(props: { className?: string; 'aria-label': string }) {
  const group = useGroup('Separator');
  const self = useRef<HTMLDivElement>(null);
  const drag = useRef<{ from: number; pair: Pair } | undefined>(undefined);
  const [valueNow, setValueNow] = useState<number>();
  const [active, setActive] = useState(false);
  const horizontal = group.orientation === 'horizontal';

  // aria-valuenow follows the pane before the separator as the browser lays it out (after layout, never forcing one).
  useEffect(() => {
    const before = self.current?.previousElementSibling;
    const box = group.element.current;
    if (!before || !box) return;
    const observer = new ResizeObserver(() => setValueNow(percentOf(along(group, before), along(group, box))));
    observer.observe(before);
    observer.observe(box);
    return () => observer.disconnect();
  }, [group]);

  /** The panes either side, measured now, with every share in the group turned into pixels. */
  function pair(): Pair | undefined {
    const beforeElement = self.current?.previousElementSibling;
    const afterElement = self.current?.nextElementSibling;
    const box = group.element.current;
    const before = beforeElement ? group.panes.get(beforeElement) : undefined;
    const after = afterElement ? group.panes.get(afterElement) : undefined;
    if (!before || !after || !beforeElement || !afterElement || !box) return undefined;
    const groupPixels = along(group, box);
    const minOf = (element: Element) => minPixels(horizontal ? getComputedStyle(element).minWidth : getComputedStyle(element).minHeight, groupPixels);
    const sizes = { before: along(group, beforeElement), beforeMin: minOf(beforeElement), after: along(group, afterElement), afterMin: minOf(afterElement) };
    fixShares(group);
    return { before, after, sizes, groupPixels };
  }

  /** Sizes the two panes; aria-valuenow follows from the ResizeObserver once the browser has laid them out. */
  function apply(moving: Pair, delta: number): void {
    const next = movePair(moving.sizes, delta);
    moving.before.setSize({ share: next.before });
    moving.after.setSize({ share: next.after });
  }

  const position = (event: PointerEvent) => (horizontal ? event.clientX : event.clientY);

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    const moving = pair();
    if (!moving) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { from: position(event), pair: moving };
    setActive(true);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const dragging = drag.current;
    if (dragging) apply(dragging.pair, position(event) - dragging.from);
  }

  function endDrag() {
    drag.current = undefined;
    setActive(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const [less, more] = horizontal ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const steps: Record<string, number> = { [less]: -1, [more]: 1, Home: -Infinity, End: Infinity };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const moving = pair();
    if (moving) apply(moving, Number.isFinite(step) ? step * KEY_STEP * moving.groupPixels : step);
  }

  return (
    <div
      ref={self}
      role="separator"
      aria-label={props['aria-label']}
      aria-orientation={horizontal ? 'vertical' : 'horizontal'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={valueNow}
      tabIndex={0}
      className={props.className}
      data-separator={active ? 'active' : 'inactive'}
      style={{ cursor: horizontal ? 'col-resize' : 'row-resize', touchAction: 'none', flex: '0 0 auto', position: 'relative', zIndex: 1 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onKeyDown={onKeyDown}
    />
  );
}

export function usePanelRef(): RefObject<PanelHandle | null> {
  return useRef<PanelHandle | null>(null);
}
