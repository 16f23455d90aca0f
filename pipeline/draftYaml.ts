/**
 * Writes imported draft events (importTimeline) as an events YAML file for an editor, with the
 * `yaml` package's Document API so that every note to the editor is a comment beside its field:
 * where each event came from, the rows not converted and why, the category to choose, the quoted
 * words to locate. An event with no quote naming an article is `unsourced: true`, which the
 * pipeline refuses. Pure: drafts in, text out.
 */
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { CATEGORIES } from '../src/data/schema.ts';
import type { DraftEvent, ImportResult } from './importTimeline.ts';

const quoted = (s: string) => Object.assign(new Scalar(s), { type: Scalar.QUOTE_SINGLE });

function eventNode(doc: Document, e: DraftEvent): YAMLMap {
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
    category.comment = ` ${e.group ? `the group "${e.group}" is no category` : 'no group'}: choose one of ${CATEGORIES.join(', ')}`;
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
export function draftYaml(result: ImportResult, source: string): string {
  const doc = new Document<YAMLSeq>(new YAMLSeq());
  doc.commentBefore = [
    ` Draft events imported from ${source} (${result.format}) by npm run import.`,
    ' Not publishable as it stands: ground each event in an article (quotes, dateEvidence), check it,',
    ' then move it into content/events.yaml.',
    ` ${result.events.length} converted, ${result.rejected.length} not converted${result.rejected.length ? ':' : '.'}`,
    ...result.rejected.map((r) => `   ${r.from}: ${r.reason}`),
  ].join('\n');
  for (const e of result.events) doc.contents!.add(eventNode(doc, e));
  return doc.toString({ lineWidth: 0 });
}
