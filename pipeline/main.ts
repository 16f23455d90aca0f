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
import { buildDataset } from './buildDataset.ts';
import { cleanRawArticle } from './readArticle.ts';
import { describeFix, fixQuotesInFile } from './fixQuotes.ts';
import { readInputs, type Inputs } from './readInputs.ts';
import { showArticleFile } from './showArticle.ts';
import { serializeDataset } from './serializeDataset.ts';
import { writeAtomic } from './writeAtomic.ts';
import { runAsCommand } from './runAsCommand.ts';

export const USAGE = `Builds the dataset from content/ and writes src/data/timeline.json.

Usage: npm run data [-- options]

  --check          write nothing; fail when the output file is missing or stale
  --content DIR    the content folder (default: content)
  --events FILE    the events file (default: <content>/events.yaml)
  --out FILE       the dataset to write or check (default: src/data/timeline.json)
  --quiet          do not print warnings (date expressions no event cites)
  --all-warnings   warn about the uncited date expressions of every article, not only
                   of the articles that changed since the dataset in --out was written
  --show ARTICLE   print the article (an id, or a path to its .txt) as the pipeline sees it:
                   numbered paragraphs, captions, removed lines with their reason, and each
                   date expression with its day; writes nothing
  --fix-quotes     in the events file, rewrite quote marks, apostrophes, dashes and spaces of
                   each quote to the article's own characters when that is the only difference,
                   keeping comments and formatting; prints what it changed, writes nothing else
  -h, --help       print this help`;

const OPTIONS = {
  check: { type: 'boolean', default: false },
  content: { type: 'string', default: 'content' },
  events: { type: 'string' },
  out: { type: 'string', default: 'src/data/timeline.json' },
  quiet: { type: 'boolean', default: false },
  'all-warnings': { type: 'boolean', default: false },
  show: { type: 'string' },
  'fix-quotes': { type: 'boolean', default: false },
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
    if (opts.show !== undefined) {
      const shown = showArticleFile(opts.show, path.resolve(opts.content));
      if (!shown.ok) {
        io.error(`✗ --show: ${shown.error}`);
        return 1;
      }
      for (const line of shown.lines) io.log(line);
      return 0;
    }
    if (opts['fix-quotes']) return fixQuotes(opts, io);
    return build(opts, io);
  } catch (e) {
    // A bug or an environment problem we did not foresee: still one named line.
    io.error(`✗ the pipeline stopped: ${(e as Error).message?.split('\n')[0] ?? String(e)}`);
    return 1;
  }
}

type Opts = { check: boolean; content: string; events?: string; out: string; quiet: boolean; 'all-warnings': boolean };

function build(opts: Opts, io: Io): number {
  const inputs = readInputs(path.resolve(opts.content), opts.events ? path.resolve(opts.events) : undefined);
  const result = buildDataset(inputs);
  if (!opts.quiet) printWarnings(result.warnings, inputs, path.resolve(opts.out), opts['all-warnings'], io);

  if (!result.dataset) {
    const errors = withoutCascades(result.errors, inputs.undatedArticles ?? new Set(), inputs)
      .map((e, _, all) => withLine(e, inputs, all));
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
 * Warnings for uncited date expressions, only for the articles whose paragraphs differ from those
 * of the dataset already in `out` (the committed one): each is printed in the run that follows
 * the change, not in every run. `all` prints them for every article.
 */
function printWarnings(warnings: string[], inputs: Inputs, out: string, all: boolean, io: Io): void {
  let previous = new Map<string, string>();
  if (!all) {
    try {
      const data = JSON.parse(fs.readFileSync(out, 'utf8')) as { articles?: Array<{ id?: unknown; paragraphs?: unknown }> };
      previous = new Map((data.articles ?? []).map((a) => [String(a.id), JSON.stringify(a.paragraphs)]));
    } catch {
      // No dataset yet, or not readable: every article counts as changed.
    }
  }
  const changed = new Set(inputs.articles
    .filter((article) => all || previous.get(article.meta.id) !== JSON.stringify(cleanRawArticle(article).paragraphs.map((p) => p.text)))
    .map(({ meta }) => meta.id));
  const shown = warnings.filter((w) => changed.has(w.slice(0, w.indexOf(' '))));
  for (const w of shown) io.error(`warning: ${w}`);
  if (shown.length < warnings.length && shown.length) {
    io.error(`(${warnings.length - shown.length} more in unchanged articles: --all-warnings lists them)`);
  }
}

/**
 * An error about an event of the events file, with the line of its field and that line's text:
 * `file: event "id" → field: message` becomes `file:LINE: event "id" → field: message` and
 * the YAML of the line under it.
 */
function withLine(error: string, inputs: Inputs, all: readonly string[]): string {
  const source = inputs.eventsSource;
  if (!source || !error.startsWith(`${source.file}: event `)) return error;
  const m = /^: event (?:"((?:[^"\\]|\\.)*)"|#(\d+)) → ([^:]+): /.exec(error.slice(source.file.length));
  if (!m) return error;
  const [, id, number] = m;
  const field = m[3]!;
  let index = number !== undefined ? Number(number) - 1 : source.ids.indexOf(id);
  // A duplicate id is about the later item that has it.
  if (id !== undefined && field === 'id' && /duplicate id/.test(error)) {
    // The k-th such error (they come in file order) is about the (k+1)-th item with that id.
    const items = source.ids.flatMap((x, i) => (x === id ? [i] : []));
    const k = all.filter((e) => e.startsWith(error.slice(0, error.indexOf(' → ')))).filter((e) => / → id: duplicate id/.test(e)).indexOf(error) + 1;
    index = items[Math.min(Math.max(k, 1), items.length - 1)] ?? index;
  }
  if (index < 0) return error;
  const path = field === '(whole item)' ? [] : field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const line = source.lineOf(index, path);
  if (line === undefined) return error;
  const rest = error.slice(source.file.length);
  return `${source.file}:${line}${rest}\n      ${line} | ${source.line(line).trimEnd()}`;
}

/** `--fix-quotes`: see fixQuotes.ts. */
function fixQuotes(opts: Opts, io: Io): number {
  const content = path.resolve(opts.content);
  const inputs = readInputs(content, opts.events ? path.resolve(opts.events) : undefined);
  const paragraphs = new Map(inputs.articles.map((article) => [article.meta.id, cleanRawArticle(article).paragraphs.map((p) => p.text)]));
  const file = path.resolve(opts.events ?? path.join(content, 'events.yaml'));
  const fixes = fixQuotesInFile(file, paragraphs);
  const rel = path.relative(process.cwd(), file) || file;
  if (fixes.length === 0) {
    io.log(`✓ no quote needs its quote marks, apostrophes, dashes or spaces fixed; ${rel} was not written`);
    return 0;
  }
  for (const f of fixes) io.log(`fixed ${rel}:${f.line}: event "${f.event}" → ${f.field}: ${describeFix(f.from, f.to)}\n      now: ${f.to}`);
  io.log(`✓ ${fixes.length} quote(s) fixed in ${rel}; run \`npm run data\` to rebuild`);
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

runAsCommand(import.meta.url, (args) => runPipeline(args));
