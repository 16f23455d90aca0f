/**
 * Speed of the archive search (src/features/search/searchColumns.ts) in Node, which runs the
 * same V8 as the page's worker: builds a seeded search index of N events (searchIndexFixture.ts;
 * a share of the titles with accents, curly apostrophes and Cyrillic), then prints the time to
 * parse it, to check it (zod against the plain loops), to fold it once, and each query's time
 * (median and worst of several runs). bench/searchBrowserBench.ts measures the same in Chromium's worker.
 *
 *   npx tsx bench/searchBench.ts [--events N] [--accented SHARE] [--runs R] [--json FILE]
 *
 * --json FILE also writes the search index as JSON (for a browser run against a build).
 * Figures only: nothing here fails on time.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { safeParse } from 'zod/mini';
import { searchIndexSchema } from '../src/data/archiveSchema.ts';
import { checkSearchIndex } from '../src/features/search/checkSearchIndex.ts';
import { prepareSearch, searchColumns } from '../src/features/search/searchColumns.ts';
import { makeSearchIndex } from './searchIndexFixture.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    accented: { type: 'string', default: '0.1' },
    runs: { type: 'string', default: '7' },
    json: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log('npx tsx bench/searchBench.ts [--events N] [--accented SHARE] [--runs R] [--json FILE]');
  process.exit(0);
}
const N = Number(values.events);
const ACCENTED = Number(values.accented);
const RUNS = Number(values.runs);

/** The value, the wall time and the CPU time of this process (the machine is shared: the CPU time is what a quiet machine would take). */
const time = <T>(fn: () => T): [T, number, number] => {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return [value, wall, (used.user + used.system) / 1000];
};
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const [index, tMake] = time(() => makeSearchIndex(N, ACCENTED));
const text = JSON.stringify(index);
console.log(`${N.toLocaleString('en-GB')} events, ${(ACCENTED * 100).toFixed(0)} % of titles not plain ASCII; ` +
  `mean title ${(index.titles.reduce((s, t) => s + t.length, 0) / N).toFixed(1)} characters; JSON ${mb(text.length)} (made in ${ms(tMake).trim()})`);
if (values.json) fs.writeFileSync(values.json, text);

console.log('step                       wall        CPU');
const [parsed, ...tParse] = time(() => JSON.parse(text) as unknown);
console.log(`JSON.parse              ${ms(tParse[0])} ${ms(tParse[1])}`);
const [zod, ...tZod] = time(() => safeParse(searchIndexSchema, parsed));
console.log(`check, zod/mini         ${ms(tZod[0])} ${ms(tZod[1])}  (${zod.success ? 'ok' : 'failed'})`);
const [checked, ...tCheck] = time(() => checkSearchIndex(parsed));
console.log(`check, plain loops      ${ms(tCheck[0])} ${ms(tCheck[1])}  (${checked.ok ? 'ok' : 'failed'})`);
if (!checked.ok) throw new Error(checked.problem);

globalThis.gc?.();
const before = process.memoryUsage();
const [prepared, ...tFold] = time(() => prepareSearch(checked.index));
globalThis.gc?.();
const after = process.memoryUsage();
// The signatures are typed arrays, whose memory is outside the JS heap.
console.log(`fold once               ${ms(tFold[0])} ${ms(tFold[1])}  (${prepared.blocks.length} blocks; heap +${mb(after.heapUsed - before.heapUsed)}, ` +
  `typed arrays +${mb(after.arrayBuffers - before.arrayBuffers)}${globalThis.gc ? '' : ', without --expose-gc'})`);

const QUERIES: Array<[string, number[] | null]> = [
  // One letter, digit or hyphen (exact from the signatures), a common pair, words, accents, ids,
  // nothing, everything; 'ev-' is in every id. Then the hardest found: 'ch', a pair in 8 % of the
  // titles but not among the 128 most common; 'ede' and 'ted', three letters of two common pairs:
  // over a third of the rows hold both pairs, 4 % hold 'ede' and 25 % 'ted'.
  ['e', null], ['a', [0]], ['7', null], ['er', null], ['the', null], ['talks', null], ['talks', [1, 2]], ['ceasefire', null],
  ['kyiv’s', null], ['antonio', null], ['ev-0999', null], ['border talks delegation', null], ['zzzz', null], ['', null], ['', [3]], ['ev-', null],
  ['ch', null], ['ede', null], ['ted', null],
];
console.log(`query                       lanes     matches   wall: median     worst   CPU: median     worst  (${RUNS} runs)`);
for (const [q, lanes] of QUERIES) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let total = 0;
  for (let r = 0; r < RUNS; r++) {
    const [answer, wall, cpu] = time(() => searchColumns(prepared, { q, lanes, limit: 200 }));
    total = answer.total;
    walls.push(wall);
    cpus.push(cpu);
  }
  const [w, c] = [walls.sort((a, b) => a - b), cpus.sort((a, b) => a - b)];
  console.log(`${JSON.stringify(q).padEnd(27)} ${(lanes ? lanes.join(',') : 'all').padEnd(6)} ${total.toLocaleString('en-GB').padStart(10)}     ` +
    `${ms(w[RUNS >> 1]!)} ${ms(w[RUNS - 1]!)}      ${ms(c[RUNS >> 1]!)} ${ms(c[RUNS - 1]!)}`);
}
console.log(`load average while running: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.availableParallelism()} cores`);
