/**
 * The data pipeline's entry point (`npm run data`): reads content/, builds
 * the dataset and writes src/data/timeline.json atomically, or with --check
 * fails when the committed file is stale. Prints every error (file, event,
 * field) and exits 1 without writing anything when there is one; every
 * failure is a named line, never a bare stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildDataset } from './buildDataset.ts';
import { readInputs } from './readInputs.ts';
import { serializeDataset } from './serializeDataset.ts';
import { writeAtomic } from './writeAtomic.ts';

export const USAGE = `Builds the dataset from content/ and writes src/data/timeline.json.

Usage: npm run data [-- options]

  --check          write nothing; fail when the output file is missing or stale
  --content DIR    the content folder (default: content)
  --events FILE    the events file (default: <content>/events.yaml)
  --out FILE       the dataset to write or check (default: src/data/timeline.json)
  --quiet          do not print warnings (date expressions no event cites)
  -h, --help       print this help`;

const OPTIONS = {
  check: { type: 'boolean', default: false },
  content: { type: 'string', default: 'content' },
  events: { type: 'string' },
  out: { type: 'string', default: 'src/data/timeline.json' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type Io = { log: (line: string) => void; error: (line: string) => void };
const consoleIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Runs the pipeline with command-line `args` in-process; returns the exit status (0, 1, or 2 for bad arguments). */
export function runPipeline(args: string[], io: Io = consoleIo): number {
  let opts;
  try {
    opts = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    io.error(`✗ ${(e as Error).message.split('\n')[0]} (see --help)`);
    return 2;
  }
  if (opts.help) {
    io.log(USAGE);
    return 0;
  }
  try {
    return build(opts, io);
  } catch (e) {
    // A bug or an environment problem we did not foresee: still one named line.
    io.error(`✗ the pipeline stopped: ${(e as Error).message?.split('\n')[0] ?? String(e)}`);
    return 1;
  }
}

function build(opts: { check: boolean; content: string; events?: string; out: string; quiet: boolean }, io: Io): number {
  const inputs = readInputs(path.resolve(opts.content), opts.events ? path.resolve(opts.events) : undefined);
  const result = buildDataset(inputs);
  if (!opts.quiet) for (const w of result.warnings) io.error(`warning: ${w}`);

  if (!result.dataset) {
    const errors = withoutCascades(result.errors, inputs.undatedArticles ?? new Set(), inputs);
    io.error(`\n${errors.length} error(s); nothing was written:`);
    for (const e of errors) io.error(`  ✗ ${e}`);
    return 1;
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
      io.error(`✗ ${rel} is ${current === null ? 'missing' : 'stale'}: run \`npm run data\` and commit the result`);
      return 1;
    }
    io.log(`✓ ${rel} is up to date (${summary})`);
    return 0;
  }
  try {
    writeAtomic(out, json);
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    io.error(`✗ ${rel}: cannot write the dataset (${code ?? message.split('\n')[0]}); nothing was written`);
    return 1;
  }
  io.log(`✓ wrote ${rel} (${summary})`);
  return 0;
}

/**
 * Drops the errors that only follow from an article whose published day is unknown (already
 * reported once by readInputs): the dates of events dated from that article cannot be checked.
 */
function withoutCascades(errors: string[], undated: ReadonlySet<string>, inputs: ReturnType<typeof readInputs>): string[] {
  if (undated.size === 0) return errors;
  const dependent = new Set(inputs.events.filter((e) => undated.has((e.dateEvidence as { article?: string }).article ?? '')).map((e) => `${inputs.eventsFile}: event "${e.id}" → `));
  return errors.filter((e) => {
    const prefix = [...dependent].find((p) => e.startsWith(p));
    return !prefix || !/^(date|end|dateEvidence)\b/.test(e.slice(prefix.length));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = runPipeline(process.argv.slice(2));
}
