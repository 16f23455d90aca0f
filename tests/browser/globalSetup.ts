/**
 * Once for every browser test file: makes sure dist/ holds the production
 * build of the current sources (building only when it does not, see
 * scripts/buildStamp.mjs), serves it on 127.0.0.1 at the root and under
 * /timeline/, and launches one Chromium that every file connects to (each
 * test opens its own context, so tests stay independent).
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain ES module without types
import { serveStatic } from '../../scripts/serve.mjs';
// @ts-expect-error: a plain ES module without types
import { CHROMIUM_ARGS, findTestChromium } from '../../scripts/chromium.mjs';
// @ts-expect-error: a plain ES module without types
import { ensureBuild } from '../../scripts/buildStamp.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    browserWsEndpoint: string;
    /** The build the run tests (TEST_DIST, else dist/), for a file that serves it with other data. */
    dist: string;
  }
}

/** Where the build goes: TEST_DIST lets two checkouts' runs (or two people) keep apart. */
const DIST = process.env.TEST_DIST ?? 'dist';

/**
 * For the tests only; they change how fast scripts load and run, not what they do. The bench
 * (bench/measureRun.mjs) launches Chromium as a reader's is, without them.
 * - V8 without its optimising compilers (Maglev, TurboFan): a test's page lives a few seconds, too
 *   short for optimised code to repay its compiling, which cost about an eighth of the suite's CPU
 *   (197 → 175 s).
 * - No script streaming: a streamed module is parsed again on a background thread for every page
 *   (31 ms of a page load's 280 CPU-ms in a trace), while one compiled on the main thread is found
 *   in V8's cache of the renderer, which the test pages share (harness.ts: pages open as popups).
 *   Chromium's CPU per page load: 276, 304, 300 → 245, 279, 276 ms (interleaved runs of 20 loads).
 * - No code cache (--v8-cache-options=none): V8 made one for the app's module on every load
 *   (v8.produceModuleCache, 20 ms of the renderer's ~190 in a trace), for pages that live seconds.
 *   Chromium's CPU per page load, nine interleaved runs of 20 loads each: 289 → 275 ms (mean).
 */
const TEST_ONLY_ARGS = ['--js-flags=--no-opt,--no-maglev', '--disable-features=ScriptStreaming', '--v8-cache-options=none'];

export default async function setup(project: TestProject) {
  const chromiumPath = findTestChromium() as string | null;
  if (!chromiumPath) {
    throw new Error('No Chromium for the browser tests. Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.');
  }
  const built = ensureBuild(DIST) as boolean;
  console.log(built ? `Built ${DIST}/ for the browser tests.` : `Testing ${DIST}/, a fresh build of the current sources.`);
  console.log(`Chromium: ${chromiumPath}`);
  const server = await serveStatic(DIST, { prefixes: ['/timeline/'], keepCompressed: true });
  // One browser process for all files, instead of one launch per file.
  const browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, ...TEST_ONLY_ARGS] });
  project.provide('baseUrl', server.url);
  project.provide('dist', DIST);
  project.provide('chromiumPath', chromiumPath);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await server.close();
  };
}
