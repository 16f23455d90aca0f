import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useMemo, useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dataset } from '../../data/schema.ts';
import { indexDataset } from '../../data/indexDataset.ts';
import { fullWindow } from '../../lib/time/view.ts';
import { Timeline } from './Timeline.tsx';
import { useTimelineView } from './useTimelineView.ts';
import { emulateBrowser } from '../../../tests/fixtures/browserLike.ts';
import { buildDataset, denseDay, fortnight, multiDayEvent, quarter, twoEventsSameDay } from '../../../tests/fixtures/datasets.ts';

const LABEL = 'Timeline of the fixture';

/** The timeline as the viewer uses it: its own window, a selection, and a record of the steps asked for. */
function Harness({ dataset, initialSelected = null, onStep }: {
  dataset: Dataset; initialSelected?: string | null; onStep: (delta: number | 'first' | 'last') => void;
}) {
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const full = useMemo(() => fullWindow(index.first!, index.last!), [index]);
  const timeline = useTimelineView(full);
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected);
  return (
    <>
      <Timeline
        events={index.events}
        categories={index.categories}
        byId={index.byId}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onStep={onStep}
        timeline={timeline}
        label={LABEL}
      />
      <p>Selected: {selectedId ?? 'nothing'}</p>
      {/* Selecting from elsewhere, as the list does. */}
      {index.events.map((e) => (
        <button key={e.id} type="button" data-testid={`elsewhere-${e.id}`} onClick={() => setSelectedId(e.id)}>Elsewhere: {e.title}</button>
      ))}
      <button type="button">After the timeline</button>
    </>
  );
}

let restoreBrowser = () => {};
afterEach(() => restoreBrowser());

function renderTimeline(dataset: Dataset, { width = 800, selected = null as string | null } = {}) {
  restoreBrowser = emulateBrowser({ width });
  const onStep = vi.fn<(delta: number | 'first' | 'last') => void>();
  const user = userEvent.setup();
  render(<Harness dataset={dataset} initialSelected={selected} onStep={onStep} />);
  return { user, onStep };
}

const surface = () => screen.getByRole('group', { name: LABEL });
const markers = () => within(surface()).queryAllByRole('button', { name: /, [A-Z][^:]+: / });
const selectedText = () => screen.getByText(/^Selected: /).textContent;
/** A zoom button, looked for in its group: the harness's hundreds of other buttons make a page-wide role query slow. */
const zoomButton = (name: string) => within(screen.getByRole('group', { name: 'Zoom' })).getByRole('button', { name });

