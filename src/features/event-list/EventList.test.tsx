import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import type { CalendarDay } from '../../lib/time/calendarDay.ts';
import { buildDataset, type EventSpec } from '../../../tests/fixtures/datasets.ts';
import { EventList } from './EventList.tsx';

const explicit = (date: string) => ({ kind: 'explicit' as const, phrase: 'on that day', article: 'fixture-article', paragraph: 0, start: 0, end: 5, resolved: date as CalendarDay });

/** Events of the fixture helper, dated to their day unless a test says otherwise. */
function eventsOf(specs: EventSpec[], extra: Record<string, Partial<TimelineEvent>> = {}): TimelineEvent[] {
  return buildDataset(specs).events.map((e) => ({ ...e, dateEvidence: explicit(e.date), ...extra[e.id] }));
}

const week = () => eventsOf([
  { id: 'a', date: '2022-03-01', title: 'Talks begin' },
  { id: 'b', date: '2022-03-01', title: 'Convoy stalls' },
  { id: 'c', date: '2022-03-02', title: 'Port shelled' },
  { id: 'd', date: '2022-03-03', title: 'Ministers meet' },
]);

/** The list with its selection held as the viewer holds it: ↑/↓ select through `onMove`. */
function Harness({ events, initial = null, onMove }: { events: TimelineEvent[]; initial?: string | null; onMove?: (id: string) => void }) {
  const [selected, setSelected] = useState<string | null>(initial);
  return (
    <>
      <button type="button">Before</button>
      <EventList
        events={events}
        selectedId={selected}
        query=""
        onSelect={setSelected}
        onMove={(id) => { onMove?.(id); setSelected(id); }}
        onReset={() => {}}
        dayLink={(day) => `https://example.org/?date=${day}`}
      />
      <button type="button">After</button>
    </>
  );
}

const list = () => screen.getByRole('navigation', { name: 'Events by day' });
const eventButtons = () => within(list()).getAllByRole('button').filter((b) => b.hasAttribute('data-event-id'));
const button = (title: string) => within(list()).getByRole('button', { name: new RegExp(`^${title}`) });

describe('one tab stop', () => {
  test('with nothing selected, only the first event is in the Tab order', () => {
    render(<Harness events={week()} />);
    expect(eventButtons().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
  });

  test('with an event selected, only that event is in the Tab order', () => {
    render(<Harness events={week()} initial="c" />);
    expect(eventButtons().filter((b) => b.tabIndex === 0).map((b) => b.dataset.eventId)).toEqual(['c']);
  });

  test('Tab enters the list on the selected event and the next Tab leaves it', async () => {
    const user = userEvent.setup();
    render(<Harness events={week()} initial="c" />);
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(button('Port shelled')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });
});

describe('arrow keys inside the list', () => {
  test('↓ and ↑ select the next and previous event, and focus follows', async () => {
    const user = userEvent.setup();
    const onMove = vi.fn();
    render(<Harness events={week()} initial="a" onMove={onMove} />);
    button('Talks begin').focus();
    await user.keyboard('{ArrowDown}');
    expect(onMove).toHaveBeenLastCalledWith('b');
    expect(button('Convoy stalls')).toHaveFocus();
    expect(button('Convoy stalls')).toHaveAttribute('aria-current', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(button('Port shelled')).toHaveFocus();
  });

  test('Home and End go to the first and the last event; the ends stop there', async () => {
    const user = userEvent.setup();
    render(<Harness events={week()} initial="b" />);
    button('Convoy stalls').focus();
    await user.keyboard('{End}');
    expect(button('Ministers meet')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(button('Ministers meet')).toHaveFocus();
    await user.keyboard('{Home}{ArrowUp}');
    expect(button('Talks begin')).toHaveFocus();
    expect(button('Talks begin')).toHaveAttribute('aria-current', 'true');
  });

  test('the keys do not scroll the page: their default is prevented', () => {
    render(<Harness events={week()} initial="a" />);
    for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End']) {
      expect(fireEvent.keyDown(button('Talks begin'), { key }), key).toBe(false);
    }
    expect(fireEvent.keyDown(button('Talks begin'), { key: 'ArrowRight' }), 'ArrowRight is left to the page').toBe(true);
  });

  test('in the virtualised list (above 400 events) there is one tab stop and focus follows the selection', async () => {
    const user = userEvent.setup();
    const many = eventsOf(Array.from({ length: 450 }, (_, i) => ({ id: `e${i}`, date: `2022-03-${String(1 + Math.floor(i / 20)).padStart(2, '0')}`, title: `Event number ${i}` })));
    render(<Harness events={many} />);
    const stops = () => eventButtons().filter((b) => b.tabIndex === 0);
    expect(stops().map((b) => b.dataset.eventId)).toEqual(['e0']);
    stops()[0]!.focus();
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-event-id', 'e449');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-event-id', 'e448');
    expect(stops().map((b) => b.dataset.eventId)).toEqual(['e448']);
  });
});

describe('key events and certainty', () => {
  test('a key event keeps its place in the given order (the index leads with it), and its name says it is a key event', () => {
    render(<Harness events={week().map((e) => (e.id === 'b' ? { ...e, key: true } : e))} />);
    expect(eventButtons().map((b) => b.dataset.eventId)).toEqual(['a', 'b', 'c', 'd']);
    expect(button('Convoy stalls')).toHaveAccessibleName('Convoy stalls, key event, Military');
    expect(button('Talks begin')).toHaveAccessibleName('Talks begin, Military');
  });

  test('an event its source does not date says it is reported, and shows a tag', () => {
    const events = eventsOf([{ id: 'r', date: '2022-03-03', title: 'Town taken' }], {
      r: {
        certainty: 'reported', latest: '2022-03-03' as CalendarDay,
        dateEvidence: { kind: 'undated', article: 'fixture-article', placement: 'On the publication day.', resolved: '2022-03-03' as CalendarDay },
      },
    });
    render(<Harness events={events} />);
    expect(button('Town taken')).toHaveAccessibleName('Town taken, Military, reported by Thu 3 Mar 2022; the source gives no date');
    expect(button('Town taken')).toHaveTextContent(/reported/);
  });

  test('an event known within a range says between which days', () => {
    const events = eventsOf([{ id: 'g', date: '2022-03-03', title: 'Column stalls' }, { id: 'h', date: '2022-03-03', title: 'Talks prepared' }], {
      g: { certainty: 'range', earliest: '2022-02-24' as CalendarDay, latest: '2022-03-03' as CalendarDay },
      h: { certainty: 'range', earliest: null, latest: '2022-03-03' as CalendarDay },
    });
    render(<Harness events={events} />);
    expect(button('Column stalls')).toHaveAccessibleName('Column stalls, Military, between Thu 24 Feb and Thu 3 Mar 2022');
    expect(button('Talks prepared')).toHaveAccessibleName('Talks prepared, Military, on or before Thu 3 Mar 2022');
  });
});

describe('Copy link to this day', () => {
  test('each day heading offers it, out of the Tab order, and it copies the day\'s link', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    render(<Harness events={week()} />);
    const day = screen.getByRole('region', { name: 'Wed 2 Mar 2022' });
    const copy = within(day).getByRole('button', { name: 'Copy link to this day' });
    expect(copy).toHaveAccessibleDescription('Wed 2 Mar 2022');
    expect(copy.tabIndex).toBe(-1);
    expect(within(list()).getAllByRole('button', { name: 'Copy link to this day' })).toHaveLength(3);
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith('https://example.org/?date=2022-03-02');
    expect(within(day).getByRole('status')).toHaveTextContent('Link copied');
  });
});
