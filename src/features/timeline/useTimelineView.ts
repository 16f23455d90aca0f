import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { clampWindow, zoomWindow, type Window } from '../../lib/time/view.ts';
import { easeQuadInOut } from 'd3-ease';

export type TimelineView = {
  full: Window;
  /** What the timeline shows: the committed window, or the live one during a gesture or animation. */
  view: Window;
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

/**
 * The visible window of the timeline and the actions on it, shared by buttons, keys and gestures.
 * One owner: `committed` (the URL's window, in the viewer) is what the timeline shows, except
 * while a gesture or an animation runs; each of those writes its end through `commit` once. A
 * new committed window from outside (Back, Forward, a link) drops whatever was live, and any
 * action stops an animation still running, so the last action always wins.
 * Without `committed`/`commit` (a component test) the hook keeps the window itself.
 */
export function useTimelineView(full: Window, committed?: Window, commit?: (view: Window) => void): TimelineView {
  const [own, setOwn] = useState<Window>(() => clampWindow(full, committed ?? full));
  const base = clampWindow(full, committed ?? own);
  const write = useCallback((w: Window) => (commit ?? setOwn)(clampWindow(full, w)), [commit, full]);
  const [live, setLive] = useState<Window | null>(null);
  const view = live ?? base;

  const running = useRef<() => void>(() => {});
  const stop = () => {
    running.current();
    running.current = () => {};
  };
  // An animation must not outlive the timeline: its last frame would write a window to the URL.
  useEffect(() => () => running.current(), []);
  const current = useRef(view);
  useLayoutEffect(() => { current.current = view; }, [view]);
  const liveRef = useRef(live);
  useLayoutEffect(() => { liveRef.current = live; }, [live]);

  // A committed window that changes while nothing of ours is live came from outside: show it.
  const baseKey = `${base[0]}:${base[1]}`;
  const seenBase = useRef(baseKey);
  useEffect(() => {
    if (seenBase.current === baseKey) return;
    seenBase.current = baseKey;
    stop();
    setLive(null);
  }, [baseKey]);

  const setView = useCallback((next: Window) => { stop(); setLive(clampWindow(full, next)); }, [full]);
  const endGesture = useCallback(() => {
    const reached = liveRef.current;
    if (!reached) return;
    write(reached);
    setLive(null);
  }, [write]);
  const commitView = useCallback((next: Window) => { stop(); setLive(null); write(next); }, [write]);
  const zoomBy = useCallback((factor: number, anchor?: number) => {
    stop();
    setLive(null);
    write(zoomWindow(full, current.current, factor, anchor));
  }, [full, write]);
  const fitAll = useCallback(() => { stop(); setLive(null); write(full); }, [full, write]);
  const animateTo = useCallback((to: Window) => {
    stop();
    const target = clampWindow(full, to);
    running.current = animateWindow(current.current, target, (w) => {
      if (w === target) {
        setLive(null);
        write(target);
      } else {
        setLive(clampWindow(full, w));
      }
    });
  }, [full, write]);
  return useMemo(
    () => ({ full, view, setView, endGesture, commitView, zoomBy, fitAll, animateTo }),
    [full, view, setView, endGesture, commitView, zoomBy, fitAll, animateTo],
  );
}

const ANIMATION_MS = 220;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
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
