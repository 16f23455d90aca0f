/**
 * `npm run draft -- <article>`: reads one article of content/articles as the pipeline reads it
 * (readArticle: its text or saved page, its metadata, its site's cleaning rules) and writes a reviewable draft of event stubs
 * (draftEvents proposes, draftYaml writes) to content/drafts/draft-<article>.yaml. Never writes
 * content/events.yaml, and never overwrites a draft without --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseOneArgCommand, refuseDraftOut } from './oneArgCommand.ts';
import { parse as parseYaml } from 'yaml';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { draftEvents, type EventStub } from './draftEvents.ts';
import { stubsYaml } from './draftYaml.ts';
import type { Io } from './main.ts';
import { cleanRawArticle, listArticles, readArticle, readSites } from './readArticle.ts';
import { readSiteCategories } from './readSiteCategories.ts';
import { writeAtomic } from './writeAtomic.ts';
import { runAsCommand } from './runAsCommand.ts';

export const USAGE = `Drafts event stubs from an article's words, for an editor to review.

Usage: npm run draft -- <article> [options]

  <article>        an article id of content/articles (<id>.txt with its .json, or a saved page
                   <id>.html), e.g. second-round-belarus-talks
  --out FILE       the draft to write (default: content/drafts/draft-<article>.yaml);
                   never content/events.yaml
  --force          overwrite the draft if it exists
  -h, --help       print this help

One stub per sentence that holds a date expression or a sequence word (before, after, earlier,
later, then…): the sentence as its quote, verbatim; the date and its dateEvidence as the words
give it; a proposed id (unique against content/events.yaml) and category; an \`after\` relation
where a sequence word points back to the stub before it. Title and summary are left empty: write
them, check each stub against its comments, then move the ones you keep into content/events.yaml
and run \`npm run data\`.`;

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const consoleIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** The ids of the events file, read leniently: a draft must not repeat one even while the file has errors. */
function readTakenIds(eventsFile: string): Set<string> {
  if (!fs.existsSync(eventsFile)) return new Set();
  try {
    const items: unknown = parseYaml(fs.readFileSync(eventsFile, 'utf8'));
    return new Set((Array.isArray(items) ? items : []).map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  } catch {
    return new Set();
  }
}


/** The stubs of article `id` in `contentDir`, read and cleaned as the pipeline reads it; or the problems, named by file and field. */
export function draftArticle(id: string, contentDir: string): { ok: true; stubs: EventStub[]; published: CalendarDay } | { ok: false; error: string } {
  const errors: string[] = [];
  const ctx = { errors, root: process.cwd(), contentDir };
  const listed = listArticles(ctx).find((a) => a.id === id);
  if (!listed) {
    const known = listArticles({ ...ctx, errors: [] }).map((a) => a.id);
    return { ok: false, error: `no article "${id}" in ${path.relative(process.cwd(), path.join(contentDir, 'articles')) || contentDir}${known.length ? `; known: ${known.join(', ')}` : ''}` };
  }
  const read = readArticle(ctx, listed.id, listed.kind, readSites(ctx));
  if (!read || read.undated) return { ok: false, error: errors.join('\n  ') || `article "${id}" cannot be read` };
  const { meta } = read.article;
  const { paragraphs } = cleanRawArticle(read.article);
  const published = meta.published as CalendarDay;
  const stubs = draftEvents(
    { id: meta.id, published, paragraphs: paragraphs.map((p) => p.text) },
    { takenIds: readTakenIds(path.join(contentDir, 'events.yaml')), categories: readSiteCategories(contentDir).map((c) => c.id), captions: paragraphs.map((p) => p.kind === 'caption') },
  );
  return { ok: true, stubs, published };
}

/** Runs the draft with command-line `args`; returns the exit status (0, 1, or 2 for bad arguments). */
export function runDraft(args: string[], io: Io = consoleIo, cwd = process.cwd()): number {
  const parsed = parseOneArgCommand(args, OPTIONS, USAGE, 'one article id', io);
  if (typeof parsed === 'number') return parsed;
  const { values: opts, arg } = parsed;
  const id = path.basename(arg).replace(/\.(txt|html|json)$/, '');
  const contentDir = path.join(cwd, 'content');
  const out = path.resolve(opts.out ? path.resolve(process.env.INIT_CWD ?? cwd, opts.out) : path.join(contentDir, 'drafts', `draft-${id}.yaml`));
  const rel = path.relative(cwd, out) || out;
  const refused = refuseDraftOut(out, cwd, opts.force, 'the draft never writes content/events.yaml: move the stubs you keep into it by hand', io);
  if (refused !== null) return refused;
  const result = draftArticle(id, contentDir);
  if (!result.ok) {
    io.error(`✗ ${result.error}`);
    return 1;
  }
  const { stubs } = result;
  const header = [
    `Draft events from content/articles/${id}.txt (published ${result.published}), written by npm run draft.`,
    'Not publishable as it stands: write each title and summary, check the date, category and relations',
    'against the comments, delete what is not an event, then move what you keep into content/events.yaml.',
    `${stubs.length} stub(s).`,
  ];
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeAtomic(out, stubsYaml(stubs, header));
  } catch (e) {
    io.error(`✗ ${rel}: cannot write the draft (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  const dated = stubs.filter((s) => s.dateEvidence.kind !== 'undated').length;
  io.log(`✓ wrote ${rel}: ${stubs.length} stub(s), ${dated} dated by their words; write titles and summaries, then move them into content/events.yaml`);
  return 0;
}

runAsCommand(import.meta.url, (args) => runDraft(args));
