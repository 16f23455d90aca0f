import fc from 'fast-check';
import { safeParse } from 'zod/mini';
import { describe, expect, test } from 'vitest';
import { searchIndexSchema } from '../../data/archiveSchema.ts';
import { checkSearchIndex } from './checkSearchIndex.ts';

const good = { version: 2, ids: ['a', 'b'], days: ['2022-03-01', '2022-03-02'], lanes: [0, 3], chunks: [0, 0], titles: ['One', 'Two'] };

describe('checkSearchIndex', () => {
  test('accepts a search index and gives it back', () => {
    expect(checkSearchIndex(good)).toEqual({ ok: true, index: good });
  });

  test.each<[string, unknown, string]>([
    ['not an object', [1, 2], 'expected an object, got an array'],
    ['another version', { ...good, version: '2' }, 'version: expected 2, got "2"'],
    ['a column missing', { ...good, days: undefined }, 'days: expected an array, got nothing'],
    ['a short column', { ...good, lanes: [0] }, 'lanes: expected 2 entries (one per id), got 1'],
    ['a title that is not text', { ...good, titles: ['One', 2] }, 'titles[1]: expected a string, got 2'],
    ['a lane that is not an integer', { ...good, lanes: [0, 1.5] }, 'lanes[1]: expected an integer, got 1.5'],
    ['a chunk that is not a number', { ...good, chunks: ['0', 0] }, 'chunks[0]: expected an integer, got "0"'],
  ])('refuses %s, saying where and what', (_, value, problem) => {
    expect(checkSearchIndex(value)).toEqual({ ok: false, problem });
  });

  test('accepts what searchIndexSchema accepts, when the columns are of one length', () => {
    const cell = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.double(), fc.constant(null));
    const column = fc.oneof(fc.array(cell, { minLength: 2, maxLength: 2 }), fc.array(fc.string(), { minLength: 2, maxLength: 2 }), fc.array(fc.integer(), { minLength: 2, maxLength: 2 }));
    fc.assert(fc.property(fc.constantFrom(2, 1), column, column, column, column, column, (version, ids, days, lanes, chunks, titles) => {
      const value = { version, ids, days, lanes, chunks, titles };
      expect(checkSearchIndex(value).ok).toBe(safeParse(searchIndexSchema, value).success);
    }), { numRuns: 500 });
  });
});
