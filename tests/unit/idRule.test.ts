/**
 * One rule for ids: the dataset contract, the pipeline's input schema and the
 * URL parser accept exactly the same ids, so every event the data can hold
 * can be opened and linked.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { articleSchema, eventSchema, ID_PATTERN } from '../../src/data/schema.ts';
import { parseUrlState } from '../../src/lib/url/urlState.ts';
import { articleMetaSchema } from '../../pipeline/inputSchema.ts';

const schemaAccepts = (id: string) => !eventSchema.shape.id.safeParse(id).error && !articleSchema.shape.id.safeParse(id).error;
const pipelineAccepts = (id: string) => articleMetaSchema.shape.id.safeParse(id).success;
const urlAccepts = (id: string) => {
  const { state, notices } = parseUrlState(`?event=${encodeURIComponent(id)}`);
  return state.event === id && notices.length === 0;
};

describe('the id rule', () => {
  test.each(['a b', 'café', '__proto__', 'Talks', 'talks_2', 'talks--2', '-talks', 'talks-', '', 'a.b', 'a:b'])('%j is refused by the schema, the pipeline and the URL alike', (id) => {
    expect([schemaAccepts(id), pipelineAccepts(id), urlAccepts(id)]).toEqual([false, false, false]);
  });

  test.each(['second-talks-belarus', 'ev-0001', '2022', 'a'])('%j is accepted by all three', (id) => {
    expect([schemaAccepts(id), pipelineAccepts(id), urlAccepts(id)]).toEqual([true, true, true]);
  });

  test('any string gets the same answer from all three', () => {
    const candidate = fc.oneof(fc.stringMatching(ID_PATTERN, { size: 'small' }), fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-zA-Z0-9_.: -]{1,20}$/));
    fc.assert(fc.property(candidate, (id) => {
      const expected = ID_PATTERN.test(id);
      expect(schemaAccepts(id)).toBe(expected);
      expect(pipelineAccepts(id)).toBe(expected);
      if (id.length <= 200) expect(urlAccepts(id)).toBe(expected);
    }), { seed: 12, numRuns: 300 });
  });
});
