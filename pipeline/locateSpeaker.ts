/**
 * Part of step 4 of the data pipeline: locates the words that name a quote's
 * speaker ("Mykhailo Podolyak … said") in the quote's article: the occurrence
 * nearest before the quote, or else the only one. Pure.
 */
import { findOccurrences, type Location } from './locateQuote.ts';

export type SpeakerResult = { ok: true; at: Location } | { ok: false; error: string };

/** Where `speaker` names the speaker of the quote at `quote` in `paragraphs`. */
export function locateSpeaker(paragraphs: readonly string[], speaker: string, quote: Pick<Location, 'paragraph' | 'start'>): SpeakerResult {
  const all = findOccurrences(paragraphs, speaker);
  const before = all.filter((o) => o.paragraph < quote.paragraph || (o.paragraph === quote.paragraph && o.start <= quote.start));
  const nearest = before.at(-1);
  if (nearest) return { ok: true, at: nearest };
  if (all.length === 1) return { ok: true, at: all[0]! };
  return {
    ok: false,
    error: all.length === 0
      ? `not found verbatim in the quote's article (only white space may differ): "${speaker}"`
      : `occurs ${all.length} times, all after the quote; give words that name the speaker before it`,
  };
}
