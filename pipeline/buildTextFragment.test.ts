import { describe, expect, test } from 'vitest';
import { buildTextFragment, encodeFragmentPart, findFragmentMatches, formatTextFragment } from './buildTextFragment.ts';
import { locateQuote, type Location } from './locateQuote.ts';

const URL_BASE = 'https://news.example.org/story';
const PARAGRAPHS = [
  'The delegations met on Thursday. After the talks ended, both sides agreed on a humanitarian corridor.',
  '“We will continue to discuss a ceasefire,” he added.',
  'The delegations met on Thursday. The delegations met again in the evening.',
];

function at(quote: string, occurrence?: number): Location {
  const found = locateQuote(PARAGRAPHS, quote, occurrence);
  if (!found.ok) throw new Error(found.error);
  return found.location;
}

function fragmentOf(quote: string, occurrence?: number): string {
  const result = buildTextFragment(URL_BASE, PARAGRAPHS, at(quote, occurrence));
  if (!result.ok) throw new Error(result.error);
  return result.url;
}

/** The parts of a `#:~:text=` directive, decoded. */
function parts(url: string) {
  const directive = url.split('#:~:text=')[1]!;
  const raw = directive.split(',');
  const prefix = raw[0]!.endsWith('-') ? decodeURIComponent(raw.shift()!.slice(0, -1)) : '';
  const suffix = raw.at(-1)!.startsWith('-') ? decodeURIComponent(raw.pop()!.slice(1)) : '';
  return { prefix, start: decodeURIComponent(raw[0]!), end: raw[1] ? decodeURIComponent(raw[1]) : '', suffix };
}

describe('encodeFragmentPart and formatTextFragment', () => {
  test('percent-encodes the characters a text directive uses: - , &', () => {
    expect(encodeFragmentPart('Russia – Ukraine, MiG-29 & more')).toBe('Russia%20%E2%80%93%20Ukraine%2C%20MiG%2D29%20%26%20more');
  });

  test('writes prefix-, start, end and -suffix, leaving empty parts out, replacing any fragment of the url', () => {
    expect(formatTextFragment(`${URL_BASE}#top`, { prefix: 'a-b', start: 'c', end: 'd', suffix: 'e' })).toBe(`${URL_BASE}#:~:text=a%2Db-,c,d,-e`);
    expect(formatTextFragment(URL_BASE, { prefix: '', start: 'c', end: '', suffix: '' })).toBe(`${URL_BASE}#:~:text=c`);
  });
});

describe('buildTextFragment', () => {
  test('a long quote: its first and last words, with the words around it', () => {
    const url = fragmentOf('After the talks ended, both sides agreed on a humanitarian corridor.');
    expect(url.startsWith(`${URL_BASE}#:~:text=`)).toBe(true);
    expect(parts(url)).toEqual({ prefix: 'Thursday.', start: 'After the talks', end: 'a humanitarian corridor.', suffix: '' });
  });

  test('a quote whose words occur elsewhere is lengthened until only its passage matches', () => {
    const text = PARAGRAPHS.join('\n\n');
    for (const [quote, occurrence] of [['The delegations met on Thursday.', 2], ['The delegations met on Thursday.', 1], ['The delegations met again in the evening.', undefined]] as const) {
      const location = at(quote, occurrence);
      const offset = PARAGRAPHS.slice(0, location.paragraph).reduce((n, p) => n + p.length + 2, 0);
      const matches = findFragmentMatches(text, parts(fragmentOf(quote, occurrence)));
      expect(matches).toEqual([{ start: offset + location.start, end: offset + location.end }]);
    }
  });

  test('the directive of a short quote is the whole quote', () => {
    expect(parts(fragmentOf('he added.'))).toEqual({ prefix: 'ceasefire,”', start: 'he added.', end: '', suffix: '' });
  });

  test('fails when no fragment can tell the quote from an identical passage', () => {
    const twice = ['Talks went on.', 'Talks went on.'];
    const location = locateQuote(twice, 'Talks went on.', 2);
    if (!location.ok) throw new Error(location.error);
    expect(buildTextFragment(URL_BASE, twice, location.location)).toMatchObject({ ok: false });
  });
});

describe('findFragmentMatches', () => {
  test('matches case-insensitively, on word boundaries, with the prefix right before the start', () => {
    const text = 'the talks ended. Talks ended again. Stalks ended.';
    expect(findFragmentMatches(text, { prefix: '', start: 'talks ended', end: '', suffix: '' })).toHaveLength(2);
    expect(findFragmentMatches(text, { prefix: 'ended.', start: 'talks ended', end: '', suffix: '' })).toEqual([{ start: 17, end: 28 }]);
  });
});
