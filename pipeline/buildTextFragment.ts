/**
 * Part of step 4 of the data pipeline: the link to a quote on the publisher's
 * page, a URL text fragment (`#:~:text=prefix-,textStart,textEnd,-suffix`,
 * https://wicg.github.io/scroll-to-text-fragment/). Built from the quote's first
 * and last words and the words around it in its paragraph, lengthened until it
 * matches the quote's passage and nothing else in the article. Pure.
 */
import type { Location } from './locateQuote.ts';

export type Fragment = { prefix: string; start: string; end: string; suffix: string };
export type FragmentResult = { ok: true; url: string } | { ok: false; error: string };

/** Percent-encodes a part of a text directive: `-`, `,` and `&` have a meaning there too. */
export function encodeFragmentPart(part: string): string {
  return encodeURIComponent(part).replace(/-/g, '%2D');
}

/** `url#:~:text=…` for `fragment`; empty parts are left out. */
export function formatTextFragment(url: string, { prefix, start, end, suffix }: Fragment): string {
  const parts = [prefix && `${encodeFragmentPart(prefix)}-`, encodeFragmentPart(start), end && encodeFragmentPart(end), suffix && `-${encodeFragmentPart(suffix)}`];
  return `${url.replace(/#.*$/, '')}#:~:text=${parts.filter(Boolean).join(',')}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of a directive match any run of white space, case-insensitively, on word boundaries. */
const wordsPattern = (s: string) => s.split(/\s+/).filter(Boolean).map(escapeRegExp).join('\\s+');
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function matchesAt(text: string, words: string, at: number): number | null {
  const m = new RegExp(wordsPattern(words), 'iuy');
  m.lastIndex = at;
  const found = m.exec(text);
  if (!found || isWordChar(text[at - 1]) || isWordChar(text[at + found[0].length])) return null;
  return at + found[0].length;
}

function allMatches(text: string, words: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const m = new RegExp(wordsPattern(words), 'giu');
  for (let found = m.exec(text); found; found = m.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    if (!isWordChar(text[start - 1]) && !isWordChar(text[end])) out.push({ start, end });
    m.lastIndex = start + 1;
  }
  return out;
}

const skipSpace = (text: string, at: number) => at + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);

/**
 * Every passage of `text` that `fragment` selects, as a browser finds them: `start` right after
 * `prefix`, then the first `end` after it that `suffix` follows.
 */
export function findFragmentMatches(text: string, fragment: Fragment): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of allMatches(text, fragment.start)) {
    if (fragment.prefix) {
      const before = text.slice(0, s.start).replace(/\s+$/, '');
      const p = allMatches(before, fragment.prefix).at(-1);
      if (!p || p.end !== before.length) continue;
    }
    const ends = fragment.end ? allMatches(text, fragment.end).filter((e) => e.start >= s.end) : [s];
    const end = ends.find((e) => !fragment.suffix || matchesAt(text, fragment.suffix, skipSpace(text, e.end)) !== null);
    if (end) out.push({ start: s.start, end: end.end });
  }
  return out;
}

/**
 * The text-fragment URL of the quote at `at` in `paragraphs`: `n` words at each end of the quote and
 * `n - 2` words of context (at least one), with n growing until only the quote's passage matches.
 */
export function buildTextFragment(url: string, paragraphs: readonly string[], at: Location): FragmentResult {
  const text = paragraphs.join('\n\n');
  const offset = paragraphs.slice(0, at.paragraph).reduce((n, p) => n + p.length + 2, 0);
  const target = { start: offset + at.start, end: offset + at.end };
  const paragraph = paragraphs[at.paragraph]!;
  const quoteWords = at.text.split(/\s+/).filter(Boolean);
  const beforeWords = paragraph.slice(0, at.start).split(/\s+/).filter(Boolean);
  const afterWords = paragraph.slice(at.end).split(/\s+/).filter(Boolean);
  const most = Math.max(quoteWords.length, beforeWords.length, afterWords.length) + 2;
  for (let n = 3; n <= most; n += 1) {
    const whole = 2 * n >= quoteWords.length;
    const context = Math.max(1, n - 2);
    const fragment: Fragment = {
      prefix: beforeWords.slice(-context).join(' '),
      start: (whole ? quoteWords : quoteWords.slice(0, n)).join(' '),
      end: whole ? '' : quoteWords.slice(-n).join(' '),
      suffix: afterWords.slice(0, context).join(' '),
    };
    const matches = findFragmentMatches(text, fragment);
    if (matches.length === 1 && matches[0]!.start === target.start && matches[0]!.end === target.end) {
      return { ok: true, url: formatTextFragment(url, fragment) };
    }
  }
  return { ok: false, error: 'no text fragment selects this quote and nothing else in the article; quote more of the passage' };
}
