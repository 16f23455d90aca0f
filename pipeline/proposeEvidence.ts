/**
 * Authoring aid, beside the pipeline (not a build step): reads the words of one passage of a
 * cleaned article and proposes the dates they give, each as the `date`/`end` and `dateEvidence`
 * an event of content/events.yaml would carry. Used by `npm run draft` (pipeline/draft.ts) and by
 * the dev server's authoring form. Every proposal is checked with the pipeline's own resolver
 * (resolveEvidence), with the passage as the event's only quote, so a proposal copied into the
 * events file passes `npm run data` as far as its date goes. Pure: no files, no clock.
 */
import * as chrono from 'chrono-node';
import type { Article, Quote } from '../src/data/schema.ts';
import { addCalendarDays, type CalendarDay } from '../src/lib/time/calendarDay.ts';
import type { EventInput, EvidenceInput } from './inputSchema.ts';
import { resolveEvidence } from './resolveEvidence.ts';

/** What the function needs of an article: as the pipeline holds it after cleaning. */
export type ProposalArticle = Pick<Article, 'id' | 'paragraphs' | 'published'>;
/** A passage: UTF-16 offsets into `paragraphs[paragraph]`, as a quote's in the dataset. */
export type Passage = { paragraph: number; start: number; end: number };

/** One date the passage's words give, ready for the events file. */
export type DateProposal = {
  /** The fields to write: `date`, optional `end`, and `dateEvidence` (the events file's shape). */
  date: CalendarDay;
  end?: CalendarDay;
  dateEvidence: EvidenceInput;
  /** The words that give the date (the evidence's `phrase`; empty for `undated`) and where they stand. */
  words: string;
  at: Passage;
  /** A hint for the editor, never written to the file: what to check before keeping the proposal. */
  hint: string;
};

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth'];

/** "8 days of fighting", "eight days", "the tenth day": a count of days, read as ending on the publication day. */
const COUNTED = new RegExp(`\\b(?:the\\s+(${ORDINALS.join('|')})\\s+day|(\\d{1,2}|${NUMBERS.join('|')})\\s+days?(?:\\s+of\\s+\\w+)?)\\b`, 'gi');
/** Words that bound a day without fixing it; `days` back from publication for the earliest, null when open. */
const RANGES: Array<{ pattern: RegExp; days: (m: RegExpExecArray) => number | null }> = [
  { pattern: /\bin the (?:last|past) week\b/gi, days: () => 7 },
  { pattern: new RegExp(`\\bin the (?:last|past) (\\d{1,2}|${NUMBERS.join('|')}) days\\b`, 'gi'), days: (m) => countOf(m[1]!) },
  { pattern: /\bin (?:recent|the (?:last|past) few) days\b|\brecently\b|\bearlier\b|\bpreviously\b|\bBefore the \w+/gi, days: () => null },
];

function countOf(word: string): number {
  const n = Number(word);
  return Number.isInteger(n) ? n : Math.max(NUMBERS.indexOf(word.toLowerCase()), ORDINALS.indexOf(word.toLowerCase()));
}

