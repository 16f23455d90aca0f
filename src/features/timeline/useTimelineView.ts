import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { clampWindow, zoomWindow, type Window } from '../../lib/time/view.ts';
import { easeQuadInOut } from 'd3-ease';

/** The window shown during a gesture or an animation (null: the committed one). Read by the timeline alone. */
export type LiveWindow = {
  get: () => Window | null;
  subscribe: (onChange: () => void) => () => void;
};

export type TimelineView = {
  full: Window;
  /** The committed window (the URL's, in the viewer), clamped to `full`. */
  committed: Window;
  /**
   * The live window of a gesture or an animation. It is a store, not state: a frame re-renders
   * only the component that shows it (`useShownWindow`), not the viewer around it.
   */
  live: LiveWindow;
  /** What the timeline shows now: the live window, else the committed one. For handlers. */
  getView: () => Window;
  /** A frame of a gesture: shown at once, committed when the gesture ends (`endGesture`). */
  setView: (view: Window) => void;
  /** The end of a gesture (d3-zoom's `end`): the window it reached is committed, once. */
  endGesture: () => void;
  /** Commits a window now (a link, a step that must show an event). */
  commitView: (view: Window) => void;
  /** Zooms by `factor` (>1 zooms in) about `anchor` (UTC ms; default the centre), and commits it. */
  zoomBy: (factor: number, anchor?: number) => void;
  fitAll: () => void;
  /** Moves to `view` in a short animation (none when motion is reduced), then commits it. */
  animateTo: (view: Window) => void;
};

