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
