/**
 * The data pipeline's entry point (`npm run data`): reads content/, builds
 * the dataset and writes src/data/timeline.json atomically, or with --check
 * fails when the committed file is stale. Prints every error (file, event,
 * field) and exits 1 without writing anything when there is one.
 *
 *   npm run data [-- --check] [--content DIR] [--events FILE] [--out FILE] [--quiet]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset } from './buildDataset.ts';
import { readInputs } from './readInputs.ts';
import { serializeDataset } from './serializeDataset.ts';
import { writeAtomic } from './writeAtomic.ts';

const { values: opts } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
    events: { type: 'string' },
    out: { type: 'string', default: 'src/data/timeline.json' },
    quiet: { type: 'boolean', default: false },
  },
});

const contentDir = path.resolve(opts.content);
const inputs = readInputs(contentDir, opts.events ? path.resolve(opts.events) : undefined);
const result = buildDataset(inputs);
if (!opts.quiet) for (const w of result.warnings) console.warn(`warning: ${w}`);

if (!result.dataset) {
  console.error(`\n${result.errors.length} error(s); nothing was written:`);
  for (const e of result.errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}

const json = serializeDataset(result.dataset);
const out = path.resolve(opts.out);
const rel = path.relative(process.cwd(), out);
const cited = result.coverage.filter((c) => c.citedBy.length > 0).length;
const summary = `${result.dataset.events.length} events, ${result.dataset.articles.length} articles, ` +
  `${result.dataset.events.reduce((n, e) => n + e.quotes.length, 0)} quotes; ` +
  `${cited} of ${result.coverage.length} date expressions cited`;

if (opts.check) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null;
  if (current !== json) {
    console.error(`✗ ${rel} is ${current === null ? 'missing' : 'stale'}: run \`npm run data\` and commit the result`);
    process.exit(1);
  }
  console.log(`✓ ${rel} is up to date (${summary})`);
} else {
  writeAtomic(out, json);
  console.log(`✓ wrote ${rel} (${summary})`);
}
