/**
 * Issue "Reading the sources", through the whole viewer: from an event in the
 * list to its details, to the quoted passage in the source reader and back;
 * search and the category filters; hostile strings; what the URL says.
 */
import { describe, expect, test } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { datasetSchema, type Dataset } from '../data/schema.ts';
import { indexDataset } from '../data/indexDataset.ts';
import { Viewer } from './Viewer.tsx';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { HOSTILE, TALKS_ARTICLE, hostileDataset, readingDataset } from '../../tests/fixtures/readingFixture.ts';

startEachTestOnABarePage();

function renderViewer(dataset: Dataset = readingDataset()) {
  const user = userEvent.setup();
  render(<Viewer index={indexDataset(dataset)} />);
  return { user };
}

const TALKS_HEADLINE = 'Second round of talks: both sides agree on corridors';
/** The events of readingDataset in the order the viewer lists them, with the names of their categories. */
const EVENTS: ReadonlyArray<[title: string, category: string]> = [
  ['Invasion begins', 'Military'],
  ['Siege of the port', 'Military'],
  ['Both sides agree on humanitarian corridors', 'Humanitarian'],
  ['The war reaches its eighth day', 'Military'],
  ['Second round of talks near Belarus', 'Diplomacy'],
  ['Evacuations from Sumy', 'Humanitarian'],
  ['Lavrov and Kuleba meet in Antalya, Türkiye', 'Diplomacy'],
  ['Allies widen sanctions', 'International response'],
];
const ALL_TITLES = EVENTS.map(([title]) => title);
const TOTAL = EVENTS.length;
const CATEGORY_OF = new Map([...EVENTS, [HOSTILE, 'Military'], ['A plain event', 'Diplomacy']]);
const CATEGORY = '(Military|Diplomacy|Humanitarian|International response)';

/** The accessible names of the buttons in `container` that match `pattern`, in document order. */
function buttonNames(container: HTMLElement, pattern: RegExp): string[] {
  const names: string[] = [];
  within(container).queryAllByRole('button', { name: (name) => pattern.test(name) && names.push(name) > 0 });
  return names;
}

