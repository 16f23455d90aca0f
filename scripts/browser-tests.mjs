/**
 * `npm run test:browser`: only the browser tests (tests/browser), in
 * Chromium against the production build in dist/ (built first unless it is a
 * fresh build of the current sources), served on 127.0.0.1. Finds
 * Chromium (or installs Debian's as root, see scripts/chromium.mjs). Other
 * arguments go to vitest, e.g. one file:
 *
 *   npm run test:browser [-- tests/browser/hardening.test.ts]
 *
 * TEST_DIST=/tmp/dist-mine keeps the build apart from dist/ (and from others' runs).
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { exitWithHelpIfAsked } from './usage.mjs';

exitWithHelpIfAsked(import.meta.url);
ensureChromium(); // the global setup picks which one (the headless shell when installed)
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
