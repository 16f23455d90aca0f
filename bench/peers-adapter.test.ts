import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import adapter, { convertGeneric, type GenericEvent } from './peers-adapter.mjs';

const source = (letter: 'A' | 'B') => ({ source: `Source article ${letter}`, url: `https://example.org/source-${letter.toLowerCase()}` });
const genericEvents: GenericEvent[] = [
  { id: 'ev-00001', date: '2022-02-24', title: 'Invasion begins', summary: 'Troops crossed the border.', quote: { text: 'Forces crossed the border before dawn.', ...source('A') } },
  { id: 'ev-00002', date: '2022-02-28', title: 'First talks', summary: 'Delegations met.', quote: { text: 'The delegations met in Belarus.', ...source('B') } },
  { id: 'ev-00003', date: '2022-02-28', title: 'Convoy', summary: 'A convoy moved.', quote: { text: 'A long convoy was seen north of the capital.', ...source('A') } },
];

describe('the peers adapter', () => {
  it('converts the generic dataset into one that passes the dataset contract', () => {
    const dataset = convertGeneric(genericEvents);
    const checked = datasetSchema.safeParse(dataset);
    expect(checked.success, checked.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe(true);
    expect(dataset.articles.map((a) => a.id)).toEqual(['source-article-a', 'source-article-b']);
    expect(dataset.events.map((e) => e.id)).toEqual(['ev-00001', 'ev-00002', 'ev-00003']);
    expect(dataset.events[2]!.quotes[0]!.text).toBe('A long convoy was seen north of the capital.');
  });

  it('serves our dataset where the app fetches it', () => {
    expect(adapter.dataPath).toBe('data/timeline.json');
    expect(adapter.serveDir).toMatch(/dist$/);
  });
});
