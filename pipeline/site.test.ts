import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import { buildDataset } from './buildDataset.ts';
import { exportTimelineJs } from './exportTimelineJs.ts';
import { readInputs } from './readInputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TWO_ARTICLES = path.join(ROOT, 'tests/fixtures/pipeline/two-articles');

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The two-articles fixture with its site.json replaced by `site`. */
function editionWith(site: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-'));
  tmpDirs.push(dir);
  fs.cpSync(TWO_ARTICLES, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.json'), typeof site === 'string' ? site : JSON.stringify(site));
  return dir;
}

const allFour = [
  { id: 'military', label: 'Fighting', colour: 'red', shape: 'circle' },
  { id: 'diplomacy', label: 'Talks', colour: 'blue', shape: 'diamond' },
  { id: 'humanitarian', label: 'Civilians', colour: 'green', shape: 'triangle' },
  { id: 'international', label: 'The world', colour: 'purple', shape: 'pentagon' },
];

describe('content/site.json', () => {
  test('its dek and categories are shipped in the dataset', () => {
    const result = buildDataset(readInputs(editionWith({ title: 'T', dek: 'What it is about.', categories: allFour }), undefined, ROOT));
    expect(result.errors).toEqual([]);
    expect(result.dataset).toMatchObject({ title: 'T', dek: 'What it is about.', categories: allFour });
    expect(datasetSchema.safeParse(result.dataset).success).toBe(true);
  });

  test('without them the dataset has neither field, as before: the app falls back on the default four', () => {
    const result = buildDataset(readInputs(editionWith({ title: 'T' }), undefined, ROOT));
    expect(result.dataset).not.toHaveProperty('dek');
    expect(result.dataset).not.toHaveProperty('categories');
  });

  test('a bad colour, shape or id is named with the file and the field, all in one run', () => {
    const dir = editionWith({
      title: 'T',
      categories: [
        { id: 'military', label: 'Fighting', colour: 'pink', shape: 'circle' },
        { id: 'Politics', label: 'Politics', colour: 'blue', shape: 'cloud' },
      ],
    });
    const { errors } = readInputs(dir, undefined, dir);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^site\.json: site → categories\.0\.colour: expected one of the colours red, blue, green, purple, orange, teal, magenta, brown .*got "pink"$/),
      expect.stringMatching(/^site\.json: site → categories\.1\.id: expected an id as a kebab-case slug, e\.g\. "works" .*got "Politics"$/),
      expect.stringMatching(/^site\.json: site → categories\.1\.shape: expected one of the shapes circle, diamond, triangle, pentagon, square, hexagon, star, chevron, got "cloud"$/),
    ]));
    expect(errors.filter((e) => e.startsWith('site.json'))).toHaveLength(3);
  });

  test('an event whose category the edition does not list is refused, naming the event and the categories', () => {
    const used = new Set(buildDataset(readInputs(TWO_ARTICLES, undefined, ROOT)).dataset!.events.map((e) => e.category));
    const kept = allFour.filter((c) => c.id !== [...used][0]);
    const { errors } = buildDataset(readInputs(editionWith({ title: 'T', categories: kept }), undefined, ROOT));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(new RegExp(`event ".+" → category: category "${[...used][0]}" is not one of ${kept.map((c) => c.id).join(', ')}$`));
  });

  test('the same category listed twice is an error naming it', () => {
    const { errors } = readInputs(editionWith({ title: 'T', categories: [...allFour, allFour[0]] }), undefined, ROOT);
    expect(errors).toEqual([expect.stringMatching(/site → categories: each category id may be listed once: "military" is listed twice/)]);
  });

  test('more than eight categories are refused', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `lane-${i + 1}`, label: `Lane ${i + 1}`, colour: 'red', shape: 'circle' }));
    const { errors } = readInputs(editionWith({ title: 'T', categories: nine }), undefined, ROOT);
    expect(errors).toContainEqual(expect.stringMatching(/site → categories: has more than 8 categories/));
  });
});

describe('an edition with categories of its own', () => {
  const BRIDGE = [
    { id: 'works', label: 'Works', colour: 'orange', shape: 'square' },
    { id: 'council', label: 'Council', colour: 'teal', shape: 'hexagon' },
    { id: 'residents', label: 'Residents', colour: 'magenta', shape: 'star' },
    { id: 'traffic', label: 'Traffic', colour: 'brown', shape: 'chevron' },
    { id: 'river', label: 'River', colour: 'blue', shape: 'diamond' },
  ];
  /** The two-articles fixture with the first edition's ids replaced in its events file. */
  function bridgeEdition(rename: Record<string, string>): string {
    const dir = editionWith({ title: 'The bridge', categories: BRIDGE });
    const file = path.join(dir, 'events.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/^(\s*category: )(\S+)$/gm, (_, key: string, id: string) => `${key}${rename[id] ?? id}`);
    fs.writeFileSync(file, text);
    return dir;
  }
  const RENAME = { military: 'works', diplomacy: 'council', humanitarian: 'residents', international: 'traffic' };

  test('its events use its own ids, and the dataset carries them in its order', () => {
    const result = buildDataset(readInputs(bridgeEdition(RENAME), undefined, ROOT));
    expect(result.errors).toEqual([]);
    expect(result.dataset!.categories!.map((c) => c.id)).toEqual(['works', 'council', 'residents', 'traffic', 'river']);
    expect(new Set(result.dataset!.events.map((e) => e.category))).toEqual(new Set(['works', 'council', 'residents', 'traffic']));
    expect(datasetSchema.safeParse(result.dataset).success).toBe(true);
    const groups = new Set(exportTimelineJs(result.dataset!).events.map((e) => e.group));
    expect(groups).toEqual(new Set(['Works', 'Council', 'Residents', 'Traffic']));
  });

  test('a category that is a typo of one of them, or of the first edition’s, is named with the edition’s ids and a “did you mean”', () => {
    const dir = bridgeEdition({ ...RENAME, military: 'wroks', diplomacy: 'Council' });
    const { errors } = readInputs(dir, undefined, dir);
    const listed = 'is not one of works, council, residents, traffic, river';
    expect(errors).toEqual([
      `events.yaml: event "talks-in-brest" → category: category "Council" ${listed} — did you mean "council"?`,
      `events.yaml: event "eighth-day-of-fighting" → category: category "wroks" ${listed} — did you mean "works"?`,
      `events.yaml: event "talks-to-continue" → category: category "Council" ${listed} — did you mean "council"?`,
    ]);
    const old = bridgeEdition({ ...RENAME, military: 'military' });
    expect(readInputs(old, undefined, old).errors).toEqual([expect.stringMatching(/category "military" is not one of works, council, residents, traffic, river$/)]);
  });
});

describe('the open-data exports of an edition', () => {
  test('the TimelineJS export groups events under the edition’s category names', () => {
    const { dataset } = buildDataset(readInputs(editionWith({ title: 'T', categories: allFour }), undefined, ROOT));
    const groups = new Set(exportTimelineJs(dataset!).events.map((e) => e.group));
    expect([...groups].every((g) => allFour.some((c) => c.label === g))).toBe(true);
    expect(groups.size).toBeGreaterThan(0);
  });
});
