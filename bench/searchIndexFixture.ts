/**
 * A seeded search index (archiveSchema.ts, `searchIndexSchema`) of `n` events over three years in
 * date order, for the search benches: titles of 5–7 words from the bench vocabulary (about 45
 * characters), a share `accented` of them with one word that folding must get right (accents,
 * curly apostrophes, Cyrillic), four lanes, chunks of 2,000.
 */
import { makeSentence, mulberry32 } from './generateDataset.mjs';
import type { SearchIndex } from '../src/data/archiveSchema.ts';

const EXTRA = ['Kyiv’s', 'Mariupol’s', 'Zelenskyy', 'Guterres', 'António', 'Україна', 'Харків', 'Čaputová', 'Erdoğan', '—', 'Antalya'];

export function makeSearchIndex(n: number, accented: number, seed = 20220224): SearchIndex {
  const rand = mulberry32(seed ^ n);
  const start = Date.UTC(2021, 0, 1);
  const days = 3 * 365;
  const index: SearchIndex = { version: 2, ids: [], days: [], lanes: [], chunks: [], titles: [] };
  const pad = String(n).length;
  for (let i = 0; i < n; i++) {
    let title = makeSentence(rand, 5 + Math.floor(rand() * 3));
    if (rand() < accented) {
      const words = title.split(' ');
      words.splice(1 + Math.floor(rand() * (words.length - 1)), 1, EXTRA[Math.floor(rand() * EXTRA.length)]!);
      title = words.join(' ');
    }
    index.ids.push(`ev-${String(i + 1).padStart(pad, '0')}`);
    index.days.push(new Date(start + Math.floor((i / n) * days) * 86_400_000).toISOString().slice(0, 10));
    index.lanes.push(Math.floor(rand() * 4));
    index.chunks.push(Math.floor(i / 2000));
    index.titles.push(title);
  }
  return index;
}
