/**
 * Writes the archive of a synthetic dataset (bench/prepare.mjs runs it in a Node of its own, with
 * a larger heap, through tsx): generates `n` events with `seed`, splits them with the build's own
 * splitDataset, and writes each chunk as soon as it is made, so the dataset is never one string.
 * `outDir` becomes what the page sees as data/: timeline.json (the index), chunks/, search-….json.
 * Prints its figures as one line of JSON on stdout; progress goes to stderr.
 *
 *   node --max-old-space-size=6144 --import tsx bench/writeArchive.ts <n> <seed> <outDir>
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { archiveIndexSchema } from '../src/data/archiveSchema.ts';
import { splitDatasetInto, type ArchiveFile } from '../pipeline/splitDataset.ts';
import { generateDataset } from './generateDataset.mjs';

const [n, seed] = [Number(process.argv[2]), Number(process.argv[3])];
const outDir = process.argv[4] ?? '';
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed) || !outDir) {
  console.error('usage: node --import tsx bench/writeArchive.ts <events> <seed> <outDir>');
  process.exit(2);
}

/** Writes an archive file (named `data/…`) under outDir. */
function write({ file, text }: ArchiveFile): void {
  const to = path.join(outDir, file.replace(/^data\//, ''));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
}

const t0 = performance.now();
const dataset = generateDataset(n, seed);
const t1 = performance.now();
console.error(`  generated ${n.toLocaleString('en-US')} events in ${((t1 - t0) / 1000).toFixed(1)} s`);
let chunkBytes = 0;
const { index, search } = splitDatasetInto(dataset, (chunk) => {
  chunkBytes += Buffer.byteLength(chunk.text);
  write(chunk);
});
write(search);
const indexText = JSON.stringify(index);
write({ file: 'data/timeline.json', text: indexText });
const t2 = performance.now();
// The page parses the index with this schema: a bench archive it would refuse measures nothing.
archiveIndexSchema.parse(index);

const indexBytes = Buffer.byteLength(indexText);
console.log(JSON.stringify({
  n, seed,
  generateMs: Math.round(t1 - t0),
  splitMs: Math.round(t2 - t1),
  chunks: index.chunks.length,
  keyEvents: index.key.length,
  bytes: chunkBytes + index.search.bytes + indexBytes,
  chunkBytes,
  searchBytes: index.search.bytes,
  indexBytes,
  indexGzipBytes: zlib.gzipSync(indexText, { level: 9 }).length,
  heapMB: Math.round(process.memoryUsage().heapUsed / 1048576),
}));
