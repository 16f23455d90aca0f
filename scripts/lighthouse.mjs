/**
 * `npm run lighthouse`: builds the app, serves dist/ on 127.0.0.1 and runs
 * Lighthouse with Debian's Chromium (CHROME_PATH / CHROMIUM_PATH), desktop
 * and mobile presets, printing the four category scores (and any audit that
 * keeps a category below 100).
 *
 *   npm run lighthouse [-- --no-build] [--strict]
 *
 * --no-build: use the dist/ that is there. --strict: exit 1 when a score is below 100.
 */
import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.mjs';
import { serveStatic } from './serve.mjs';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';

exitWithHelpIfAsked(import.meta.url);
refuseUnknownArguments(['--no-build', '--strict']);

if (!process.argv.includes('--no-build')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const chromePath = process.env.CHROME_PATH ?? ensureChromium();
const server = await serveStatic('dist');
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
let failed = false;
try {
  for (const [name, config] of [['desktop', desktopConfig], ['mobile', undefined]]) {
    const result = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    const { categories, audits } = result.lhr;
    const scores = Object.values(categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    console.log(`${name.padEnd(8)} ${scores.join(' · ')}`);
    for (const c of Object.values(categories)) {
      if (c.score === 1) continue;
      failed = true;
      for (const ref of c.auditRefs) {
        const a = audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`  ${c.title}: ${a.id} (${a.score}) ${a.displayValue ?? ''} ${a.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
process.exit(failed && process.argv.includes('--strict') ? 1 : 0);
