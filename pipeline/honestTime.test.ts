/**
 * The "honest time" checks on the fixture content dir tests/fixtures/pipeline/honest-time, run
 * in-process: certainty and EDTF for each kind of evidence, the order the article tells, speakers,
 * text fragments and allowed words; and, in one run, every problem of problems.yaml.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { datasetSchema, type Dataset, type TimelineEvent } from '../src/data/schema.ts';
import { buildDataset } from './buildDataset.ts';
import { readInputs } from './readInputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT = path.join(ROOT, 'tests/fixtures/pipeline/honest-time');
const PROBLEMS = 'tests/fixtures/pipeline/honest-time/problems.yaml';
const URL_BASE = 'https://news.example.org/2022/03/03/corridor-talks?src=feed';

function build(eventsFile?: string) {
  return buildDataset(readInputs(CONTENT, eventsFile && path.join(ROOT, eventsFile), ROOT));
}

function dataset(): Dataset {
  const result = build();
  expect(result.errors).toEqual([]);
  expect(datasetSchema.safeParse(result.dataset).success).toBe(true);
  return result.dataset!;
}

const byId = (d: Dataset, id: string): TimelineEvent => {
  const found = d.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event "${id}"`);
  return found;
};

describe('the honest-time fixture', () => {
  test('every event records its certainty, its bounds and its EDTF', () => {
    const d = dataset();
    expect(d.events.map((e) => [e.id, e.certainty, e.earliest, e.latest, e.edtf])).toEqual([
      ['sumy-residents-leave', 'day', '2022-02-28', '2022-02-28', '2022-02-28'],
      ['kremlin-talks-go-on', 'range', null, '2022-03-02', '../2022-03-02'],
      ['podolyak-announces-talks', 'day', '2022-03-03', '2022-03-03', '2022-03-03'],
      ['delegations-meet', 'day', '2022-03-03', '2022-03-03', '2022-03-03'],
      ['corridor-agreed', 'day', '2022-03-03', '2022-03-03', '2022-03-03'],
      ['schools-damaged', 'range', '2022-02-24', '2022-03-03', '2022-02-24/2022-03-03'],
      ['evening-meeting', 'reported', null, '2022-03-03', '../2022-03-03'],
      ['third-round-planned', 'day', '2022-03-07', '2022-03-07', '2022-03-07'],
    ]);
  });

  test('“On Monday” in an article of Thursday 3 Mar resolves back to Monday 28 Feb', () => {
    expect(byId(dataset(), 'sumy-residents-leave').dateEvidence).toMatchObject({ kind: 'relative', reference: '2022-03-03', resolved: '2022-02-28' });
  });

  test('a day after publication is accepted when the article’s words announce it', () => {
    expect(byId(dataset(), 'third-round-planned').dateEvidence).toMatchObject({ kind: 'explicit', resolved: '2022-03-07' });
  });

  test('a range keeps its located words and its bounds; latest defaults to the publication day', () => {
    const d = dataset();
    const article = d.articles[0]!;
    const ev = byId(d, 'schools-damaged').dateEvidence;
    if (ev.kind !== 'range') throw new Error('expected a range');
    expect(ev).toMatchObject({ earliest: '2022-02-24', latest: '2022-03-03', resolved: '2022-03-03' });
    expect(article.paragraphs[ev.paragraph]!.slice(ev.start, ev.end)).toBe('In the last week');
  });

  test('an undated event without placement gets plain generated words', () => {
    expect(byId(dataset(), 'evening-meeting').dateEvidence).toEqual({
      kind: 'undated', article: 'corridor-talks', resolved: '2022-03-03',
      placement: 'The source gives no date: the article published Thu 3 Mar 2022 reports it.',
    });
  });

  test('within 3 Mar the events follow the relations, then the order of the text', () => {
    const d = dataset();
    const day = d.events.filter((e) => e.date === '2022-03-03').map((e) => e.id);
    // corridor-agreed and delegations-meet start at the same place: only "After the talks ended" orders them.
    expect(day).toEqual(['podolyak-announces-talks', 'delegations-meet', 'corridor-agreed', 'schools-damaged', 'evening-meeting']);
  });

  test('relations are written as `after` on the later event, located in the article', () => {
    const d = dataset();
    const paragraphs = d.articles[0]!.paragraphs;
    const meet = byId(d, 'delegations-meet').after!;
    expect(meet).toEqual([expect.objectContaining({ event: 'podolyak-announces-talks', phrase: 'Before the talks', article: 'corridor-talks' })]);
    expect(paragraphs[meet[0]!.paragraph]!.slice(meet[0]!.start, meet[0]!.end)).toBe('Before the talks');
    expect(byId(d, 'corridor-agreed').after).toEqual([expect.objectContaining({ event: 'delegations-meet', phrase: 'After the talks ended' })]);
    expect(byId(d, 'podolyak-announces-talks').after).toBeUndefined();
  });

  test('a quote that says only “he added” carries its speaker’s words, located before it', () => {
    const d = dataset();
    const quote = byId(d, 'delegations-meet').quotes[1]!;
    expect(quote.speaker).toMatchObject({ text: 'Mykhailo Podolyak (an adviser to the president) wrote', paragraph: 1 });
    expect(d.articles[0]!.paragraphs[quote.speaker!.paragraph]!.slice(quote.speaker!.start, quote.speaker!.end)).toBe(quote.speaker!.text);
  });

  test('each quote of an article with a url links to its passage; archived and key pass through', () => {
    const d = dataset();
    expect(d.articles[0]!.archived).toEqual({ url: expect.stringContaining('web.archive.org'), captured: '2022-03-04' });
    for (const e of d.events) for (const q of e.quotes) expect(q.fragment).toMatch(new RegExp(`^${URL_BASE.replace(/[?.]/g, '\\$&')}#:~:text=`));
    expect(byId(d, 'evening-meeting').quotes[0]!.fragment).toBe(`${URL_BASE}#:~:text=Thursday.-,The%20delegations%20met,in%20the%20evening.`);
    expect(byId(d, 'corridor-agreed').key).toBe(true);
    expect(byId(d, 'delegations-meet').key).toBeUndefined();
  });

  test('an article without a url gives its quotes no fragment', () => {
    const result = buildDataset(readInputs(path.join(ROOT, 'tests/fixtures/pipeline/two-articles'), undefined, ROOT));
    expect(result.errors).toEqual([]);
    for (const e of result.dataset!.events) for (const q of e.quotes) expect(q.fragment).toBeUndefined();
  });
});

describe('problems.yaml: every problem in one run, each naming file, event and field', () => {
  const expected: Array<[string, string, string]> = [
    ['summary-number', 'summary', '"3,000" does not occur in the event\'s quotes'],
    ['title-name', 'title', '"Zelensky" does not occur'],
    ['quoted-phrase', 'summary', '“a breakthrough” does not occur'],
    ['cycle-a', 'after', 'the order relations form a cycle: cycle-a → cycle-b → cycle-a'],
    ['after-publication', 'dateEvidence.phrase', 'resolves to 2022-03-07, after article "corridor-talks" was published (2022-03-03)'],
    ['edtf-mismatch', 'edtf', '"2022-02-25/2022-03-03" covers 2022-02-25 to 2022-03-03, but the date\'s bounds are 2022-02-24 to 2022-03-03'],
    ['speaker-missing', 'quotes.0.speaker', 'Volodymyr Zelensky said'],
    ['unknown-relation', 'after.0.event', 'unknown event "no-such-event"'],
    ['contradicts-days', 'after.0', 'which the days contradict'],
  ];

  test('fails with exactly these errors and writes no dataset', () => {
    const result = build(PROBLEMS);
    expect(result.dataset).toBeNull();
    for (const [id, field, detail] of expected) {
      const matching = result.errors.filter((e) => e.startsWith(`${PROBLEMS}: event "${id}" → ${field}: `));
      expect(matching, `${id} → ${field} in:\n${result.errors.join('\n')}`).toHaveLength(1);
      expect(matching[0]).toContain(detail);
    }
    expect(result.errors).toHaveLength(expected.length);
  });

  test('the event with allowed words, each with its reason, passes', () => {
    expect(build(PROBLEMS).errors.filter((e) => e.includes('"allowed-word"'))).toEqual([]);
  });
});

describe('article urls', () => {
  test('a javascript: url is refused, naming the file, the article and the field', () => {
    const inputs = readInputs(path.join(ROOT, 'tests/fixtures/pipeline/bad-url'), undefined, ROOT);
    const result = buildDataset(inputs);
    expect(result.dataset).toBeNull();
    expect(result.errors).toContainEqual(expect.stringMatching(
      /^tests\/fixtures\/pipeline\/bad-url\/articles\/hostile\.json: article "hostile" → url: expected an http: or https: address/));
  });
});
