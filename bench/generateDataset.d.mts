/** Types of generateDataset.mjs (plain JavaScript, so that the peers harness imports it without a loader). */
import type { Article, Dataset, Quote } from '../src/data/schema.ts';

export declare const DEFAULT_SEED: number;
export declare const KEY_EVENTS_FROM: number;
export declare const KEY_EVERY: number;
export type ParagraphDraft = { text: string; kind: 'text' | 'caption' };
export declare function mulberry32(seed: number): () => number;
export declare function dateRangeFor(n: number): [string, string];
export declare function formatDayPhrase(day: string): string;
export declare function makeSentence(rand: () => number, count: number): string;
export declare function buildArticle(draft: {
  id: string; headline: string; published: string; publishedEvidence: string; paragraphs: ParagraphDraft[];
}): Article;
export declare function quoteWords(article: Article, paragraph: number, from: number, count: number): Quote;
export declare function buildArticles(rand: () => number, count: number, days: string[], published: string): {
  articles: Article[]; dated: Map<string, { article: string; paragraph: number }>;
};
export declare function generateDataset(n: number, seed?: number): Dataset;
