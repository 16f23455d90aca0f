import { describe, expect, test } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import { HOSTILE, hostileDataset, realDataset } from '../tests/fixtures/openData.ts';
import { CSV_COLUMNS, exportCsv } from './exportCsv.ts';

/**
 * An RFC 4180 reader written apart from the code under test (pipeline/readCsv.ts), so that the
 * test does not check the writer against a reader that shares its mistakes.
 */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  const field = /("((?:[^"]|"")*)"|[^",\r\n]*)(,|\r\n|$)/y;
  let record: string[] = [];
  while (field.lastIndex < text.length) {
    const m = field.exec(text);
    if (!m) throw new Error(`not RFC 4180 at ${field.lastIndex}`);
    record.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]!);
    if (m[3] !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('exportCsv', () => {
  test('has a header row with the columns, then one row per event with as many fields', () => {
    const dataset = realDataset();
    const rows = parseRfc4180(exportCsv(dataset));
    expect(rows[0]).toEqual(['id', 'date', 'end', 'certainty', 'earliest', 'latest', 'edtf', 'key', 'category', 'title', 'summary', 'quotes', 'sources']);
    expect(rows).toHaveLength(dataset.events.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual(dataset.events.map((e) => e.id));
  });

  test('is UTF-8 text without a byte-order mark, every record ending in CRLF', () => {
    const csv = exportCsv(realDataset());
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  test('keeps hostile strings whole: commas, quotes and line breaks are quoted, quotes doubled', () => {
    const dataset = hostileDataset();
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    const csv = exportCsv(dataset);
    expect(csv).toContain('"Title of on-a-day: He said ""stop"", then left,\nand wrote');
    const rows = parseRfc4180(csv);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]))]));
    expect(byId.get('on-a-day')!.title).toBe(`Title of on-a-day: ${HOSTILE}`);
    expect(byId.get('on-a-day')!.summary).toBe(`Summary of on-a-day: ${HOSTILE}`);
    expect(byId.get('on-a-day')!.quotes).toBe(`hostile-article: Officials said: ${HOSTILE}`);
    expect(byId.get('on-a-day')!.sources).toBe(`Headline ${HOSTILE} (Publisher, "Inc", 2022-03-10) https://example.org/a?x=1&y="2"`);
  });

  test('gives each event its date certainty and bounds', () => {
    const rows = parseRfc4180(exportCsv(hostileDataset())).slice(1);
    const pick = (r: string[]) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]];
    expect(rows.map(pick)).toEqual([
      ['on-a-day', '2022-02-24', '', 'day', '2022-02-24', '2022-02-24', '2022-02-24', 'true'],
      ['a-span', '2022-02-28', '2022-03-03', 'day', '2022-02-28', '2022-03-03', '2022-02-28/2022-03-03', 'false'],
      ['a-range', '2022-03-05', '', 'range', '2022-03-01', '2022-03-05', '2022-03-01/2022-03-05', 'false'],
      ['reported', '2022-03-10', '', 'reported', '', '2022-03-10', '../2022-03-10', 'false'],
    ]);
  });
});
