/**
 * The size budget (part of `npm test`, and `npm run size`): builds the app
 * with the real dataset into a temporary folder, gzips (level 9) the
 * JavaScript and CSS that the first view loads (what index.html references),
 * and every asset, then fails above the budget. Prints the figures and the
 * modules that weigh most, so a regression says where the bytes went.
 *
 *   npm run size [-- --out-dir DIR]
 *
 * --out-dir DIR: build into DIR and keep it (npm test then runs the browser tests on that build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';

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

await build({ logLevel: 'warn', plugins: [collect], build: { outDir, emptyOutDir: true } });

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
console.log('Heaviest modules (rendered, before minification and gzip):');
for (const [name, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${kb(bytes).padStart(7)} KB  ${name}`);
if (!keepAt) fs.rmSync(outDir, { recursive: true, force: true });

if (firstBytes > BUDGET_KB * 1024) {
  console.error(`✗ The first view loads ${kb(firstBytes)} KB of JS + CSS (gzip), over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
console.log(`✓ size within budget`);
