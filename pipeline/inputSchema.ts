/**
 * The shapes of the curated inputs: article metadata (`content/articles/<id>.json`)
 * and the events file (`content/events.yaml`, described in docs/events-format.md).
 * They differ from the dataset contract (src/data/schema.ts): quotes, speakers and
 * order relations here are only words, which the pipeline locates; dates here are
 * only evidence, which the pipeline resolves.
 */
import { z } from 'zod';
import { CATEGORY_COLOURS, CATEGORY_SHAPES, ID_PATTERN, isHttpUrl, MAX_CATEGORIES } from '../src/data/schema.ts';
import { isCalendarDay } from '../src/lib/time/calendarDay.ts';

const text = z.string().trim().min(1, 'must not be empty');
const day = z.string().refine(isCalendarDay, { message: 'expected a real calendar day as YYYY-MM-DD' });
const slug = z.string().regex(ID_PATTERN, 'expected a kebab-case slug such as "second-talks-belarus"');
const httpUrl = z.string().refine(isHttpUrl, { message: 'expected an http: or https: address' });

export const articleMetaSchema = z.strictObject({
  id: slug,
  headline: text,
  publisher: text.nullable(),
  url: httpUrl.nullable(),
  /** An archived copy of the page and the day it was captured. */
  archived: z.strictObject({ url: httpUrl, captured: day }).optional(),
  published: day,
  /** The words that fix the publication day, and how; optional when `publishedDateline` gives them. */
  publishedEvidence: text.optional(),
  /** The words of the page's dateline that give the `published` day; located in the text and checked by the pipeline. */
  publishedDateline: z.strictObject({ phrase: text, occurrence: z.int().min(1).optional(), note: text.optional() }).optional(),
  /** Who wrote it, as the page says ("Jane Doe"); a saved page's metadata gives it. */
  byline: text.optional(),
  /** The site whose cleaning rules apply: `content/sites/<site>.json`. */
  site: slug.optional(),
}).refine((meta) => meta.publishedEvidence !== undefined || meta.publishedDateline !== undefined, {
  path: ['publishedEvidence'],
  message: 'required: say how the publication day is known (publishedEvidence), or give the dateline that states it (publishedDateline)',
  // Checked even when another field is wrong: every problem of the file in one run.
  when: () => true,
});

const quoteInput = z.strictObject({
  article: text,
  text,
  occurrence: z.int().min(1).optional(),
  /** The words of the same article that name the speaker ("Mykhailo Podolyak … said"). */
  speaker: text.optional(),
});

const located = { article: text, phrase: text, note: text.optional() };
/** The words saying that the event is announced for a later day than the article's. */
const announced = { announced: text.optional() };
const evidenceInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('explicit'), ...located, ...announced }),
  z.strictObject({ kind: z.literal('relative'), ...located, ...announced }),
  z.strictObject({ kind: z.literal('counted'), ...located, ...announced, from: day, count: z.int().min(1), inclusive: z.boolean() }),
  z.strictObject({ kind: z.literal('range'), ...located, earliest: day.optional(), latest: day.optional() }),
  z.strictObject({ kind: z.literal('undated'), article: text, placement: text.optional(), note: text.optional() }),
], { error: 'expected kind: explicit, relative, counted, range or undated' });

/** "This event comes after (or before) that one", with the words of an article that say so. */
const relationInput = z.strictObject({ event: slug, article: text, phrase: text });

const allowInput = z.strictObject({ words: text, reason: text });

export const eventInputSchema = z.strictObject({
  id: slug,
  date: day,
  end: day.optional(),
  key: z.boolean().optional(),
  title: text,
  summary: text,
  /** One of the edition's category ids (content/site.json's, else the default four): checked by checkEventItem, which knows them. */
  category: z.string(),
  quotes: z.array(quoteInput).min(1, 'needs at least one quote'),
  dateEvidence: evidenceInput,
  /** The date in EDTF; when given by hand it must match the bounds the pipeline works out. */
  edtf: text.optional(),
  after: z.array(relationInput).optional(),
  before: z.array(relationInput).optional(),
  allow: z.array(allowInput).optional(),
});

/** How the edition names and draws one category; the colour is a name from a fixed palette of measured tokens. */
const categoryInput = z.strictObject({
  /** The edition's own id, what events and `cat=` links say: a slug, like an event id. */
  id: z.string().regex(ID_PATTERN, 'expected an id as a kebab-case slug, e.g. "works" or "city-council" (what the events file and cat= links say)'),
  label: text,
  colour: z.enum(CATEGORY_COLOURS, { error: `expected one of the colours ${CATEGORY_COLOURS.join(', ')} (each keeps its contrast in light and dark)` }),
  shape: z.enum(CATEGORY_SHAPES, { error: `expected one of the shapes ${CATEGORY_SHAPES.join(', ')}` }),
});

export const siteSchema = z.strictObject({
  title: text,
  /** One line under the title: what the edition is about. */
  dek: text.optional(),
  licence: text.optional(),
  /** The categories the events may use, with their names, colours and shapes; absent: the default four. */
  categories: z.array(categoryInput).min(1, 'needs at least one category (or leave categories out for the default four)')
    .max(MAX_CATEGORIES, `has more than ${MAX_CATEGORIES} categories: a reader can tell apart ${MAX_CATEGORIES} lanes, colours and shapes at most`)
    .superRefine((cs, ctx) => {
      const seen = new Set<string>();
      for (const c of cs) {
        if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `each category id may be listed once: "${c.id}" is listed twice` });
        seen.add(c.id);
      }
    })
    .optional(),
});
export type SiteInput = z.infer<typeof siteSchema>;

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type EventInput = z.infer<typeof eventInputSchema>;
export type EvidenceInput = z.infer<typeof evidenceInput>;
export type RelationInput = z.infer<typeof relationInput>;