describe('names and structure', () => {
  beforeEach(() => renderTimeline(fortnight()));

  test('the timeline is a labelled region holding a labelled group of marks', () => {
    expect(screen.getByRole('region', { name: 'Timeline' })).toContainElement(surface());
    expect(surface()).toHaveAccessibleDescription(/arrow keys move between events/i);
  });

  test('every event in the window is one marker named by its date, category and title', () => {
    expect(markers().map((m) => m.getAttribute('aria-label')).sort()).toEqual([
      'Mon 28 Feb 2022, Diplomacy: First talks at the border',
      'Thu 10 Mar 2022, Diplomacy: Foreign ministers meet in Antalya',
      'Thu 24 Feb 2022, Military: Invasion begins',
      'Thu 3 Mar 2022, International response: New sanctions announced',
      'Thu 3 Mar 2022, Military: Port shelled',
      'Tue 1 Mar 2022, Humanitarian: Aid convoy leaves Lviv',
      'Wed 9 Mar 2022, Humanitarian: Evacuation from Sumy',
    ]);
  });

  test('the legend says what each glyph means: a day, a range, a report with no date, a key event', () => {
    const legend = screen.getByRole('list', { name: 'What the marks say' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual(
      ['dated to the day', 'within a range (faint bar)', 'reported by that day; the source gives no date', 'key event'],
    );
    expect([...legend.querySelectorAll('svg')].map((g) => g.dataset.certainty)).toEqual(['day', 'range', 'reported', 'day']);
  });

  test('the zoom controls are named buttons that say their keys', () => {
    const zoom = screen.getByRole('group', { name: 'Zoom' });
    expect(within(zoom).getByRole('button', { name: 'Zoom in' })).toHaveAttribute('aria-keyshortcuts', '+');
    expect(within(zoom).getByRole('button', { name: 'Zoom out' })).toHaveAttribute('aria-keyshortcuts', '-');
    expect(within(zoom).getByRole('button', { name: 'Fit all' })).toHaveAttribute('aria-keyshortcuts', '0');
  });
});

test('a multi-day event is one mark named by its first and last day', () => {
  renderTimeline(multiDayEvent());
  expect(within(surface()).getByRole('button', { name: 'From Mon 28 Feb to Thu 3 Mar 2022, Military: Siege of the port' })).toBeInTheDocument();
});

test('two events on one day are two markers', () => {
  renderTimeline(twoEventsSameDay());
  expect(markers().map((m) => m.getAttribute('aria-label')).sort()).toEqual([
    'Wed 9 Mar 2022, Military: Evacuation corridor opens',
    'Wed 9 Mar 2022, Military: Shelling of a maternity hospital',
  ]);
});

describe('selection and keys', () => {
  test('clicking a marker selects it, and only it is marked current', async () => {
    const { user } = renderTimeline(fortnight());
    await user.click(within(surface()).getByRole('button', { name: /: Port shelled$/ }));
    expect(selectedText()).toBe('Selected: e-port-shelled');
    const current = within(surface()).getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'true');
    expect(current.map((b) => b.getAttribute('data-event-id'))).toEqual(['e-port-shelled']);
  });

  test('the markers are one tab stop: Tab enters on a marker and the next Tab leaves the timeline', async () => {
    const { user } = renderTimeline(fortnight(), { selected: 'd-sanctions' });
    await user.click(zoomButton('Zoom in'));
    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    await user.tab();
    expect(document.activeElement).toHaveAttribute('data-event-id', 'd-sanctions');
    await user.tab();
    expect(surface()).not.toContainElement(document.activeElement as HTMLElement);
  });

  test('arrow keys, Home and End on a focused marker ask for the next, previous, first and last event', async () => {
    const { user, onStep } = renderTimeline(fortnight(), { selected: 'c-aid-convoy' });
    within(surface()).getByRole('button', { name: /: Aid convoy leaves Lviv$/ }).focus();
    await user.keyboard('{ArrowRight}{ArrowLeft}{Home}{End}');
    expect(onStep.mock.calls).toEqual([[1], [-1], ['first'], ['last']]);
  });

  test('an event selected elsewhere while zoomed away from it is brought into view', async () => {
    const { user } = renderTimeline(quarter());
    for (let i = 0; i < 4; i++) await user.click(zoomButton('Zoom in'));
    expect(within(surface()).queryByRole('button', { name: /: Talks in Geneva$/ })).not.toBeInTheDocument();
    await user.click(screen.getByTestId('elsewhere-q1'));
    expect(within(surface()).getByRole('button', { name: /: Talks in Geneva$/ })).toHaveAttribute('aria-current', 'true');
  });
});

describe('zoom', () => {
  test('zoomed in, events outside the window are not drawn', async () => {
    const { user } = renderTimeline(quarter());
    expect(markers()).toHaveLength(6);
    for (let i = 0; i < 4; i++) await user.click(zoomButton('Zoom in'));
    // About two weeks around mid-February are left.
    expect(markers().map((m) => m.getAttribute('data-event-id'))).toEqual(['q4']);
    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    expect(markers()).toHaveLength(6);
  });
});

describe('count badges', () => {
  test('a badge of many events shows them a page at a time, honestly, and pages through them all', async () => {
    const { user } = renderTimeline(denseDay(120));
    await user.click(within(surface()).getByRole('button', { name: /^120 events on Thu 10 Mar 2022/ }));
    // Counted by selector, not by role: role queries over a few hundred buttons are slow in jsdom.
    const list = () => surface().querySelector('ul')!;
    const shown = () => list().querySelectorAll('[data-cluster-item]').length;
    expect(shown()).toBe(50);
    expect(list()).toHaveTextContent('Showing 50 of 120.');
    await user.click(within(list()).getByText('Show 50 more'));
    expect(shown()).toBe(100);
    await user.click(within(list()).getByText('Show 20 more'));
    expect(shown()).toBe(120);
    expect(list()).not.toHaveTextContent('Showing');
  });

  test('when a window holds only badges, the first badge is the timeline’s tab stop', async () => {
    const dataset = denseDay(60);
    dataset.events = dataset.events.filter((e) => e.id !== 'opening');
    const { user } = renderTimeline(dataset);
    for (let i = 0; i < 8 && !surface().contains(document.activeElement); i++) await user.tab();
    expect(document.activeElement).toHaveAccessibleName(/^60 events on Thu 10 Mar 2022/);
  });

  test('a dense day is a badge naming the count, the day and the lane; it opens into its events', async () => {
    const { user } = renderTimeline(denseDay(9));
    const badge = within(surface()).getByRole('button', { name: '9 events on Thu 10 Mar 2022 in Military' });
    expect(badge).toHaveTextContent('9');
    await user.click(badge);
    expect(badge).toHaveAttribute('aria-expanded', 'true');
    const items = within(within(surface()).getByRole('list')).getAllByRole('button');
    expect(items.map((b) => b.textContent).sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Dense day event ${n}, Thu 10 Mar 2022, Military`),
    );
    // The list takes focus, so that a keyboard user is in it at once.
    expect(items).toContain(document.activeElement);
  });

  test('choosing an event in the badge’s list selects it, closes the list and shows the event as its own marker', async () => {
    const { user } = renderTimeline(denseDay(9));
    await user.click(within(surface()).getByRole('button', { name: /^9 events/ }));
    await user.click(within(surface()).getByRole('button', { name: /^Dense day event 2,/ }));
    expect(selectedText()).toBe('Selected: dense-2');
    expect(within(surface()).queryByRole('list')).not.toBeInTheDocument();
    expect(within(surface()).getByRole('button', { name: 'Thu 10 Mar 2022, Military: Dense day event 2' })).toHaveAttribute('aria-current', 'true');
    expect(within(surface()).getByRole('button', { name: '8 events on Thu 10 Mar 2022 in Military' })).toBeInTheDocument();
  });

  test('the selected event is not counted in the badge', () => {
    renderTimeline(denseDay(10), { selected: 'dense-3' });
    expect(within(surface()).getByRole('button', { name: '9 events on Thu 10 Mar 2022 in Military' })).toBeInTheDocument();
    expect(within(surface()).getByRole('button', { name: /: Dense day event 3$/ })).toHaveAttribute('aria-current', 'true');
  });

  test('Escape closes the list and puts focus back on the badge', async () => {
    const { user } = renderTimeline(denseDay(9));
    const badge = within(surface()).getByRole('button', { name: /^9 events/ });
    await user.click(badge);
    await user.keyboard('{Escape}');
    expect(within(surface()).queryByRole('list')).not.toBeInTheDocument();
    expect(badge).toHaveFocus();
    expect(badge).toHaveAttribute('aria-expanded', 'false');
  });

  test('a click elsewhere closes the list without selecting anything', async () => {
    const { user } = renderTimeline(denseDay(9));
    await user.click(within(surface()).getByRole('button', { name: /^9 events/ }));
    await user.click(screen.getByRole('button', { name: 'After the timeline' }));
    expect(within(surface()).queryByRole('list')).not.toBeInTheDocument();
    expect(selectedText()).toBe('Selected: nothing');
  });

  test('the focus stays where the reader put it in an open list while the timeline draws again', async () => {
    const { user } = renderTimeline(denseDay(9));
    await user.click(within(surface()).getByRole('button', { name: /^9 events/ }));
    await user.tab();
    await user.tab();
    const third = document.activeElement;
    expect(third).toHaveTextContent(/^Dense day event \d, Thu 10 Mar 2022, Military$/);
    // Hovering a marker draws the timeline again (for its hint), with the list still open.
    await user.hover(markers()[0]!);
    expect(third).toHaveFocus();
    expect(within(surface()).getByRole('list')).toBeInTheDocument();
  });

  test('an open list, and the focus in it, stay with its badge\'s events when a zoom brings other badges in before it', async () => {
    // Ten days of twenty events each in one lane, every other day: each day a badge.
    const days = Array.from({ length: 10 }, (_, d) => `2022-03-${String(2 * d + 1).padStart(2, '0')}`);
    const { user } = renderTimeline(buildDataset(days.flatMap((date) => Array.from({ length: 20 }, (_, i) => ({ date, title: `${date} event ${i + 1}` })))));
    const badges = () => within(surface()).getAllByRole('button', { name: /^20 events on / });
    expect(badges()).toHaveLength(10);
    // Zoom in (a click event alone, as a keyboard press on the button sends: no pointerdown to close
    // the list later), open the last badge drawn, and move into its list.
    fireEvent.click(zoomButton('Zoom in'));
    fireEvent.click(zoomButton('Zoom in'));
    const before = badges().length;
    expect(before).toBeLessThan(10);
    const badge = badges().at(-1)!;
    const name = badge.getAttribute('aria-label');
    await user.click(badge);
    await user.tab();
    const item = document.activeElement as HTMLElement;
    const itemText = item.textContent;
    expect(item).toHaveAttribute('data-cluster-item');
    fireEvent.click(zoomButton('Zoom out'));
    expect(badges().length).toBeGreaterThan(before);
    const expanded = within(surface()).getByRole('button', { expanded: true });
    expect(expanded).toHaveAccessibleName(name!);
    expect(expanded).toBe(badge);
    expect(item).toHaveFocus();
    expect(item).toHaveTextContent(itemText!);
    expect(within(surface()).getAllByRole('list')).toHaveLength(1);
  });

  test('a zoom that regroups an open badge closes its list, and zooming back does not open it again', async () => {
    // Thirty days of twenty events each in one lane, every other day: badges of several days at first.
    const days = Array.from({ length: 30 }, (_, d) => new Date(Date.UTC(2022, 2, 1 + 2 * d)).toISOString().slice(0, 10));
    const { user } = renderTimeline(buildDataset(days.flatMap((date) => Array.from({ length: 20 }, (_, i) => ({ date, title: `${date} event ${i + 1}` })))));
    const badge = () => within(surface()).getAllByRole('button', { name: /^\d+ events from / })[1]!;
    const name = badge().getAttribute('aria-label');
    await user.click(badge());
    expect(within(surface()).getByRole('list')).toBeInTheDocument();
    // Keyboard presses on the zoom buttons (a click event alone, no pointerdown to close the list).
    fireEvent.click(zoomButton('Zoom in'));
    fireEvent.click(zoomButton('Zoom in'));
    expect(within(surface()).queryByRole('list')).not.toBeInTheDocument();
    fireEvent.click(zoomButton('Zoom out'));
    fireEvent.click(zoomButton('Zoom out'));
    expect(within(surface()).getByRole('button', { name: name! })).toHaveAttribute('aria-expanded', 'false');
    expect(within(surface()).queryByRole('list')).not.toBeInTheDocument();
  });

  test('zooming in on the dense day spreads the badge into markers', async () => {
    const { user } = renderTimeline(denseDay(9));
    for (let i = 0; i < 8; i++) await user.click(zoomButton('Zoom in'));
    await user.click(screen.getByTestId('elsewhere-dense-1'));
    expect(within(surface()).queryByRole('button', { name: /events on/ })).not.toBeInTheDocument();
    expect(markers().filter((m) => /Dense day event/.test(m.getAttribute('aria-label') ?? ''))).toHaveLength(9);
  });
});

describe('on a phone', () => {
  test('the axis runs down the page: each day named, key events named, the rest one tap away in place', async () => {
    const dataset = denseDay(9);
    dataset.events[1]!.key = true;
    const keyTitle = dataset.events[1]!.title;
    const { user } = renderTimeline(dataset, { width: 360 });
    const rail = screen.getByRole('list', { name: 'Days with events' });
    expect(within(rail).getByText('Thu 10 Mar 2022')).toHaveAttribute('datetime', '2022-03-10');
    expect(within(rail).getByRole('button', { name: new RegExp(`${keyTitle} \\(key event\\)$`) })).toBeInTheDocument();
    const more = within(rail).getByRole('button', { name: /^\+ 8 more on Thu 10 Mar/ });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(within(rail).getAllByRole('button', { name: /Military: / })).toHaveLength(9);
    expect(within(rail).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
  });
});
