import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CATEGORY_IDS, ID_PATTERN } from '../../data/schema.ts';
import type { CalendarDay } from '../time/calendarDay.ts';
import { EMPTY_STATE, MAX_VALUE, parseUrlState, serializeUrlState, type Notice, type UrlState } from './urlState.ts';

const day = (s: string) => s as CalendarDay;
const state = (patch: Partial<UrlState>): UrlState => ({ ...EMPTY_STATE, ...patch });
const LONG = 'x'.repeat(10_000);
/** Seeded, so that a failure replays the same way on every run. */
const PROPERTY_RUNS = { seed: 20220303, numRuns: 400 } as const;

/** A notice is a sentence a reader can take in: a capital, a full stop, and not a wall of text. */
function expectSentences(notices: readonly Notice[]): void {
  for (const { message } of notices) {
    expect(message).toMatch(/^[A-Z“].*\.$/s);
    expect(message.length).toBeLessThan(300);
  }
}

describe('parseUrlState', () => {
  test.each(['', '?', '?&&'])('reads %j as the default state, without notices', (search) => {
    expect(parseUrlState(search)).toEqual({ state: EMPTY_STATE, notices: [] });
  });

  test('reads every parameter of a full link', () => {
    const search = '?event=talks-b&source=second-round-belarus-talks&quote=3&from=2022-03-01&to=2022-03-05&q=Kyiv&cat=military,diplomacy&embed=1';
    expect(parseUrlState(search)).toEqual({
      state: {
        event: 'talks-b', date: null, source: 'second-round-belarus-talks', quote: 3,
        from: day('2022-03-01'), to: day('2022-03-05'), q: 'Kyiv', cat: ['military', 'diplomacy'], embed: true, scale: null, dated: false,
      },
      notices: [],
    });
  });

  test('reads a query string with or without its leading "?"', () => {
    expect(parseUrlState('date=2022-03-05').state).toEqual(parseUrlState('?date=2022-03-05').state);
  });

  test('decodes percent-escapes, and "+" as a space', () => {
    expect(parseUrlState('?q=Ant%C3%B3nio+Guterres%2B%26%3D').state.q).toBe('António Guterres+&=');
    expect(parseUrlState('?%71=kyiv').state.q).toBe('kyiv');
  });

  test('trims the search', () => {
    expect(parseUrlState('?q=%20%20kyiv%20').state.q).toBe('kyiv');
  });

  test('puts the categories in the canonical order and drops duplicates', () => {
    expect(parseUrlState('?cat=international,military,international').state.cat).toEqual(['military', 'international']);
  });

  test.each(['?cat=', '?cat=,', '?cat=international,humanitarian,diplomacy,military'])(
    'reads %j as every category shown',
    (search) => expect(parseUrlState(search)).toEqual({ state: EMPTY_STATE, notices: [] }),
  );

  describe('with an edition’s own categories', () => {
    const BRIDGE = ['works', 'council', 'residents', 'traffic', 'river'];

    test('reads its ids in the edition’s order, and an unknown one (the first edition’s too) with a polite notice', () => {
      const { state: parsed, notices } = parseUrlState('?cat=residents,works,military', BRIDGE);
      expect(parsed.cat).toEqual(['works', 'residents']);
      expect(notices).toEqual([{ param: 'cat', message: 'Ignored the unknown category “military”.' }]);
    });

    test('reads all of them as every category shown, and writes a subset back in its order', () => {
      expect(parseUrlState(`?cat=${[...BRIDGE].reverse().join(',')}`, BRIDGE).state.cat).toBeNull();
      expect(serializeUrlState(state({ cat: ['river', 'council'] }), BRIDGE)).toBe('?cat=council,river');
      expect(serializeUrlState(state({ cat: BRIDGE }), BRIDGE)).toBe('');
    });
  });

  test.each([['?embed', true], ['?embed=1', true], ['?embed=true', true], ['?embed=0', false], ['?embed=false', false]])(
    'reads %j as embed %s',
    (search, embed) => expect(parseUrlState(search)).toEqual({ state: state({ embed }), notices: [] }),
  );

  // Each bad link names what it ignored in a notice, and keeps the rest of the link.
  test.each<[string, string, RegExp, Partial<UrlState>]>([
    ['?date=2022-02-30&q=kyiv', 'date', /“2022-02-30” is not a date/, { date: null, q: 'kyiv' }],
    ['?date=03/03/2022&q=kyiv', 'date', /“03\/03\/2022” is not a date/, { date: null, q: 'kyiv' }],
    ['?date=tomorrow&q=kyiv', 'date', /“tomorrow” is not a date/, { date: null, q: 'kyiv' }],
    ['?event=x&from=2022-03-05&to=2022-03-01&q=kyiv', 'from', /2022-03-05.*2022-03-01/, { event: 'x', q: 'kyiv', from: null, to: null }],
    ['?event=x&from=2022-03-01', 'to', /both “from” and “to”/, { event: 'x', from: null, to: null }],
    ['?to=2022-03-01&q=kyiv', 'from', /both “from” and “to”/, { q: 'kyiv', from: null, to: null }],
    ['?event=x&from=2022-02-30&to=2022-03-05', 'from', /“2022-02-30” is not a date/, { event: 'x', from: null, to: null }],
    ['?event=x&utm_source=newsletter', 'utm_source', /unknown link parameter “utm_source”/, { event: 'x' }],
    ['?event=a&q=kyiv&event=b', 'event', /“event” more than once/, { event: 'a', q: 'kyiv' }],
    ['?q=kyiv&q=kharkiv', 'q', /“q” more than once/, { q: 'kyiv' }],
    ['?event=%E0%A4%A&q=kyiv', 'event', /is not a valid id/, { event: null, q: 'kyiv' }],
    ['?%E0%A4%A=1&event=x', '%E0%A4%A', /unknown link parameter “%E0%A4%A”/, { event: 'x' }],
    ['?event=__proto__&q=kyiv', 'event', /“__proto__” is not a valid id/, { event: null, q: 'kyiv' }],
    ['?event=<script>&q=kyiv', 'event', /“<script>” is not a valid id/, { event: null, q: 'kyiv' }],
    ['?event=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'event', /is not a valid id/, { event: null }],
    ['?event=x&source=..%2Fetc%2Fpasswd', 'source', /is not a valid id/, { event: 'x', source: null }],
    ['?source=art&quote=0', 'quote', /not a quote number/, { source: 'art', quote: null }],
    ['?source=art&quote=-1', 'quote', /not a quote number/, { source: 'art', quote: null }],
    ['?source=art&quote=two', 'quote', /not a quote number/, { source: 'art', quote: null }],
    ['?source=art&quote=1.5', 'quote', /not a quote number/, { source: 'art', quote: null }],
    ['?source=art&quote=10000', 'quote', /not a quote number/, { source: 'art', quote: null }],
    ['?event=x&quote=2', 'quote', /needs a source/, { event: 'x', quote: null }],
    ['?cat=military,weather&q=kyiv', 'cat', /unknown category “weather”/, { cat: ['military'], q: 'kyiv' }],
    ['?embed=yes&q=kyiv', 'embed', /“yes” is not 1 or 0/, { embed: false, q: 'kyiv' }],
    ['?event=x&date=2022-03-05', 'date', /both an event and a date/, { event: 'x', date: null }],
  ])('%s gives a notice about “%s” and keeps the rest', (search, param, message, kept) => {
    const { state: parsed, notices } = parseUrlState(search);
    expect(notices.find((n) => n.param === param)?.message).toMatch(message);
    expect(parsed).toMatchObject(kept);
    expectSentences(notices);
  });

  // The spec asks for a notice for odd percent-encoding too; a search is the one
  // place it is kept silently (as the literal text "%E0%A4%A", which matches nothing).
  test('a search with a broken percent-escape gives a notice', () => {
    const { state: parsed, notices } = parseUrlState('?q=%E0%A4%A&event=x');
    expect(parsed.event).toBe('x');
    expect(notices.map((n) => n.param)).toContain('q');
  });

  test.each(['event', 'source', 'date', 'from', 'to', 'quote', 'cat'])(
    'ignores a 10,000-character “%s” with a notice and never writes it back',
    (param) => {
      const { state: parsed, notices } = parseUrlState(`?${param}=${LONG}&q=kyiv&embed=1`);
      expect(notices.find((n) => n.param === param)?.message).toMatch(/too long \(10000 characters\)/);
      expect(parsed).toMatchObject({ q: 'kyiv', embed: true });
      expectSentences(notices);
      const url = serializeUrlState(parsed);
      expect(url).toBe('?q=kyiv&embed=1');
    },
  );

  test('ignores a 10,000-character search with a notice, keeps the rest, and writes none of it back', () => {
    const { state: parsed, notices } = parseUrlState(`?q=${'k'.repeat(10_000)}&event=x`);
    expect(notices).toEqual([{ param: 'q', message: 'Ignored “q”: its value is too long (10000 characters).' }]);
    expect(parsed).toMatchObject({ event: 'x', q: '' });
    expect(serializeUrlState(parsed)).toBe('?event=x');
  });

  test('keeps the notice about a 10,000-character unknown parameter short', () => {
    const { state: parsed, notices } = parseUrlState(`?${LONG}=${LONG}&event=x`);
    expect(parsed.event).toBe('x');
    expect(notices).toHaveLength(1);
    expectSentences(notices);
    expect(serializeUrlState(parsed)).toBe('?event=x');
  });

  // A search cut at the limit can end in the first half of a surrogate pair (an emoji),
  // which encodeURIComponent refuses: the viewer would throw writing the canonical URL.
  test('a search state cut at the limit inside an emoji still serialises and parses back', () => {
    const parsed = state({ q: `${'a'.repeat(MAX_VALUE - 1)}😀${'b'.repeat(50)}` });
    let url = '';
    expect(() => { url = serializeUrlState(parsed); }).not.toThrow();
    const back = parseUrlState(url);
    expect(back.notices).toEqual([]);
    expect(back.state.q.startsWith('a'.repeat(MAX_VALUE - 1))).toBe(true);
  });

  test('names like __proto__ and constructor pollute neither the state nor Object.prototype', () => {
    const { state: parsed, notices } = parseUrlState('?__proto__=polluted&constructor=polluted&source=constructor&q=__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(EMPTY_STATE).sort());
    expect(parsed).toEqual(state({ source: 'constructor', q: '__proto__' }));
    expect(notices.map((n) => n.param)).toEqual(['__proto__', 'constructor']);
  });
});

describe('serializeUrlState', () => {
  test('writes the default state as an empty string', () => {
    expect(serializeUrlState(EMPTY_STATE)).toBe('');
  });

  test('writes every parameter in the canonical order', () => {
    expect(serializeUrlState(state({
      embed: true, cat: ['diplomacy', 'military'], q: 'kyiv', to: day('2022-03-05'), from: day('2022-03-01'),
      quote: 2, source: 'art-1', event: 'talks-a',
    }))).toBe('?event=talks-a&source=art-1&quote=2&from=2022-03-01&to=2022-03-05&q=kyiv&cat=military,diplomacy&embed=1');
  });

  test('writes the same URL whatever the order of the link it was read from', () => {
    const canonical = '?date=2022-03-05&source=art-1&quote=2&from=2022-03-01&to=2022-03-05&q=kyiv&cat=military,diplomacy&embed=1';
    const shuffled = '?embed=1&cat=diplomacy,military&q=kyiv&to=2022-03-05&quote=2&from=2022-03-01&source=art-1&date=2022-03-05';
    expect(serializeUrlState(parseUrlState(shuffled).state)).toBe(canonical);
  });

  test.each<[string, Partial<UrlState>]>([
    ['a blank search', { q: '   ' }],
    ['every category', { cat: [...DEFAULT_CATEGORY_IDS].reverse() }],
    ['embed off', { embed: false }],
    ['a quote without a source', { quote: 2 }],
    ['half a window', { from: day('2022-03-01') }],
  ])('leaves out %s', (_, patch) => {
    expect(serializeUrlState(state(patch))).toBe('');
  });

  test('writes the event and not the date when a state has both', () => {
    expect(serializeUrlState(state({ event: 'talks-a', date: day('2022-03-05') }))).toBe('?event=talks-a');
  });

  test('keeps the commas between categories readable and escapes the rest', () => {
    expect(serializeUrlState(state({ q: 'a&b=c%d+e f,g#h?', cat: ['military', 'humanitarian'] })))
      .toBe('?q=a%26b%3Dc%25d%2Be%20f,g%23h%3F&cat=military,humanitarian');
  });

  test.each<[string, Partial<UrlState>]>([
    ['a selected event with a marked quote', { event: 'humanitarian-corridor-agreed', source: 'second-round-belarus-talks', quote: 3 }],
    ['a day', { date: day('2022-03-05') }],
    ['a window with a search and two categories', { from: day('2022-02-24'), to: day('2022-03-10'), q: 'Kyiv & Kharkiv', cat: ['military', 'diplomacy'] }],
    ['an embedded search with accents', { q: 'António Guterres', embed: true }],
    ['an open source without a quote', { event: 'x', source: 'antalya-ministers-meet' }],
  ])('round-trips %s', (_, patch) => {
    const original = state(patch);
    expect(parseUrlState(serializeUrlState(original))).toEqual({ state: original, notices: [] });
  });
});

describe('parse and serialise, for any input', () => {
  const idArb = fc.stringMatching(ID_PATTERN, { size: 'small' });
  const dayArb = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((d) => day(d.toISOString().slice(0, 10)));
  const URLISH = ['%', '&', '=', '?', '+', '#', ',', ' ', '%E0%A4%A', '%25', '%2C', '%20', '%F0%9F%98%80', 'é', 'António', 'Київ', '😀', '\u0301'];
  const qArb = fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.array(fc.constantFrom(...URLISH), { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme-ascii', minLength: MAX_VALUE, maxLength: MAX_VALUE }),
    )
    .map((s) => s.trim())
    .filter((s) => s.length <= MAX_VALUE);
  const stateArb: fc.Arbitrary<UrlState> = fc
    .record({
      selection: fc.oneof(
        fc.constant({ event: null, date: null }),
        idArb.map((event) => ({ event, date: null })),
        dayArb.map((date) => ({ event: null, date })),
      ),
      reader: fc.oneof(
        fc.constant({ source: null, quote: null }),
        fc.record({ source: idArb, quote: fc.option(fc.integer({ min: 1, max: 9999 }), { nil: null }) }),
      ),
      window: fc.oneof(
        fc.constant({ from: null, to: null }),
        fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
      ),
      q: qArb,
      cat: fc.option(fc.subarray([...DEFAULT_CATEGORY_IDS], { minLength: 1, maxLength: DEFAULT_CATEGORY_IDS.length - 1 }), { nil: null }),
      embed: fc.boolean(),
      dated: fc.boolean(),
      scale: fc.constantFrom('time' as const, null),
    })
    .map(({ selection, reader, window, ...rest }) => ({ ...selection, ...reader, ...window, ...rest }));

  /** Links assembled from parameter names (known, unknown, hostile) and awkward values. */
  const NAMES = ['event', 'date', 'source', 'quote', 'from', 'to', 'q', 'cat', 'embed', 'dated', 'scale', 'utm_source', '__proto__', 'constructor', '', 'Q', '%71'];
  const valueArb = fc.oneof(
    idArb,
    dayArb,
    fc.constantFrom('1', '0', '2022-02-30', '03/03/2022', 'tomorrow', 'military,weather', '<script>', '__proto__', '%E0%A4%A', ''),
    fc.array(fc.constantFrom(...URLISH), { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const linkArb = fc
    .array(fc.tuple(fc.constantFrom(...NAMES), fc.option(valueArb, { nil: undefined })), { maxLength: 12 })
    .map((pairs) => `?${pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')}`);
  /** Well-formed strings: what a browser can hand over as location.search. */
  const wellFormedInputArb = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.array(fc.constantFrom(...URLISH, 'event', 'q', 'cat', 'from', 'to', '2022-03-05'), { maxLength: 40 }).map((p) => p.join('')),
    linkArb,
  );

  test('any valid state serialises to a URL that parses back to it, without notices', () => {
    fc.assert(fc.property(stateArb, (original) => {
      expect(parseUrlState(serializeUrlState(original))).toEqual({ state: original, notices: [] });
    }), PROPERTY_RUNS);
  });

  test('the URL of a valid state does not depend on the order of its parameters', () => {
    const shuffledArb = stateArb.chain((original) => {
      const parts = serializeUrlState(original).slice(1).split('&').filter(Boolean);
      return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }).map((shuffled) => ({ original, shuffled }));
    });
    fc.assert(fc.property(shuffledArb, ({ original, shuffled }) => {
      expect(serializeUrlState(parseUrlState(`?${shuffled.join('&')}`).state)).toBe(serializeUrlState(original));
    }), PROPERTY_RUNS);
  });

  test('no input string makes parseUrlState throw', () => {
    const anyInputArb = fc.oneof(wellFormedInputArb, fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `?q=${s}`));
    fc.assert(fc.property(anyInputArb, (search) => {
      const { notices } = parseUrlState(search);
      expect(Array.isArray(notices)).toBe(true);
    }), PROPERTY_RUNS);
  });

  test('parse, serialise, parse gives the first state again, with no new notices', () => {
    fc.assert(fc.property(wellFormedInputArb, (search) => {
      const first = parseUrlState(search);
      expectSentences(first.notices);
      expect(parseUrlState(serializeUrlState(first.state))).toEqual({ state: first.state, notices: [] });
    }), PROPERTY_RUNS);
  });
});

describe('scale and dated', () => {
  test('a link keeps the time scale and the "only dated" filter; the story scale is the default', () => {
    expect(parseUrlState('?scale=time&dated=1').state).toMatchObject({ scale: 'time', dated: true });
    expect(parseUrlState('?scale=story').state.scale).toBeNull();
    expect(serializeUrlState({ ...EMPTY_STATE, scale: 'time', dated: true })).toBe('?dated=1&scale=time');
    expect(serializeUrlState({ ...EMPTY_STATE, scale: 'story' })).toBe('');
  });
  test('a bad scale or dated value is ignored with a notice', () => {
    const { state, notices } = parseUrlState('?scale=log&dated=maybe');
    expect(state).toMatchObject({ scale: null, dated: false });
    expect(notices.map((n) => n.param)).toEqual(['dated', 'scale']);
  });
});
