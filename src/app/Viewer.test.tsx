import { describe, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { datasetSchema } from '../data/schema.ts';
import realDataset from '../data/timeline.json';
import { App } from './App.tsx';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { buildDataset, denseDay, fortnight, multiDayEvent, quarter, twoEventsSameDay } from '../../tests/fixtures/datasets.ts';

import { announcement, dayTicks, expectSelected, listButton, mark, renderViewer, SETTLED, timeline } from './viewerTestKit.tsx';

const page = startEachTestOnABarePage();

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

