import { describe, expect, test } from 'vitest';
import { describeUnsupported, findUnsupportedClaims } from './checkClaims.ts';

const QUOTES = [
  'Turkey sponsored Thursday’s discussions between Russian Foreign Minister Sergei Lavrov and his Ukrainian counterpart Dmytro Kuleba',
  'The Pentagon rejected a plan to send MiG-29 jets; 2,000 people left, and 2.1 million fled in eight days.',
];
const claims = (text: string, support: string[] = QUOTES) => findUnsupportedClaims(text, support);

describe('findUnsupportedClaims: names', () => {
  test('a name the quotes lack is reported, one the quotes carry is not', () => {
    expect(claims('Ukrainian Foreign Minister Dmytro Kuleba meets Lavrov in Antalya')).toEqual(['Antalya']);
  });

  test('case, possessives and plurals are tolerated', () => {
    expect(claims('Lavrov’s talks; the Pentagon’s jets; Kuleba\'s counterpart; the Turkeys; the pentagon')).toEqual([]);
  });

  test('a hyphenated name is carried whole or by its parts (MiG-29s)', () => {
    expect(claims('The Pentagon turns down MiG-29s')).toEqual([]);
    expect(claims('The Pentagon turns down MiG-31s')).toEqual(['MiG-31s']);
  });

  test('a sentence’s first word is a claim unless it is a function word', () => {
    expect(claims('The talks. After them, it ends. With jets. Its end.')).toEqual([]);
    expect(claims('Talks end. Later, jets.')).toEqual(['Talks', 'Later']);
  });

  test('a capitalised function word inside a sentence is still a claim', () => {
    expect(claims('jets For Kuleba')).toEqual(['For']);
  });
});

describe('findUnsupportedClaims: numbers', () => {
  test('digits with separators and decimals are read as numbers', () => {
    expect(claims('2,000 people left; 2.1 million fled')).toEqual([]);
    expect(claims('3,000 people left; 2.2 million fled')).toEqual(['3,000', '2.2 million']);
  });

  test('“8” and “eight” are the same number, either way round', () => {
    expect(claims('fled in 8 days')).toEqual([]);
    expect(claims('two thousand people left', QUOTES)).toEqual([]);
    expect(claims('Eight days', ['it lasted 8 days'])).toEqual([]);
    expect(claims('nine days')).toEqual(['nine']);
  });

  test('number words up to twenty, the tens and the scales are numbers; compound ones are joined', () => {
    expect(claims('twenty-five jets', ['25 jets'])).toEqual([]);
    expect(claims('ninety jets', ['90 jets'])).toEqual([]);
    expect(claims('twenty-five jets', ['20 jets'])).toEqual(['twenty-five']);
    expect(claims('a hundred jets', ['100 jets'])).toEqual([]);
  });
});

describe('findUnsupportedClaims: quoted phrases', () => {
  test('a phrase in “curly” or "straight" quotation marks must occur as a whole', () => {
    expect(claims('Lavrov speaks of “Thursday’s discussions”')).toEqual([]);
    expect(claims('Lavrov speaks of "Thursday’s discussions"')).toEqual([]);
    expect(claims('Lavrov speaks of “the Thursday discussions”')).toEqual(['“the Thursday discussions”']);
  });

  test('the words of an unsupported phrase are reported once, as the phrase', () => {
    expect(claims('Kuleba says “Antalya was hard”')).toEqual(['“Antalya was hard”']);
  });
});

describe('findUnsupportedClaims: speakers and allowed words', () => {
  test('the support may be a speaker’s words or an allowed word', () => {
    expect(claims('Podolyak says Ukraine will talk', ['we will talk', 'Mykhailo Podolyak said', 'Ukraine'])).toEqual([]);
  });

  test('each unsupported word is listed once, in order', () => {
    expect(claims('Antalya, Antalya and Dmytro; Zelensky')).toEqual(['Antalya', 'Zelensky']);
  });
});

describe('describeUnsupported', () => {
  test('lists the words and says what to do', () => {
    expect(describeUnsupported(['Dmytro', 'Antalya'])).toBe(
      '"Dmytro", "Antalya" do not occur in the event\'s quotes; quote the words or list them under allow: with a reason');
    expect(describeUnsupported(['“a breakthrough”'])).toMatch(/^“a breakthrough” does not occur/);
  });
});
