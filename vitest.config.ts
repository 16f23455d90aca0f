/**
 * Unit and component tests (`npm run test:unit`). Pure modules (`*.test.ts`)
 * run in Node; component tests (`*.test.tsx`) run in jsdom. Browser tests
 * live in tests/browser and have their own config (vitest.browser.config.ts).
 *
 * Every test runs in UTC; the date-sensitive ones run again in
 * America/Los_Angeles and Asia/Tokyo, as projects of the same run, so one
 * pool of workers runs them all (each project's worker processes get its TZ).
 */
import os from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';

const roots = ['src', 'pipeline', 'tests/unit', 'bench'];

// Only what turns days into instants or back needs the zone matrix (as date-fns runs its tz suite
// apart): calendar days, ticks, the view window, story scale, date resolution, resolving a link's days
// against the data, the list's day groups and the viewer's day headings. Parsing and writing the URL
// (urlState.test.ts, 76 tests) is not: it handles strings only, and its one day check is
// isCalendarDay's arithmetic, which calendarDay.test.ts runs in every zone. The pipeline's
// byte-for-byte determinism test runs two zones itself (pipeline/main.test.ts). A new
// date-sensitive test file belongs in this list.
export const DATE_SENSITIVE = [
  'src/lib/time/**/*.test.ts', 'src/lib/url/resolveUrlState.test.ts', 'src/lib/evidence/**/*.test.ts', 'src/features/event-list/groupForList.test.ts',
  'pipeline/resolveDate.test.ts', 'pipeline/proposeEvidence.test.ts', 'pipeline/splitDataset.test.ts', 'src/app/Viewer.dates.test.tsx',
];
export const EXTRA_ZONES = ['America/Los_Angeles', 'Asia/Tokyo'];

// Files share their worker's module cache (isolate: false) instead of importing React, jsdom and
// the app afresh for each file, which cost more than the tests themselves. Safe because no test
// leaves global state behind: time zones and stubs are restored in afterEach, restoreMocks is on,
// Testing Library unmounts after each test, and the app's module-level caches are keyed on the
// matchMedia they came from. Worker processes still run one project (one time zone) each.
const node = (name: string, TZ: string, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, env: { TZ }, environment: 'node', include, isolate: false },
});
const dom = (name: string, TZ: string, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, env: { TZ }, environment: 'jsdom', include, setupFiles: ['tests/setup.ts'], isolate: false },
});
const pure = (files: string[]) => files.filter((f) => f.endsWith('.ts'));
const components = (files: string[]) => files.filter((f) => f.endsWith('.tsx'));

export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    // Tests wait on conditions, never on time; this only bounds a stuck one. Generous, so that a
    // busy 2-core machine (a browser suite beside it) does not fail a test that would pass.
    testTimeout: 30_000,
    // One worker per core (vitest's default leaves one core idle, which on 2 cores means one worker).
    maxWorkers: os.availableParallelism(),
    projects: [
      node('node', 'UTC', roots.map((r) => `${r}/**/*.test.ts`)),
      dom('dom', 'UTC', roots.map((r) => `${r}/**/*.test.tsx`)),
      ...EXTRA_ZONES.flatMap((TZ) => [
        node(`node ${TZ}`, TZ, pure(DATE_SENSITIVE)),
        dom(`dom ${TZ}`, TZ, components(DATE_SENSITIVE)),
      ]),
    ],
  },
});
