/**
 * Authoring in the dev server: answers the page's authoring requests
 * (authoringApi.ts). Reads an article as the page shows it, proposes the dates a passage gives (proposeEvidence), checks a
 * title and summary for claims beyond the quotes (checkClaims), and saves a
 * new event or quote through saveEvents.ts, which writes only what the
 * pipeline accepts. No HTTP here: authoringPlugin.ts carries the requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findUnsupportedClaims } from '../checkClaims.ts';
import type { Article, Dataset } from '../../src/data/schema.ts';
import type { EventInput } from '../inputSchema.ts';
import { findOccurrences } from '../locateQuote.ts';
import { proposeEvidence } from '../proposeEvidence.ts';
import type { ClaimsAnswer, PassageAnswer, SaveAnswer } from './authoringApi.ts';
import { appendEvent, appendQuote } from './editEventsFile.ts';
import { saveEventsText, type AuthoringPaths } from './saveEvents.ts';

export type Answer = { status: number; body: unknown };

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const passageSchema = z.strictObject({ article: slug, paragraph: z.int().min(0), start: z.int().min(0), end: z.int().min(1) });
const claimsSchema = z.strictObject({ title: z.string(), summary: z.string(), quotes: z.array(z.string()) });
const saveSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('event'),
    passage: passageSchema,
    // The event's fields are the pipeline's to check, with its own messages: here only their shape.
    event: z.strictObject({
      id: z.string(), date: z.string(), end: z.string().optional(), key: z.boolean(), title: z.string(), summary: z.string(),
      category: z.string(), dateEvidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  }),
  z.strictObject({ action: z.literal('quote'), passage: passageSchema, event: z.string(), speaker: z.string().optional() }),
]);

const bad = (message: string): Answer => ({ status: 400, body: { ok: false, errors: [message] } });

/**
 * The article `id` as the page shows it: from the dataset the dev server serves (rebuilt whenever
 * content/ changes), so the passage's offsets are those of the paragraphs the editor selected in.
 */
function readArticle(datasetFile: string, id: string): Pick<Article, 'id' | 'published' | 'paragraphs'> | string {
  let dataset: Dataset;
  try {
    dataset = JSON.parse(fs.readFileSync(datasetFile, 'utf8')) as Dataset;
  } catch (e) {
    return `the dataset ${path.relative(process.cwd(), datasetFile)} cannot be read (${(e as Error).message.split('\n')[0]}); run npm run data`;
  }
  const article = dataset.articles?.find((a) => a.id === id);
  return article ?? `no article "${id}" in the dataset; reload the page`;
}

/** The passage's words and the occurrence that picks them (only when they occur more than once), or a message. */
function readPassage(datasetFile: string, ref: z.infer<typeof passageSchema>) {
  const article = readArticle(datasetFile, ref.article);
  if (typeof article === 'string') return article;
  const paragraph = article.paragraphs[ref.paragraph];
  if (paragraph === undefined || ref.end > paragraph.length || ref.start >= ref.end) {
    return `article "${ref.article}" has no passage ¶${ref.paragraph + 1} ${ref.start}–${ref.end}; reload the page`;
  }
  const text = paragraph.slice(ref.start, ref.end);
  if (text.trim() !== text || text === '') return 'a passage starts and ends with words, not spaces';
  const found = findOccurrences(article.paragraphs, text);
  const at = found.findIndex((o) => o.paragraph === ref.paragraph && o.start === ref.start);
  return { article, text, ...(found.length > 1 && at >= 0 && { occurrence: at + 1 }) };
}

/** Answers one authoring request: `route` is the path after `/__authoring/`, `body` the parsed JSON. */
export function handleAuthoring(route: string, body: unknown, paths: AuthoringPaths): Answer {
  if (route === 'passage') {
    const ref = passageSchema.safeParse(body);
    if (!ref.success) return bad('expected { article, paragraph, start, end }');
    const read = readPassage(paths.datasetFile, ref.data);
    if (typeof read === 'string') return bad(read);
    const answer: PassageAnswer = {
      ...ref.data, text: read.text, ...(read.occurrence && { occurrence: read.occurrence }),
      proposals: proposeEvidence(read.article, ref.data),
    };
    return { status: 200, body: answer };
  }
  if (route === 'claims') {
    const req = claimsSchema.safeParse(body);
    if (!req.success) return bad('expected { title, summary, quotes }');
    const answer: ClaimsAnswer = {
      title: findUnsupportedClaims(req.data.title, req.data.quotes),
      summary: findUnsupportedClaims(req.data.summary, req.data.quotes),
    };
    return { status: 200, body: answer };
  }
  if (route === 'save') {
    const req = saveSchema.safeParse(body);
    if (!req.success) return bad(`not a save request: ${req.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const read = readPassage(paths.datasetFile, req.data.passage);
    if (typeof read === 'string') return bad(read);
    // Any run of white space as one space (the pipeline matches runs to runs): no-break spaces stay readable in the file.
    const words = read.text.replace(/\s+/gu, ' ');
    const quote = { article: req.data.passage.article, text: words, ...(read.occurrence && { occurrence: read.occurrence }) };
    const before = fs.readFileSync(paths.eventsFile, 'utf8');
    let id: string;
    let edit;
    if (req.data.action === 'event') {
      const { key, end, ...fields } = req.data.event;
      id = fields.id;
      const event = {
        id: fields.id, date: fields.date, ...(end && { end }), ...(key && { key: true }), title: fields.title, summary: fields.summary,
        category: fields.category, quotes: [quote], dateEvidence: fields.dateEvidence,
      } as EventInput;
      edit = appendEvent(before, event);
    } else {
      id = req.data.event;
      const speaker = req.data.speaker?.trim();
      edit = appendQuote(before, id, { ...quote, ...(speaker && { speaker }) });
    }
    if (!edit.ok) return { status: 422, body: { ok: false, errors: [edit.error] } satisfies SaveAnswer };
    const saved = saveEventsText(paths, edit.text);
    const answer: SaveAnswer = saved.ok ? { ok: true, id } : { ok: false, errors: saved.errors };
    return { status: saved.ok ? 200 : 422, body: answer };
  }
  return { status: 404, body: { ok: false, errors: [`no authoring route "${route}"`] } };
}
