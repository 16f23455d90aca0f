import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chooseAxisTicks } from './axisTicks.ts';
import { storyScale } from './storyScale.ts';
import { DAY_MS } from './view.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const START = Date.UTC(2022, 1, 24);
const day = (n: number) => START + n * DAY_MS;

inEveryZone(() => {
  describe('the story axis labels', () => {
    // Sixty days with events, one to nine days apart: many breaks, and any window over them.
    const gaps = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 9));
    const days = gaps.reduce<number[]>((acc, g) => [...acc, (acc.at(-1) ?? -1) + g], []).map(day);
    const axis = storyScale(days.map((start) => ({ start, room: 1 })));
    const [a0, a1] = [axis.toAxis(days[0]!), axis.toAxis(days.at(-1)! + DAY_MS)];

    test('every day label is whole inside the axis (one cut by an edge could read as another day); break labels are whole and apart', () => {
      fc.assert(fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.02, max: 1, noNaN: true }), fc.integer({ min: 300, max: 1600 }), (from, share, width) => {
        const viewA = [a0 + (a1 - a0) * from, a0 + (a1 - a0) * Math.min(1, from + share)] as const;
        const view = [axis.fromAxis(viewA[0]), axis.fromAxis(viewA[1])] as const;
        const x = (t: number) => ((axis.toAxis(t) - viewA[0]) / (viewA[1] - viewA[0])) * width;
        const { ticks, breaks } = chooseAxisTicks(axis, view, viewA, width, days);
        // Drawn 4 px right of its day's start (Timeline.tsx), about 7 px a character at 12 px.
        for (const t of ticks) expect(x(t.value) + 4, t.label).toBeGreaterThanOrEqual(0);
        const spans = breaks.map((b) => [b.x - (b.label.length * 7) / 2, b.x + (b.label.length * 7) / 2] as const);
        for (const [l, r] of spans) expect(l >= -1e-9 && r <= width + 1e-9, `${l}–${r} in 0–${width}`).toBe(true);
        spans.forEach(([l, r], i) => spans.slice(i + 1).forEach(([l2, r2]) => expect(r <= l2 || r2 <= l, 'break labels apart').toBe(true)));
      }), { numRuns: 200, seed: 20220224 });
    });
  });
});
