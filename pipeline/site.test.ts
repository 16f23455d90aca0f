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
        { id: 'military', label: 'Fighting', colour: 'orange', shape: 'circle' },
        { id: 'politics', label: 'Politics', colour: 'blue', shape: 'star' },
      ],
    });
    const { errors } = readInputs(dir, undefined, dir);
    expect(errors).toEqual([
      expect.stringMatching(/^site\.json: site → categories\.0\.colour: expected one of the colours red, blue, green, purple .*got "orange"$/),
      expect.stringMatching(/^site\.json: site → categories\.1\.id: expected one of military, diplomacy, humanitarian, international .*got "politics"$/),
      expect.stringMatching(/^site\.json: site → categories\.1\.shape: expected one of the shapes circle, diamond, triangle, pentagon, got "star"$/),
    ]);
  });

  test('an event whose category the edition does not list is refused, naming the event and the categories', () => {
    const used = new Set(buildDataset(readInputs(TWO_ARTICLES, undefined, ROOT)).dataset!.events.map((e) => e.category));
    const kept = allFour.filter((c) => c.id !== [...used][0]);
    const { errors } = buildDataset(readInputs(editionWith({ title: 'T', categories: kept }), undefined, ROOT));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(new RegExp(`event ".+" → category: "${[...used][0]}" is not one of the categories of content/site\\.json: ${kept.map((c) => c.id).join(', ')}`));
  });

  test('the same category listed twice is an error', () => {
    const { errors } = readInputs(editionWith({ title: 'T', categories: [allFour[0], allFour[0]] }), undefined, ROOT);
    expect(errors).toEqual([expect.stringMatching(/site → categories: each category id may be listed once/)]);
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
