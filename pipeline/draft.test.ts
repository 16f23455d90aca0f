import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDataset } from './buildDataset.ts';
import { cleanArticle } from './cleanArticle.ts';
import { draftArticle, runDraft } from './draft.ts';
import type { EventStub } from './draftEvents.ts';
import { splitSentences, suggestCategory } from './draftEvents.ts';
import { eventInputSchema } from './inputSchema.ts';
import { locateQuote } from './locateQuote.ts';
import { readInputs } from './readInputs.ts';

const ROOT = process.cwd();
const ARTICLES = path.join(ROOT, 'content', 'articles');
/** The events file the drafts are checked against: a fixture, so that these tests do not depend on the curated content/events.yaml. */
const EVENTS = path.join(ROOT, 'tests/fixtures/pipeline/real-articles/events.yaml');

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project folder whose content/ holds the two real articles and the fixture events file; returns its path. */
function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-'));
  tmpDirs.push(dir);
  fs.cpSync(ARTICLES, path.join(dir, 'content', 'articles'), { recursive: true });
  // The articles' per-site cleaning rules, where they name a site.
  const sites = path.join(ROOT, 'content', 'sites');
  if (fs.existsSync(sites)) fs.cpSync(sites, path.join(dir, 'content', 'sites'), { recursive: true });
  fs.copyFileSync(EVENTS, path.join(dir, 'content', 'events.yaml'));
  fs.writeFileSync(path.join(dir, 'content', 'site.json'), '{ "title": "The two real articles" }');
  return dir;
}
const CONTENT = path.join(scratch(), 'content');

function stubsOf(id: string): EventStub[] {
  const result = draftArticle(id, CONTENT);
  if (!result.ok) throw new Error(result.error);
  return result.stubs;
}

/** The one stub whose quote holds `words`. */
function stubWith(stubs: EventStub[], words: string): EventStub {
  const found = stubs.filter((s) => s.quote.text.replace(/\s+/g, ' ').includes(words));
  if (found.length !== 1) throw new Error(`expected one stub quoting "${words}", got ${found.length}`);
  return found[0]!;
}

const belarus = stubsOf('second-round-belarus-talks');
const antalya = stubsOf('antalya-ministers-meet');

// The oracle: read from the article texts by hand. The Belarus article is of Thursday 3 March 2022,
// the Antalya one of Thursday 10 March 2022, so its "Wednesday" is 9 March.
const DATED: Array<[EventStub[], string, string, string]> = [
  [belarus, 'said on March 3 after the second round', '2022-03-03', 'explicit'],
  [belarus, 'on February 28 held their first talks', '2022-02-28', 'explicit'],
  [belarus, 'has spent 8 days of fighting', '2022-03-03', 'counted'],
  [belarus, 'have been killed in the last week', '2022-03-03', 'range'],
  [belarus, 'Before the talks, Podolyak tweeted', '2022-03-03', 'range'],
  [belarus, 'In an earlier online press conference', '2022-03-03', 'range'],
  [antalya, 'On Thursday, Ukraine redoubled', '2022-03-10', 'relative'],
  [antalya, 'Turkey sponsored Thursday’s discussions', '2022-03-10', 'relative'],
  [antalya, 'On Wednesday, Kuleba stated', '2022-03-09', 'relative'],
  [antalya, 'power station, on Wednesday, according to Zelensky', '2022-03-09', 'relative'],
  [antalya, 'with a maternity unit on Wednesday', '2022-03-09', 'relative'],
  [antalya, 'condemned the bombing of a hospital in Mariupol on Wednesday', '2022-03-09', 'relative'],
  [antalya, 'has made little progress in the last week', '2022-03-10', 'range'],
  [antalya, 'On Thursday, British defence officials', '2022-03-10', 'relative'],
  [antalya, 'On Thursday, US Vice President Kamala Harris arrived in Warsaw', '2022-03-10', 'relative'],
];

describe('npm run draft on the two real articles', () => {
  test.each(DATED)('proposes the sentence “…%s…” at the day the words give', (stubs, words, day, kind) => {
    const stub = stubWith(stubs, words);
    expect(stub.date).toBe(day);
    expect(stub.dateEvidence.kind).toBe(kind);
  });

  test('counts “8 days of fighting” from 24 February, the invasion, inclusive', () => {
    expect(stubWith(belarus, '8 days of fighting').dateEvidence).toMatchObject({ from: '2022-02-24', count: 8, inclusive: true });
  });

  test('proposes ids that are unique, kebab-case, and new to the events file', () => {
    const curated = new Set((parseYaml(fs.readFileSync(EVENTS, 'utf8')) as Array<{ id: string }>).map((e) => e.id));
    expect(curated.size).toBeGreaterThan(0);
    for (const stubs of [belarus, antalya]) {
      const ids = stubs.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(curated.has(id)).toBe(false);
      }
    }
  });

  test('copies every quote verbatim: the pipeline’s quote locator finds each exactly where it was taken', () => {
    for (const [id, stubs] of [['second-round-belarus-talks', belarus], ['antalya-ministers-meet', antalya]] as const) {
      const meta = JSON.parse(fs.readFileSync(path.join(ARTICLES, `${id}.json`), 'utf8')) as { headline: string };
      const paragraphs = cleanArticle(fs.readFileSync(path.join(ARTICLES, `${id}.txt`), 'utf8'), meta.headline).paragraphs.map((p) => p.text);
      for (const { quote } of stubs) {
        const found = locateQuote(paragraphs, quote.text, quote.occurrence);
        expect(found.ok && found.location.text).toBe(quote.text);
      }
    }
  });

  test('reads “later” as after the event told just before it', () => {
    expect(stubWith(antalya, 'Later, Psaki called').after).toEqual([
      { event: stubWith(antalya, 'Jen Psaki, the White House press secretary').id, article: 'antalya-ministers-meet', phrase: 'Later' },
    ]);
    expect(stubWith(belarus, 'Podolyak later posted').after[0]?.event).toBe(stubWith(belarus, 'said on March 3').id);
  });

  test('every stub, given a title, summary and category, passes the pipeline’s own checks', () => {
    const written = (stubs: EventStub[]) => stubs.map((s) => ({ ...s, title: 'a draft', summary: 'a draft', category: s.category ?? 'military' }));
    const inputs = readInputs(CONTENT, undefined, ROOT);
    expect(inputs.errors).toEqual([]);
    const events = [...written(belarus), ...written(antalya)].map(({ notes: _notes, quote, ...e }) => eventInputSchema.parse({ ...e, quotes: [quote], after: e.after.length ? e.after : undefined }));
    const result = buildDataset({ ...inputs, events });
    expect(result.errors).toEqual([]);
  });
});

