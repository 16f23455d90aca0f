import { describe, expect, test } from 'vitest';
import { locateSpeaker } from './locateSpeaker.ts';

const PARAGRAPHS = [
  'Mykhailo Podolyak said the talks would go on.',
  '“We will continue,” he added.',
  'Later, Mykhailo Podolyak said more.',
  '“Nothing is agreed,” he added.',
];

describe('locateSpeaker', () => {
  test('takes the occurrence nearest before the quote', () => {
    const result = locateSpeaker(PARAGRAPHS, 'Mykhailo Podolyak said', { paragraph: 3, start: 0 });
    expect(result).toEqual({ ok: true, at: { paragraph: 2, start: 7, end: 29, text: 'Mykhailo Podolyak said' } });
    expect(locateSpeaker(PARAGRAPHS, 'Mykhailo Podolyak said', { paragraph: 1, start: 0 })).toMatchObject({ ok: true, at: { paragraph: 0, start: 0 } });
  });

  test('takes the only occurrence even when it follows the quote', () => {
    expect(locateSpeaker(PARAGRAPHS, 'said more', { paragraph: 1, start: 0 })).toMatchObject({ ok: true, at: { paragraph: 2 } });
  });

  test('white space may differ, as in quotes', () => {
    expect(locateSpeaker(PARAGRAPHS, 'Mykhailo\n  Podolyak said', { paragraph: 1, start: 0 })).toMatchObject({ ok: true, at: { paragraph: 0 } });
  });

  test('fails when the words are not in the article, or only occur several times after the quote', () => {
    expect(locateSpeaker(PARAGRAPHS, 'Volodymyr Zelensky said', { paragraph: 1, start: 0 })).toEqual({
      ok: false, error: 'not found verbatim in the quote\'s article (only white space may differ): "Volodymyr Zelensky said"',
    });
    expect(locateSpeaker(PARAGRAPHS, 'he added', { paragraph: 0, start: 0 })).toMatchObject({ ok: false, error: expect.stringContaining('occurs 2 times') });
  });
});
