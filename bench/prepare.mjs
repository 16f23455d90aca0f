/**
 * What the benchmark needs before it measures: a production build of the app
 * (with the real dataset, into bench/results/ so that it never disturbs
 * dist/), the synthetic datasets (from the archive threshold, their archives),
 * and a check that the build accepts one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// KEY_EVENTS_FROM is ARCHIVE_THRESHOLD of src/data/archiveSchema.ts (bench/generateDataset.test.ts holds them equal).
import { generateDataset, KEY_EVENTS_FROM as ARCHIVE_THRESHOLD } from './generateDataset.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(ROOT, 'bench', 'results');

function viteBuild(outDir, env, extraArgs = []) {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...extraArgs], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env,
  });
  if (r.status !== 0) throw new Error(`vite build --outDir ${path.relative(ROOT, outDir)} failed (exit ${r.status})`);
}

/** Builds the app with the real dataset into `dist`; `extraArgs` go to vite (e.g. --minify false). */
export function buildApp(dist, extraArgs = []) {
  const env = { ...process.env };
  delete env.TIMELINE_DATASET; // the size report is of the build with the real dataset
  viteBuild(dist, env, extraArgs);
}

/** Builds once with `dataset` as TIMELINE_DATASET: throws when the build's contract check rejects it. */
export function verifyBuildAccepts(dataset) {
  viteBuild(path.join(RESULTS, 'verify-dist'), { ...process.env, TIMELINE_DATASET: dataset });
}

/** Writes the dataset of `n` events to bench/results/datasets/ and returns its path. */
export function writeDataset(n, seed) {
  const file = path.join(RESULTS, 'datasets', `events-${n}-seed-${seed}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(generateDataset(n, seed)));
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** What an archive is made from: a cached one is rebuilt when any of these changes. */
const ARCHIVE_SOURCES = ['bench/generateDataset.mjs', 'bench/writeArchive.ts', 'pipeline/splitDataset.ts', 'src/data/archiveSchema.ts', 'src/data/schema.ts'];

/**
 * Writes the archive of the dataset of `n` events (what a build ships from ARCHIVE_THRESHOLD
 * events) to bench/results/archives/events-<n>-seed-<seed>/, to be served as data/, unless it is
 * there already from the same sources. Returns { dir, figures, cached }; the figures (time to
 * generate and to split, bytes, chunks, index size) are kept beside the folder, in <dir>.json.
 */
export function writeArchive(n, seed) {
  const dir = path.join(RESULTS, 'archives', `events-${n}-seed-${seed}`);
  const stampFile = `${dir}.json`;
  const hash = crypto.createHash('sha256');
  for (const file of ARCHIVE_SOURCES) hash.update(file).update(fs.readFileSync(path.join(ROOT, file)));
  const sources = hash.digest('hex').slice(0, 12);
  const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')) : null;
  if (stamp?.sources === sources && fs.existsSync(path.join(dir, 'timeline.json'))) return { dir, figures: stamp, cached: true };

  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  // A million events take about 1.5 GB of heap before the split: more than some Nodes allow by default.
  const heapMB = Math.min(8192, Math.floor((os.totalmem() / 1048576) * 0.6));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, '--import', 'tsx', 'bench/writeArchive.ts', String(n), String(seed), tmp], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`bench/writeArchive.ts ${n} ${seed} failed (exit ${r.status ?? r.signal})`);
  }
  const figures = { ...JSON.parse(r.stdout.trim().split('\n').pop()), sources };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  fs.writeFileSync(stampFile, `${JSON.stringify(figures, null, 1)}\n`);
  return { dir, figures, cached: false };
}

/** "75.3 MB": bytes for a log line. */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The archive's figures in one line: what it took to make and what it weighs. */
export function describeArchive({ figures: f, cached }) {
  return `archive of ${f.n.toLocaleString('en-US')} events: ${f.chunks} chunks, ${mb(f.bytes)} in all (chunks ${mb(f.chunkBytes)}, search ${mb(f.searchBytes)}, ` +
    `index ${(f.indexBytes / 1024).toFixed(1)} KiB, ${(f.indexGzipBytes / 1024).toFixed(1)} KiB gzip -9), ${f.keyEvents} key events; ` +
    `generated in ${(f.generateMs / 1000).toFixed(1)} s, split and written in ${(f.splitMs / 1000).toFixed(1)} s${cached ? ' (cached)' : ''}`;
}

/**
 * The data of `n` events as the benchmark serves it: below ARCHIVE_THRESHOLD the single file
 * ({ serve: { dataset } }), from it the archive ({ serve: { dataDir }, archive }), as a build would ship it.
 */
export function prepareData(n, seed) {
  if (n < ARCHIVE_THRESHOLD) return { serve: { dataset: writeDataset(n, seed) }, archive: null };
  const archive = writeArchive(n, seed);
  return { serve: { dataDir: archive.dir }, archive };
}

/** The output of `git args` in the project, or null. */
export function git(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The state of the sources a build is made from: the commit, the files of src/ changed since,
 * and a hash of src/ as it is on disk (others may be editing it while the benchmark runs).
 */
export function sourceState() {
  const hash = crypto.createHash('sha256');
  const src = path.join(ROOT, 'src');
  for (const file of fs.readdirSync(src, { recursive: true }).map(String).sort()) {
    const full = path.join(src, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return {
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedInSrc: (git(['status', '--porcelain', '--', 'src']) ?? '').split('\n').filter(Boolean).map((l) => l.replace(/^\s*\S+\s+/, '')),
    srcHash: hash.digest('hex').slice(0, 12),
  };
}