/** Chrono reads in local time: noon of the reference day keeps every time zone on that day. */
function noonOf(day: CalendarDay): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function dayOf(c: chrono.ParsedComponents): CalendarDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` as CalendarDay;
}

/** A proposal before it is checked: `at` is the offset of its words in the passage. */
type Candidate = Omit<DateProposal, 'at'> & { at: number };

/** Widens chrono's words to the preposition before them ("on March 3") and drops trailing punctuation. */
function widen(text: string, index: number, words: string): { at: number; words: string } {
  const trimmed = words.replace(/[\s,.;:]+$/u, '');
  const before = /\b(on|since|from|by|until|before|after)\s+$/i.exec(text.slice(0, index));
  return before ? { at: before.index, words: text.slice(before.index, index) + trimmed } : { at: index, words: trimmed };
}

function chronoCandidates(text: string, article: ProposalArticle): Candidate[] {
  const published = article.published as CalendarDay;
  return chrono.parse(text, noonOf(published)).flatMap((r): Candidate[] => {
    const { at, words } = widen(text, r.index, r.text);
    // The kind is the resolver's to say: the proposal takes whichever of the two it accepts.
    const kind: 'explicit' | 'relative' = r.start.isCertain('day') && r.start.isCertain('month') ? 'explicit' : 'relative';
    const end = r.end && r.end.isCertain('day') ? dayOf(r.end) : undefined;
    return [{
      date: dayOf(r.start), ...(end !== undefined && end > dayOf(r.start) && { end }),
      dateEvidence: { kind, article: article.id, phrase: words },
      words, at,
      hint: kind === 'explicit' ? 'the words name the day' : `a weekday or a day counted from publication (${published})`,
    }];
  });
}

function countedCandidates(text: string, article: ProposalArticle): Candidate[] {
  const published = article.published as CalendarDay;
  return [...text.matchAll(COUNTED)].map((m): Candidate => {
    const count = countOf(m[1] ?? m[2]!);
    const from = addCalendarDays(published, -(count - 1));
    return {
      date: published, dateEvidence: { kind: 'counted', article: article.id, phrase: m[0], from, count, inclusive: true },
      words: m[0], at: m.index,
      hint: `counted back from publication (${published}): set "from" to the day the count starts, and check the day`,
    };
  });
}

function rangeCandidates(text: string, article: ProposalArticle): Candidate[] {
  const published = article.published as CalendarDay;
  return RANGES.flatMap(({ pattern, days }) => [...text.matchAll(pattern)].map((m): Candidate => {
    const back = days(m);
    const earliest = back === null ? undefined : addCalendarDays(published, -back);
    return {
      date: published,
      dateEvidence: { kind: 'range', article: article.id, phrase: m[0], ...(earliest && { earliest }), latest: published },
      words: m[0], at: m.index,
      hint: earliest ? `between ${earliest} and ${published}` : `on or before ${published}; no earliest day`,
    };
  }));
}

/** Whether the pipeline's resolver accepts `c` with the passage as the only quote; also fixes the kind. */
function check(c: Candidate, article: ProposalArticle, quote: Quote): Candidate | null {
  const tryKind = (evidence: EvidenceInput): Candidate | null => {
    const input = { id: 'proposal', date: c.date, ...(c.end && { end: c.end }), title: '-', summary: '-', category: 'military',
      quotes: [{ article: article.id, text: quote.text }], dateEvidence: evidence } as EventInput;
    let ok = true;
    const resolved = resolveEvidence(input, article as Article, [quote], () => { ok = false; });
    if (!ok || !resolved) return null;
    const day = resolved.evidence.resolved;
    if (evidence.kind !== 'range' && evidence.kind !== 'undated' && (day !== c.date || (c.end !== undefined && c.end > article.published))) return null;
    return { ...c, date: day, dateEvidence: evidence };
  };
  const ev = c.dateEvidence;
  if (ev.kind === 'explicit' || ev.kind === 'relative') {
    return tryKind(ev) ?? tryKind({ ...ev, kind: ev.kind === 'explicit' ? 'relative' : 'explicit' });
  }
  return tryKind(ev);
}

/**
 * The dates that the words of `passage` give, in the order they stand, each checked by the
 * pipeline's resolver; the list always ends with `undated` (reported by the publication day),
 * the fallback when no words date the event. Offsets are UTF-16, into `paragraphs[paragraph]`.
 */
export function proposeEvidence(article: ProposalArticle, passage: Passage): DateProposal[] {
  const paragraph = article.paragraphs[passage.paragraph];
  if (paragraph === undefined || passage.start < 0 || passage.end > paragraph.length || passage.start >= passage.end) return [];
  const text = paragraph.slice(passage.start, passage.end);
  const quote: Quote = { article: article.id, paragraph: passage.paragraph, start: passage.start, end: passage.end, text };
  const published = article.published as CalendarDay;
  const candidates = [...chronoCandidates(text, article), ...countedCandidates(text, article), ...rangeCandidates(text, article)]
    .sort((a, b) => a.at - b.at);
  const taken: Array<[number, number]> = [];
  const proposals: DateProposal[] = [];
  for (const c of candidates) {
    const span: [number, number] = [c.at, c.at + c.words.length];
    // Words already read as one kind are not read again as another ("8 days of fighting" is counted, once).
    if (taken.some(([s, e]) => span[0] < e && span[1] > s)) continue;
    const checked = check(c, article, quote);
    if (!checked) continue;
    taken.push(span);
    const start = passage.start + checked.at;
    proposals.push({ ...checked, at: { paragraph: passage.paragraph, start, end: start + checked.words.length } });
  }
  proposals.push({
    date: published, dateEvidence: { kind: 'undated', article: article.id },
    words: '', at: { paragraph: passage.paragraph, start: passage.start, end: passage.start },
    hint: `no words date it: reported by the article published ${published}`,
  });
  return proposals;
}
