import { afterEach, describe, expect, test } from 'vitest';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { findDateExpressions, latestWeekdayOnOrBefore, resolveCounted, resolvePhrase, type ResolveResult } from './resolveDate.ts';
import { inEveryZone } from '../tests/inEveryZone.ts';

const day = (s: string) => s as CalendarDay;

/** Zones far from UTC on both sides, and ones with a DST change near the articles' days. */
const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'America/St_Johns'];
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs `fn` with the process in each time zone; Node applies a change of TZ at once. */
function inEachTimeZone(fn: (tz: string) => void): void {
  const offsets = new Set<number>();
  for (const tz of TIME_ZONES) {
    process.env.TZ = tz;
    offsets.add(new Date(2022, 2, 3, 12).getTimezoneOffset());
    fn(tz);
  }
  // Guards against a runtime that ignores TZ changes, which would make the loop prove nothing.
  expect(offsets.size).toBeGreaterThan(4);
}

function expectDay(result: ResolveResult): string {
  if (!result.ok) throw new Error(`expected a day, got: ${result.error}`);
  return result.day;
}

function expectError(result: ResolveResult): string {
  if (result.ok) throw new Error(`expected an error, got ${result.day}`);
  return result.error;
}

inEveryZone(() => {
  describe('resolvePhrase, explicit', () => {
    test('“on March 3” with reference 2022-03-03 is 2022-03-03', () => {
      expect(expectDay(resolvePhrase('on March 3', 'explicit', day('2022-03-03')))).toBe('2022-03-03');
    });

    test('“February 24” takes its year from the reference 2022-03-10', () => {
      expect(expectDay(resolvePhrase('February 24', 'explicit', day('2022-03-10')))).toBe('2022-02-24');
    });

    test('a day and month just before the new year takes the reference’s previous year', () => {
      expect(expectDay(resolvePhrase('on December 30', 'explicit', day('2022-01-02')))).toBe('2021-12-30');
    });

    test('a weekday with its date is explicit', () => {
      expect(expectDay(resolvePhrase('on Thursday, March 10', 'explicit', day('2022-03-10')))).toBe('2022-03-10');
    });

    test('a relative phrase declared explicit fails and says it is relative', () => {
      expect(expectError(resolvePhrase('On Wednesday', 'explicit', day('2022-03-10')))).toMatch(/relative/);
    });

    test('a month without a day is not explicit', () => {
      expectError(resolvePhrase('in March', 'explicit', day('2022-03-10')));
    });
  });

  describe('resolvePhrase, relative', () => {
    const thursday = day('2022-03-10');

    test('the reference 2022-03-10 is a Thursday', () => {
      expect(new Date(Date.UTC(2022, 2, 10)).getUTCDay()).toBe(4);
    });

    test('“On Wednesday” from Thursday 2022-03-10 is the day before, 2022-03-09', () => {
      expect(expectDay(resolvePhrase('On Wednesday', 'relative', thursday))).toBe('2022-03-09');
    });

    test('“On Thursday” from Thursday 2022-03-10 is that same day', () => {
      expect(expectDay(resolvePhrase('On Thursday', 'relative', thursday))).toBe('2022-03-10');
    });

    test('a lower-case weekday inside a sentence resolves the same way', () => {
      expect(expectDay(resolvePhrase('bombed a children’s hospital on Wednesday', 'relative', thursday))).toBe('2022-03-09');
    });

    test('an explicit phrase declared relative fails and says it is explicit', () => {
      expect(expectError(resolvePhrase('on March 3', 'relative', day('2022-03-03')))).toMatch(/explicit/);
    });
  });

  describe('resolvePhrase, failures', () => {
    test('a phrase with no date in it fails', () => {
      for (const kind of ['explicit', 'relative'] as const) {
        expect(expectError(resolvePhrase('the talks ended without a truce', kind, day('2022-03-03')))).toMatch(/no date/);
      }
    });

    test('a phrase with two dates in it fails', () => {
      expect(expectError(resolvePhrase('on March 3 and on March 4', 'explicit', day('2022-03-03')))).toMatch(/2 dates/);
    });
  });

  describe('resolveCounted', () => {
    const invasion = day('2022-02-24');

    test('“8 days of fighting” counted inclusively from 2022-02-24 (day 1) ends on 2022-03-03', () => {
      expect(expectDay(resolveCounted('8 days of fighting', invasion, 8, true))).toBe('2022-03-03');
    });

    test('“8 days of fighting” counted exclusively from 2022-02-24 ends on 2022-03-04', () => {
      expect(expectDay(resolveCounted('8 days of fighting', invasion, 8, false))).toBe('2022-03-04');
    });

    test('a count in words or as an ordinal is read too', () => {
      expect(expectDay(resolveCounted('eight days of war', invasion, 8, true))).toBe('2022-03-03');
      expect(expectDay(resolveCounted('For the tenth day the city is under a blockade', day('2022-03-01'), 10, true))).toBe('2022-03-10');
    });

    test('counts across the end of February in a leap year', () => {
      expect(expectDay(resolveCounted('3 days', day('2024-02-28'), 3, false))).toBe('2024-03-02');
    });

    test('a count the phrase does not state fails, naming the count', () => {
      expect(expectError(resolveCounted('8 days of fighting', invasion, 9, true))).toContain('9');
      expectError(resolveCounted('18 days of fighting', invasion, 8, true));
      expectError(resolveCounted('days of fighting', invasion, 8, true));
    });
  });

  describe('resolving dates in any time zone', () => {
    test('the same phrases give the same days in every zone', () => {
      inEachTimeZone((tz) => {
        const got = {
          tz,
          march3: expectDay(resolvePhrase('on March 3', 'explicit', day('2022-03-03'))),
          feb24: expectDay(resolvePhrase('February 24', 'explicit', day('2022-03-10'))),
          wednesday: expectDay(resolvePhrase('On Wednesday', 'relative', day('2022-03-10'))),
          thursday: expectDay(resolvePhrase('On Thursday', 'relative', day('2022-03-10'))),
          // 2022-03-13 is the day US clocks go forward.
          sundayDst: expectDay(resolvePhrase('on Sunday', 'relative', day('2022-03-13'))),
          inclusive: expectDay(resolveCounted('8 days of fighting', day('2022-02-24'), 8, true)),
          exclusive: expectDay(resolveCounted('8 days of fighting', day('2022-02-24'), 8, false)),
        };
        expect(got).toEqual({
          tz, march3: '2022-03-03', feb24: '2022-02-24', wednesday: '2022-03-09', thursday: '2022-03-10',
          sundayDst: '2022-03-13', inclusive: '2022-03-03', exclusive: '2022-03-04',
        });
      });
    });
  });

  describe('findDateExpressions', () => {
    test('lists each date expression with its offset in the paragraph and its day', () => {
      const text = 'Talks were held on March 3; a hospital was bombed on Wednesday.';
      const found = findDateExpressions(text, day('2022-03-10'));
      expect(found.map((f) => f.day)).toEqual(['2022-03-03', '2022-03-09']);
      for (const f of found) expect(text.slice(f.index, f.index + f.text.length)).toBe(f.text);
      expect(found[0]!.text).toContain('March 3');
      expect(found[1]!.text).toContain('Wednesday');
    });

    test('a bare weekday is the one on or before publication, as the build resolves it (never a day after)', () => {
      // Friday 10 May 2024: "on Monday" is 6 May, not the Monday after; "on Friday" is the day itself.
      const found = findDateExpressions('Engineers found cracks on Monday, officials said on Friday.', day('2024-05-10'));
      expect(found.map((f) => f.day)).toEqual(['2024-05-06', '2024-05-10']);
    });

    test('finds nothing in a paragraph without dates', () => {
      expect(findDateExpressions('Military allegations cannot be independently verified.', day('2022-03-10'))).toEqual([]);
    });
  });

  describe('a weekday is the most recent such day on or before publication', () => {
    test('“on Wednesday” from Monday 2022-03-07 is the Wednesday before, 2022-03-02, never the one after', () => {
      expect(expectDay(resolvePhrase('on Wednesday', 'relative', day('2022-03-07')))).toBe('2022-03-02');
    });

    test('every weekday from Thursday 2022-03-03 falls on or before it, within the week', () => {
      const days = ['Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday']
        .map((name) => expectDay(resolvePhrase(`on ${name}`, 'relative', day('2022-03-03'))));
      expect(days).toEqual(['2022-02-25', '2022-02-26', '2022-02-27', '2022-02-28', '2022-03-01', '2022-03-02', '2022-03-03']);
    });

    test('the same in every time zone', () => {
      inEachTimeZone(() => {
        expect(expectDay(resolvePhrase('on Saturday', 'relative', day('2022-03-07')))).toBe('2022-03-05');
      });
    });

    test('“next Wednesday” keeps its forward reading, for the build to check against publication', () => {
      expect(expectDay(resolvePhrase('next Wednesday', 'relative', day('2022-03-07')))).toBe('2022-03-16');
    });

    test('latestWeekdayOnOrBefore counts back 0 to 6 days', () => {
      expect(latestWeekdayOnOrBefore(day('2022-03-03'), 4)).toBe('2022-03-03');
      expect(latestWeekdayOnOrBefore(day('2022-03-03'), 5)).toBe('2022-02-25');
    });
  });
});
