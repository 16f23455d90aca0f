/**
 * The zone matrix of the date-sensitive tests. Only what turns days into instants or back needs it
 * (as date-fns runs its time-zone suite apart): calendar days, ticks, the view window, the story
 * scale, date resolution and evidence, resolving a link's days against the data, chunk periods and
 * the viewer's day headings. Such a file declares its tests inside `inEveryZone`, and they run
 * three times: in UTC and in two zones on either side of it, where a local day and the UTC day
 * differ for part of every day.
 *
 * They run in the worker they were given, its zone changed in between: Node applies a change of
 * process.env.TZ at once (its Date and a new Intl.DateTimeFormat follow it). This replaced one
 * worker process per zone and per environment, which cost more than the tests themselves (about a
 * third of the unit run's CPU: 29 of 94 CPU-s for these 370 tests). What is computed while the
 * tests are declared, or when a module is first imported, is computed in the worker's zone (UTC):
 * the app keeps no zone-dependent state at module level (no formatter without an explicit
 * `timeZone`), and a test must not either.
 */
import { afterAll, beforeAll, beforeEach, describe, expect } from 'vitest';

export const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo'] as const;

/** Declares `declare`'s tests once per zone of ZONES, each run with the process in that zone. */
export function inEveryZone(declare: (zone: string) => void): void {
  for (const zone of ZONES) {
    describe(`TZ=${zone}`, () => {
      const before = process.env.TZ;
      // Before the block's own beforeAll hooks, and again before each test: a test may change the
      // zone itself, and its file's afterEach may set it back to the worker's.
      const enter = () => {
        process.env.TZ = zone;
        // A runtime that ignored the change would run the block in the worker's zone and prove nothing.
        expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      };
      beforeAll(enter);
      beforeEach(enter);
      afterAll(() => {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      });
      declare(zone);
    });
  }
}
