/**
 * Snaps a selected range of a paragraph to whole words: white space at
 * either end is dropped and a word cut by the selection is taken whole, so a
 * quote never starts or ends in the middle of a word. Pure.
 */

const LETTER = /[\p{L}\p{N}]/u;
/** An apostrophe or hyphen inside a word ("Russia’s", "MiG-29") belongs to it. */
const JOINER = /['’\-‐]/u;

function inWord(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (LETTER.test(c)) return true;
  return JOINER.test(c) && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
}

/** The range [start, end) of `text` snapped to whole words, or null when it holds no word. */
export function snapPassage(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end, 0));
  while (s < e && /\s/u.test(text[s]!)) s += 1;
  while (e > s && /\s/u.test(text[e - 1]!)) e -= 1;
  if (s === e) return null;
  while (s > 0 && inWord(text, s) && inWord(text, s - 1)) s -= 1;
  while (e < text.length && inWord(text, e - 1) && inWord(text, e)) e += 1;
  return { start: s, end: e };
}
