import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { clampWindow, zoomWindow, type Window } from '../../lib/time/view.ts';
import { animateWindow } from './useZoom.ts';

export type TimelineView = {
  full: Window;
  view: Window;
  setView: (view: Window) => void;
  /** Zooms by `factor` (>1 zooms in) about `anchor` (UTC ms; default the centre). */
  zoomBy: (factor: number, anchor?: number) => void;
  fitAll: () => void;
  /** Moves to `view` in a short animation (none when motion is reduced). */
  animateTo: (view: Window) => void;
};

/**
 * The visible window of the timeline and the actions on it, shared by buttons, keys and gestures.
 * The last action wins: any of them stops an animation still running (a pan to a selection), so
 * "Fit all" right after Home is not undone by Home's late frames.
 */
export function useTimelineView(full: Window, initial: Window = full): TimelineView {
  const [view, setRawView] = useState<Window>(() => clampWindow(full, initial));
  const running = useRef<() => void>(() => {});
  const current = useRef(view);
  useLayoutEffect(() => { current.current = view; }, [view]);
  const stop = () => {
    running.current();
    running.current = () => {};
  };
  const setView = useCallback((next: Window) => { stop(); setRawView(clampWindow(full, next)); }, [full]);
  const zoomBy = useCallback((factor: number, anchor?: number) => { stop(); setRawView((v) => zoomWindow(full, v, factor, anchor)); }, [full]);
  const fitAll = useCallback(() => { stop(); setRawView(full); }, [full]);
  const animateTo = useCallback((to: Window) => {
    stop();
    running.current = animateWindow(current.current, clampWindow(full, to), (w) => setRawView(clampWindow(full, w)));
  }, [full]);
  return useMemo(() => ({ full, view, setView, zoomBy, fitAll, animateTo }), [full, view, setView, zoomBy, fitAll, animateTo]);
}
