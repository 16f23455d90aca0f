/**
 * `npm run import -- <file>`: reads a TimelineJS JSON export, a CSV laid out as TimelineJS's
 * spreadsheet template, or our own data/timeline.csv, and writes a draft events file
 * (importTimeline converts, draftYaml writes). Prints every row not converted with its row
 * number and why. Never writes content/events.yaml, and never overwrites a file without --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseOneArgCommand, refuseDraftOut } from './oneArgCommand.ts';
import { draftYaml } from './draftYaml.ts';
import { importCsv, importTimelineJsJson, slugify, type GroupCategories, type ImportResult } from './importTimeline.ts';
import { readSiteCategories } from './readSiteCategories.ts';
import type { Io } from './main.ts';
import { writeAtomic } from './writeAtomic.ts';
import { runAsCommand } from './runAsCommand.ts';

export const USAGE = `Imports events from a TimelineJS JSON export or a CSV into a draft events file.

Usage: npm run import -- <file> [options]

  <file>           a TimelineJS JSON export (.json), or a CSV (.csv) with the columns of
                   TimelineJS's spreadsheet template (Year, Month, Day, Time, End Year, End Month,
                   End Day, End Time, Display Date, Headline, Text, Media, Media Credit,
                   Media Caption, Media Thumbnail, Type, Group, Background) or of data/timeline.csv
  --out FILE       the draft to write (default: content/drafts/import-<name>.yaml);
                   never content/events.yaml
  --force          overwrite the draft if it exists
  -h, --help       print this help

Every row is converted or listed with its row number and why not. An event without a quote
located in an article is marked \`unsourced: true\`: \`npm run data\` refuses it until an editor
grounds it in an article's words (quotes and dateEvidence) and moves it into content/events.yaml.`;

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const consoleIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Reads `text` as JSON when it looks like JSON, else as CSV; groups become the edition's `categories` they name. */
export function importText(text: string, categories?: GroupCategories): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      return { format: 'JSON', events: [], rejected: [{ from: 'file', reason: `not valid JSON (${(e as Error).message})` }] };
    }
    return importTimelineJsJson(json, categories);
  }
  return importCsv(body, categories);
}

/** Runs the import with command-line `args`; returns the exit status (0, 1, or 2 for bad arguments). */
export function runImport(args: string[], io: Io = consoleIo, cwd = process.cwd()): number {
  const parsed = parseOneArgCommand(args, OPTIONS, USAGE, 'one file to import', io);
  if (typeof parsed === 'number') return parsed;
  const { values: opts, arg } = parsed;
  // npm runs the script from the project's root: a relative path is the caller's, from INIT_CWD.
  const input = path.resolve(process.env.INIT_CWD ?? cwd, arg);
  const name = slugify(path.basename(input).replace(/\.[^.]*$/, '')) || 'events';
  const out = path.resolve(cwd, opts.out ?? `content/drafts/import-${name}.yaml`);
  const rel = path.relative(cwd, out) || out;
  const refused = refuseDraftOut(out, cwd, opts.force, 'the import never writes content/events.yaml: write a draft (--out content/drafts/…) and move grounded events in by hand', io);
  if (refused !== null) return refused;
  let text: string;
  try {
    text = fs.readFileSync(input, 'utf8');
  } catch (e) {
    io.error(`✗ ${arg}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  const categories = readSiteCategories(path.join(cwd, 'content'));
  const result = importText(text, categories);
  for (const r of result.rejected) io.error(`  ✗ ${r.from}: ${r.reason}`);
  if (result.events.length === 0) {
    io.error(`✗ ${arg}: no event could be converted; nothing was written`);
    return 1;
  }
  try {
    writeAtomic(out, draftYaml(result, path.basename(input), categories.map((c) => c.id)));
  } catch (e) {
    io.error(`✗ ${rel}: cannot write the draft (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  const unsourced = result.events.filter((e) => e.quotes.length === 0).length;
  io.log(`✓ wrote ${rel}: ${result.events.length} event(s) from ${result.format}, ${result.rejected.length} row(s) not converted; ` +
    `${unsourced} unsourced (npm run data refuses them until they are grounded in an article)`);
  return 0;
}

runAsCommand(import.meta.url, (args) => runImport(args));
