import type { Window } from '../time/view.ts';
import type { LaneItem } from './layoutMarks.ts';

/**
 * The lanes' items that keep at least `spacing` pixels between each other in view (the selected
 * one always): what is drawn over a histogram, where every mark is a key event and hundreds may
 * fall in a view.
 */
export function thinLanes(index: { lanes: LaneItem[][]; longest: number[] }, view: Window, width: number, spacing: number, selectedId: string | null) {
  const msPerPx = (view[1] - view[0]) / width;
  const lanes = index.lanes.map((items) => {
    const kept: LaneItem[] = [];
    let last = -Infinity;
    for (const item of items) {
      const x = (item.start - view[0]) / msPerPx;
      if (item.id !== selectedId && (x < -spacing || x > width + spacing || x - last < spacing)) continue;
      kept.push(item);
      last = x;
    }
    return kept;
  });
  return { lanes, longest: index.longest };
}
