import { describe, expect, test, vi } from 'vitest';
import { act, render, renderHook, screen } from '@testing-library/react';
import { useShownWindow, useTimelineView, type TimelineView } from './useTimelineView.ts';
import type { Window } from '../../lib/time/view.ts';

const DAY = 86_400_000;
const FULL: Window = [0, 30 * DAY];

/** The hook as the viewer uses it: the committed window comes from outside (the URL) and commits go back to it. */
function setup(initial: Window = FULL) {
  const commits: Window[] = [];
  const commit = vi.fn((w: Window) => commits.push(w));
  const hook = renderHook(({ committed }) => useTimelineView(FULL, committed, commit), { initialProps: { committed: initial } });
  return { ...hook, commits, commit };
}

describe('one owner of the window', () => {
  test('a gesture shows each frame and commits once, at its end, the window it reached', () => {
    const { result, commits } = setup();
    act(() => result.current.setView([DAY, 21 * DAY]));
    act(() => result.current.setView([2 * DAY, 22 * DAY]));
    expect(result.current.getView()).toEqual([2 * DAY, 22 * DAY]);
    expect(commits).toEqual([]);
    act(() => result.current.endGesture());
    expect(commits).toEqual([[2 * DAY, 22 * DAY]]);
  });

  test('once the gesture is committed, the timeline shows the committed window, not a copy of its own', () => {
    const { result, rerender } = setup();
    act(() => result.current.setView([DAY, 21 * DAY]));
    act(() => result.current.endGesture());
    // The URL rounds the window to whole days: the screen follows what the URL says.
    rerender({ committed: [DAY, 21 * DAY + DAY / 3] });
    expect(result.current.getView()).toEqual([DAY, 21 * DAY + DAY / 3]);
  });

  test('Back in the middle of a gesture: the window from the URL wins over the live one', () => {
    const { result, rerender, commits } = setup();
    act(() => result.current.setView([5 * DAY, 10 * DAY]));
    rerender({ committed: [10 * DAY, 20 * DAY] });
    expect(result.current.getView()).toEqual([10 * DAY, 20 * DAY]);
    act(() => result.current.endGesture());
    expect(commits).toEqual([]);
  });

  test('buttons and keys commit at once; the last action wins over an animation still running', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => { frames.length = 0; });
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    const { result, commits } = setup([10 * DAY, 20 * DAY]);
    act(() => result.current.animateTo([0, 10 * DAY]));
    act(() => result.current.fitAll());
    expect(commits).toEqual([FULL]);
    // Frames of the stopped animation change nothing.
    act(() => { for (const cb of frames.splice(0)) cb(performance.now() + 1000); });
    expect(commits).toEqual([FULL]);
    act(() => result.current.zoomBy(2));
    expect(commits).toHaveLength(2);
    vi.unstubAllGlobals();
  });
});

describe('moves in a run', () => {
  test('a move animates; the next one soon after (a held key) jumps, committing at once', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => { frames.length = 0; });
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    const { result, commits } = setup([10 * DAY, 20 * DAY]);
    act(() => result.current.animateTo([12 * DAY, 22 * DAY]));
    expect(commits).toEqual([]);
    expect(frames).toHaveLength(1);
    act(() => result.current.animateTo([14 * DAY, 24 * DAY]));
    expect(commits).toEqual([[14 * DAY, 24 * DAY]]);
    expect(frames).toHaveLength(0);
    vi.unstubAllGlobals();
  });
});

describe('a frame redraws only what shows the window', () => {
  test('frames of a gesture re-render the component that shows the window, not the one that owns it', () => {
    let ownerRenders = 0;
    let handle: TimelineView | null = null;
    function Shown({ timeline }: { timeline: TimelineView }) {
      const [a, b] = useShownWindow(timeline);
      return <p>Shown: {a / DAY}–{b / DAY}</p>;
    }
    function Owner() {
      ownerRenders += 1;
      const timeline = useTimelineView(FULL);
      handle = timeline;
      return <Shown timeline={timeline} />;
    }
    render(<Owner />);
    const before = ownerRenders;
    act(() => handle!.setView([DAY, 11 * DAY]));
    act(() => handle!.setView([2 * DAY, 12 * DAY]));
    expect(screen.getByText(/^Shown:/).textContent).toBe('Shown: 2–12');
    expect(ownerRenders).toBe(before);
    // The end of the gesture commits: the owner's window changes, and the shown one stays.
    act(() => handle!.endGesture());
    expect(screen.getByText(/^Shown:/).textContent).toBe('Shown: 2–12');
    expect(ownerRenders).toBeGreaterThan(before);
  });
});
