import { describe, expect, test } from 'vitest';
import { findOccurrences, locateQuote, type LocateResult, type Location } from './locateQuote.ts';

/** Paragraphs in the typography of the real articles: curly quotes, en dashes, curly apostrophes. */
function typographicParagraphs(): string[] {
  return [
    'Russia – Ukraine has spent 8 days of fighting.',
    '“We will continue to discuss to achieve a ceasefire in the nearest future,” Podolyak said.',
    'Turkey sponsored Thursday’s discussions between Lavrov and Kuleba.',
    'Over 2.1 million citizens have left the nation (so far).',
  ];
}

/** The same sentence in two paragraphs, and twice in a third. */
function repeatedPhraseParagraphs(): string[] {
  return [
    'A hospital was bombed on Wednesday, officials said.',
    'Evacuations went ahead on Wednesday.',
    'Talks on Wednesday failed; talks on Wednesday resumed.',
  ];
}

function expectFound(result: LocateResult): Location {
  if (!result.ok) throw new Error(`expected the quote to be found, got: ${result.error}`);
  return result.location;
}

function expectError(result: LocateResult): string {
  if (result.ok) throw new Error(`expected an error, got a location: ${JSON.stringify(result.location)}`);
  return result.error;
}

describe('locateQuote', () => {
  const paragraphs = typographicParagraphs();

  test('finds a quote verbatim, with offsets that slice it back out of its paragraph', () => {
    const quote = 'discuss to achieve a ceasefire';
    const at = expectFound(locateQuote(paragraphs, quote));
    expect(at.paragraph).toBe(1);
    expect(at.start).toBe(paragraphs[1]!.indexOf(quote));
    expect(at.end).toBe(at.start + quote.length);
    expect(paragraphs[at.paragraph]!.slice(at.start, at.end)).toBe(quote);
    expect(at.text).toBe(quote);
  });

  test('finds a whole paragraph, from offset 0 to its length', () => {
    const at = expectFound(locateQuote(paragraphs, paragraphs[0]!));
    expect(at).toEqual({ paragraph: 0, start: 0, end: paragraphs[0]!.length, text: paragraphs[0] });
  });

  test('finds a quote whose white space differs: a newline, double spaces, a tab, spaces around it', () => {
    const source = 'discuss to achieve a ceasefire in the nearest future';
    for (const quote of ['discuss to\nachieve a ceasefire in the nearest future', 'discuss  to achieve a  ceasefire in the\tnearest future', '  discuss to achieve a ceasefire in the nearest future \n']) {
      const at = expectFound(locateQuote(paragraphs, quote));
      expect(at.paragraph).toBe(1);
      expect(at.start).toBe(paragraphs[1]!.indexOf(source));
      // The location holds the article's words, not the quote's white space.
      expect(at.text).toBe(source);
      expect(paragraphs[1]!.slice(at.start, at.end)).toBe(at.text);
    }
  });

  test('matches a single space in the quote to a no-break space in the article', () => {
    const withNbsp = ['Foreign Minister\u00a0Sergei Lavrov spoke.'];
    const at = expectFound(locateQuote(withNbsp, 'Minister Sergei Lavrov'));
    expect(at.text).toBe('Minister\u00a0Sergei Lavrov');
    expect(withNbsp[0]!.slice(at.start, at.end)).toBe(at.text);
  });

  test('fails when the quote has straight quote marks and the article curly ones', () => {
    const error = expectError(locateQuote(paragraphs, '"We will continue to discuss'));
    expect(error).toMatch(/not found/);
    expect(error).toContain('"We will continue to discuss');
    expectFound(locateQuote(paragraphs, '“We will continue to discuss'));
  });

  test('fails when the quote has a hyphen where the article has an en dash', () => {
    expectError(locateQuote(paragraphs, 'Russia - Ukraine has spent'));
    expectFound(locateQuote(paragraphs, 'Russia – Ukraine has spent'));
  });

  test('fails when the quote has a straight apostrophe where the article has a curly one', () => {
    expectError(locateQuote(paragraphs, "Thursday's discussions"));
    expectFound(locateQuote(paragraphs, 'Thursday’s discussions'));
  });

  test('fails when the quote differs in letter case', () => {
    expectError(locateQuote(paragraphs, 'turkey sponsored'));
  });

  test('treats regular-expression characters in the quote literally', () => {
    expectFound(locateQuote(paragraphs, 'Over 2.1 million citizens have left the nation (so far).'));
    expectError(locateQuote(['Over 2x1 million citizens'], 'Over 2.1 million'));
    expectError(locateQuote(['the nation so far'], 'the nation (so far)'));
  });

  test('does not find a quote that runs across two paragraphs', () => {
    expectError(locateQuote(paragraphs, 'fighting. “We will continue'));
  });

  test('fails on a quote that is only white space', () => {
    expectError(locateQuote(paragraphs, ' \n\t '));
  });
});

describe('locateQuote with a quote that occurs more than once', () => {
  const paragraphs = repeatedPhraseParagraphs();

  test('fails without an occurrence, saying how many times it occurs and how to pick one', () => {
    const error = expectError(locateQuote(paragraphs.slice(0, 2), 'on Wednesday'));
    expect(error).toMatch(/occurs 2 times/);
    expect(error).toMatch(/occurrence/);
  });

  test('occurrence: 2 picks the second, in the next paragraph', () => {
    const at = expectFound(locateQuote(paragraphs.slice(0, 2), 'on Wednesday', 2));
    expect(at).toEqual({ paragraph: 1, start: paragraphs[1]!.indexOf('on Wednesday'), end: paragraphs[1]!.indexOf('on Wednesday') + 12, text: 'on Wednesday' });
  });

  test('occurrence: 1 picks the first', () => {
    expect(expectFound(locateQuote(paragraphs, 'on Wednesday', 1)).paragraph).toBe(0);
  });

  test('counts occurrences in reading order, inside one paragraph too', () => {
    const third = paragraphs[2]!;
    const at3 = expectFound(locateQuote(paragraphs, 'on Wednesday', 3));
    const at4 = expectFound(locateQuote(paragraphs, 'on Wednesday', 4));
    expect([at3.paragraph, at3.start]).toEqual([2, third.indexOf('on Wednesday')]);
    expect([at4.paragraph, at4.start]).toEqual([2, third.lastIndexOf('on Wednesday')]);
  });

  test('fails on an occurrence past the last one, saying how many there are', () => {
    const error = expectError(locateQuote(paragraphs, 'on Wednesday', 5));
    expect(error).toContain('5');
    expect(error).toMatch(/occurs 4 time/);
  });

  test('fails on occurrence 0', () => {
    expectError(locateQuote(paragraphs, 'on Wednesday', 0));
  });

  test('an occurrence on a quote that is not there still fails as not found', () => {
    expect(expectError(locateQuote(paragraphs, 'on Friday', 1))).toMatch(/not found/);
  });
});

describe('findOccurrences', () => {
  test('lists every occurrence with offsets that slice back to the text', () => {
    const paragraphs = repeatedPhraseParagraphs();
    const found = findOccurrences(paragraphs, 'on  Wednesday');
    expect(found.map((o) => o.paragraph)).toEqual([0, 1, 2, 2]);
    for (const o of found) expect(paragraphs[o.paragraph]!.slice(o.start, o.end)).toBe('on Wednesday');
  });

  test('finds nothing for an empty quote', () => {
    expect(findOccurrences(['anything'], '')).toEqual([]);
  });
});
