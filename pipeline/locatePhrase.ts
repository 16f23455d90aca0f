/**
 * Part of step 4 of the data pipeline: locates the words that give a piece of
 * evidence (a dating phrase, an order relation, an announcement) in an article
 * whose paragraphs are already clean. Pure.
 */
import type { Article, Quote } from '../src/data/schema.ts';
import { findOccurrences, type Location } from './locateQuote.ts';

export type PhraseResult = { ok: true; at: Location } | { ok: false; error: string };

/** Locates `phrase`: inside one of `quotes` (of this article) first; elsewhere in the article it must be unique. */
export function locatePhrase(article: Pick<Article, 'id' | 'paragraphs'>, phrase: string, quotes: readonly Quote[]): PhraseResult {
  const all = findOccurrences(article.paragraphs, phrase);
  const inQuote = all.find((o) => quotes.some((q) => q.article === article.id && q.paragraph === o.paragraph && o.start >= q.start && o.end <= q.end));
  if (inQuote) return { ok: true, at: inQuote };
  if (all.length === 1) return { ok: true, at: all[0]! };
  return {
    ok: false,
    error: all.length === 0
      ? `"${phrase}" does not occur in article "${article.id}"`
      : `"${phrase}" occurs ${all.length} times in article "${article.id}" and in none of the quotes it could belong to; quote the passage that holds it`,
  };
}
