/**
 * `npm test`: everything: typecheck, lint, the dataset check, the unit and
 * component tests (in UTC; the date-sensitive ones also in
 * America/Los_Angeles and Asia/Tokyo), the bundle-size budget, and the
 * browser tests in Chromium against the production build. Ends with one line
 * that sums up every suite: `N passed, N failed` (`, N skipped` when any were).
 *
 *   npm test [-- --help]
 *
 * Two lanes run side by side, each step's output printed whole when it ends:
 * the browser lane (the size budget, which builds dist/ unless it is a fresh
 * build of the current sources, then the browser tests on that build) and the
 * checks lane (dataset check, lint, typecheck, unit tests). Browser tests
 * spend much of their time waiting on the page, which the other lane fills.
 * Typecheck and lint keep caches in node_modules/.cache (a second run only
 * rechecks what changed).
 */
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';

exitWithHelpIfAsked(import.meta.url);
refuseUnknownArguments([]);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
fs.mkdirSync('test-results', { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;
// By path: both TypeScripts name their command `tsc`, so node_modules/.bin/tsc may be either.
const TSC_NATIVE = 'node_modules/typescript-native/bin/tsc';

/** Runs a command with its output captured (stdout and stderr interleaved); resolves to its exit status and output. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(cmd, args, { env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...env } });
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (e) => chunks.push(Buffer.from(`${cmd}: ${e.message}\n`)));
    child.on('close', (code) => resolve({ status: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });
}

/** Prints a finished step: its name, how long it took, then its whole output. */
function report(name, since, output) {
  console.log(`\n▶ ${name} (${seconds(since)})`);
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
}

/** A step that is one check: passes or fails as a whole. */
async function check(name, cmd, args, env = {}) {
  const since = Date.now();
  const { status, output } = await run(cmd, args, env);
  report(name, since, output);
  totals[status === 0 ? 'passed' : 'failed'] += 1;
  if (status !== 0) failures.push(name);
}

/** A vitest run: counts its tests from the JSON report. */
async function vitest(name, config, env = {}) {
  const since = Date.now();
  const file = `test-results/${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`;
  fs.rmSync(file, { force: true });
  const { status, output } = await run(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${file}`], env);
  report(name, since, output);
  let counted = false;
  if (fs.existsSync(file)) {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    counted = r.numTotalTests > 0;
    if (r.numFailedTests > 0 || (status !== 0 && r.numFailedTests === 0)) failures.push(name);
    if (status !== 0 && r.numFailedTests === 0) totals.failed += 1; // a suite that failed to load
  }
  if (!counted) {
    totals.failed += 1;
    failures.push(`${name} (ran no test)`);
  }
}

const dist = process.env.TEST_DIST ?? 'dist';
ensureChromium(); // the browser tests' global setup picks which one (the headless shell when installed)
const CACHE = 'node_modules/.cache';
for (const dir of ['tsc-native', 'eslint']) fs.mkdirSync(`${CACHE}/${dir}`, { recursive: true });

console.log('▶ running two lanes side by side: size budget → browser tests; dataset check → lint → typecheck → unit tests');
await Promise.all([
  (async () => {
    // One production build serves both the size budget and the browser tests: the size check builds
    // dist/ unless `npm run build` (or the last run) left a fresh one, and the browser tests reuse it.
    await check('size budget (npm run size)', 'node', ['scripts/check-size.mjs', '--out-dir', dist]);
    await vitest('browser tests (Chromium, production build)', 'vitest.browser.config.ts', { TEST_DIST: dist });
  })(),
  (async () => {
    await check('dataset is up to date (npm run data -- --check)', bin('tsx'), ['pipeline/main.ts', '--check', '--quiet']);
    // Lint and typecheck early, the tests last: each lane ends with a suite that keeps both cores
    // busy once the other lane is done (lint at the end of a lane ran about 8 s on one core alone).
    await check('lint', bin('eslint'), ['.', '--max-warnings=0', '--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint/`]);
    // The typecheck is TypeScript 7's native compiler (package.json's typescript-native): the same
    // diagnostics as TypeScript 6's tsc on this code, for about a seventh of its CPU (17 → 2.2 s).
    // TypeScript 6 stays for ESLint's parser. One thread: the other lane keeps the second core busy.
    await check('typecheck', 'node', [TSC_NATIVE, '-p', 'tsconfig.json', '--noEmit', '--singleThreaded', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsc-native/tsconfig.tsbuildinfo`]);
    // One run for all zones: every test runs in UTC, and the date-sensitive ones (declared inside
    // tests/inEveryZone.ts's inEveryZone) again in America/Los_Angeles and Asia/Tokyo.
    // A larger young generation for the test workers: component tests make much short-lived garbage
    // (React trees, jsdom nodes), and 32 MB semi-spaces scavenge it less often (82 → 76 CPU-s).
    const nodeOptions = [process.env.NODE_OPTIONS, '--max-semi-space-size=32'].filter(Boolean).join(' ');
    await vitest('unit and component tests (UTC; date-sensitive ones also in America/Los_Angeles, Asia/Tokyo)', 'vitest.config.ts', { TZ: 'UTC', NODE_OPTIONS: nodeOptions });
  })(),
]);

console.log('');
console.log(`npm test took ${seconds(started)}`);
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
