import { describe, expect, test } from 'vitest';
import type { DateEvidence } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { boundsOf, checkEdtf, formatEdtf } from './dateBounds.ts';

const day = (s: string) => s as CalendarDay;
const at = { article: 'talks', paragraph: 0, start: 0, end: 5, phrase: 'words' };
const EVIDENCE: Record<DateEvidence['kind'], DateEvidence> = {
  explicit: { kind: 'explicit', ...at, resolved: day('2022-03-03') },
  relative: { kind: 'relative', ...at, reference: day('2022-03-03'), resolved: day('2022-03-03') },
  counted: { kind: 'counted', ...at, from: day('2022-02-24'), count: 8, inclusive: true, resolved: day('2022-03-03') },
  range: { kind: 'range', ...at, earliest: day('2022-02-24'), latest: day('2022-03-03'), resolved: day('2022-03-03') },
  undated: { kind: 'undated', article: 'talks', placement: 'test', resolved: day('2022-03-03') },
};

describe('boundsOf and formatEdtf, for each kind of evidence', () => {
  test.each(['explicit', 'relative', 'counted'] as const)('%s: dated to the day', (kind) => {
    const bounds = boundsOf(day('2022-03-03'), undefined, EVIDENCE[kind]);
    expect(bounds).toEqual({ certainty: 'day', earliest: '2022-03-03', latest: '2022-03-03' });
    expect(formatEdtf(bounds)).toBe('2022-03-03');
  });

  test('a span of days is an EDTF interval', () => {
    const bounds = boundsOf(day('2022-03-03'), day('2022-03-04'), EVIDENCE.explicit);
    expect(bounds).toEqual({ certainty: 'day', earliest: '2022-03-03', latest: '2022-03-04' });
    expect(formatEdtf(bounds)).toBe('2022-03-03/2022-03-04');
  });

  test('range: its bounds, as an interval', () => {
    const bounds = boundsOf(day('2022-03-03'), undefined, EVIDENCE.range);
    expect(bounds).toEqual({ certainty: 'range', earliest: '2022-02-24', latest: '2022-03-03' });
    expect(formatEdtf(bounds)).toBe('2022-02-24/2022-03-03');
  });

  test('an open range (“earlier”) has an open start', () => {
    const bounds = boundsOf(day('2022-03-03'), undefined, { ...EVIDENCE.range, earliest: null } as DateEvidence);
    expect(bounds).toEqual({ certainty: 'range', earliest: null, latest: '2022-03-03' });
    expect(formatEdtf(bounds)).toBe('../2022-03-03');
  });

  test('undated: reported, on or before the day', () => {
    const bounds = boundsOf(day('2022-03-03'), undefined, EVIDENCE.undated);
    expect(bounds).toEqual({ certainty: 'reported', earliest: null, latest: '2022-03-03' });
    expect(formatEdtf(bounds)).toBe('../2022-03-03');
  });
});

describe('checkEdtf', () => {
  const dayBounds = { earliest: day('2022-03-03'), latest: day('2022-03-03') };

  test('accepts every EDTF string that formatEdtf writes', () => {
    for (const bounds of [dayBounds, { earliest: day('2022-02-24'), latest: day('2022-03-03') }, { earliest: null, latest: day('2022-03-03') }]) {
      expect(checkEdtf(formatEdtf(bounds), bounds)).toBeNull();
    }
  });

  test('accepts another spelling of the same bounds: a whole month', () => {
    expect(checkEdtf('2022-03', { earliest: day('2022-03-01'), latest: day('2022-03-31') })).toBeNull();
  });

  test('refuses a value that does not match, saying both', () => {
    expect(checkEdtf('2022-03-02', dayBounds)).toBe(
      '"2022-03-02" covers 2022-03-02 to 2022-03-02, but the date\'s bounds are 2022-03-03 to 2022-03-03 ("2022-03-03")');
    expect(checkEdtf('2022-03', dayBounds)).toMatch(/covers 2022-03-01 to 2022-03-31/);
    expect(checkEdtf('2022-03-03', { earliest: null, latest: day('2022-03-03') })).toMatch(/bounds are open to 2022-03-03/);
    expect(checkEdtf('/2022-03-03', { earliest: null, latest: day('2022-03-03') })).toMatch(/covers unknown to 2022-03-03/);
  });

  test('refuses what is not EDTF', () => {
    expect(checkEdtf('3 March 2022', dayBounds)).toMatch(/^"3 March 2022" is not valid EDTF/);
    expect(checkEdtf('2022-03-04/2022-03-03', dayBounds)).toMatch(/is not valid EDTF/);
  });

  test('gives the same answers in any time zone', () => {
    const original = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(checkEdtf('2022-02-24/2022-03-03', { earliest: day('2022-02-24'), latest: day('2022-03-03') })).toBeNull();
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
