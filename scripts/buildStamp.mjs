/**
 * Whether a build folder holds the production build of the sources as they
 * are now, so that `npm test` (the size budget, the browser tests) reuses the
 * dist/ that `npm run build` just made instead of building a second time.
 * After each build a stamp (in node_modules/.cache/timeline-build/, never in
 * the folder that gets deployed) records a hash of the build's inputs and a
 * hash of the files it wrote; the folder is fresh while both still match.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** What `vite build` reads: the page, its sources and dataset, the pipeline modules vite.config.ts imports, the lockfile. */
const INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'pipeline', 'public'];
const STAMPS = 'node_modules/.cache/timeline-build';

/** Every file under `entry` (a file or a folder), sorted, as paths relative to the working folder. */
function filesUnder(entry, skip = () => false) {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !skip(f))
    .sort();
}

function hashFiles(files, base = '.') {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(`${path.relative(base, file)}\0`).update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** A hash of everything the build depends on, including which dataset it ships (TIMELINE_DATASET). */
export function inputsHash() {
  // Test files are never bundled: editing one does not make a build stale.
  const files = INPUTS.flatMap((entry) => filesUnder(entry, (f) => /\.test\.tsx?$/.test(f)));
  const dataset = process.env.TIMELINE_DATASET;
  const extra = dataset ? `${path.resolve(dataset)}\0${fs.existsSync(dataset) ? hashFiles([dataset]) : 'missing'}` : '';
  return crypto.createHash('sha256').update(hashFiles(files)).update(extra).digest('hex');
}

function stampFile(outDir) {
  const key = crypto.createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(STAMPS, `${key}.json`);
}

/** Records that `outDir` now holds the build of the current inputs (call right after building). */
export function markFresh(outDir, inputs = inputsHash()) {
  fs.mkdirSync(STAMPS, { recursive: true });
  const stamp = { outDir: path.resolve(outDir), inputs, outputs: hashFiles(filesUnder(outDir), outDir) };
  fs.writeFileSync(stampFile(outDir), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** True when `outDir` holds the build of the current inputs, untouched since. */
export function isFresh(outDir) {
  if (!fs.existsSync(path.join(outDir, 'index.html')) || !fs.existsSync(stampFile(outDir))) return false;
  const stamp = JSON.parse(fs.readFileSync(stampFile(outDir), 'utf8'));
  return stamp.inputs === inputsHash() && stamp.outputs === hashFiles(filesUnder(outDir), outDir);
}

/** Builds the production app into `outDir` (unless it is fresh) and stamps it; returns whether it built. */
export function ensureBuild(outDir, { force = false } = {}) {
  if (!force && isFresh(outDir)) return false;
  const inputs = inputsHash(); // before building: an edit during the build leaves the stamp stale, not wrong
  fs.rmSync(path.join(outDir, 'index.html'), { force: true }); // a failed build never leaves an older one to test
  // Under vitest NODE_ENV is "test", which would give React's development build: build the production one.
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed: see above');
  markFresh(outDir, inputs);
  return true;
}
