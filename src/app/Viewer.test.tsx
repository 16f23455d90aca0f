import { describe, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { datasetSchema, type Dataset } from '../data/schema.ts';
import { indexDataset } from '../data/indexDataset.ts';
import realDataset from '../data/timeline.json';
import { Viewer } from './Viewer.tsx';
import { App } from './App.tsx';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { buildDataset, denseDay, fortnight, multiDayEvent, quarter, twoEventsSameDay } from '../../tests/fixtures/datasets.ts';

const page = startEachTestOnABarePage();

function renderViewer(dataset: Dataset, { notesField = false } = {}) {
  // These tests are about the time scale's marks, ticks and badges (the story scale has its own).
  window.history.replaceState(null, '', '?scale=time');
  const user = userEvent.setup();
  render(
    <>
      {notesField && <input type="text" aria-label="Notes" />}
      <Viewer index={indexDataset(dataset)} />
    </>,
  );
  return { user };
}

const timeline = () => screen.getByRole('group', { name: /^Timeline of/ });
const list = () => screen.getByRole('navigation', { name: 'Events by day' });
const listButton = (title: string) => within(list()).getByRole('button', { name: new RegExp(`^${title}`) });
/** The live region that announces the selection (the page has other status regions). */
/** The live region speaks once the selection has settled (700 ms): wait for it without racing a busy machine. */
const SETTLED = { timeout: 10_000 } as const;
const announcement = () => screen.getAllByRole('status').find((el) => el.textContent?.startsWith('Selected:')) ?? null;
const mark = (title: string) => within(timeline()).getByRole('button', { name: new RegExp(`: ${title}$`) });

/** Both elements that stand for the event (its list entry and its timeline marker) say it is the current one. */
function expectSelected(id: string) {
  const carriers = [...document.querySelectorAll(`[data-event-id="${id}"]`)];
  expect(carriers).toHaveLength(2);
  for (const el of carriers) expect(el).toHaveAttribute('aria-current', 'true');
  const others = [...document.querySelectorAll('[data-event-id][aria-current]')].filter((el) => el.getAttribute('data-event-id') !== id);
  expect(others).toEqual([]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_LABEL = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;
/** The day labels on the axis ("9 Mar"), left to right. */
const dayTicks = () => within(timeline()).queryAllByText(DAY_LABEL).map((el) => el.textContent ?? '');
/** Smallest number of days between two neighbouring day labels (the fixtures lie within 2022). */
function finestStep(labels: readonly string[]): number {
  const days = labels.map((l) => {
    const [, d, m] = DAY_LABEL.exec(l)!;
    return Date.UTC(2022, MONTHS.indexOf(m!), Number(d)) / 86_400_000;
  });
  return Math.min(...days.slice(1).map((d, i) => d - days[i]!));
}

describe('fixtures', () => {
  test.each([
    ['twoEventsSameDay', twoEventsSameDay()], ['denseDay(9)', denseDay(9)], ['fortnight', fortnight()],
    ['quarter', quarter()], ['multiDayEvent', multiDayEvent()], ['buildDataset([])', buildDataset([])],
  ])('%s fits the dataset contract', (_, dataset) => {
    const checked = datasetSchema.safeParse(dataset);
    expect(checked.success, checked.error?.message).toBe(true);
  });
});

describe('selection', () => {
  test('choosing an event in the list selects it on the timeline too', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(listButton('Port shelled'));
    expectSelected('e-port-shelled');
    expect(mark('Port shelled')).toHaveAttribute('aria-current', 'true');
  });

  test('choosing a marker on the timeline selects it in the list too', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(mark('Evacuation from Sumy'));
    expectSelected('f-evacuation');
    expect(listButton('Evacuation from Sumy')).toHaveAttribute('aria-current', 'true');
  });

  test('choosing in the list an event that is off the zoomed timeline brings it into view there', async () => {
    const { user } = renderViewer(quarter());
    await user.keyboard('++++');
    expect(within(timeline()).queryByRole('button', { name: /: Talks in Istanbul$/ })).not.toBeInTheDocument();
    await user.click(listButton('Talks in Istanbul'));
    expectSelected('q6');
  });

  test('with motion allowed, the timeline glides to an event chosen in the list', async () => {
    page.emulate({ width: 800, reducedMotion: false });
    const { user } = renderViewer(quarter());
    await user.keyboard('++++');
    await user.click(listButton('Talks in Geneva'));
    await waitFor(() => expectSelected('q1'));
  });

  test('the live region announces the selection', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(listButton('Aid convoy leaves Lviv'));
    await waitFor(() => expect(announcement()).toHaveTextContent('Selected: Aid convoy leaves Lviv, Tue 1 Mar 2022'), SETTLED);
    await user.click(mark('Foreign ministers meet in Antalya'));
    await waitFor(() => expect(announcement()).toHaveTextContent('Selected: Foreign ministers meet in Antalya, Thu 10 Mar 2022'), SETTLED);
  });

  test('the details show the selected event', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(listButton('New sanctions announced'));
    expect(screen.getByRole('region', { name: 'New sanctions announced' })).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  test('→ and ← step to the next and previous event in date order', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(listButton('Aid convoy leaves Lviv'));
    await user.keyboard('{ArrowRight}');
    expectSelected('d-sanctions');
    await user.keyboard('{ArrowRight}');
    expectSelected('e-port-shelled');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expectSelected('b-first-talks');
  });

  test('Home and End go to the first and the last event, and stepping stops there', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(listButton('New sanctions announced'));
    await user.keyboard('{End}');
    expectSelected('g-ministers-meet');
    await user.keyboard('{ArrowRight}');
    expectSelected('g-ministers-meet');
    await user.keyboard('{Home}');
    expectSelected('a-invasion');
    await user.keyboard('{ArrowLeft}');
    expectSelected('a-invasion');
  });

  test('arrow keys on a focused marker step through the timeline and announce it', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(mark('First talks at the border'));
    await user.keyboard('{ArrowRight}');
    expectSelected('c-aid-convoy');
    await waitFor(() => expect(announcement()).toHaveTextContent('Selected: Aid convoy leaves Lviv, Tue 1 Mar 2022'), SETTLED);
  });

  test('a burst of arrow keys is one step in the history and one announcement, of where it stopped', async () => {
    const { user } = renderViewer(fortnight());
    await user.click(mark('First talks at the border'));
    const entries = window.history.length;
    const spoken: string[] = [];
    const region = await waitFor(() => {
      const found = announcement();
      expect(found).not.toBeNull();
      return found!;
    });
    const observer = new MutationObserver(() => spoken.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expectSelected('d-sanctions');
    expect(window.history.length - entries).toBe(1);
    await waitFor(() => expect(region).toHaveTextContent('Selected: New sanctions announced'), SETTLED);
    observer.disconnect();
    expect(spoken.filter((t) => t.startsWith('Selected:'))).toEqual([expect.stringContaining('New sanctions announced')]);
  });

  test('stepping fast through events off screen: each step writes the URL once, with a window that shows the selection', async () => {
    const { user } = renderViewer(quarter());
    await user.click(listButton('Talks in Geneva'));
    // Zoomed in to about two weeks: each next event is off screen.
    await user.keyboard('+++++');
    const writes = vi.spyOn(window.history, 'replaceState');
    const pushes = vi.spyOn(window.history, 'pushState');
    const dates = { q2: '2022-01-17', q3: '2022-02-01', q4: '2022-02-15' } as const;
    await user.keyboard('{ArrowRight}');
    for (const id of ['q3', 'q4'] as const) {
      const before = writes.mock.calls.length + pushes.mock.calls.length;
      await user.keyboard('{ArrowRight}');
      expectSelected(id);
      expect(writes.mock.calls.length + pushes.mock.calls.length - before).toBe(1);
      const url = new URLSearchParams(window.location.search);
      expect(url.get('from')! <= dates[id] && dates[id] <= url.get('to')!).toBe(true);
    }
    writes.mockRestore();
    pushes.mockRestore();
  });

  test('+ shows day ticks that were not shown, − shows fewer, 0 returns to fit-all', async () => {
    const { user } = renderViewer(quarter());
    const fitAll = dayTicks();
    expect(fitAll.length).toBeGreaterThan(2);
    expect(finestStep(fitAll)).toBeGreaterThan(1);

    await user.keyboard('++++');
    const zoomed = dayTicks();
    expect(finestStep(zoomed)).toBe(1);
    expect(zoomed.filter((t) => !fitAll.includes(t)).length).toBeGreaterThan(0);

    await user.keyboard('--');
    expect(finestStep(dayTicks())).toBeGreaterThan(1);

    await user.keyboard('++++0');
    expect(dayTicks()).toEqual(fitAll);
  });

  test('the zoom buttons do what the keys do', async () => {
    const { user } = renderViewer(quarter());
    const fitAll = dayTicks();
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 4; i++) await user.click(zoomIn);
    expect(finestStep(dayTicks())).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await user.click(screen.getByRole('button', { name: 'Fit all' }));
    expect(dayTicks()).toEqual(fitAll);
  });

  test('shortcuts do not fire while typing in a text field', async () => {
    const { user } = renderViewer(quarter(), { notesField: true });
    await user.click(listButton('Allies send equipment'));
    const ticks = dayTicks();
    const field = screen.getByRole('textbox', { name: 'Notes' });
    await user.click(field);
    await user.keyboard('0-++{ArrowRight}{ArrowLeft}{End}{Home}');
    expect(field).toHaveValue('0-++');
    expectSelected('q3');
    expect(dayTicks()).toEqual(ticks);
  });

  test('keys typed in the search field edit the search, not the timeline', async () => {
    const { user } = renderViewer(quarter());
    await user.keyboard('++++');
    await user.click(listButton('Partial pull-back announced'));
    const zoomed = dayTicks();
    const search = screen.getByRole('searchbox', { name: 'Search events' });
    await user.click(search);
    await user.keyboard('Partial{Home}{End}{ArrowLeft}{ArrowRight}');
    expectSelected('q4');
    // The search fits the axis to what matches; the keys typed after it must not zoom it.
    const fitted = dayTicks();
    await user.keyboard('0-+');
    expect(search).toHaveValue('Partial0-+');
    expect(dayTicks()).toEqual(fitted);
    expect(zoomed.length).toBeGreaterThan(0);
  });
});

