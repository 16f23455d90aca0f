/**
 * Part of step 4 of the data pipeline: no claim beyond the quotes. Every
 * number, every capitalised word (a name; a sentence's first word too, unless
 * it is a common function word) and every phrase in quotation marks of an
 * event's title or summary must occur in the event's quotes, its speakers'
 * words or its allowed words. Case, possessives, plurals and the parts of a
 * hyphenated word are tolerated; "8" and "eight" are the same number. Pure.
 */

/** Words that may open a sentence without being a claim. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'after', 'before', 'as', 'with', 'for', 'but', 'and', 'or', 'it', 'its',
  'this', 'that', 'these', 'those', 'of', 'to', 'from', 'by', 'during', 'while', 'when', 'where', 'if', 'so',
  'he', 'she', 'they', 'we', 'his', 'her', 'their', 'both', 'all', 'some', 'no', 'not', 'also', 'there',
]);

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const TENS = ['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const NUMBER_WORDS = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i + 1] as const),
  ...TENS.map((w, i) => [w, (i + 3) * 10] as const),
  ...Object.entries(SCALES),
]);

// A number ("2,000", "2.1", "29s") or a word with its inner apostrophes and hyphens ("Russia’s", "MiG-29s").
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*\p{L}*|[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*['’]?/gu;
const QUOTED = /“([^”]*)”|"([^"]*)"/g;
const SENTENCE_END = /(?:^|[.!?:…])["”’)\]\s]*$/;

type Token = { raw: string; index: number; end: number };

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ raw: m[0], index: m.index, end: m.index + m[0].length }));
}

const partsOf = (raw: string) => raw.split(/[-‐]/).filter(Boolean);

/** The forms a word may take: lower case, without a possessive, singular. */
function variants(raw: string): string[] {
  const w = raw.toLowerCase().replace(/’/g, "'").replace(/'s?$/, '');
  const out = [w];
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 2) out.push(w.slice(0, -1));
  return out;
}

