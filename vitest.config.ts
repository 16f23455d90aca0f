/**
 * Unit and component tests (`npm run test:unit`). Pure modules (`*.test.ts`)
 * run in Node; component tests (`*.test.tsx`) run in jsdom. Browser tests
 * live in tests/browser and have their own config (vitest.browser.config.ts).
 *
 * Every test runs in UTC; the date-sensitive ones run again in
 * America/Los_Angeles and Asia/Tokyo, in the same workers: such a file
 * declares its tests inside `inEveryZone` (tests/inEveryZone.ts).
 */
import os from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';

const roots = ['src', 'pipeline', 'tests/unit', 'bench'];

// Files share their worker's module cache (isolate: false) instead of importing React, jsdom and
// the app afresh for each file, which cost more than the tests themselves. Safe because no test
// leaves global state behind: time zones and stubs are restored in afterEach, restoreMocks is on,
// Testing Library unmounts after each test, and the app's module-level caches are keyed on the
// matchMedia they came from.
const node = (name: string, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, env: { TZ: 'UTC' }, environment: 'node', include, isolate: false },
});
const dom = (name: string, include: string[]): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, env: { TZ: 'UTC' }, environment: 'jsdom', include, setupFiles: ['tests/setup.ts'], isolate: false },
});

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
      node('node', roots.map((r) => `${r}/**/*.test.ts`)),
      dom('dom', roots.map((r) => `${r}/**/*.test.tsx`)),
    ],
  },
});