describe('a dense day', () => {
  test('shows a count badge that opens into a list of its events; choosing one selects it', async () => {
    const { user } = renderViewer(denseDay(9));
    const badge = within(timeline()).getByRole('button', { name: '9 events on Thu 10 Mar 2022 in Military' });
    expect(badge).toHaveAttribute('aria-expanded', 'false');
    expect(within(timeline()).queryByRole('button', { name: /Dense day event/ })).not.toBeInTheDocument();

    await user.click(badge);
    expect(badge).toHaveAttribute('aria-expanded', 'true');
    const items = within(within(timeline()).getByRole('list')).getAllByRole('button');
    expect(items).toHaveLength(9);
    expect(items[0]).toHaveAccessibleName(/^Dense day event \d, Thu 10 Mar 2022, Military$/);

    await user.click(within(timeline()).getByRole('button', { name: /^Dense day event 4,/ }));
    expectSelected('dense-4');
    await waitFor(() => expect(announcement()).toHaveTextContent('Selected: Dense day event 4, Thu 10 Mar 2022'), SETTLED);
    // The chosen event is drawn as its own marker, and the badge counts the others.
    expect(mark('Dense day event 4')).toHaveAttribute('aria-current', 'true');
    expect(within(timeline()).getByRole('button', { name: '8 events on Thu 10 Mar 2022 in Military' })).toBeInTheDocument();
  });

  test('Escape closes the list of a badge', async () => {
    const { user } = renderViewer(denseDay(9));
    const badge = within(timeline()).getByRole('button', { name: /^9 events on/ });
    await user.click(badge);
    await user.keyboard('{Escape}');
    expect(badge).toHaveAttribute('aria-expanded', 'false');
    expect(within(timeline()).queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('names', () => {
  test('the timeline has an accessible name with the number of events and the days it covers', () => {
    renderViewer(fortnight());
    expect(timeline()).toHaveAccessibleName('Timeline of 7 events from 24 Feb 2022 to 10 Mar 2022');
    expect(screen.getByRole('region', { name: 'Timeline' })).toContainElement(timeline());
  });

  test('each marker is named by its date, category and title', () => {
    renderViewer(fortnight());
    expect(within(timeline()).getByRole('button', { name: 'Thu 24 Feb 2022, Military: Invasion begins' })).toBeInTheDocument();
    expect(within(timeline()).getByRole('button', { name: 'Thu 3 Mar 2022, International response: New sanctions announced' })).toBeInTheDocument();
    expect(within(timeline()).getByRole('button', { name: 'Tue 1 Mar 2022, Humanitarian: Aid convoy leaves Lviv' })).toBeInTheDocument();
  });

  test('a multi-day event is named by its first and last day', () => {
    renderViewer(multiDayEvent());
    expect(within(timeline()).getByRole('button', { name: 'From Mon 28 Feb to Thu 3 Mar 2022, Military: Siege of the port' })).toBeInTheDocument();
  });
});

describe('time zones', () => {
  // The suite also runs under TZ=America/Los_Angeles and TZ=Asia/Tokyo: these days must not move.
  test('day headings and datetime attributes are the days of the data', async () => {
    const { user } = renderViewer(fortnight());
    const headings = within(list()).getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([
      'Thu 24 Feb 2022', 'Mon 28 Feb 2022', 'Tue 1 Mar 2022', 'Thu 3 Mar 2022', 'Wed 9 Mar 2022', 'Thu 10 Mar 2022',
    ]);
    expect(headings.map((h) => h.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2022-02-24', '2022-02-28', '2022-03-01', '2022-03-03', '2022-03-09', '2022-03-10',
    ]);
    expect(within(screen.getByRole('banner')).getByText('24 Feb 2022')).toHaveAttribute('datetime', '2022-02-24');
    expect(within(screen.getByRole('banner')).getByText('10 Mar 2022')).toHaveAttribute('datetime', '2022-03-10');

    await user.click(listButton('Evacuation from Sumy'));
    const details = screen.getByRole('region', { name: 'Evacuation from Sumy' });
    expect(within(details).getByText('Wed 9 Mar 2022')).toHaveAttribute('datetime', '2022-03-09');
  });

  test('the axis labels the days of the data', () => {
    renderViewer(fortnight()); // about 50 px a day: a label every day
    const ticks = dayTicks();
    for (const day of ['24 Feb', '28 Feb', '1 Mar', '3 Mar', '9 Mar']) expect(ticks).toContain(day);
    expect(ticks.indexOf('1 Mar') - ticks.indexOf('28 Feb')).toBe(1);
  });
});

describe('App', () => {
  /** A fetch that answers each call with the next of `answers`, when the test says so. */
  function stubFetch() {
    const calls: Array<(answer: Response | Error) => void> = [];
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve, reject) => {
      calls.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
    })));
    return calls;
  }
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  test('shows a loading state, then the timeline of the real dataset', async () => {
    window.history.replaceState(null, '', '/');
    const calls = stubFetch();
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the timeline…');
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!(json(realDataset));
    expect(await screen.findByRole('heading', { level: 1, name: realDataset.title })).toBeInTheDocument();
    expect(timeline()).toHaveAccessibleName(/^Timeline of 30 events from 24 Feb 2022 to 10 Mar 2022$/);
    // The story scale (the default) names the key event of 10 Mar as its own mark.
    expect(within(timeline()).getByRole('button', { name: /Lavrov and Kuleba meet in Antalya, Turkey \(key event\)$/ })).toBeInTheDocument();
  });

  test('when loading fails, it says so, and Try again loads it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls = stubFetch();
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!(new TypeError('Failed to fetch'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The timeline could not be shown');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading the timeline…');
    await waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!(json(realDataset));
    expect(await screen.findByRole('group', { name: /^Timeline of 30 events/ })).toBeInTheDocument();
  });
});

describe('one failing part never blanks the page', () => {
  test('when the details fail to draw, they say so, and the timeline and the list keep working', async () => {
    const dataset = fortnight();
    const broken = dataset.events.find((e) => e.id === 'c-aid-convoy')!;
    Object.defineProperty(broken.quotes[0]!, 'text', { get: () => { throw new Error('a quote that cannot be read'); } });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = renderViewer(dataset);
    await user.click(listButton('Aid convoy leaves Lviv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The event’s details could not be shown');
    expect(alert).toHaveTextContent('a quote that cannot be read');
    // The rest still works: choosing another event shows its details.
    await user.click(listButton('Port shelled'));
    expect(screen.getByRole('region', { name: 'Port shelled' })).toBeInTheDocument();
    expect(timeline()).toBeInTheDocument();
    quiet.mockRestore();
  });
});

describe('a date link and the zoom', () => {
  test('zooming in on a date link keeps its day in view and in the link', async () => {
    const { user } = renderViewer(fortnight());
    window.history.replaceState(null, '', '?date=2022-03-09&scale=time');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await user.keyboard('++++');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('date')).toBe('2022-03-09');
    expect(params.get('from')! <= '2022-03-09' && '2022-03-09' <= params.get('to')!).toBe(true);
    expect(dayTicks()).toContain('9 Mar');
  });
});
