/**
 * What the benchmark needs before it measures: a production build of the app
 * (with the real dataset, into bench/results/ so that it never disturbs
 * dist/), the synthetic datasets, and a check that the build accepts one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDataset } from './generateDataset.mjs';

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
