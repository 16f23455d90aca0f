import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readInputs } from './readInputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TWO_ARTICLES = path.join(ROOT, 'tests/fixtures/pipeline/two-articles');

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `files` (path → text); returns its path. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-inputs-'));
  tmpDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** An events file with `yaml` in it, read against the two-articles fixture; `file` is its name as messages give it. */
function readEvents(yaml: string) {
  const file = path.join(folderWith({ 'events.yaml': yaml }), 'events.yaml');
  return { file: path.relative(ROOT, file), result: readInputs(TWO_ARTICLES, file, ROOT) };
}

const oneGoodEvent = `
- id: ministers-meet
  date: 2022-03-10
  title: Ministers meet
  summary: The two foreign ministers meet.
  category: international
  quotes:
    - article: antalya-ministers
      text: On Thursday, the two foreign ministers met in Antalya.
  dateEvidence:
    kind: relative
    article: antalya-ministers
    phrase: On Thursday
`;

function articleMeta(id: string): string {
  return JSON.stringify({ id, headline: 'A headline', publisher: null, url: null, published: '2022-03-03', publishedEvidence: 'For the test.' });
}

describe('readInputs', () => {
  test('reads the two-articles fixture: title, articles sorted by id with paths from the root, every event', () => {
    const result = readInputs(TWO_ARTICLES, undefined, ROOT);
    expect(result.errors).toEqual([]);
    expect(result.title).toBe('Two small articles written for the pipeline tests');
    expect(result.articles.map((a) => [a.meta.id, a.file])).toEqual([
      ['antalya-ministers', 'tests/fixtures/pipeline/two-articles/articles/antalya-ministers.txt'],
      ['brest-talks', 'tests/fixtures/pipeline/two-articles/articles/brest-talks.txt'],
    ]);
    expect(result.events.map((e) => e.id)).toEqual(['talks-in-brest', 'eighth-day-of-fighting', 'talks-to-continue', 'hospital-bombed', 'ministers-meet']);
    expect(result.eventsFile).toBe('tests/fixtures/pipeline/two-articles/events.yaml');
  });

  test('keeps the article text exactly as the file has it', () => {
    const result = readInputs(TWO_ARTICLES, undefined, ROOT);
    const brest = result.articles.find((a) => a.meta.id === 'brest-talks')!;
    expect(brest.raw).toBe(fs.readFileSync(path.join(TWO_ARTICLES, 'articles/brest-talks.txt'), 'utf8'));
  });

  test('reads dates in YAML as strings, not as timestamps', () => {
    const { result } = readEvents(oneGoodEvent);
    expect(result.errors).toEqual([]);
    expect(result.events[0]?.date).toBe('2022-03-10');
  });

  test('a YAML syntax error gives a clear error naming the file, and no events', () => {
    const { file, result } = readEvents(`${oneGoodEvent}- id: broken\n  title: [unclosed\n`);
    expect(result.events).toEqual([]);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e).toMatch(new RegExp(`^${escape(file)}: not valid YAML: .*line \\d+`));
  });

  test('duplicate keys in one event are a YAML error', () => {
    const { file, result } = readEvents(oneGoodEvent.replace('  title: Ministers meet\n', '  title: Ministers meet\n  title: Again\n'));
    expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}: not valid YAML: Map keys must be unique`))]);
  });

  test('a mapping instead of a list says a list of events was expected', () => {
    const { file, result } = readEvents('id: ministers-meet\ndate: 2022-03-10\n');
    expect(result.errors).toEqual([`${file}: expected a list of events, got a mapping`]);
    expect(result.events).toEqual([]);
  });

  test('a bare string instead of a list says it got a string', () => {
    const { file, result } = readEvents('just some text\n');
    expect(result.errors).toEqual([`${file}: expected a list of events, got string`]);
  });

  test('an empty events file says a list of events was expected', () => {
    const { file, result } = readEvents('');
    expect(result.errors).toEqual([expect.stringContaining(`${file}: expected a list of events`)]);
  });

  test('an item that is not an object is named by its position', () => {
    const { file, result } = readEvents(`${oneGoodEvent}- just a string\n`);
    expect(result.errors).toEqual([expect.stringContaining(`${file}: event #2 → `)]);
    expect(result.events.map((e) => e.id)).toEqual(['ministers-meet']);
  });

  test('a shape problem names the event, the field, and what was found; valid events are kept', () => {
    const bad = oneGoodEvent.replace('ministers-meet', 'bad-category').replace('category: international', 'category: economy');
    const { file, result } = readEvents(`${oneGoodEvent}${bad}`);
    expect(result.events.map((e) => e.id)).toEqual(['ministers-meet']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^${escape(file)}: event "bad-category" → category: expected one of .*, got "economy"$`));
  });

  test('names nested fields with their path, such as quotes.0.occurrence and dateEvidence.kind', () => {
    const bad = oneGoodEvent
      .replace('text: On Thursday, the two', 'occurrence: 0\n      text: On Thursday, the two')
      .replace('kind: relative', 'kind: sometime');
    const { file, result } = readEvents(bad);
    expect(result.errors).toContainEqual(expect.stringContaining(`${file}: event "ministers-meet" → quotes.0.occurrence: `));
    expect(result.errors).toContainEqual(expect.stringContaining(`${file}: event "ministers-meet" → dateEvidence.kind: `));
  });

  test('a missing events file cannot be read, and the message names it', () => {
    const missing = path.join(folderWith({}), 'events.yaml');
    const result = readInputs(TWO_ARTICLES, missing, ROOT);
    expect(result.errors).toHaveLength(1);
    // The path is given as opened (absolute here), unlike the other messages, which are relative to the root.
    expect(result.errors[0]).toMatch(/events\.yaml: cannot be read \(ENOENT\)$/);
    expect(result.errors[0]).toContain(path.basename(path.dirname(missing)));
  });

  test('an article without its metadata file, or whose metadata names another id, is reported and left out', () => {
    const dir = folderWith({
      'site.json': '{ "title": "T" }',
      'articles/no-meta.txt': 'Story.',
      'articles/wrong-id.txt': 'Story.',
      'articles/wrong-id.json': articleMeta('other-id'),
      'articles/good.txt': 'Story.',
      'articles/good.json': articleMeta('good'),
      'events.yaml': '[]',
    });
    const result = readInputs(dir, undefined, ROOT);
    expect(result.articles.map((a) => a.meta.id)).toEqual(['good']);
    expect(result.errors).toHaveLength(2);
    expect(result.errors).toContainEqual(expect.stringContaining('no-meta.json: cannot be read (ENOENT)'));
    expect(result.errors).toContainEqual(expect.stringMatching(/wrong-id\.json: article "wrong-id" → id: expected "wrong-id".*got "other-id"/));
  });

  test('a content dir without articles says so', () => {
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'events.yaml': '[]' });
    expect(readInputs(dir, undefined, ROOT).errors).toEqual([expect.stringContaining('no articles')]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
