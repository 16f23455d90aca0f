/**
 * Builds the app once (vite build into dist/) and serves it on 127.0.0.1,
 * at the root and under /timeline/, for every browser test file.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain ES module without types
import { serveStatic } from '../../scripts/serve.mjs';
// @ts-expect-error: a plain ES module without types
import { findChromium } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** Where the build goes: TEST_DIST lets two checkouts' runs (or two people) keep apart. */
const DIST = process.env.TEST_DIST ?? 'dist';

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium() as string | null;
  if (!chromiumPath) {
    throw new Error('No Chromium for the browser tests. Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.');
  }
  if (!process.env.SKIP_BUILD) {
    // vitest sets NODE_ENV=test, which would give React's development build: test the production one.
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('vite build failed: see above');
  }
  const server = await serveStatic(DIST, { prefixes: ['/timeline/'] });
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => server.close();
}
