/**
 * `npm run bench -- --profile <N>`: one run at N events with a Chromium trace
 * (timeline events and sampled JS) around each phase — load, zoom, pan, key
 * stepping — against an unminified build (bench/results/dist-profile), so that
 * React's and our function names are readable. Prints what dominates each
 * phase and writes the summaries and raw traces to bench/results/profile-<N>*.
 * Its timings are a little slower than the minified build's: use them for
 * shares, and `npm run bench` for figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '../scripts/serve.mjs';
import { buildApp, prepareData, RESULTS, sourceState } from './prepare.mjs';
import { measureRun } from './measureRun.mjs';
import { formatSummary, summariseTrace } from './traceSummary.mjs';

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'toplevel',
];

/**
 * Maps (asset file, line) to the source module the unminified bundle marks with a
 * `// src/…` or `// node_modules/…` comment above it.
 */
function moduleMap(dist) {
  const assets = path.join(dist, 'assets');
  const byFile = new Map();
  for (const file of fs.readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const marks = [];
    fs.readFileSync(path.join(assets, file), 'utf8').split('\n').forEach((text, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)/.exec(text);
      if (m) marks.push([i + 1, m[1]]);
    });
    byFile.set(file, marks);
  }
  return (file, line) => {
    const marks = byFile.get(file) ?? [];
    let found = null;
    for (const [at, module] of marks) { if (at > line) break; found = module; }
    return found;
  };
}

/** Profiles one run at `n` events; returns the phase summaries. */
export async function profileRun({ n, seed, executablePath, build }) {
  const dist = path.join(RESULTS, 'dist-profile');
  const sourceFile = `${dist}.source.json`;
  if (build || !fs.existsSync(path.join(dist, 'index.html'))) {
    fs.mkdirSync(path.dirname(sourceFile), { recursive: true }); // bench/results/ is not in a fresh clone
    fs.writeFileSync(sourceFile, JSON.stringify({ ...sourceState(), builtAt: new Date().toISOString() }));
    buildApp(dist, ['--minify', 'false']);
  }
  const source = fs.existsSync(sourceFile) ? JSON.parse(fs.readFileSync(sourceFile, 'utf8')) : null;
  const { serve } = prepareData(n, seed);
  const server = await serveStatic(dist, serve);
  const moduleOf = moduleMap(dist);
  const summaries = {};
  const traces = {};
  const stop = async (phase, browser) => {
    const buf = await browser.stopTracing();
    traces[phase] = buf;
    summaries[phase] = summariseTrace(JSON.parse(buf.toString('utf8')), { moduleOf });
  };
  let result;
  try {
    result = await measureRun({
      executablePath, url: server.url,
      hooks: {
        beforeLoad: (page, _cdp, browser) => browser.startTracing(page, { categories: CATEGORIES }),
        afterLoad: (_page, _cdp, browser) => stop('load', browser),
        beforeInteraction: (_name, page, _cdp, browser) => browser.startTracing(page, { categories: CATEGORIES }),
        afterInteraction: (name, _page, _cdp, browser) => stop(name, browser),
      },
    });
  } finally {
    await server.close();
  }
  const base = path.join(RESULTS, `profile-${n}`);
  for (const [phase, buf] of Object.entries(traces)) fs.writeFileSync(`${base}-${phase}.trace.json`, buf);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ n, seed, date: new Date().toISOString(), source, run: result, summaries }, null, 1)}\n`);
  const it = result.interactions ?? {};
  console.log([
    `# Profile at N=${n.toLocaleString('en-US')} (unminified build, one run, traced)`, '',
    source ? `Built from ${source.commit}${source.uncommittedInSrc.length ? ` + ${source.uncommittedInSrc.length} uncommitted file(s) in src/` : ''} (src/ hash ${source.srcHash}).` : '', '',
    result.status === 'ok'
      ? `ready ${Math.round(result.readyMs)} ms, TBT ${Math.round(result.tbtMs)} ms, DOM ${result.domElements}; frame p95 zoom ${it.zoom?.p95?.toFixed(1)}, pan ${it.pan?.p95?.toFixed(1)}, keys ${it.keys?.p95?.toFixed(1)} ms (tracing adds overhead).`
      : `run ${result.status}: ${result.error}`, '',
    ...Object.entries(summaries).map(([phase, s]) => formatSummary(phase === 'load' ? 'load (navigation to ready + 1 s quiet)' : phase, s)),
    `Traces: ${path.relative(process.cwd(), base)}-<phase>.trace.json (open in chrome://tracing or the DevTools Performance panel).`,
  ].join('\n'));
  return summaries;
}
