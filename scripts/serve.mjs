/**
 * A small static server for dist/, on 127.0.0.1 only: `npm start` uses it,
 * and so do the browser tests and benchmarks. It serves the same files at
 * the root and under any sub-path prefix given (to prove the build works
 * from a sub-path), and can serve another dataset file at data/timeline.json,
 * or another data/ folder (an archive: index, chunks, search index).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root`. Options: `port` (0 = any free one), `prefixes` (sub-paths
 * such as '/timeline/' served like '/'), `dataset` (a file to serve as data/timeline.json),
 * `dataDir` (a folder to serve as data/, in place of the build's: all of data/ comes from it),
 * `keepCompressed` (keep each file's gzipped body while the file's size and mtime stay the same,
 * instead of compressing it again for every request: the browser tests load the same few files
 * hundreds of times; the same bytes go out either way).
 * Resolves to { server, port, url, close }.
 */
export function serveStatic(root, { port = 0, prefixes = [], dataset = null, dataDir = null, keepCompressed = false } = {}) {
  const base = path.resolve(root);
  /** file → { size, mtimeMs, body }: gzipped bodies kept with `keepCompressed`. */
  const compressed = new Map();
  const gzipped = (file, stat) => {
    const kept = compressed.get(file);
    if (kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs) return kept.body;
    const body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
    if (keepCompressed) compressed.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, body });
    return body;
  };
  const data = dataDir && path.resolve(dataDir);
  /** The file a request's path names, or null when it lies outside what is served. */
  const fileFor = (pathname) => {
    if (dataset && pathname === '/data/timeline.json') return path.resolve(dataset);
    const [dir, rel] = data && pathname.startsWith('/data/') ? [data, pathname.slice('/data/'.length)] : [base, pathname];
    const file = path.join(dir, rel);
    return file.startsWith(`${dir}${path.sep}`) ? file : null;
  };
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    for (const prefix of prefixes) {
      if (pathname === prefix.replace(/\/$/, '')) {
        res.writeHead(301, { location: prefix }).end();
        return;
      }
      if (pathname.startsWith(prefix)) { pathname = `/${pathname.slice(prefix.length)}`; break; }
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = fileFor(pathname);
    if (!file) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Not found</title><h1>Not found</h1>');
        return;
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Hashed names never change content: the build's assets, an archive's chunks and search index.
      const cache = /\/assets\/|\/chunks\/\d+-[0-9a-f]{10}\.json$|\/search-[0-9a-f]{10}\.json$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      // Compress text as any static host would, so measurements see real transfer sizes.
      if (/^(text|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const body = gzipped(file, stat);
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': cache, vary: 'accept-encoding' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'cache-control': cache });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
