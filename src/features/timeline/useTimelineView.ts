import { useCallback, useMemo, useState } from 'react';
import { clampWindow, zoomWindow, type Window } from '../../lib/time/view.ts';

export type TimelineView = {
  full: Window;
  view: Window;
  setView: (view: Window) => void;
  /** Zooms by `factor` (>1 zooms in) about `anchor` (UTC ms; default the centre). */
  zoomBy: (factor: number, anchor?: number) => void;
  fitAll: () => void;
};

/** The visible window of the timeline and the actions on it, shared by buttons, keys and gestures. */
export function useTimelineView(full: Window, initial: Window = full): TimelineView {
  const [view, setRawView] = useState<Window>(() => clampWindow(full, initial));
  const setView = useCallback((next: Window) => setRawView(clampWindow(full, next)), [full]);
  const zoomBy = useCallback((factor: number, anchor?: number) => setRawView((v) => zoomWindow(full, v, factor, anchor)), [full]);
  const fitAll = useCallback(() => setRawView(full), [full]);
  return useMemo(() => ({ full, view, setView, zoomBy, fitAll }), [full, view, setView, zoomBy, fitAll]);
}
