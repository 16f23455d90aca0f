import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimsAnswer, PassageAnswer, SaveAnswer, SaveRequest } from './authoringApi.ts';
import type { EventInput } from '../inputSchema.ts';
import { appendEvent, appendQuote } from './editEventsFile.ts';
import { handleAuthoring } from './handleAuthoring.ts';
import { runBuild, type AuthoringPaths } from './saveEvents.ts';

const FIXTURE = 'tests/fixtures/authoring/events.yaml';
const ARTICLE = 'second-round-belarus-talks';
/** ¶16 of the article: "The Russian Defense Ministry also announced that 498 Russian soldiers were killed and 1,597 wounded, …" */
const CASUALTY_WORDS = 'The Russian Defense Ministry also announced that 498 Russian soldiers were killed';
const CASUALTIES = { article: ARTICLE, paragraph: 15, start: 0, end: CASUALTY_WORDS.length };

let dir: string;
let paths: AuthoringPaths;

/** A copy of content/ (never the real one) with the fixture's events file and a dataset built from it. */
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authoring-test-'));
  fs.cpSync('content', path.join(dir, 'content'), { recursive: true });
  fs.copyFileSync(FIXTURE, path.join(dir, 'content/events.yaml'));
  paths = { contentDir: path.join(dir, 'content'), eventsFile: path.join(dir, 'content/events.yaml'), datasetFile: path.join(dir, 'timeline.json') };
  expect(runBuild(paths.contentDir, paths.datasetFile).ok).toBe(true);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const newEvent = (fields: Partial<Extract<SaveRequest, { action: 'event' }>['event']> = {}): SaveRequest => ({
  action: 'event',
  passage: CASUALTIES,
  event: {
    id: 'russian-casualty-figures', date: '2022-03-03', key: false,
    title: 'Russian Defense Ministry gives its casualty figures',
    summary: 'The Russian Defense Ministry announced that 498 Russian soldiers were killed.',
    category: 'military', dateEvidence: { kind: 'undated', article: ARTICLE },
    ...fields,
  },
});

describe('appendEvent and appendQuote', () => {
  const text = fs.readFileSync(FIXTURE, 'utf8');

  it('adds an event after every byte of the file, in the file’s own style', () => {
    const event = { id: 'x', date: '2022-03-03', title: 'It’s “quoted”', summary: 'Words.', category: 'military', quotes: [{ article: 'a', text: 'q' }], dateEvidence: { kind: 'undated', article: 'a' } } as EventInput;
    const edit = appendEvent(text, event);
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    expect(edit.text.startsWith(text)).toBe(true);
    expect(edit.text.slice(text.length)).toBe([
      '- id: x', "  date: '2022-03-03'", "  title: 'It’s “quoted”'", '  summary: >-', '    Words.', '  category: military',
      '  quotes:', '    - article: a', "      text: 'q'", '  dateEvidence:', '    kind: undated', '    article: a', '',
    ].join('\n'));
  });

  it('adds a quote after the last quote of its event and changes nothing else', () => {
    const edit = appendQuote(text, 'first-talks-belarus', { article: 'a', text: 'More words', occurrence: 2 });
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    const added = "    - article: a\n      text: 'More words'\n      occurrence: 2\n";
    const at = edit.text.indexOf(added);
    expect(at).toBeGreaterThan(0);
    expect(edit.text.slice(0, at) + edit.text.slice(at + added.length)).toBe(text);
    expect(edit.text.slice(0, at).endsWith("did not achieve any clear results.'\n")).toBe(true);
    const events = YAML.parse(edit.text) as Array<{ id: string; quotes: unknown[] }>;
    expect(events[0]!.quotes).toHaveLength(2);
  });

  it('names an event that is not in the file', () => {
    expect(appendQuote(text, 'no-such-event', { article: 'a', text: 'q' })).toEqual({ ok: false, error: 'no event "no-such-event" in the events file' });
  });
});