const list = () => screen.getByRole('navigation', { name: 'Events by day' });
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How the list says a date not known to the day: "reported by …; the source gives no date", "between … and …". */
const CERTAINTY = '(, (reported by|between|on or before) [^,]+)?';
/** An event's button in the list, named "title, category", then how its date is known when not to the day. */
const listButton = (title: string) => within(list()).getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}, ${CATEGORY_OF.get(title)}${CERTAINTY}$`) });
const LIST_ITEM = new RegExp(`, ${CATEGORY}${CERTAINTY}$`);
/** The titles in the list, top to bottom. */
const listTitles = () => buttonNames(list(), LIST_ITEM).map((n) => n.replace(LIST_ITEM, ''));
const timeline = () => screen.getByRole('group', { name: /^Timeline of/ });
/** A marker is named "day, category: title", or "first day to last day, category: title". */
const MARKER = new RegExp(`^(\\w{3} \\d+ \\w{3} 2022|From \\w{3} \\d+ \\w{3}( 2022)? to \\w{3} \\d+ \\w{3} 2022), ${CATEGORY}: `);
/** The titles of the events drawn on the timeline. */
const timelineTitles = () => buttonNames(timeline(), MARKER).map((n) => n.replace(MARKER, ''));
const details = (title: string) => screen.getByRole('region', { name: title });
/** Whether any event's details are shown (each has this heading). */
const detailsShown = () => screen.queryByRole('heading', { name: 'How the date is known' }) !== null;
const params = () => Object.fromEntries(new URLSearchParams(window.location.search));

/** The `<search>` landmark. Browsers map the element to role "search"; aria-query 5.3 does not yet, so find it by its label. */
const filters = () => {
  const landmark = screen.getByLabelText('Search and filter events');
  expect(landmark.tagName).toBe('SEARCH');
  return landmark;
};
const searchBox = () => within(filters()).getByRole('searchbox', { name: 'Search events' });
const categories = () => within(filters()).getByRole('group', { name: 'Categories' });
const toggle = (label: string) => within(categories()).getByRole('button', { name: label });
const count = () => within(filters()).getByText(/\d+ (of \d+ )?events?( match)?/);

// The hidden words of these names start with a space that dom-accessibility-api trims
// ("‹ Previousevent", eps1lon/dom-accessibility-api#1075); browsers keep it.
const PREVIOUS = /^‹ Previous ?event$/;
const NEXT = /^Next ?event ›$/;
/** Previous or Next, in the open event's details (a page-wide role query names every button of the page). */
const step = (name: RegExp) => within(document.querySelector<HTMLElement>('[data-details-for]')!).getByRole('button', { name });

/** Selects `title` in the list and opens quote `n` of it in the reader. */
async function readInSource(user: ReturnType<typeof userEvent.setup>, title: string, n: number) {
  await user.click(listButton(title));
  await user.click(within(details(title)).getAllByRole('link', { name: /^Read in source/ })[n - 1]!);
}
/** The reader of `headline`, once the lazy chunk has loaded. */
const findReader = (headline: string) => screen.findByRole('region', { name: headline }, { timeout: 5000 });

describe('fixtures', () => {
  test.each([['readingDataset', readingDataset()], ['hostileDataset', hostileDataset()]])('%s fits the dataset contract', (_, dataset) => {
    const checked = datasetSchema.safeParse(dataset);
    expect(checked.success, checked.error?.message).toBe(true);
  });

  test('the list shows the reading fixture in date order', () => {
    renderViewer();
    expect(listTitles()).toEqual(ALL_TITLES);
  });
});

describe('selecting an event', () => {
  test('shows its details in a landmark named by its title', async () => {
    const { user } = renderViewer();
    await user.click(listButton('Evacuations from Sumy'));
    const region = details('Evacuations from Sumy');
    expect(within(region).getByRole('heading', { level: 2, name: 'Evacuations from Sumy' })).toBeInTheDocument();
    expect(region).toHaveTextContent('Humanitarian · Wed 9 Mar 2022');
    expect(within(region).getByText('Wed 9 Mar 2022')).toHaveAttribute('datetime', '2022-03-09');
    expect(within(region).getByText('Civilians leave the city through a corridor.')).toBeInTheDocument();
    expect(within(region).getByRole('heading', { level: 3, name: 'How the date is known' }).nextElementSibling)
      .toHaveTextContent('“on Wednesday”, in an article published Thu 10 Mar 2022 → Wed 9 Mar 2022');
    const [quote] = within(region).getAllByRole('blockquote');
    expect(quote).toHaveTextContent('Civilians left Sumy on Wednesday');
    expect(quote).toHaveAttribute('cite', 'https://example.org/antalya');
    expect(within(region).getByRole('link', { name: /^Read in source/ })).toBeInTheDocument();
  });

  test('an event of several days shows both of its days', async () => {
    const { user } = renderViewer();
    await user.click(listButton('Siege of the port'));
    const region = details('Siege of the port');
    expect(within(region).getByText('From Mon 28 Feb to Wed 2 Mar 2022')).toHaveAttribute('datetime', '2022-02-28/2022-03-02');
  });

  test('writes ?event=<id> to the URL', async () => {
    const { user } = renderViewer();
    await user.click(listButton('The war reaches its eighth day'));
    expect(window.location.search).toBe('?event=eighth-day');
  });

  test('previous and next step through the events in date order, and are disabled at the ends', async () => {
    const { user } = renderViewer();
    await user.click(listButton('Invasion begins'));
    expect(step(PREVIOUS)).toBeDisabled();
    await user.click(step(NEXT));
    expect(details('Siege of the port')).toBeInTheDocument();
    expect(window.location.search).toBe('?event=siege');
    await user.click(step(PREVIOUS));
    expect(details('Invasion begins')).toBeInTheDocument();

    await user.click(listButton('Lavrov and Kuleba meet in Antalya, Türkiye'));
    await user.click(step(NEXT));
    expect(details('Allies widen sanctions')).toBeInTheDocument();
    expect(step(NEXT)).toBeDisabled();
    expect(step(PREVIOUS)).toBeEnabled();
  });
});

describe('reading in the source', () => {
  test('"Read in source" opens the whole article, with its date, how it is known, and what is unknown', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Second round of talks near Belarus', 3);
    const reader = await findReader(TALKS_HEADLINE);
    expect(within(reader).getByRole('heading', { level: 2, name: TALKS_HEADLINE })).toBeInTheDocument();
    expect(within(reader).getByText('Thu 3 Mar 2022')).toHaveAttribute('datetime', '2022-03-03');
    expect(within(reader).getByText('How this date is known')).toBeInTheDocument();
    expect(within(reader).getByText('The dateline of the article reads 3 March 2022.')).toBeInTheDocument();
    expect(within(reader).getByText('Publisher').nextElementSibling).toHaveTextContent('Unknown: the text as received does not name its publisher.');
    expect(within(reader).getByText('Address').nextElementSibling).toHaveTextContent('Unknown: the text as received gives no address.');
    expect(within(reader).getByText('Neither side said when a third round would take place.')).toBeInTheDocument();
    expect(within(reader).getAllByText('Photo caption')).toHaveLength(2);
    // The reader takes the place of the details.
    expect(detailsShown()).toBe(false);
  });

  test('every quoted passage is marked, and the one the reader came for has focus', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Second round of talks near Belarus', 3);
    const reader = await findReader(TALKS_HEADLINE);
    const marked = within(reader).getAllByRole('mark').filter((m) => within(m).queryAllByRole('link').length > 0);
    expect(marked.map((m) => within(m).getAllByRole('link')[0]!.textContent)).toEqual([
      'agreed on humanitarian corridors for civilians',
      'Negotiators shake hands before the second round, on March 3.',
      'After ',
      '8 days of fighting',
      'the talks were held in a café near the border',
      'Neither side said when a third round would take place.',
      'Shelling around the encircled port went on for several days.',
    ]);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));
    expect(document.activeElement).toHaveTextContent('the talks were held in a café near the border');
    expect(marked).toContain(document.activeElement);
  });

  test('a quote in a photo caption is marked and focused inside its caption', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Second round of talks near Belarus', 1);
    await findReader(TALKS_HEADLINE);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));
    expect(document.activeElement).toHaveTextContent('Negotiators shake hands before the second round, on March 3.');
    expect(document.activeElement!.parentElement).toHaveTextContent(/^Photo caption Negotiators shake hands/);
  });

  test('the URL says which source and quote are open', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Lavrov and Kuleba meet in Antalya, Türkiye', 2);
    await findReader(TALKS_HEADLINE);
    expect(params()).toEqual({ event: 'ministers-meet', source: TALKS_ARTICLE, quote: '2' });
  });

  test('Esc closes the reader, brings the details back and returns focus to the "Read in source" link', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Second round of talks near Belarus', 2);
    await findReader(TALKS_HEADLINE);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: TALKS_HEADLINE })).not.toBeInTheDocument();
    const region = details('Second round of talks near Belarus');
    expect(params()).toEqual({ event: 'talks-round-two' });
    const link = within(region).getAllByRole('link', { name: /^Read in source/ })[1]!;
    // The app gives focus back in an animation frame.
    await waitFor(() => expect(document.activeElement).toBe(link));
  });

  test('a source opened from the Sources menu gives its headline focus, and Esc returns focus to the menu button', async () => {
    const { user } = renderViewer();
    const menu = screen.getByRole('button', { name: /^Sources/ });
    await user.click(menu);
    await user.click(screen.getByRole('link', { name: TALKS_HEADLINE }));
    const reader = await findReader(TALKS_HEADLINE);
    expect(params()).toEqual({ source: TALKS_ARTICLE });
    await waitFor(() => expect(document.activeElement).toBe(within(reader).getByRole('heading', { level: 2 })));
    await user.keyboard('{Escape}');
    expect(params()).toEqual({});
    await waitFor(() => expect(document.activeElement).toBe(menu));
  });

  test('the link of a marked passage leads back to its event', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Second round of talks near Belarus', 2);
    const reader = await findReader(TALKS_HEADLINE);
    await user.click(within(reader).getByRole('link', { name: 'After' }));
    expect(screen.queryByRole('region', { name: TALKS_HEADLINE })).not.toBeInTheDocument();
    expect(details('The war reaches its eighth day')).toBeInTheDocument();
    expect(params()).toEqual({ event: 'eighth-day' });
    expect(listButton('The war reaches its eighth day')).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(document.activeElement).toBe(within(details('The war reaches its eighth day')).getByRole('heading', { level: 2 })));
  });

  test('a passage quoted by two events leads to either of them', async () => {
    const { user } = renderViewer();
    await readInSource(user, 'Both sides agree on humanitarian corridors', 1);
    const reader = await findReader(TALKS_HEADLINE);
    await user.click(within(reader).getByRole('link', { name: /^also quoted in: ?Second round of talks near Belarus$/ }));
    expect(details('Second round of talks near Belarus')).toBeInTheDocument();
    expect(params()).toEqual({ event: 'talks-round-two' });
  });
});

describe('filters', () => {
  test('category toggles are pressed buttons in a group inside the search landmark', () => {
    renderViewer();
    expect(buttonNames(categories(), /./)).toEqual(['Military', 'Diplomacy', 'Humanitarian', 'International response']);
    for (const b of within(categories()).getAllByRole('button')) expect(b).toHaveAttribute('aria-pressed', 'true');
    expect(count()).toHaveTextContent(`${TOTAL} events`);
  });

  test('turning a category off takes its events off the list and the timeline, and counts the rest', async () => {
    const { user } = renderViewer();
    expect(timelineTitles()).toHaveLength(TOTAL);
    await user.click(toggle('Military'));
    expect(toggle('Military')).toHaveAttribute('aria-pressed', 'false');
    expect(count()).toHaveTextContent(`5 of ${TOTAL} events match`);
    const rest = EVENTS.filter(([, c]) => c !== 'Military').map(([t]) => t);
    expect(listTitles()).toEqual(rest);
    expect(timelineTitles().sort()).toEqual([...rest].sort());
    expect(timeline()).toHaveAccessibleName(/^Timeline of 5 events/);

    await user.click(toggle('Military'));
    expect(toggle('Military')).toHaveAttribute('aria-pressed', 'true');
    expect(listTitles()).toEqual(ALL_TITLES);
    expect(timelineTitles()).toHaveLength(TOTAL);
  });

  test('the last category shown cannot be turned off', async () => {
    const { user } = renderViewer();
    for (const c of ['Military', 'Diplomacy', 'Humanitarian']) await user.click(toggle(c));
    const last = toggle('International response');
    expect(last).toHaveAttribute('aria-pressed', 'true');
    expect(last).toHaveAttribute('aria-disabled', 'true');
    await user.click(last);
    expect(last).toHaveAttribute('aria-pressed', 'true');
    expect(listTitles()).toEqual(['Allies widen sanctions']);
    expect(count()).toHaveTextContent(`1 of ${TOTAL} events match`);
  });

  test.each([
    ['a title', 'SUMY', 'Evacuations from Sumy'],
    ['a title, without its accent', 'turkiye', 'Lavrov and Kuleba meet in Antalya, Türkiye'],
    ['a summary, without its accents', 'elysee', 'Allies widen sanctions'],
    ['a quote, without its accent', 'CAFE', 'Second round of talks near Belarus'],
  ])('search finds %s, ignoring case and accents', async (_, query, title) => {
    const { user } = renderViewer();
    await user.type(searchBox(), query);
    expect(count()).toHaveTextContent(`1 of ${TOTAL} events match`);
    expect(listTitles()).toEqual([title]);
    expect(timelineTitles()).toEqual([title]);
  });

  test('a search of several words can be typed, spaces and all', async () => {
    const { user } = renderViewer();
    await user.type(searchBox(), 'cafe near');
    expect(searchBox()).toHaveValue('cafe near');
    expect(listTitles()).toEqual(['Second round of talks near Belarus']);
  });

  test('matches in the list are highlighted with <mark>', async () => {
    const { user } = renderViewer();
    await user.type(searchBox(), 'TURKIYE');
    expect(within(list()).getAllByRole('mark').map((m) => m.textContent)).toEqual(['Türkiye']);
    await user.clear(searchBox());
    await user.type(searchBox(), 'in');
    const marks = within(list()).getAllByRole('mark');
    expect(marks.length).toBeGreaterThan(1);
    for (const m of marks) expect(m).toHaveTextContent(/^in$/i);
  });

  test('when nothing matches, it says so, and "Reset filters" brings everything back', async () => {
    const { user } = renderViewer();
    await user.click(toggle('Diplomacy'));
    await user.type(searchBox(), 'zeppelin');
    expect(within(list()).getByText('No events match “zeppelin”.')).toBeInTheDocument();
    expect(count()).toHaveTextContent(`0 of ${TOTAL} events match`);
    expect(timelineTitles()).toEqual([]);

    await user.click(within(list()).getByRole('button', { name: 'Reset filters' }));
    expect(searchBox()).toHaveValue('');
    for (const b of within(categories()).getAllByRole('button')) expect(b).toHaveAttribute('aria-pressed', 'true');
    expect(count()).toHaveTextContent(`${TOTAL} events`);
    expect(count()).not.toHaveTextContent('match');
    expect(listTitles()).toEqual(ALL_TITLES);
    expect(timelineTitles()).toHaveLength(TOTAL);
    expect(window.location.search).toBe('');
  });

  test('the selection is kept while it matches, and cleared when it no longer does', async () => {
    const { user } = renderViewer();
    await user.click(listButton('Evacuations from Sumy'));
    await user.type(searchBox(), 'sumy');
    expect(details('Evacuations from Sumy')).toBeInTheDocument();
    // The search fits the axis to its match (9 Mar), with a day each side.
    expect(params()).toEqual({ event: 'evacuations', q: 'sumy', from: '2022-03-08', to: '2022-03-10' });

    await user.clear(searchBox());
    await user.click(toggle('Diplomacy'));
    expect(details('Evacuations from Sumy')).toBeInTheDocument();
    await user.click(toggle('Humanitarian'));
    expect(detailsShown()).toBe(false);
    expect(params()).toEqual({ cat: 'military,international' });
  });

  test('a search that leaves the selection out clears it', async () => {
    const { user } = renderViewer();
    await user.click(listButton('Invasion begins'));
    await user.type(searchBox(), 'elysee');
    expect(detailsShown()).toBe(false);
    expect(listButton('Allies widen sanctions')).not.toHaveAttribute('aria-current');
    expect(params()).toEqual({ q: 'elysee', from: '2022-03-09', to: '2022-03-10' });
  });
});

describe('hostile strings', () => {
  test('a title, summary, quote and headline written as HTML show as text, and no <img> exists', async () => {
    const { user } = renderViewer(hostileDataset());
    expect(listButton(HOSTILE)).toHaveTextContent(HOSTILE);
    expect(document.querySelector('img')).toBeNull();

    await user.click(listButton(HOSTILE));
    const region = details(HOSTILE);
    expect(within(region).getAllByText(HOSTILE).map((el) => el.tagName)).toEqual(['H2', 'P', 'P', 'CITE']);
    expect(document.querySelector('img')).toBeNull();

    await user.click(within(region).getByRole('link', { name: /^Read in source/ }));
    const reader = await findReader(HOSTILE);
    expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent(HOSTILE);
    expect(within(reader).getByRole('link', { name: HOSTILE }).closest('mark')).not.toBeNull();
    expect(document.querySelector('img')).toBeNull();

    await user.type(searchBox(), '<img');
    expect(within(list()).getByRole('mark')).toHaveTextContent('<img');
    expect(document.querySelector('img')).toBeNull();
  });
});
