/**
 * Browser tests: Chromium (playwright-core) against the production build,
 * served on 127.0.0.1 by scripts/serve.mjs. The global setup reuses dist/
 * when it is a fresh build of the current sources (else builds it), starts
 * the server and one Chromium for the run. Three files run at a time: a test
 * spends much of its time waiting on the page (frames, animations), which the
 * others fill (on 2 cores the suite used about 1.2 of them with two files);
 * every test opens its own browser context, so files never share state.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/globalSetup.ts'],
    fileParallelism: true,
    maxWorkers: 3,
    // The three workers stay for the whole run, each taking file after file, instead of a new process
    // per file that loads vitest and playwright-core again (about 1.5 s of CPU each). Files still share
    // nothing: each connects to the browser in beforeAll and every test opens its own context.
    isolate: false,
    // Waits are for conditions; these bounds are only reached when a test fails, and are generous
    // so that a busy machine (three files at once, unit tests beside them) only makes a wait longer.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
