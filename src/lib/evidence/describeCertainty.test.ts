import { describe, expect, test } from 'vitest';
import type { DateEvidence, TimelineEvent } from '../../data/schema.ts';
import type { CalendarDay } from '../time/calendarDay.ts';
import { boundsOf, certaintyOf, describeCertainty } from './describeCertainty.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const day = (s: string) => s as CalendarDay;
const at = { article: 'a', paragraph: 0, start: 0, end: 5 };
const explicit: DateEvidence = { kind: 'explicit', phrase: 'on March 3', ...at, resolved: day('2022-03-03') };
const undated: DateEvidence = { kind: 'undated', article: 'a', placement: 'Placed on the publication day.', resolved: day('2022-03-03') };
const lastWeek: DateEvidence = {
  kind: 'range', phrase: 'in the last week', ...at, earliest: day('2022-02-24'), latest: day('2022-03-03'), resolved: day('2022-03-03'),
};

type Dated = Pick<TimelineEvent, 'date' | 'end' | 'certainty' | 'earliest' | 'latest' | 'dateEvidence'>;
const event = (over: Partial<Dated> = {}): Dated => ({ date: day('2022-03-03'), dateEvidence: explicit, ...over });

inEveryZone(() => {
  describe('certaintyOf', () => {
    test('an event without a certainty is dated to its day when its words fix the day', () => {
      expect(certaintyOf(event())).toBe('day');
    });

    test('an event without a certainty whose source gives no date is reported', () => {
      expect(certaintyOf(event({ dateEvidence: undated }))).toBe('reported');
    });

    test('an event without a certainty whose words bound the day is a range', () => {
      expect(certaintyOf(event({ dateEvidence: lastWeek }))).toBe('range');
    });

    test('the certainty field wins over what the evidence suggests', () => {
      expect(certaintyOf(event({ dateEvidence: undated, certainty: 'day' }))).toBe('day');
      expect(certaintyOf(event({ certainty: 'reported', latest: day('2022-03-03') }))).toBe('reported');
    });
  });

  describe('boundsOf', () => {
    test('takes the bounds of the event first, then of its range evidence, then its own day', () => {
      expect(boundsOf(event({ certainty: 'range', earliest: day('2022-03-01'), latest: day('2022-03-03') })))
        .toEqual({ earliest: '2022-03-01', latest: '2022-03-03' });
      expect(boundsOf(event({ dateEvidence: lastWeek }))).toEqual({ earliest: '2022-02-24', latest: '2022-03-03' });
      expect(boundsOf(event({ dateEvidence: undated }))).toEqual({ earliest: null, latest: '2022-03-03' });
    });

    test('an explicit null earliest stays open even when the evidence has a start', () => {
      expect(boundsOf(event({ dateEvidence: lastWeek, earliest: null })).earliest).toBeNull();
    });
  });

  describe('describeCertainty', () => {
    test('a day the words fix is written out as a day', () => {
      expect(describeCertainty(event())).toBe('Thu 3 Mar 2022');
    });

    test('a span over several days gives both ends, the year once', () => {
      expect(describeCertainty(event({ date: day('2022-03-01'), end: day('2022-03-03') }))).toBe('from Tue 1 Mar to Thu 3 Mar 2022');
    });

    test('a reported event says the day it was reported by and that the source gives no date', () => {
      expect(describeCertainty(event({ dateEvidence: undated }))).toBe('reported by Thu 3 Mar 2022; the source gives no date');
      expect(describeCertainty(event({ date: day('2022-03-01'), certainty: 'reported', latest: day('2022-03-03') })))
        .toBe('reported by Thu 3 Mar 2022; the source gives no date');
    });

    test('a range says between its bounds', () => {
      expect(describeCertainty(event({ dateEvidence: lastWeek }))).toBe('between Thu 24 Feb and Thu 3 Mar 2022');
    });

    test('a range open at its start says on or before', () => {
      expect(describeCertainty(event({ certainty: 'range', earliest: null, latest: day('2022-03-03') }))).toBe('on or before Thu 3 Mar 2022');
    });

    test('a range across a new year gives each year', () => {
      expect(describeCertainty(event({ date: day('2022-01-02'), certainty: 'range', earliest: day('2021-12-30'), latest: day('2022-01-02') })))
        .toBe('between Thu 30 Dec 2021 and Sun 2 Jan 2022');
    });

    test('a range of one day is that day', () => {
      expect(describeCertainty(event({ certainty: 'range', earliest: day('2022-03-03'), latest: day('2022-03-03') }))).toBe('Thu 3 Mar 2022');
    });
  });
});
