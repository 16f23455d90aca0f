import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { thinLanes } from './thinLanes.ts';

describe('thinLanes', () => {
  it('keeps, in each lane, items at least `spacing` px apart and inside the view, the selected one always', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -200, max: 1200 }), { maxLength: 300 }).map((xs) => xs.sort((a, b) => a - b)),
      fc.integer({ min: 1, max: 60 }),
      fc.option(fc.nat({ max: 299 }), { nil: null }),
      (xs, spacing, selected) => {
        // One axis unit per pixel: the view is [0, 1000] over 1000 px.
        const items = xs.map((x, i) => ({ id: `e${i}`, lane: 0, start: x, end: x + 1 }));
        const selectedId = selected !== null && selected < items.length ? `e${selected}` : null;
        const kept = thinLanes({ lanes: [items], longest: [1] }, [0, 1000], 1000, spacing, selectedId).lanes[0]!;
        const others = kept.filter((k) => k.id !== selectedId);
        for (let i = 1; i < others.length; i++) expect(others[i]!.start - others[i - 1]!.start).toBeGreaterThanOrEqual(spacing);
        for (const k of others) expect(k.start >= -spacing && k.start <= 1000 + spacing).toBe(true);
        if (selectedId) expect(kept.some((k) => k.id === selectedId)).toBe(true);
        // Nothing in view is dropped unless a kept one is within `spacing` before it.
        for (const item of items) {
          if (item.start < -spacing || item.start > 1000 + spacing || kept.includes(item)) continue;
          expect(kept.some((k) => k.start <= item.start && item.start - k.start < spacing)).toBe(true);
        }
      },
    ));
  });
});
