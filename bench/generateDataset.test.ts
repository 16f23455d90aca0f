import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import { createHash } from 'node:crypto';
import { ARCHIVE_THRESHOLD } from '../src/data/archiveSchema.ts';
import { dateRangeFor, generateDataset, KEY_EVENTS_FROM, KEY_EVERY } from './generateDataset.mjs';

describe('generateDataset', () => {
  it.each([[4, 1], [100, 7], [1000, 20220224], [5000, 42]])('makes %i events with seed %i that pass the dataset contract', (n, seed) => {
    const dataset = generateDataset(n, seed);
    const checked = datasetSchema.safeParse(dataset);
    expect(checked.success, checked.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe(true);
    expect(dataset.events).toHaveLength(n);
  });

  it('keeps every event inside the date range for its size, sorted by date then id', () => {
    for (const n of [100, 1000]) {
      const [from, to] = dateRangeFor(n);
      const { events } = generateDataset(n, 3);
      expect(events.every((e) => e.date >= from && (e.end ?? e.date) <= to)).toBe(true);
      const keys = events.map((e) => `${e.date} ${e.id}`);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('gives every quote and every dating phrase as a real slice of its paragraph', () => {
    const { articles, events } = generateDataset(1000, 11);
    const paragraph = (id: string, p: number) => articles.find((a) => a.id === id)!.paragraphs[p]!;
    for (const e of events) {
      for (const q of e.quotes) expect(paragraph(q.article, q.paragraph).slice(q.start, q.end)).toBe(q.text);
      const d = e.dateEvidence;
      if (d.kind !== 'undated') expect(paragraph(d.article, d.paragraph).slice(d.start, d.end)).toBe(d.phrase);
      expect(d.resolved).toBe(e.date);
    }
  });

  it('draws several categories, some spans and a few articles', () => {
    const { articles, events } = generateDataset(5000, 5);
    expect(new Set(events.map((e) => e.category)).size).toBe(4);
    const spans = events.filter((e) => e.end).length / events.length;
    expect(spans).toBeGreaterThan(0.03);
    expect(spans).toBeLessThan(0.07);
    expect(articles.length).toBeGreaterThanOrEqual(2);
    expect(articles.length).toBeLessThanOrEqual(10);
  });

  it('is the same for the same seed and differs across seeds', () => {
    expect(JSON.stringify(generateDataset(500, 9))).toBe(JSON.stringify(generateDataset(500, 9)));
    expect(JSON.stringify(generateDataset(500, 9))).not.toBe(JSON.stringify(generateDataset(500, 10)));
  });

  it('below the archive threshold, has no key events and is byte for byte what it was before key events', () => {
    const sha = (n: number) => createHash('sha256').update(JSON.stringify(generateDataset(n))).digest('hex');
    expect(sha(1000)).toBe('f0d1c0bd6207cc543b7c195a4882dd59ae32f9010043ab91ecc9ec2dfd132dfc');
    expect(generateDataset(KEY_EVENTS_FROM - 1).events.some((e) => e.key)).toBe(false);
  });

  it('from the archive threshold, makes one event in KEY_EVERY key, evenly, the rest as before', () => {
    expect(KEY_EVENTS_FROM).toBe(ARCHIVE_THRESHOLD);
    const dataset = generateDataset(KEY_EVENTS_FROM, 3);
    const { events } = dataset;
    const at = events.flatMap((e, i) => (e.key ? [i] : []));
    expect(at).toHaveLength(KEY_EVENTS_FROM / KEY_EVERY);
    at.forEach((i, k) => expect(i - at[0]!).toBe(k * KEY_EVERY));
    expect(events.every((e) => e.key === undefined || e.key === true)).toBe(true);
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
  });
});