/** The value of a number token ("2,000" → 2000, "29s" → 29, "eight" → 8), or null. */
function numberValue(raw: string): number | null {
  const digits = /^(\p{N}+(?:[.,]\p{N}+)*)\p{L}*$/u.exec(raw);
  if (digits) {
    const n = Number(digits[1]!.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return NUMBER_WORDS.get(variants(raw)[0]!) ?? null;
}

/** Whether `next` continues the number `prev` ("two thousand", "twenty five"), rather than being a second number. */
function continuesNumber(prev: string, next: string): boolean {
  const word = variants(next)[0]!;
  if (word in SCALES) return true;
  const p = numberValue(prev);
  const n = numberValue(next);
  return p !== null && n !== null && TENS.includes(variants(prev)[0]!) && n < 10;
}

/** The value of a run of number tokens: "2.1 million" → 2100000, "two hundred thousand" → 200000. */
function runValue(raws: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const raw of raws) {
    const word = variants(raw)[0]!;
    if (word === 'hundred') current = (current || 1) * 100;
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else current += numberValue(raw) ?? 0;
  }
  return Math.round((total + current) * 1e6) / 1e6;
}

type NumberRun = { raw: string; value: number; index: number };

/** Every number in `text`, runs of number words joined ("two thousand") and hyphenated ones split ("twenty-five"). */
function findNumbers(text: string, tokens: readonly Token[]): NumberRun[] {
  const runs: NumberRun[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const raws = run.flatMap((t) => (numberValue(t.raw) === null ? partsOf(t.raw) : [t.raw]));
    runs.push({ raw: text.slice(run[0]!.index, run.at(-1)!.end), value: runValue(raws), index: run[0]!.index });
    run = [];
  };
  for (const t of tokens) {
    const parts = partsOf(t.raw);
    const isNumber = numberValue(t.raw) !== null || (parts.length > 1 && parts.every((p) => NUMBER_WORDS.has(p.toLowerCase())));
    if (!isNumber) {
      flush();
      continue;
    }
    const last = run.at(-1);
    if (last && !(/^\s+$/.test(text.slice(last.end, t.index)) && continuesNumber(last.raw, t.raw))) flush();
    run.push(t);
  }
  flush();
  return runs;
}

/** What the quotes (and speakers and allowed words) say, indexed for the checks. */
type Support = { words: Set<string>; numbers: Set<number>; texts: Token[][] };

function indexSupport(texts: readonly string[]): Support {
  const support: Support = { words: new Set(), numbers: new Set(), texts: [] };
  for (const text of texts) {
    const tokens = tokenize(text);
    support.texts.push(tokens);
    for (const t of tokens) {
      for (const form of [t.raw, ...partsOf(t.raw)]) {
        for (const v of variants(form)) support.words.add(v);
        const n = numberValue(form);
        if (n !== null) support.numbers.add(n);
      }
    }
    for (const run of findNumbers(text, tokens)) support.numbers.add(run.value);
  }
  return support;
}

function wordSupported(raw: string, support: Support): boolean {
  if (variants(raw).some((v) => support.words.has(v))) return true;
  const n = numberValue(raw);
  return n !== null && support.numbers.has(n);
}

/** A hyphenated word is supported whole, or by each of its parts that is itself a claim ("MiG-29s": MiG and 29). */
function claimSupported(raw: string, support: Support): boolean {
  if (wordSupported(raw, support)) return true;
  const parts = partsOf(raw);
  if (parts.length < 2) return false;
  const claims = parts.filter((p) => /^\p{Lu}/u.test(p) || numberValue(p) !== null);
  return claims.length > 0 && claims.every((p) => wordSupported(p, support));
}

function phraseSupported(phrase: string, support: Support): boolean {
  const words = tokenize(phrase).map((t) => t.raw);
  if (words.length === 0) return true;
  const same = (a: string, b: string) => variants(a).some((v) => variants(b).includes(v));
  return support.texts.some((tokens) =>
    tokens.some((_, i) => i + words.length <= tokens.length && words.every((w, j) => same(w, tokens[i + j]!.raw))));
}

/**
 * The claims of `text` (a title or a summary) that `support` (the event's quotes, its speakers'
 * words and its allowed words) does not carry, in order, each once: names and numbers as written,
 * a quoted phrase with its quotation marks.
 */
export function findUnsupportedClaims(text: string, support: readonly string[]): string[] {
  const index = indexSupport(support);
  const found: Array<{ at: number; shown: string }> = [];

  // A quoted phrase is checked whole; its words are then left out of the word checks.
  let masked = text;
  for (const m of text.matchAll(QUOTED)) {
    const phrase = m[1] ?? m[2] ?? '';
    if (!phraseSupported(phrase, index)) found.push({ at: m.index, shown: `“${phrase}”` });
    masked = masked.slice(0, m.index) + m[0].replace(/[\p{L}\p{N}]/gu, ' ') + masked.slice(m.index + m[0].length);
  }

  const tokens = tokenize(masked);
  const numbers = findNumbers(masked, tokens);
  for (const run of numbers) {
    if (!index.numbers.has(run.value) && !wordSupported(run.raw, index)) found.push({ at: run.index, shown: run.raw });
  }
  const inNumber = (t: Token) => numbers.some((n) => t.index >= n.index && t.index < n.index + n.raw.length);
  for (const t of tokens) {
    if (inNumber(t) || !partsOf(t.raw).some((p) => /^\p{Lu}/u.test(p))) continue;
    const initial = SENTENCE_END.test(masked.slice(0, t.index));
    if (initial && FUNCTION_WORDS.has(t.raw.toLowerCase())) continue;
    if (!claimSupported(t.raw, index)) found.push({ at: t.index, shown: t.raw });
  }

  const shown = found.sort((a, b) => a.at - b.at).map((f) => f.shown);
  return [...new Set(shown)];
}

/** The message for a field whose claims are unsupported: `"Dmytro", "Antalya" do not occur …`. */
export function describeUnsupported(claims: readonly string[]): string {
  const list = claims.map((c) => (c.startsWith('“') ? c : `"${c}"`)).join(', ');
  return `${list} ${claims.length === 1 ? 'does' : 'do'} not occur in the event's quotes; quote the words or list them under allow: with a reason`;
}
