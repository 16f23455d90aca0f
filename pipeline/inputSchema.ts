/**
 * The shapes of the curated inputs: article metadata (`content/articles/<id>.json`)
 * and the events file (`content/events.yaml`). They differ from the dataset
 * contract (src/data/schema.ts): quotes here are only words, which the pipeline
 * locates; dates here are only evidence, which the pipeline resolves.
 */
import { z } from 'zod';
import { CATEGORIES } from '../src/data/schema.ts';
import { isCalendarDay } from '../src/lib/time/calendarDay.ts';

const text = z.string().trim().min(1, 'must not be empty');
const day = z.string().refine(isCalendarDay, { message: 'expected a real calendar day as YYYY-MM-DD' });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case slug such as "second-talks-belarus"');

export const articleMetaSchema = z.strictObject({
  id: slug,
  headline: text,
  publisher: text.nullable(),
  url: z.url().nullable(),
  published: day,
  publishedEvidence: text,
});

const quoteInput = z.strictObject({
  article: text,
  text,
  occurrence: z.int().min(1).optional(),
});

const located = { article: text, phrase: text, note: text.optional() };
const evidenceInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('explicit'), ...located }),
  z.strictObject({ kind: z.literal('relative'), ...located }),
  z.strictObject({ kind: z.literal('counted'), ...located, from: day, count: z.int().min(1), inclusive: z.boolean() }),
  z.strictObject({ kind: z.literal('undated'), article: text, placement: text, note: text.optional() }),
], { error: 'expected kind: explicit, relative, counted or undated' });

export const eventInputSchema = z.strictObject({
  id: slug,
  date: day,
  end: day.optional(),
  title: text,
  summary: text,
  category: z.enum(CATEGORIES, { error: `expected one of ${CATEGORIES.join(', ')}` }),
  quotes: z.array(quoteInput).min(1, 'needs at least one quote'),
  dateEvidence: evidenceInput,
});

export const siteSchema = z.strictObject({ title: text });

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type EventInput = z.infer<typeof eventInputSchema>;
