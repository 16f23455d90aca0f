/**
 * Step 2 of the data pipeline: finds a quote in the cleaned paragraphs of
 * its article. Pure: paragraphs and quote in, location or error out. Only
 * runs of white space may differ between quote and source; quote marks,
 * apostrophes and dashes must match exactly.
 */

export type Location = { paragraph: number; start: number; end: number; text: string };
export type LocateResult = { ok: true; location: Location } | { ok: false; error: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every place where `quote` occurs in `paragraphs`, white space runs matching any white space run. */
export function findOccurrences(paragraphs: readonly string[], quote: string): Location[] {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const found: Location[] = [];
  paragraphs.forEach((text, paragraph) => {
    // Step one character past each match start, so overlapping occurrences count too.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      found.push({ paragraph, start: match.index, end: match.index + match[0].length, text: match[0] });
      pattern.lastIndex = match.index + 1;
    }
  });
  return found;
}

/** Locates `quote`: it must occur exactly once, or `occurrence` (1-based) must pick one. */
export function locateQuote(paragraphs: readonly string[], quote: string, occurrence?: number): LocateResult {
  const found = findOccurrences(paragraphs, quote);
  if (found.length === 0) {
    return { ok: false, error: `not found verbatim in the article (only white space may differ; check quote marks, apostrophes and dashes): "${shorten(quote)}"` };
  }
  if (occurrence !== undefined) {
    const picked = found[occurrence - 1];
    return picked
      ? { ok: true, location: picked }
      : { ok: false, error: `occurrence ${occurrence} asked for, but the text occurs ${found.length} time(s)` };
  }
  if (found.length > 1) {
    return { ok: false, error: `occurs ${found.length} times in the article; add "occurrence: N" to say which: "${shorten(quote)}"` };
  }
  return { ok: true, location: found[0]! };
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
