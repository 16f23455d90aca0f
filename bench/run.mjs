/**
 * `npm run bench`: builds the app once (with the real dataset), writes a seeded
 * synthetic dataset per N into bench/results/, serves the build on 127.0.0.1
 * with that dataset at data/timeline.json, and measures each N in headless
 * Chromium (a fresh browser per run, runs in sequence). Prints the results,
 * the JS+CSS sizes and the targets, and writes them all to a JSON file.
 *
 *   npm run bench -- [--sizes 100,1000,5000,10000,50000] [--runs 3] [--out bench/results/bench.json]
 *                    [--seed N] [--no-build] [--dist DIR] [--quick] [--verify-build] [--gzip] [--scale story|time]
 *
 * --quick: sizes 100,1000 and one run, into bench/results/bench-quick.json.
 * --verify-build: also build once with each dataset as TIMELINE_DATASET (the build checks it
 * against the contract). --gzip: let the test server compress responses (off by default: it
 * gzips each response synchronously in this process, which a static host does ahead of time,
 * and the peers harness serves uncompressed). --scale: the axis the runs open on (story, the
 * default of the app, or time).
 *
 *   npm run bench -- --profile 10000   # one traced run: what dominates each phase (bench/profile.mjs)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { DEFAULT_SEED, dateRangeFor } from './generateDataset.mjs';
import { buildApp, RESULTS, ROOT, sourceState, verifyBuildAccepts, writeDataset } from './prepare.mjs';
import { aggregateRuns, chromiumVersion, measureRun, SETTINGS, VIEWPORT } from './measureRun.mjs';
import { sizeReport } from './sizeReport.mjs';
import { checkTargets, resultsTable, sizeTable, TARGETS } from './report.mjs';

const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

function parseArgs(argv) {
  const o = { sizes: [100, 1000, 5000, 10000, 50000], runs: 3, out: path.join(RESULTS, 'bench.json'), seed: DEFAULT_SEED, build: true, dist: path.join(RESULTS, 'dist'), verifyBuild: false, profile: null, gzip: false, scale: 'story' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--sizes') o.sizes = next().split(',').map(Number);
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--out') o.outGiven = o.out = path.resolve(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--no-build') o.build = false;
    else if (a === '--dist') o.dist = path.resolve(next());
    else if (a === '--quick') { o.sizes = [100, 1000]; o.runs = 1; o.quick = true; }
    else if (a === '--verify-build') o.verifyBuild = true;
    else if (a === '--gzip') o.gzip = true;
    else if (a === '--scale') o.scale = next();
    else if (a === '--profile') o.profile = Number(next());
    else if (a === '-h' || a === '--help') { o.help = true; }
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (o.quick && !o.outGiven) o.out = path.join(RESULTS, 'bench-quick.json'); // keep the full run's figures
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes wants positive integers, e.g. --sizes 100,1000');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs wants a positive integer');
  if (o.scale !== 'story' && o.scale !== 'time') throw new Error('--scale wants story or time');
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
    console.log(src.slice(src.indexOf('/**') + 3, src.indexOf('*/')).replace(/^ \* ?/gm, '').trim());
    return;
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  if (opts.profile) {
    const { profileRun } = await import('./profile.mjs');
    await profileRun({ n: opts.profile, seed: opts.seed, executablePath, build: opts.build });
    return;
  }
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.replace(/ -- $/, '');
  // The state of src/ a build was made from is kept beside it, for runs with --no-build.
  const sourceFile = `${opts.dist}.source.json`;
  if (opts.build) {
    log(`building the app into ${path.relative(ROOT, opts.dist)} (vite build, real dataset)`);
    fs.mkdirSync(path.dirname(sourceFile), { recursive: true }); // bench/results/ is not in a fresh clone
    fs.writeFileSync(sourceFile, JSON.stringify({ ...sourceState(), builtAt: new Date().toISOString() }));
    buildApp(opts.dist);
  }
  const source = fs.existsSync(sourceFile) ? JSON.parse(fs.readFileSync(sourceFile, 'utf8')) : null;
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) throw new Error(`${opts.dist} has no build: run without --no-build`);
  const size = sizeReport(opts.dist);
  const version = await chromiumVersion(executablePath);
  log(`Chromium ${version} (${executablePath}); sizes ${opts.sizes.join(', ')}; ${opts.runs} run(s) each`);

  const results = {};
  const raw = {};
  for (const n of opts.sizes) {
    const dataset = writeDataset(n, opts.seed);
    if (opts.verifyBuild) {
      log(`checking that the build accepts ${path.relative(ROOT, dataset)}`);
      verifyBuildAccepts(dataset);
    }
    const server = await serveStatic(opts.dist, { dataset });
    raw[n] = [];
    try {
      for (let i = 1; i <= opts.runs; i++) {
        // Other work on this 2-core machine skews every figure: note the load before each run.
        const loadBefore = os.loadavg()[0];
        const r = { ...(await measureRun({ executablePath, url: opts.scale === 'time' ? `${server.url}?scale=time` : server.url, gzip: opts.gzip })), loadBefore };
        raw[n].push(r);
        const it = r.interactions ?? {};
        log(`N=${n} run ${i}: ${r.status}${r.status === 'ok'
          ? ` ready ${Math.round(r.readyMs)} ms, TBT ${Math.round(r.tbtMs)} ms, heap ${(r.heapBytes / 1048576).toFixed(1)} MB, DOM ${r.domElements}, p95 zoom/pan/keys ${[it.zoom, it.pan, it.keys].map((x) => x?.p95?.toFixed(1) ?? x?.status).join('/')} ms`
          : `: ${r.error}`}${loadBefore > 1.5 ? ` (load average ${loadBefore.toFixed(1)} before the run: other work was running)` : ''}`);
      }
    } finally {
      await server.close();
    }
    results[n] = aggregateRuns(raw[n]);
  }

  const cpus = os.cpus();
  const report = {
    command, date: new Date().toISOString(),
    source,
    environment: {
      chromium: `Chromium ${version}`, chromiumPath: executablePath, node: process.versions.node, os: `${os.type()} ${os.release()}`,
      cpus: cpus.length, cpuModel: cpus[0]?.model?.trim(), memGiB: Math.round(os.totalmem() / 2 ** 30), viewport: VIEWPORT,
    },
    settings: { sizes: opts.sizes, runs: opts.runs, seed: opts.seed, gzip: opts.gzip, dateRanges: Object.fromEntries(opts.sizes.map((n) => [n, dateRangeFor(n)])), ...SETTINGS },
    targets: TARGETS,
    size,
    results,
    runs: raw,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(report, null, 1)}\n`);

  const src = source ? ` — built from ${source.commit}${source.uncommittedInSrc.length ? ` + ${source.uncommittedInSrc.length} uncommitted file(s) in src/` : ''} (src/ hash ${source.srcHash}, built ${source.builtAt.slice(11, 19)})` : ' — a build of unknown sources';
  console.log([
    `# Benchmark: \`${command}\``, '',
    `${report.date} — Chromium ${version}, headless, ${VIEWPORT.width}×${VIEWPORT.height} — ${cpus.length}× ${report.environment.cpuModel}, Node ${process.versions.node}${src}. ` +
      `Median of ${opts.runs} run(s) per N, a fresh browser per run; seed ${opts.seed}; served by scripts/serve.mjs on 127.0.0.1, ${opts.gzip ? 'gzipped' : 'uncompressed'}.`, '',
    resultsTable(results, opts.sizes), '',
    ...(Object.values(raw).flat().some((r) => r.loadBefore > 1.5)
      ? [`Note: the 1-minute load average was above 1.5 before ${Object.values(raw).flat().filter((r) => r.loadBefore > 1.5).length} run(s) (max ${Math.max(...Object.values(raw).flat().map((r) => r.loadBefore)).toFixed(1)}): other work shared the CPU.`, '']
      : []),
    'ready = navigation start to the first frame with an event mark ([data-event-id], timeline or list) visible and topmost at its centre; timeline drawn = the same for any button (mark or count badge) on the timeline; TBT = Σ(long task − 50 ms) up to 1 s without long tasks after ready; ' +
      'heap = V8 used heap after a forced GC; frames = requestAnimationFrame deltas during: 30 wheel steps over the timeline (5 in, 5 out, ×3, 100 ms apart), ' +
      'a 60-move mouse drag (after zooming in 3 steps), 50 × ArrowRight (100 ms apart); each plus 0.5 s.', '',
    '## Size (JS + CSS, gzip -9, build with the real dataset)', '', sizeTable(size), '',
    '## Targets', '', checkTargets(results, size), '',
    `Figures written to ${path.relative(ROOT, opts.out)}.`,
  ].join('\n'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
