/**
 * `npm test`: everything, in order: typecheck, lint, the dataset check, the
 * unit and component tests (in UTC; the date-sensitive ones also in
 * America/Los_Angeles and Asia/Tokyo), the
 * bundle-size budget, and the browser tests in Chromium against the
 * production build. Ends with one line that sums up every suite:
 * `N passed, N failed` (`, N skipped` when any were).
 *
 *   npm test [-- --help]
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';

exitWithHelpIfAsked(import.meta.url);
refuseUnknownArguments([]);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
fs.mkdirSync('test-results', { recursive: true });

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A step that is one check: passes or fails as a whole. */
function check(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const ok = run(cmd, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(name);
}

/** A vitest run: counts its tests from the JSON report. */
function vitest(name, config, extraArgs = [], env = {}) {
  console.log(`\n▶ ${name}`);
  const report = `test-results/${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`;
  fs.rmSync(report, { force: true });
  const status = run('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extraArgs], env);
  let counted = false;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
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

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('dataset is up to date (npm run data -- --check)', 'npx', ['tsx', 'pipeline/main.ts', '--check', '--quiet']);
vitest('unit and component tests (UTC)', 'vitest.config.ts', [], { TZ: 'UTC' });
// Only what turns days into instants or back needs the zone matrix (as date-fns runs its tz suite
// apart): calendar days, ticks, the view window, story scale, date resolution, URL state, the list's
// day groups and the viewer's day headings. The pipeline's byte-for-byte determinism test runs two
// zones itself (pipeline/main.test.ts). A new date-sensitive test file belongs in this list.
const DATE_SENSITIVE = [
  'src/lib/time/', 'src/lib/url/', 'src/lib/evidence/', 'src/features/event-list/groupForList.test.ts',
  'pipeline/resolveDate.test.ts', 'pipeline/proposeEvidence.test.ts', 'src/app/Viewer.test.tsx',
];
for (const TZ of ['America/Los_Angeles', 'Asia/Tokyo']) {
  vitest(`date-sensitive tests (${TZ})`, 'vitest.config.ts', DATE_SENSITIVE, { TZ });
}

// One production build serves both the size budget and the browser tests (they would each build).
const dist = process.env.TEST_DIST ?? 'dist';
fs.rmSync(`${dist}/index.html`, { force: true }); // never test an older build if this one fails
check('size budget (npm run size)', 'node', ['scripts/check-size.mjs', '--out-dir', dist]);
const built = fs.existsSync(`${dist}/index.html`);

const chromium = ensureChromium();
vitest('browser tests (Chromium, production build)', 'vitest.browser.config.ts', [], { CHROMIUM_PATH: chromium, TEST_DIST: dist, ...(built && { SKIP_BUILD: '1' }) });

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