describe('the draft file', () => {
  const quiet = () => {
    const lines: string[] = [];
    return { io: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) }, lines };
  };

  test('is written to content/drafts/draft-<article>.yaml with empty titles and summaries, and leaves events.yaml alone', () => {
    const dir = scratch();
    const before = fs.readFileSync(path.join(dir, 'content', 'events.yaml'), 'utf8');
    expect(runDraft(['second-round-belarus-talks'], quiet().io, dir)).toBe(0);
    const draft = parseYaml(fs.readFileSync(path.join(dir, 'content', 'drafts', 'draft-second-round-belarus-talks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(draft.map((e) => e.id)).toEqual(belarus.map((s) => s.id));
    expect(draft.every((e) => e.title === '' && e.summary === '')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'content', 'events.yaml'), 'utf8')).toBe(before);
  });

  test('is not overwritten without --force', () => {
    const dir = scratch();
    const { io, lines } = quiet();
    expect(runDraft(['antalya-ministers-meet'], io, dir)).toBe(0);
    expect(runDraft(['antalya-ministers-meet'], io, dir)).toBe(1);
    expect(lines.at(-1)).toMatch(/exists: pass --force/);
    expect(runDraft(['antalya-ministers-meet', '--force'], io, dir)).toBe(0);
  });

  test('refuses content/events.yaml as --out, an unknown article, and prints --help', () => {
    const dir = scratch();
    const { io, lines } = quiet();
    expect(runDraft(['antalya-ministers-meet', '--out', path.join(dir, 'content', 'events.yaml')], io, dir)).toBe(2);
    expect(runDraft(['no-such-article'], io, dir)).toBe(1);
    expect(lines.at(-1)).toMatch(/no article "no-such-article".*known: antalya-ministers-meet/);
    expect(runDraft(['--help'], io, dir)).toBe(0);
    expect(lines.at(-1)).toMatch(/^Drafts event stubs/);
  });
});

describe('sentences and categories', () => {
  test('a quoted remark of two sentences stays whole with its “he said”', () => {
    const text = '“We talked. We agreed,” he said. Then they left.';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual(['“We talked. We agreed,” he said.', 'Then they left.']);
  });

  test('suggests the category whose words the sentence holds most, and none on a tie', () => {
    expect(suggestCategory('Civilians were evacuated through a corridor.', ['military', 'humanitarian'])).toBe('humanitarian');
    expect(suggestCategory('Troops shelled the hospital.', ['military', 'humanitarian'])).toBe('military');
    expect(suggestCategory('Nothing here.', ['military', 'humanitarian'])).toBeNull();
  });
});

describe('npm run draft on articles read through the intake (a saved page, a site’s cleaning rules)', () => {
  const INTAKE = path.join(ROOT, 'tests/fixtures/pipeline/intake/content');

  test('drafts from the text the pipeline keeps, and every stub passes the pipeline’s checks there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-intake-'));
    tmpDirs.push(dir);
    fs.cpSync(INTAKE, dir, { recursive: true });
    const drafts = ['irpin-convoy', 'wire-story'].map((id) => {
      const result = draftArticle(id, dir);
      if (!result.ok) throw new Error(result.error);
      return result.stubs;
    });
    // The saved page is of Sunday 6 March 2022: "on Sunday morning" is that day, "since Saturday" the day before.
    const page = drafts[0]!;
    expect(stubWith(page, 'left the town of Irpin on Sunday morning').date).toBe('2022-03-06');
    expect(stubWith(page, 'since Saturday').date).toBe('2022-03-05');
    const ids = new Set<string>();
    const events = drafts.flat().map(({ notes: _notes, quote, ...e }) => {
      // The two fixtures tell the same story: the second draft's ids may repeat the first's.
      const id = ids.has(e.id) ? `${e.id}-b` : e.id;
      ids.add(id);
      return eventInputSchema.parse({ ...e, id, title: 'a draft', summary: 'a draft', category: e.category ?? 'military', quotes: [quote], after: undefined });
    });
    const inputs = readInputs(dir, undefined, ROOT);
    expect(inputs.errors).toEqual([]);
    expect(buildDataset({ ...inputs, events }).errors).toEqual([]);
  });
});
