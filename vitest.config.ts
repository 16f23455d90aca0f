/**
 * Unit and component tests (`npm run test:unit`). Pure modules (`*.test.ts`)
 * run in Node; component tests (`*.test.tsx`) run in jsdom. Browser tests
 * live in tests/browser and have their own config (vitest.browser.config.ts).
 */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const roots = ['src', 'pipeline', 'tests/unit', 'bench'];

export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    // Tests wait on conditions, never on time; this only bounds a stuck one. Generous, so that a
    // busy 2-core machine (a browser suite beside it) does not fail a test that would pass.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: roots.map((r) => `${r}/**/*.test.ts`) },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'jsdom', include: roots.map((r) => `${r}/**/*.test.tsx`), setupFiles: ['tests/setup.ts'] },
      },
    ],
  },
});
