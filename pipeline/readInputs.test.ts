import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { LIMITS, readInputs } from './readInputs.ts';

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

  test('a YAML syntax error names the file, its line and the event; the events it does not touch are still read', () => {
    const { file, result } = readEvents(`${oneGoodEvent}- id: broken\n  title: [unclosed\n`);
    expect(result.events.map((e) => e.id)).toEqual(['ministers-meet']);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e).toMatch(new RegExp(`^${escape(file)}:\\d+: event "broken" → not valid YAML: `));
  });

  test('duplicate keys in one event are a YAML error', () => {
    const { file, result } = readEvents(oneGoodEvent.replace('  title: Ministers meet\n', '  title: Ministers meet\n  title: Again\n'));
    expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}:\\d+: event "ministers-meet" → not valid YAML: Map keys must be unique`))]);
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

  test('a shape problem names the event, the field, and what was found; the event stays, to have its other fields checked', () => {
    const bad = oneGoodEvent.replace('ministers-meet', 'bad-category').replace('category: international', 'category: economy');
    const { file, result } = readEvents(`${oneGoodEvent}${bad}`);
    expect(result.events.map((e) => e.id)).toEqual(['ministers-meet', 'bad-category']);
    // Only the category's own later checks are skipped: its quotes and dates are still checked.
    expect(result.eventSkips?.get(result.events[1]!)).toEqual(new Set(['category']));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toBe(`${file}: event "bad-category" → category: category "economy" is not one of military, diplomacy, humanitarian, international`);
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

  test('metadata problems come in plain words, all in one run: a missing field is "required", and the day needs its evidence or a dateline', () => {
    const dir = folderWith({
      'site.json': '{ "title": "T" }',
      'articles/bare.txt': 'Story.',
      'articles/bare.json': JSON.stringify({ id: 'bare', publisher: null, url: null, published: '2022-03-03' }),
      'articles/dated.txt': 'Monday, 7 March 2022\n\nStory.',
      'articles/dated.json': JSON.stringify({ id: 'dated', headline: 'H', publisher: null, url: null, published: '2022-03-07', publishedDateline: { phrase: 'Monday, 7 March 2022' } }),
      'events.yaml': '[]',
    });
    const result = readInputs(dir, undefined, ROOT);
    expect(result.errors).toEqual([
      expect.stringMatching(/bare\.json: article "bare" → headline: required, got nothing$/),
      expect.stringMatching(/bare\.json: article "bare" → publishedEvidence: required: say how the publication day is known .* \(publishedDateline\), got nothing$/),
    ]);
    expect(result.errors.join('\n')).not.toMatch(/Invalid input|received undefined/);
    // A dateline alone is evidence enough.
    expect(result.articles.map((a) => a.meta.id)).toContain('dated');
  });

  test('a content dir without articles says so', () => {
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'events.yaml': '[]' });
    expect(readInputs(dir, undefined, ROOT).errors).toEqual([expect.stringContaining('no articles')]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const FIXTURE = (name: string) => path.join(ROOT, 'tests/fixtures/pipeline', name);
const relFixture = (name: string, file: string) => `tests/fixtures/pipeline/${name}/${file}`;

describe('readInputs reads only regular UTF-8 files inside the content folder', () => {
  test('a symbolic link out of the content folder is refused by name, and its target is not read', () => {
    const result = readInputs(FIXTURE('symlink-out'), undefined, ROOT);
    expect(result.errors).toEqual([`${relFixture('symlink-out', 'articles/brest-talks.txt')}: is a symbolic link; the pipeline reads only regular files inside the content folder`]);
    expect(result.articles.map((a) => a.meta.id)).toEqual(['antalya-ministers']);
  });

  test('a real file reached through a linked folder out of content/ is refused as outside the content folder', () => {
    const outside = folderWith({ 'secret.txt': 'Not an article.', 'secret.json': articleMeta('secret') });
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'events.yaml': '[]' });
    fs.symlinkSync(outside, path.join(dir, 'articles'));
    const result = readInputs(dir, undefined, ROOT);
    expect(result.articles).toEqual([]);
    expect(result.errors).toContainEqual(expect.stringMatching(/articles\/secret\.txt: is outside the content folder/));
  });

  test('a folder named like an article is not a regular file', () => {
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'articles/odd.txt/x': '', 'articles/odd.json': articleMeta('odd'), 'events.yaml': '[]' });
    expect(readInputs(dir, undefined, ROOT).errors).toContainEqual(expect.stringMatching(/odd\.txt: is not a regular file$/));
  });

  test('a file that is not UTF-8 gets one error naming the file, the line and the byte', () => {
    const result = readInputs(FIXTURE('latin1-article'), undefined, ROOT);
    const offset = fs.readFileSync(path.join(FIXTURE('latin1-article'), 'articles/brest-talks.txt')).indexOf(0xe9);
    expect(result.errors).toEqual([`${relFixture('latin1-article', 'articles/brest-talks.txt')}: line 3: not UTF-8 (byte 0xe9 at offset ${offset}); save the file as UTF-8`]);
    expect(result.articles).toEqual([]);
  });

  test('counts CR-only and CRLF line ends when it names the line of a bad byte', () => {
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'articles/a.json': articleMeta('a'), 'events.yaml': '[]' });
    fs.writeFileSync(path.join(dir, 'articles/a.txt'), Buffer.from('one\rtwo\r\nthree\n\xff', 'latin1'));
    expect(readInputs(dir, undefined, ROOT).errors).toEqual([expect.stringMatching(/a\.txt: line 4: not UTF-8 \(byte 0xff/)]);
  });

  test('a byte-order mark is accepted and kept, so byte offsets stay those of the file', () => {
    const result = readInputs(FIXTURE('line-endings'), path.join(TWO_ARTICLES, 'events.yaml'), ROOT);
    expect(result.errors).toEqual([]);
    const brest = result.articles.find((a) => a.meta.id === 'brest-talks')!;
    expect(brest.raw.startsWith('\uFEFFSecond round')).toBe(true);
  });

  test('a file over the size limit is refused with one line', () => {
    const dir = folderWith({ 'site.json': '{ "title": "T" }', 'articles/a.txt': 'x'.repeat(LIMITS.articleBytes + 1), 'articles/a.json': articleMeta('a'), 'events.yaml': '[]' });
    expect(readInputs(dir, undefined, ROOT).errors).toEqual([expect.stringMatching(/a\.txt: is \d+ bytes, over the limit of \d+ bytes$/)]);
  });

  test('an empty article is named by its file', () => {
    const result = readInputs(FIXTURE('empty-article'), undefined, ROOT);
    expect(result.errors).toEqual([`${relFixture('empty-article', 'articles/brest-talks.txt')}: article "brest-talks" has no text (the file is empty, or holds only its headline and page furniture)`]);
  });
});

describe('readInputs gives one clear line for a broken events file', () => {
  test('one tab in the indentation is one error that says "tab" and names the line', () => {
    const result = readInputs(FIXTURE('yaml-tab'), undefined, ROOT);
    expect(result.errors).toEqual([`${relFixture('yaml-tab', 'events.yaml')}: not valid YAML: line 4: a tab in the indentation; YAML indents with spaces only`]);
  });

  test('a YAML alias bomb is refused with one line, without expanding it', () => {
    const result = readInputs(FIXTURE('yaml-alias-bomb'), undefined, ROOT);
    expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^${escape(relFixture('yaml-alias-bomb', 'events.yaml'))}: not valid YAML: Excessive alias count.*at most 100 aliases`))]);
    expect(result.events).toEqual([]);
  });

  test('CRLF and CR-only events files read like LF ones', () => {
    const lf = readEvents(oneGoodEvent).result;
    expect(readEvents(oneGoodEvent.replace(/\n/g, '\r\n')).result.events).toEqual(lf.events);
    expect(readEvents(oneGoodEvent.replace(/\n/g, '\r')).result.events).toEqual(lf.events);
  });
});

describe('readInputs keeps an article whose metadata has a bad published day', () => {
  test('reports the day once and keeps the article, so its quotes are still checked', () => {
    const result = readInputs(FIXTURE('bad-published'), undefined, ROOT);
    expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^${escape(relFixture('bad-published', 'articles/brest-talks.json'))}: article "brest-talks" → published: .*got "2022-02-30"$`))]);
    expect(result.articles.map((a) => a.meta.id)).toEqual(['antalya-ministers', 'brest-talks']);
    expect(result.undatedArticles).toEqual(new Set(['brest-talks']));
  });
});
