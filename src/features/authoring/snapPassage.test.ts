import { describe, expect, it } from 'vitest';
import { snapPassage } from './snapPassage.ts';
import { proposeId } from './proposeId.ts';
import { sortErrors } from './fieldErrors.ts';

const text = 'Russia’s troops, said Podolyak, took MiG-29s on March 3.';
const cut = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('snapPassage', () => {
  it('keeps a selection of whole words as it is', () => {
    expect(cut(snapPassage(text, 0, 15))).toBe('Russia’s troops');
  });

  it('takes a word the selection cuts whole, apostrophes and hyphens inside it included', () => {
    expect(cut(snapPassage(text, 3, 12))).toBe('Russia’s troops');
    expect(cut(snapPassage(text, 39, 43))).toBe('MiG-29s');
  });

  it('drops white space at either end', () => {
    expect(cut(snapPassage(text, 16, 31))).toBe('said Podolyak,');
  });

  it('keeps punctuation the selection takes, and finds nothing in white space alone', () => {
    expect(cut(snapPassage(text, 44, text.length))).toBe('on March 3.');
    expect(snapPassage('a   b', 1, 4)).toBeNull();
  });

  it('reads a backwards or out-of-range selection within the text', () => {
    expect(cut(snapPassage(text, 15, -4))).toBe('Russia’s troops');
  });
});

describe('proposeId', () => {
  it('makes a kebab-case slug of the first words of a title', () => {
    expect(proposeId('Russia’s troops enter Kherson')).toBe('russias-troops-enter-kherson');
    expect(proposeId('  Zelensky: “war crimes” in Mariupol — 9 March, the day after the strike on it ')).toBe('zelensky-war-crimes-in-mariupol-9-march-the');
  });
});

describe('sortErrors', () => {
  it('puts the pipeline’s messages about this event next to their field, and the rest in the list', () => {
    const messages = [
      'content/events.yaml:40: event "new-one" → title: "Kyiv" does not occur in the event\'s quotes\n      40 |   title: \'Kyiv\'',
      'content/events.yaml:38: event "new-one" → dateEvidence.phrase: not found',
      'content/events.yaml:3: event "other" → title: nope',
      'content/articles/x.json: article "x" → site: no rules',
    ];
    const sorted = sortErrors(messages, 'new-one', ['title', 'date']);
    expect(sorted.byField.get('title')).toEqual(['"Kyiv" does not occur in the event\'s quotes\n      40 |   title: \'Kyiv\'']);
    expect(sorted.byField.get('date')).toEqual(['not found']);
    expect(sorted.other).toEqual(messages.slice(2));
  });
});
