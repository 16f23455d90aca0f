/**
 * The size budget (part of `npm test`, and `npm run size`): builds the app
 * with the real dataset into a temporary folder, gzips (level 9) the
 * JavaScript and CSS that the first view loads (what index.html references),
 * and every asset, then fails above the budget. Prints the figures and the
 * modules that weigh most, so a regression says where the bytes went.
 *
 *   npm run size [-- --out-dir DIR]
 *
 * --out-dir DIR: measure the build in DIR when it is a fresh build of the current sources (see
 * scripts/buildStamp.mjs; `npm run build` and `npm test` make one), else build into DIR and keep it.
 * A build made elsewhere has no module figures: those are printed when over budget (from a build
 * of its own) or with a build of this script's own (`npm run size` without --out-dir).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';
import { inputsHash, isFresh, markFresh } from './buildStamp.mjs';

exitWithHelpIfAsked(import.meta.url);
const args = process.argv.slice(2);
const keepAt = args[0] === '--out-dir' && args[1] ? path.resolve(args[1]) : null;
refuseUnknownArguments([], keepAt ? args.slice(2) : args);

export const BUDGET_KB = 130;
const outDir = keepAt ?? fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-size-'));
const modules = new Map();

const collect = {
  name: 'collect-module-sizes',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const [id, info] of Object.entries(chunk.modules)) {
        const inPackage = id.split('node_modules/')[1];
        const name = inPackage ? inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/') : path.relative(process.cwd(), id.split('?')[0]);
        const key = `${name}${chunk.isEntry ? '' : ` (lazy: ${chunk.name})`}`;
        modules.set(key, (modules.get(key) ?? 0) + info.renderedLength);
      }
    }
  },
};

/** Builds into `dir`, recording each module's size. */
async function buildCollecting(dir) {
  await build({ logLevel: 'warn', plugins: [collect], build: { outDir: dir, emptyOutDir: true } });
}

const reused = keepAt !== null && isFresh(keepAt);
if (reused) {
  console.log(`Measuring ${path.relative(process.cwd(), keepAt) || '.'}, a fresh build of the current sources.`);
} else {
  const inputs = inputsHash();
  if (keepAt) fs.rmSync(path.join(keepAt, 'index.html'), { force: true }); // never leave an older build behind a failed one
  await buildCollecting(outDir);
  if (keepAt) markFresh(keepAt, inputs);
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
const firstView = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const assets = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const firstBytes = firstView.reduce((n, f) => n + gz(path.join(outDir, f)), 0);
const allBytes = assets.reduce((n, f) => n + gz(path.join(outDir, f)), 0);

console.log('JS + CSS, gzip -9:');
for (const f of assets) console.log(`  ${kb(gz(path.join(outDir, f))).padStart(6)} KB  ${f}${firstView.includes(f) ? '  (first view)' : '  (on demand)'}`);
console.log(`  first view: ${kb(firstBytes)} KB of ${BUDGET_KB} KB budget; whole app with lazy chunks: ${kb(allBytes)} KB`);
const over = firstBytes > BUDGET_KB * 1024;
if (reused && over) {
  // Say where the bytes went: the reused build recorded no module sizes, so make one that does.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-size-'));
  await buildCollecting(scratch);
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (modules.size > 0) {
  console.log('Heaviest modules (rendered, before minification and gzip):');
  for (const [name, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${kb(bytes).padStart(7)} KB  ${name}`);
}
if (!keepAt) fs.rmSync(outDir, { recursive: true, force: true });

if (over) {
  console.error(`✗ The first view loads ${kb(firstBytes)} KB of JS + CSS (gzip), over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
console.log(`✓ size within budget`);
