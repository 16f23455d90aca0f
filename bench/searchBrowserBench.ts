/**
 * The archive search in Chromium, as the page runs it: builds the probe page with the app's Vite
 * config (its CSP, the worker in its own chunk), writes a seeded search index of N events beside
 * it (bench/searchBench.ts makes it), serves it, and prints what the worker reports: each step of
 * loading, then each query's time in the worker (median and worst of several runs) and the time
 * the page waited for it. Also prints any console error or CSP violation.
 *
 *   npx tsx bench/searchBrowserBench.ts [--events N] [--runs R] [--out DIR]
 *
 * Figures only: nothing here fails on time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module without types
import { serveStatic } from '../scripts/serve.mjs';
// @ts-expect-error: a plain ES module without types
import { CHROMIUM_ARGS, findTestChromium } from '../scripts/chromium.mjs';
import { buildProbe } from '../tests/browser/archive-search/buildProbe.ts';
import { makeSearchIndex } from './searchIndexFixture.ts';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '7' }, out: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log('npx tsx bench/searchBrowserBench.ts [--events N] [--runs R] [--out DIR]');
  process.exit(0);
}
const N = Number(values.events);
const RUNS = Number(values.runs);
const out = path.resolve(values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'search-bench-')));

const page = buildProbe(out);
const dataDir = path.join(out, path.dirname(page), 'data');
fs.mkdirSync(dataDir, { recursive: true });
fs.writeFileSync(path.join(dataDir, 'search-bench.json'), JSON.stringify(makeSearchIndex(N, 0.1)));

const server = await serveStatic(out);
const browser = await chromium.launch({ executablePath: findTestChromium(), args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  await tab.goto(`${server.url}${page}`);
  await tab.locator('body[data-ready]').waitFor();
  await tab.evaluate(() => (window as unknown as { probe: { open(u: string): void } }).probe.open('data/search-bench.json'));

  type Probe = { search(q: string, l: number[] | null, n?: number): Promise<{ stale: boolean; total?: number; ms?: number }>; loaded(): unknown };
  const ask = (q: string, lanes: number[] | null) => tab.evaluate(async ([q, lanes]) => {
    const t0 = performance.now();
    const r = await (window as unknown as { probe: Probe }).probe.search(q, lanes);
    return { ...r, waited: performance.now() - t0 };
  }, [q, lanes] as const);

  const first = await ask('talks', null);
  console.log(`${N.toLocaleString('en-GB')} events; first search (loads the index): ${first.waited.toFixed(0)} ms in all`);
  console.log('load:', JSON.stringify(await tab.evaluate(() => (window as unknown as { probe: Probe }).probe.loaded()), (_, v) => (typeof v === 'number' ? Math.round(v) : v)));
  const heap = await tab.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`page heap: ${(heap / 2 ** 20).toFixed(0)} MiB (the index lives in the worker)`);

  console.log('query                       lanes     matches   worker median/worst   page median');
  // As bench/searchBench.ts: 'ev-' is in every id, the worst case.
  const queries: Array<[string, number[] | null]> = [
    ['e', null], ['7', null], ['er', null], ['the', null], ['talks', null], ['talks', [1, 2]], ['ceasefire', null], ['kyiv’s', null],
    ['antonio', null], ['ev-0999', null], ['zzzz', null], ['', [3]], ['ev-', null],
  ];
  for (const [q, lanes] of queries) {
    const worker: number[] = [];
    const waited: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const answer = await ask(q, lanes);
      worker.push(answer.ms ?? NaN);
      waited.push(answer.waited);
      total = answer.total ?? 0;
    }
    worker.sort((a, b) => a - b);
    waited.sort((a, b) => a - b);
    const f = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`${JSON.stringify(q).padEnd(27)} ${(lanes ? lanes.join(',') : 'all').padEnd(6)} ${total.toLocaleString('en-GB').padStart(10)}   ${`${f(worker[RUNS >> 1]!)} / ${f(worker[RUNS - 1]!)}`.padEnd(20)} ${f(waited[RUNS >> 1]!)}`);
  }
  console.log(problems.length ? `Problems:\n  ${problems.join('\n  ')}` : 'No console error, no CSP violation.');
} finally {
  await browser.close();
  await server.close();
  if (!values.out) fs.rmSync(out, { recursive: true, force: true });
}
