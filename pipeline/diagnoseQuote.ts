/**
 * Why a quote is not verbatim, in words a person can act on: the closest
 * passage of the article (approximate matching with approx-string-match),
 * the quote and the passage one above the other with the differing characters
 * marked (^), what to change ("the source has ’ (U+2019) where the quote has '
 * (U+0027)"), and whether the quote crosses paragraphs. Also the automatic fix
 * (`--fix-quotes`): when quote marks, apostrophes, dashes and white space are
 * the only difference, the article's own words. Pipeline only: never bundled.
 */
import search from 'approx-string-match';
import { findOccurrences } from './locateQuote.ts';

/** Characters that are "the same" for --fix-quotes: one class each. */
const FOLD: Array<[RegExp, string]> = [
  [/['‘’‚‛′`´]/u, "'"],
  [/["“”„‟″«»]/u, '"'],
  [/[-‐‑‒–—―−]/u, '-'],
];

function foldChar(c: string): string {
  if (/\s/u.test(c)) return ' ';
  for (const [re, to] of FOLD) if (re.test(c)) return to;
  return c;
}

/** `s` with quote marks, apostrophes and dashes folded to one of each and white space runs to one space; `map[i]` is the index in `s` of folded char i. */
function fold(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = foldChar(s[i]!);
    if (c === ' ' && text.endsWith(' ')) continue;
    text += c;
    map.push(i);
  }
  return { text, map };
}

/**
 * The article's own words for `quote` when quote marks, apostrophes, dashes and runs of white
 * space are the only difference and the words occur exactly once; otherwise null.
 */
export function fixQuote(paragraphs: readonly string[], quote: string): string | null {
  const wanted = fold(quote.trim()).text;
  if (!wanted) return null;
  const hits: string[] = [];
  for (const p of paragraphs) {
    const { text, map } = fold(p);
    for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) {
      hits.push(p.slice(map[at]!, map[at + wanted.length - 1]! + 1));
    }
  }
  return hits.length === 1 && hits[0] !== quote ? hits[0]! : null;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const name = (c: string) => (c === ' ' ? 'a space' : c === '\u00a0' ? 'a no-break space' : `${c} (${codePoint(c)})`);

type Step = { q: string; s: string };

/** A minimal edit alignment of `a` (the quote) and `b` (the passage): white space matches any white space. */
function align(a: string, b: string): Step[] {
  const same = (x: string, y: string) => x === y || (/\s/u.test(x) && /\s/u.test(y));
  const w = b.length + 1;
  const d = new Uint32Array((a.length + 1) * w);
  for (let i = 0; i <= a.length; i++) d[i * w] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i * w + j] = Math.min(d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1, d[(i - 1) * w + j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1));
    }
  }
  const steps: Step[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1)) {
      steps.push({ q: a[--i]!, s: b[--j]! });
    } else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j]! + 1) {
      steps.push({ q: a[--i]!, s: '' });
    } else {
      steps.push({ q: '', s: b[--j]! });
    }
  }
  return steps.reverse();
}

/** The closest passage of the article to `quote`: its paragraph (0-based), start, end and number of differing characters. */
export function closestPassage(paragraphs: readonly string[], quote: string): { paragraph: number; start: number; end: number; errors: number } | null {
  const maxErrors = Math.max(2, Math.floor(quote.length / 3));
  let best: { paragraph: number; start: number; end: number; errors: number } | null = null;
  paragraphs.forEach((text, paragraph) => {
    if (quote.length > 4000 || text.length > 100_000) return;
    for (const m of search(text, quote, maxErrors)) {
      if (!best || m.errors < best.errors) best = { paragraph, start: m.start, end: m.end, errors: m.errors };
    }
  });
  return best;
}

/** The paragraphs a quote runs across when it spans two or more of them, or null. */
function crossing(paragraphs: readonly string[], quote: string): [number, number] | null {
  const joined = paragraphs.join('\n');
  const found = findOccurrences([joined], quote)[0];
  if (!found) return null;
  const paragraphAt = (offset: number) => joined.slice(0, offset).split('\n').length - 1;
  const [from, to] = [paragraphAt(found.start), paragraphAt(found.end - 1)];
  return from !== to ? [from, to] : null;
}

/** The message for a quote that is not found verbatim: see the file header. */
export function diagnoseQuote(paragraphs: readonly string[], quote: string): string {
  const q = quote.trim();
  const across = crossing(paragraphs, q);
  if (across) {
    return `not found in one paragraph: the quote runs from ¶${across[0] + 1} into ¶${across[1] + 1} of the article; ` +
      `a quote stays inside one paragraph: split it into two quotes, one per paragraph`;
  }
  const near = closestPassage(paragraphs, q);
  if (!near) return `not found in the article, nor anything close to it (only white space may differ): "${q}"`;
  const passage = paragraphs[near.paragraph]!.slice(near.start, near.end);
  const steps = align(q, passage);
  const quoteLine = steps.map((s) => s.q || ' '.repeat(s.s.length)).join('');
  const sourceLine = steps.map((s) => s.s || ' '.repeat(s.q.length)).join('');
  const marks = steps.map((s) => (s.q === s.s || (/\s/u.test(s.q) && /\s/u.test(s.s)) ? ' ' : '^'.repeat(Math.max(s.q.length, s.s.length)))).join('');
  const changes = new Map<string, string>();
  for (const { q: a, s: b } of steps) {
    if (a === b || (/\s/u.test(a) && /\s/u.test(b))) continue;
    const text = !a ? `the source has ${name(b)} where the quote has nothing`
      : !b ? `the quote has ${name(a)} where the source has nothing`
        : `the source has ${name(b)} where the quote has ${name(a)}`;
    changes.set(text, text);
  }
  const fixable = fixQuote(paragraphs, q) !== null;
  return [
    `not found verbatim in the article; the closest passage is in ¶${near.paragraph + 1}:`,
    `    quote:  ${quoteLine}`,
    `    source: ${sourceLine}`,
    `            ${marks.trimEnd()}`,
    `    ${[...changes.values()].join('; ')}` +
      (fixable ? ' — `npm run data -- --fix-quotes` copies the article\'s characters into the quote' : ''),
  ].join('\n');
}