describe('handleAuthoring', () => {
  it('gives a passage’s words and the dates they give, undated last', () => {
    const sentence = 'The delegations of Russia and Ukraine on February 28 held their first talks in Belarus for about 5 hours but did not achieve any clear results.';
    const answer = handleAuthoring('passage', { article: ARTICLE, paragraph: 12, start: 0, end: sentence.length }, paths);
    expect(answer.status).toBe(200);
    const body = answer.body as PassageAnswer;
    expect(body.text.replace(/\s/g, ' ')).toBe('The delegations of Russia and Ukraine on February 28 held their first talks in Belarus for about 5 hours but did not achieve any clear results.');
    expect(body.occurrence).toBeUndefined();
    expect(body.proposals[0]).toMatchObject({ date: '2022-02-28', dateEvidence: { kind: 'explicit', phrase: 'on February 28' } });
    expect(body.proposals.at(-1)!.dateEvidence.kind).toBe('undated');
  });

  it('refuses a passage that is not in the article', () => {
    expect(handleAuthoring('passage', { article: ARTICLE, paragraph: 99, start: 0, end: 4 }, paths).status).toBe(400);
    expect(handleAuthoring('passage', { article: '../site', paragraph: 0, start: 0, end: 4 }, paths).status).toBe(400);
  });

  it('lists the names and numbers of a title and summary that the quotes lack', () => {
    const answer = handleAuthoring('claims', { title: 'Kyiv says 498 died', summary: 'Russian soldiers, said Lavrov.', quotes: ['498 Russian soldiers were killed'] }, paths);
    expect(answer.body as ClaimsAnswer).toEqual({ title: ['Kyiv'], summary: ['Lavrov'] });
  });

  it('saves a new event: the file gains exactly that entry, comments kept, and the dataset is rebuilt', () => {
    const before = fs.readFileSync(paths.eventsFile, 'utf8');
    const answer = handleAuthoring('save', newEvent(), paths);
    expect(answer).toEqual({ status: 200, body: { ok: true, id: 'russian-casualty-figures' } satisfies SaveAnswer });
    const after = fs.readFileSync(paths.eventsFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe([
      '- id: russian-casualty-figures',
      "  date: '2022-03-03'",
      "  title: 'Russian Defense Ministry gives its casualty figures'",
      '  summary: >-',
      '    The Russian Defense Ministry announced that 498 Russian soldiers were killed.',
      '  category: military',
      '  quotes:',
      `    - article: ${ARTICLE}`,
      "      text: 'The Russian Defense Ministry also announced that 498 Russian soldiers were killed'",
      '  dateEvidence:',
      '    kind: undated',
      `    article: ${ARTICLE}`,
      '',
    ].join('\n'));
    const dataset = JSON.parse(fs.readFileSync(paths.datasetFile, 'utf8')) as { events: Array<{ id: string }> };
    expect(dataset.events.map((e) => e.id).sort()).toEqual(['first-talks-belarus', 'russian-casualty-figures', 'ukraine-priorities-before-talks']);
  });

  it('adds a quote to an existing event', () => {
    const answer = handleAuthoring('save', { action: 'quote', passage: CASUALTIES, event: 'ukraine-priorities-before-talks' }, paths);
    expect(answer.status).toBe(200);
    const events = YAML.parse(fs.readFileSync(paths.eventsFile, 'utf8')) as Array<{ id: string; quotes: Array<{ text: string }> }>;
    expect(events[1]!.quotes.map((q) => q.text)).toEqual([expect.stringMatching(/^Before the talks/), 'The Russian Defense Ministry also announced that 498 Russian soldiers were killed']);
  });

  it('refuses a save the pipeline refuses, with its messages, and writes nothing', () => {
    const events = fs.readFileSync(paths.eventsFile, 'utf8');
    const dataset = fs.readFileSync(paths.datasetFile, 'utf8');
    const answer = handleAuthoring('save', newEvent({ id: 'first-talks-belarus', title: 'Kyiv counts the dead', category: 'Military' }), paths);
    expect(answer.status).toBe(422);
    const { errors } = answer.body as Extract<SaveAnswer, { ok: false }>;
    const file = path.relative(process.cwd(), paths.eventsFile);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^${file}:\\d+: event "first-talks-belarus" → id: duplicate id`)),
      expect.stringMatching(new RegExp(`^${file}:\\d+: event "first-talks-belarus" → category: category "Military" is not one of .* did you mean "military"\\?`)),
      expect.stringMatching(new RegExp(`^${file}:\\d+: event "first-talks-belarus" → title: "Kyiv" does not occur in the event's quotes`)),
    ]));
    expect(errors.join('\n')).not.toMatch(/timeline-authoring-/);
    expect(fs.readFileSync(paths.eventsFile, 'utf8')).toBe(events);
    expect(fs.readFileSync(paths.datasetFile, 'utf8')).toBe(dataset);
  });
});
