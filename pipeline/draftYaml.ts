/**
 * Writes imported draft events (importTimeline) as an events YAML file for an editor, with the
 * `yaml` package's Document API so that every note to the editor is a comment beside its field:
 * where each event came from, the rows not converted and why, the category to choose, the quoted
 * words to locate. An event with no quote naming an article is `unsourced: true`, which the
 * pipeline refuses. Pure: drafts in, text out.
 */
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { DEFAULT_CATEGORY_IDS } from '../src/data/schema.ts';
import type { EventStub } from './draftEvents.ts';
import type { DraftEvent, ImportResult } from './importTimeline.ts';

const quoted = (s: string) => Object.assign(new Scalar(s), { type: Scalar.QUOTE_SINGLE });

function eventNode(doc: Document, e: DraftEvent, categories: readonly string[]): YAMLMap {
  const map = new YAMLMap();
  map.commentBefore = ` ${e.from}${e.displayDate ? `; its display date: "${e.displayDate}"` : ''}`;
  map.add(doc.createPair('id', e.id));
  map.add(doc.createPair('date', quoted(e.date)));
  if (e.end) map.add(doc.createPair('end', quoted(e.end)));
  if (e.key) map.add(doc.createPair('key', true));
  map.add(doc.createPair('title', e.title));
  const summary = doc.createNode(e.summary) as Scalar;
  if (!e.summary) summary.comment = ' write a summary: neutral words that add nothing the quotes do not say';
  map.add(doc.createPair('summary', summary));
  const category = doc.createNode(e.category ?? null) as Scalar;
  if (!e.category) {
    category.comment = ` ${e.group ? `the group "${e.group}" is no category` : 'no group'}: choose one of ${categories.join(', ')}`;
  }
  map.add(doc.createPair('category', category));
  if (e.quotes.length === 0) {
    const flag = doc.createNode(true) as Scalar;
    flag.comment = ' no quote located in an article: npm run data refuses this event until it has one';
    map.add(doc.createPair('unsourced', flag));
  } else {
    map.add(doc.createPair('quotes', doc.createNode(e.quotes.map((q) => ({ article: q.article, text: quoted(q.text) })))));
  }
  const notes = [
    ...e.unlocated.map((w) => `quoted in the import, not yet found in an article: "${w}"`),
    'dateEvidence: the words of an article that give the date (see docs/events-format.md)',
  ];
  map.comment = notes.map((n) => ` ${n}`).join('\n');
  return map;
}

/** The draft events file: a header naming the source and the rows not converted, then the events. */
export function draftYaml(result: ImportResult, source: string, categories: readonly string[] = DEFAULT_CATEGORY_IDS): string {
  const doc = new Document<YAMLSeq>(new YAMLSeq());
  doc.commentBefore = [
    ` Draft events imported from ${source} (${result.format}) by npm run import.`,
    ' Not publishable as it stands: ground each event in an article (quotes, dateEvidence), check it,',
    ' then move it into content/events.yaml.',
    ` ${result.events.length} converted, ${result.rejected.length} not converted${result.rejected.length ? ':' : '.'}`,
    ...result.rejected.map((r) => `   ${r.from}: ${r.reason}`),
  ].join('\n');
  for (const e of result.events) doc.contents!.add(eventNode(doc, e, categories));
  return doc.toString({ lineWidth: 0 });
}

/** One stub of `npm run draft`: the fields in the events file's order, the editor's notes as comments. */
function stubNode(doc: Document, e: EventStub): YAMLMap {
  const map = new YAMLMap();
  map.commentBefore = e.notes.map((n) => ` ${n}`).join('\n');
  map.add(doc.createPair('id', e.id));
  map.add(doc.createPair('date', quoted(e.date)));
  if (e.end) map.add(doc.createPair('end', quoted(e.end)));
  const title = quoted('');
  title.comment = ' write a title: neutral words, no name, number or quoted phrase the quote lacks';
  map.add(doc.createPair('title', title));
  const summary = quoted('');
  summary.comment = ' write a summary, likewise';
  map.add(doc.createPair('summary', summary));
  map.add(doc.createPair('category', doc.createNode(e.category)));
  const { article, text, occurrence } = e.quote;
  map.add(doc.createPair('quotes', doc.createNode([{ article, text: quoted(text), ...(occurrence && { occurrence }) }])));
  const evidence = Object.fromEntries(Object.entries(e.dateEvidence).map(([k, v]) => [k, typeof v === 'string' && k !== 'kind' && k !== 'article' ? quoted(v) : v]));
  map.add(doc.createPair('dateEvidence', doc.createNode(evidence)));
  if (e.after.length) {
    map.add(doc.createPair('after', doc.createNode(e.after.map((r) => ({ event: r.event, article: r.article, phrase: quoted(r.phrase) })))));
  }
  return map;
}

/** The draft of `npm run draft`: `header` lines as the file's opening comment, then the stubs. */
export function stubsYaml(stubs: readonly EventStub[], header: readonly string[]): string {
  const doc = new Document<YAMLSeq>(new YAMLSeq());
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  for (const e of stubs) doc.contents!.add(stubNode(doc, e));
  return doc.toString({ lineWidth: 0 });
}
