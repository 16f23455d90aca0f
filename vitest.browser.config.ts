/**
 * Browser tests: Chromium (playwright-core) against the production build,
 * served on 127.0.0.1 by scripts/serve.mjs. The global setup builds dist/
 * once and starts the server; files run one at a time (2-core machines).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
