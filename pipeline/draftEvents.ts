/**
 * Authoring aid (`npm run draft`, see draft.ts): reads a cleaned article and proposes event stubs,
 * one per sentence that holds a date expression or a sequence word ("before", "later", "then"…).
 * Each stub carries the sentence as its quote (located by the pipeline's own quote locator), the
 * date and evidence proposeEvidence finds in it, a proposed id and category, and an `after`
 * relation when a sequence word points back to the stub before it. Title and summary are left to
 * the editor. Pure: article in, stubs out.
 */
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { slugify } from './importTimeline.ts';
import type { EvidenceInput, RelationInput } from './inputSchema.ts';
import { findOccurrences } from './locateQuote.ts';
import { proposeEvidence, type DateProposal, type ProposalArticle } from './proposeEvidence.ts';

export type EventStub = {
  id: string;
  date: CalendarDay;
  end?: CalendarDay;
  /** Null when no keyword suggests one of the categories: the editor chooses. */
  category: string | null;
  quote: { article: string; text: string; occurrence?: number };
  dateEvidence: EvidenceInput;
  after: RelationInput[];
  /** Notes to the editor, written as comments: where the sentence is, other readings of its date, what to check. */
  notes: string[];
};

export type DraftOptions = {
  /** Ids already taken (the events file's): a proposed id never repeats one. */
  takenIds?: ReadonlySet<string>;
  /** The edition's category ids; keywords suggest one only among these. */
  categories?: readonly string[];
  /** Whether each paragraph is a caption, as cleanArticle says; captions are skipped. */
  captions?: readonly boolean[];
};

/** Words that put an event in sequence with another. `back` words point to the event told before. */
const SEQUENCE = /\b(?:before|after|afterwards|earlier|later|then|previously|subsequently|following)\b/gi;
// "after" and "following" mostly head a phrase that names what came first ("after the talks"), not the event told before.
const POINTS_BACK = /^(?:afterwards|later|then|subsequently)$/i;

/** Keywords that suggest each of the default categories; an edition with other categories gets none. */
const CATEGORY_WORDS: Record<string, RegExp> = {
  military: /\b(troops?|forces|soldiers?|military|shell(?:ing|ed)?|bomb(?:ed|ing|ardment)?|missiles?|attacks?|armou?red|weapons?|fighting|siege|besieg\w*|assault|killed)\b/gi,
  diplomacy: /\b(talks|negotiat\w*|ministers?|delegations?|ceasefire|truce|agreement|diplomat\w*|demands?|neutral\w*)\b/gi,
  humanitarian: /\b(civilians?|evacuat\w*|corridors?|refugees?|humanitarian|hospital|food|medicine|aid|rescued)\b/gi,
  international: /\b(UN|NATO|EU|US|Nato|White House|Pentagon|Secretary|western|west|sanctions?|Turkey|Britain|British)\b/g,
};

/**
 * Sentences of a paragraph with their UTF-16 offsets: a split after . ! ? (and a closing quote)
 * before a capital, never inside “curly quotes” — a quoted remark of several sentences stays whole
 * with its "he said", and an unbalanced quote keeps the rest of the paragraph together.
 */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let depth = 0;
  let scanned = 0;
  for (const m of text.matchAll(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-Z0-9])/gu)) {
    for (const ch of text.slice(scanned, m.index)) depth = ch === '“' ? depth + 1 : ch === '”' ? Math.max(0, depth - 1) : depth;
    scanned = m.index;
    if (depth > 0) continue;
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  // Trailing white space (a non-breaking space after the last full stop) is no part of a quote.
  return out.map(({ start: s, end: e }) => ({ start: s, end: s + text.slice(s, e).trimEnd().length })).filter((s) => s.end > s.start);
}

/** The category whose keywords the sentence holds most often, among `categories`; null on none or a tie. */
export function suggestCategory(sentence: string, categories: readonly string[]): string | null {
  const scores = categories.map((c) => [c, CATEGORY_WORDS[c] ? [...sentence.matchAll(CATEGORY_WORDS[c])].length : 0] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  return best && best[1] > 0 && (!second || second[1] < best[1]) ? best[0] : null;
}

/** Words an id can do without. */
const STOP_WORDS = new Set(('a an the of and or but to in on at for from by with as that this these those is are was were be been has have ' +
  'had it its their his her he she they we i s also only said says stated according').split(' '));

/** An id from the sentence's first telling words, made unique against `taken` with -2, -3…. */
function proposeId(sentence: string, taken: Set<string>): string {
  const words = slugify(sentence).split('-').filter((w) => w && !STOP_WORDS.has(w)).slice(0, 5).join('-') || 'event';
  let id = words;
  for (let n = 2; taken.has(id); n++) id = `${words}-${n}`;
  taken.add(id);
  return id;
}

function describe(p: DateProposal): string {
  const ev = p.dateEvidence;
  if (ev.kind === 'undated') return `undated, reported by ${p.date}`;
  return `${ev.kind} "${p.words}" → ${p.date}${p.end ? ` to ${p.end}` : ''}`;
}

/** The stubs of `article`: see the file header. Ids are unique against `takenIds` and each other. */
export function draftEvents(article: ProposalArticle, options: DraftOptions = {}): EventStub[] {
  const taken = new Set(options.takenIds ?? []);
  const categories = options.categories ?? Object.keys(CATEGORY_WORDS);
  const stubs: EventStub[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    if (options.captions?.[p]) return;
    for (const { start, end } of splitSentences(paragraph)) {
      const text = paragraph.slice(start, end);
      const proposals = proposeEvidence(article, { paragraph: p, start, end });
      const dated = proposals.filter((x) => x.dateEvidence.kind !== 'undated');
      const sequence = [...text.matchAll(SEQUENCE)];
      if (dated.length === 0 && sequence.length === 0) continue;
      // The quote must be found by the pipeline's own locator: pick this occurrence when the words repeat.
      const found = findOccurrences(article.paragraphs, text);
      const index = found.findIndex((o) => o.paragraph === p && o.start === start);
      if (index === -1) continue;
      const chosen = dated[0] ?? proposals[proposals.length - 1]!;
      const notes = [`¶${p + 1}: ${chosen.words ? `date from "${chosen.words}"; ` : ''}${chosen.hint}`];
      for (const other of proposals.filter((x) => x !== chosen)) notes.push(`also possible: ${describe(other)}`);

      const after: RelationInput[] = [];
      const previous = stubs[stubs.length - 1];
      for (const [word] of sequence) {
        if (previous && POINTS_BACK.test(word) && previous.date <= chosen.date && after.length === 0) {
          after.push({ event: previous.id, article: article.id, phrase: word });
          notes.push(`"${word}" is read as: after "${previous.id}"; check, or remove the relation`);
        } else if (!POINTS_BACK.test(word) || !previous) {
          notes.push(`"${word}" may order it against another event: add after:/before: by hand if it does`);
        }
      }
      const category = suggestCategory(text, categories);
      if (category === null) notes.push(`category: choose one of ${categories.join(', ')}`);
      stubs.push({
        id: proposeId(text, taken),
        date: chosen.date,
        ...(chosen.end !== undefined && { end: chosen.end }),
        category,
        quote: { article: article.id, text, ...(found.length > 1 && { occurrence: index + 1 }) },
        dateEvidence: chosen.dateEvidence,
        after,
        notes,
      });
    }
  });
  return stubs;
}
