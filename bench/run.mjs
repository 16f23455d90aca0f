/**
 * `npm run bench`: builds the app once (with the real dataset), writes a seeded
 * synthetic dataset per N into bench/results/, serves the build on 127.0.0.1
 * with that dataset at data/timeline.json, and measures each N in headless
 * Chromium (a fresh browser per run, runs in sequence). Prints the results,
 * the JS+CSS sizes and the targets, and writes them all to a JSON file.
 * From 20,000 events (the archive threshold) N is served as the build would
 * ship it: an archive (index, chunks, search index) as data/, made once per
 * N and seed into bench/results/archives/ (1,000,000 events work).
 *
 *   npm run bench -- [--sizes 100,1000,5000,10000,50000] [--runs 3] [--out bench/results/bench.json]
 *                    [--seed N] [--no-build] [--dist DIR] [--quick] [--verify-build] [--gzip] [--scale story|time]
 *                    [--prepare-only]
 *
 * --quick: sizes 100,1000 and one run, into bench/results/bench-quick.json.
 * --prepare-only: build, write each N's data, serve it and fetch its files once (an archive's
 * index, first chunk and search index, checked against their sizes and hashes), then stop:
 * no browser, no figures.
 * --verify-build: also build once with each dataset below the archive threshold as
 * TIMELINE_DATASET (the build checks it against the contract). --gzip: let the test server compress responses (off by default: it
 * gzips each response synchronously in this process, which a static host does ahead of time,
 * and the peers harness serves uncompressed). --scale: the axis the runs open on (story, the
 * default of the app, or time).
 *
 *   npm run bench -- --profile 10000   # one traced run: what dominates each phase (bench/profile.mjs)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { DEFAULT_SEED, dateRangeFor } from './generateDataset.mjs';
import { buildApp, describeArchive, prepareData, RESULTS, ROOT, sourceState, verifyBuildAccepts } from './prepare.mjs';
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
    else if (a === '--prepare-only') o.prepareOnly = true;
    else if (a === '-h' || a === '--help') { o.help = true; }
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (o.quick && !o.outGiven) o.out = path.join(RESULTS, 'bench-quick.json'); // keep the full run's figures
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes wants positive integers, e.g. --sizes 100,1000');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs wants a positive integer');
  if (o.scale !== 'story' && o.scale !== 'time') throw new Error('--scale wants story or time');
  return o;
}

/** Writes N's data (the single file, or from the archive threshold the archive), checking it with --verify-build. */
function prepareN(n, opts) {
  const prepared = prepareData(n, opts.seed);
  if (prepared.archive) log(`N=${n}: ${describeArchive(prepared.archive)}`);
  else if (opts.verifyBuild) {
    log(`checking that the build accepts ${path.relative(ROOT, prepared.serve.dataset)}`);
    verifyBuildAccepts(prepared.serve.dataset);
  }
  return prepared;
}

/** --prepare-only: writes N's data, serves it with the build and fetches what the page would first ask for. */
async function prepareAndCheck(n, opts) {
  const { serve, archive } = prepareN(n, opts);
  const server = await serveStatic(opts.dist, serve);
  try {
    const get = async (file) => {
      const res = await fetch(new URL(file, server.url));
      if (!res.ok) throw new Error(`N=${n}: ${file}: HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    };
    await get('index.html');
    const index = JSON.parse((await get('data/timeline.json')).toString('utf8'));
    if (!archive) {
      log(`N=${n}: served at ${server.url}: index.html and data/timeline.json (version ${index.version}, ${index.events.length} events)`);
      return;
    }
    const first = await get(index.chunks[0].file);
    const sha256 = crypto.createHash('sha256').update(first).digest('hex');
    if (first.length !== index.chunks[0].bytes || sha256 !== index.chunks[0].sha256) throw new Error(`N=${n}: ${index.chunks[0].file} does not match its size and hash in the index`);
    const search = await get(index.search.file);
    if (search.length !== index.search.bytes) throw new Error(`N=${n}: ${index.search.file}: ${search.length} bytes, the index says ${index.search.bytes}`);
    log(`N=${n}: served at ${server.url}: index (version ${index.version}, ${index.total} events, ${index.chunks.length} chunks), ${index.chunks[0].file} and ${index.search.file} as the index says`);
  } finally {
    await server.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
    console.log(src.slice(src.indexOf('/**') + 3, src.indexOf('*/')).replace(/^ \* ?/gm, '').trim());
    return;
  }
  const executablePath = opts.prepareOnly ? null : findChromium();
  if (!executablePath && !opts.prepareOnly) throw new Error('no Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
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
  if (opts.prepareOnly) {
    for (const n of opts.sizes) await prepareAndCheck(n, opts);
    return;
  }
  const size = sizeReport(opts.dist);
  const version = await chromiumVersion(executablePath);
  log(`Chromium ${version} (${executablePath}); sizes ${opts.sizes.join(', ')}; ${opts.runs} run(s) each`);

  const results = {};
  const raw = {};
  const archives = {};
  for (const n of opts.sizes) {
    const { serve, archive } = prepareN(n, opts);
    if (archive) archives[n] = archive.figures;
    const server = await serveStatic(opts.dist, serve);
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
    archives,
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
    ...Object.keys(archives).map((n) => `N=${n} is served as an ${describeArchive({ figures: archives[n], cached: false })}.`),
    ...(Object.keys(archives).length ? [''] : []),
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