/** A one-value store: the live window, and who to tell when it changes. */
function createLiveWindow(): LiveWindow & { set: (w: Window | null) => void } {
  let value: Window | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (w) => {
      if (w === value) return;
      value = w;
      for (const l of listeners) l();
    },
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/**
 * The window a timeline shows: re-renders its caller on each frame of a gesture or animation.
 * State fed by a subscription, not useSyncExternalStore: a store's update renders at once, inside
 * the wheel or pointer event, and Chromium dispatches those in the frame that then styles, lays out
 * and paints the result, so each wheel step made one frame of both (about 25 ms at 1,000 events,
 * a missed frame per step). As state, the update renders in a task of its own after that frame, and
 * the next frame only draws it: two frames under the budget instead of one over it. The end of a
 * gesture writes its window first (the viewer's URL store renders at once) and drops the live one
 * after, so the drop never shows the window from before the gesture.
 */
export function useShownWindow(timeline: TimelineView): Window {
  const { live } = timeline;
  const [shown, setShown] = useState<{ from: LiveWindow; value: Window | null }>(() => ({ from: live, value: live.get() }));
  useLayoutEffect(() => live.subscribe(() => setShown({ from: live, value: live.get() })), [live]);
  // A new store (another timeline) is read directly until its first change.
  const value = shown.from === live ? shown.value : live.get();
  return value ?? timeline.committed;
}

/**
 * The visible window of the timeline and the actions on it, shared by buttons, keys and gestures.
 * One owner: `committed` (the URL's window, in the viewer) is what the timeline shows, except
 * while a gesture or an animation runs; each of those writes its end through `commit` once. A
 * new committed window from outside (Back, Forward, a link) drops whatever was live, and any
 * action stops an animation still running, so the last action always wins.
 * The returned object keeps its identity while only the live window moves.
 * Without `committed`/`commit` (a component test) the hook keeps the window itself.
 */
export function useTimelineView(full: Window, committed?: Window, commit?: (view: Window) => void): TimelineView {
  const [own, setOwn] = useState<Window>(() => clampWindow(full, committed ?? full));
  const clamped = clampWindow(full, committed ?? own);
  // One array per distinct window, so that what depends on it changes only when it does.
  const baseKey = `${clamped[0]}:${clamped[1]}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const base = useMemo(() => clamped, [baseKey]);
  const write = useCallback((w: Window) => (commit ?? setOwn)(clampWindow(full, w)), [commit, full]);
  const [live] = useState(createLiveWindow);
  const baseRef = useRef(base);
  useLayoutEffect(() => { baseRef.current = base; }, [base]);
  const getView = useCallback(() => live.get() ?? baseRef.current, [live]);

  const running = useRef<() => void>(() => {});
  const stop = () => {
    running.current();
    running.current = () => {};
  };
  // An animation must not outlive the timeline: its last frame would write a window to the URL.
  useEffect(() => () => running.current(), []);

  // A committed window that changes while nothing of ours is live came from outside: show it.
  const seenBase = useRef(baseKey);
  useLayoutEffect(() => {
    if (seenBase.current === baseKey) return;
    seenBase.current = baseKey;
    stop();
    live.set(null);
  }, [baseKey, live]);

  // Each commit writes first and drops the live window after, so no frame shows the old window.
  const setView = useCallback((next: Window) => { stop(); live.set(clampWindow(full, next)); }, [full, live]);
  const endGesture = useCallback(() => {
    const reached = live.get();
    if (!reached) return;
    write(reached);
    live.set(null);
  }, [write, live]);
  const commitView = useCallback((next: Window) => { stop(); write(next); live.set(null); }, [write, live]);
  const zoomBy = useCallback((factor: number, anchor?: number) => {
    stop();
    const from = getView();
    write(zoomWindow(full, from, factor, anchor));
    live.set(null);
  }, [full, write, live, getView]);
  const fitAll = useCallback(() => { stop(); write(full); live.set(null); }, [full, write, live]);
  // A run of moves in quick succession (a held or repeated key) jumps: an animation per step would
  // lag behind the keys and redraw the timeline a dozen times for each.
  const lastAnimation = useRef(-Infinity);
  const animateTo = useCallback((to: Window) => {
    stop();
    const target = clampWindow(full, to);
    const now = typeof performance === 'undefined' ? Date.now() : performance.now();
    const inRun = now - lastAnimation.current < RUN_MS;
    lastAnimation.current = now;
    if (inRun) {
      write(target);
      live.set(null);
      return;
    }
    running.current = animateWindow(getView(), target, (w) => {
      if (w === target) {
        write(target);
        live.set(null);
      } else {
        live.set(clampWindow(full, w));
      }
    });
  }, [full, write, live, getView]);
  return useMemo(
    () => ({ full, committed: base, live, getView, setView, endGesture, commitView, zoomBy, fitAll, animateTo }),
    [full, base, live, getView, setView, endGesture, commitView, zoomBy, fitAll, animateTo],
  );
}

const ANIMATION_MS = 220;
/** Moves closer together than this are a run: they jump instead of animating. */
const RUN_MS = 700;

let reducedMotion: { from: typeof matchMedia; query: MediaQueryList } | null = null;
/** Whether motion is reduced. One MediaQueryList, kept: creating one per step costs a style pass. */
function prefersReducedMotion(): boolean {
  if (typeof matchMedia !== 'function') return false;
  if (reducedMotion?.from !== matchMedia) reducedMotion = { from: matchMedia, query: matchMedia('(prefers-reduced-motion: reduce)') };
  return reducedMotion.query?.matches ?? false;
}

/** Animates from one window to another, calling `onFrame` each frame; returns a cancel function. */
export function animateWindow(from: Window, to: Window, onFrame: (w: Window) => void): () => void {
  if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function') {
    onFrame(to);
    return () => {};
  }
  const started = performance.now();
  let handle = 0;
  const step = (now: number) => {
    const t = Math.min(1, (now - started) / ANIMATION_MS);
    const e = easeQuadInOut(t);
    // The last frame is `to` itself, so the caller can tell the end from a frame on the way.
    if (t < 1) {
      onFrame([from[0] + (to[0] - from[0]) * e, from[1] + (to[1] - from[1]) * e]);
      handle = requestAnimationFrame(step);
    } else {
      onFrame(to);
    }
  };
  handle = requestAnimationFrame(step);
  return () => cancelAnimationFrame(handle);
}
