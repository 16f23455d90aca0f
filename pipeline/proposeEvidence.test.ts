import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { cleanArticle } from './cleanArticle.ts';
import { findOccurrences } from './locateQuote.ts';
import { proposeEvidence, type ProposalArticle } from './proposeEvidence.ts';
import { inEveryZone } from '../tests/inEveryZone.ts';

/** A real article as the pipeline holds it: cleaned paragraphs and its publication day. */
function realArticle(id: string): ProposalArticle {
  const meta = JSON.parse(fs.readFileSync(`content/articles/${id}.json`, 'utf8')) as { headline: string; published: string };
  const raw = fs.readFileSync(`content/articles/${id}.txt`, 'utf8');
  return { id, published: meta.published as CalendarDay, paragraphs: cleanArticle(raw, meta.headline).paragraphs.map((p) => p.text) };
}

/** A small made-up article: one paragraph per string. */
function article(published: string, ...paragraphs: string[]): ProposalArticle {
  return { id: 'made-up', published: published as CalendarDay, paragraphs };
}

/** The passage holding `words` in `a` (white space as the pipeline's quote locator matches it). */
function passageOf(a: ProposalArticle, words: string) {
  const [found, ...more] = findOccurrences(a.paragraphs, words);
  if (!found || more.length) throw new Error(`not once in the article: ${words}`);
  return { paragraph: found.paragraph, start: found.start, end: found.end };
}

const belarus = realArticle('second-round-belarus-talks');
const antalya = realArticle('antalya-ministers-meet');

inEveryZone(() => {
  describe('proposeEvidence on the real articles', () => {
    test('“said on March 3” is explicit, 2022-03-03, with the words and their offsets', () => {
      const passage = passageOf(belarus, 'Mykhailo Podolyak (an adviser to the President of Ukraine) said on March 3 after the second round of negotiations with Russia ended.');
      const [first] = proposeEvidence(belarus, passage);
      expect(first).toMatchObject({ date: '2022-03-03', words: 'on March 3', dateEvidence: { kind: 'explicit', article: 'second-round-belarus-talks', phrase: 'on March 3' } });
      expect(belarus.paragraphs[first!.at.paragraph]!.slice(first!.at.start, first!.at.end)).toBe('on March 3');
    });

    test('“on February 28” in a paragraph published 3 March is 2022-02-28', () => {
      const passage = passageOf(belarus, 'The delegations of Russia and Ukraine on February 28 held their first talks in Belarus for about 5 hours but did not achieve any clear results.');
      expect(proposeEvidence(belarus, passage)[0]).toMatchObject({ date: '2022-02-28', dateEvidence: { kind: 'explicit', phrase: 'on February 28' } });
    });

    test('“on Wednesday” in the article of Thursday 10 March is relative, the day before: 2022-03-09', () => {
      const passage = passageOf(antalya, 'According to him, Russia bombed a children’s hospital with a maternity unit on Wednesday, killing three people, including a young girl, and injuring 17 others.');
      expect(proposeEvidence(antalya, passage)[0]).toMatchObject({ date: '2022-03-09', dateEvidence: { kind: 'relative', phrase: 'on Wednesday' } });
    });

    test('“On Thursday” is the publication day itself, 2022-03-10', () => {
      const passage = passageOf(antalya, 'On Thursday, US Vice President Kamala Harris arrived in Warsaw for meetings.');
      expect(proposeEvidence(antalya, passage)[0]).toMatchObject({ date: '2022-03-10', words: 'On Thursday', dateEvidence: { kind: 'relative' } });
    });

    test('“8 days of fighting” is counted, inclusive, ending on the publication day: from 2022-02-24', () => {
      const passage = passageOf(belarus, 'Russia – Ukraine has spent 8 days of fighting.');
      expect(proposeEvidence(belarus, passage)[0]).toMatchObject({
        date: '2022-03-03', dateEvidence: { kind: 'counted', phrase: '8 days of fighting', from: '2022-02-24', count: 8, inclusive: true },
      });
    });

    test('“in the last week” is a range of the seven days before publication', () => {
      const passage = passageOf(belarus, 'The State Emergency Service of Ukraine says more than 2,000 civilians have been killed in the last week but has not confirmed it.');
      expect(proposeEvidence(belarus, passage)[0]).toMatchObject({
        date: '2022-03-03', dateEvidence: { kind: 'range', phrase: 'in the last week', earliest: '2022-02-24', latest: '2022-03-03' },
      });
    });

    test('“earlier” is a range open to the past', () => {
      const passage = passageOf(belarus, 'In an earlier online press conference, Russian Foreign Minister Sergei Lavrov confirmed that Russia was ready for negotiations.');
      const [first] = proposeEvidence(belarus, passage);
      expect(first).toMatchObject({ date: '2022-03-03', dateEvidence: { kind: 'range', phrase: 'earlier', latest: '2022-03-03' } });
      expect(first!.dateEvidence).not.toHaveProperty('earliest');
    });

    test('a passage with no dating words gets only the undated proposal, reported by the publication day', () => {
      const passage = passageOf(antalya, 'Military allegations made by Russia and Ukraine cannot be independently verified.');
      expect(proposeEvidence(antalya, passage)).toEqual([expect.objectContaining({ date: '2022-03-10', words: '', dateEvidence: { kind: 'undated', article: 'antalya-ministers-meet' } })]);
    });

    test('a sentence with two dates proposes both, in the order of the words, then undated', () => {
      const passage = passageOf(antalya, 'Turkey sponsored Thursday’s discussions between Russian Foreign Minister Sergei Lavrov and his Ukrainian counterpart Dmytro Kuleba, marking the first time the two nations’ senior ministers have met since the invasion began on February 24.');
      expect(proposeEvidence(antalya, passage).map((p) => [p.dateEvidence.kind, p.date, p.words])).toEqual([
        ['relative', '2022-03-10', 'Thursday'],
        ['explicit', '2022-02-24', 'on February 24'],
        ['undated', '2022-03-10', ''],
      ]);
    });
  });

  describe('proposeEvidence, edge cases', () => {
    test('a day after publication is not proposed: the pipeline would refuse it without announced words', () => {
      const a = article('2022-03-03', 'The talks will resume on March 7 in Minsk.');
      expect(proposeEvidence(a, { paragraph: 0, start: 0, end: a.paragraphs[0]!.length }).map((p) => p.dateEvidence.kind)).toEqual(['undated']);
    });

    test('a span of days names its end', () => {
      const a = article('2022-03-10', 'Shelling went on from March 3 to March 5, officials said.');
      expect(proposeEvidence(a, { paragraph: 0, start: 0, end: a.paragraphs[0]!.length })[0]).toMatchObject({
        date: '2022-03-03', end: '2022-03-05', dateEvidence: { kind: 'explicit', phrase: 'from March 3 to March 5' },
      });
    });

    test('offsets are those of the paragraph when the passage starts inside it', () => {
      const a = article('2022-03-10', 'First sentence. Talks were held on March 1 in Gomel.');
      const start = a.paragraphs[0]!.indexOf('Talks');
      const [first] = proposeEvidence(a, { paragraph: 0, start, end: a.paragraphs[0]!.length });
      expect(a.paragraphs[0]!.slice(first!.at.start, first!.at.end)).toBe('on March 1');
    });

    test('a passage out of its paragraph gets no proposal', () => {
      const a = article('2022-03-10', 'Short.');
      expect(proposeEvidence(a, { paragraph: 0, start: 0, end: 99 })).toEqual([]);
      expect(proposeEvidence(a, { paragraph: 3, start: 0, end: 1 })).toEqual([]);
    });
  });
});
