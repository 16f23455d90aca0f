/**
 * Bytes of a production build: the JavaScript and CSS that index.html loads
 * for the first view (its script and stylesheet tags, modulepreloads, and the
 * static imports of those scripts, followed recursively; dynamic `import()`
 * chunks are lazy and left out), and every JS and CSS file in assets/ beside
 * it. Sizes are gzip level 9, as in the peers benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const GZIP_LEVEL = 9;
// Static `import … from "x"`, bare `import "x"` and `export … from "x"` in minified ES modules;
// `import("x")` (lazy) does not match because a parenthesis follows the keyword.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;

function measureFile(file, dist) {
  const buf = fs.readFileSync(file);
  return { path: path.relative(dist, file), bytes: buf.length, gzip: gzipSync(buf, { level: GZIP_LEVEL }).length };
}

const sum = (files) => ({ bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) });

/** The files that `dist/index.html` loads before any user action, as absolute paths. */
export function firstViewFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const queue = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const src = /\s(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if (!src || /^(?:[a-z]+:)?\/\//i.test(src)) continue;
    const isScript = tag.startsWith('<script');
    const rel = /\srel=["']([^"']+)["']/.exec(tag)?.[1] ?? '';
    if (isScript || /\b(?:stylesheet|modulepreload)\b/.test(rel)) queue.push(path.join(dist, src.replace(/^\//, '')));
  }
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
    }
  }
  return [...seen].filter((f) => /\.(?:js|css)$/.test(f));
}

/** First-view and whole-app JS+CSS of the build in `dist`, raw and gzip, with the files. */
export function sizeReport(dist) {
  const first = firstViewFiles(dist).map((f) => measureFile(f, dist));
  const assets = path.join(dist, 'assets');
  const all = fs.readdirSync(assets, { recursive: true })
    .filter((f) => /\.(?:js|css)$/.test(f))
    .map((f) => measureFile(path.join(assets, f), dist))
    .sort((a, b) => b.gzip - a.gzip);
  const firstPaths = new Set(first.map((f) => f.path));
  const dataset = path.join(dist, 'data', 'timeline.json');
  return {
    firstView: { ...sum(first), files: first },
    allAssets: { ...sum(all), files: all },
    lazy: { ...sum(all.filter((f) => !firstPaths.has(f.path))), files: all.filter((f) => !firstPaths.has(f.path)).map((f) => f.path) },
    dataset: fs.existsSync(dataset) ? measureFile(dataset, dist) : null,
  };
}
