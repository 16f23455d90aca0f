/**
 * The app's own Vite config with the archive search probe (probe.html) as the only page: the same
 * plugins, so the probe gets the production Content-Security-Policy and the worker its own chunk.
 * For tests/browser/archive-search.test.ts and bench/searchBrowserBench.ts; npm run build never sees it.
 *
 *   NODE_ENV=production npx vite build --config tests/browser/archive-search/vite.probe.config.ts --outDir DIR --emptyOutDir
 */
import path from 'node:path';
import { mergeConfig } from 'vite';
import app from '../../../vite.config.ts';

export default mergeConfig(app, {
  build: { rolldownOptions: { input: { probe: path.resolve('tests/browser/archive-search/probe.html') } } },
});
