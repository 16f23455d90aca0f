import { describe, expect, test, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { indexDataset } from '../../data/indexDataset.ts';
import { EventDetails } from './EventDetails.tsx';
import { HOSTILE, hostileDataset, readingDataset } from '../../../tests/fixtures/readingFixture.ts';

const LINK = 'https://timeline.example/?event=';

/** The details of one event of `dataset`, with every callback recorded. */
function renderDetails(id: string, { dataset = readingDataset(), previous = true, next = true, close = false } = {}) {
  const index = indexDataset(dataset);
  const event = index.byId.get(id);
  if (!event) throw new Error(`the fixture has no event "${id}"`);
  const props = {
    onReadSource: vi.fn<(quote: number, opener: HTMLElement) => void>(),
    onPrevious: previous ? vi.fn<() => void>() : null,
    onNext: next ? vi.fn<() => void>() : null,
    onClose: close ? vi.fn<() => void>() : undefined,
  };
  const user = userEvent.setup();
  const { unmount } = render(
    <EventDetails
      event={event}
      index={index}
      link={`${LINK}${id}`}
      quoteLink={(n) => `?event=${id}&source=${event.quotes[n - 1]!.article}&quote=${n}`}
      {...props}
    />,
  );
  return { user, event, unmount, ...props };
}

// The hidden words of these names start with a space; dom-accessibility-api trims it away ("Previousevent",
// eps1lon/dom-accessibility-api#1075) where browsers keep it ("‹ Previous event").
const PREVIOUS = /^‹ Previous ?event$/;
const NEXT = /^Next ?event ›$/;
const details = (title: string) => screen.getByRole('region', { name: title });
const readLinks = () => screen.getAllByRole('link', { name: /^Read in source/ });

describe('what the details show', () => {
  test('a landmark named by the title, with the title as its heading', () => {
    renderDetails('evacuations');
    const region = details('Evacuations from Sumy');
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('Evacuations from Sumy');
  });

  test('the date in a <time> with its calendar day, the category and the summary', () => {
    renderDetails('evacuations');
    const region = details('Evacuations from Sumy');
    const date = within(region).getAllByText('Wed 9 Mar 2022').find((el) => el.tagName === 'TIME');
    expect(date).toHaveAttribute('datetime', '2022-03-09');
    expect(region).toHaveTextContent('Humanitarian · Wed 9 Mar 2022');
    expect(within(region).getByText('Civilians leave the city through a corridor.')).toBeInTheDocument();
  });

  test('an event of several days says both ends, in one <time> holding the span', () => {
    renderDetails('siege');
    const region = details('Siege of the port');
    expect(region).toHaveTextContent('Military · From Mon 28 Feb to Wed 2 Mar 2022');
    expect(within(region).getByText('From Mon 28 Feb to Wed 2 Mar 2022')).toHaveAttribute('datetime', '2022-02-28/2022-03-02');
  });

  test('a reported event says so in words, with its EDTF in datetime, and shows its caveat', () => {
    const dataset = readingDataset();
    const event = dataset.events.find((e) => e.id === 'invasion')!;
    Object.assign(event, { certainty: 'reported', earliest: null, latest: event.date, edtf: `../${event.date}` });
    event.dateEvidence = { ...event.dateEvidence, note: 'The article gives no day for it.' } as typeof event.dateEvidence;
    renderDetails('invasion', { dataset });
    const region = details(event.title);
    expect(within(region).getByText('Reported by Thu 24 Feb 2022; the source gives no date')).toHaveAttribute('datetime', '../2022-02-24');
    expect(region).toHaveTextContent('Caveat: The article gives no day for it.');
  });

  test.each([
    ['explicit', 'corridor-agreed', '“on March 3” → Thu 3 Mar 2022'],
    ['relative', 'evacuations', '“on Wednesday”, in an article published Thu 10 Mar 2022 → Wed 9 Mar 2022'],
    ['counted', 'eighth-day', '“8 days of fighting”, counted from Thu 24 Feb 2022 as day 1 → Thu 3 Mar 2022'],
    ['undated', 'invasion', 'Placed on day 1 of the fighting that the article counts.'],
  ])('says in plain words how a date is known (%s)', (_, id, sentence) => {
    renderDetails(id);
    const heading = screen.getByRole('heading', { level: 3, name: 'How the date is known' });
    expect(heading.nextElementSibling?.textContent).toBe(sentence);
  });
});

describe('quotes', () => {
  test('every quote is a blockquote citing its source, with the headline and the publication date', () => {
    renderDetails('ministers-meet');
    const quotes = screen.getAllByRole('blockquote');
    expect(quotes.map((q) => q.textContent)).toEqual([
      'The foreign ministers of Russia and Ukraine met in Antalya, Türkiye, on Thursday.',
      'Neither side said when a third round would take place.',
    ]);
    // The article with an address is cited by it; the one without, by its place in the reader.
    expect(quotes[0]).toHaveAttribute('cite', 'https://example.org/antalya');
    expect(quotes[1]).toHaveAttribute('cite', '?event=ministers-meet&source=second-round-talks&quote=2');

    const [first, second] = quotes.map((q) => q.closest('figure')!);
    expect(within(first!).getByText('Ministers meet in Antalya as evacuations resume').tagName).toBe('CITE');
    expect(within(first!).getByText('Thu 10 Mar 2022')).toHaveAttribute('datetime', '2022-03-10');
    expect(within(second!).getByText('Second round of talks: both sides agree on corridors').tagName).toBe('CITE');
    expect(within(second!).getByText('Thu 3 Mar 2022')).toHaveAttribute('datetime', '2022-03-03');
  });

  test('the heading says "sources" when the quotes come from more than one article', () => {
    renderDetails('ministers-meet');
    expect(screen.getByRole('heading', { level: 3, name: 'What the sources say' })).toBeInTheDocument();
  });

  test('the heading says "source" when every quote comes from one article', () => {
    renderDetails('talks-round-two');
    expect(screen.getAllByRole('blockquote')).toHaveLength(3);
    expect(screen.getByRole('heading', { level: 3, name: 'What the source says' })).toBeInTheDocument();
  });

  test('each quote has a "Read in source" link to its passage, named by the quote and the headline', () => {
    renderDetails('ministers-meet');
    const links = readLinks();
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAccessibleName('Read in source: quote 1 in “Ministers meet in Antalya as evacuations resume”');
    expect(links[0]).toHaveAttribute('href', '?event=ministers-meet&source=antalya-meeting&quote=1');
    expect(links[1]).toHaveAccessibleName('Read in source: quote 2 in “Second round of talks: both sides agree on corridors”');
    expect(links[1]).toHaveAttribute('href', '?event=ministers-meet&source=second-round-talks&quote=2');
  });

  test('"Read in source" opens the reader at that quote and hands over the link, for focus to return to', async () => {
    const { user, onReadSource } = renderDetails('talks-round-two');
    const link = readLinks()[2]!;
    await user.click(link);
    expect(onReadSource).toHaveBeenCalledExactlyOnceWith(3, link);
  });

  test('"Read in source" works from the keyboard too', async () => {
    const { user, onReadSource } = renderDetails('talks-round-two');
    readLinks()[1]!.focus();
    await user.keyboard('{Enter}');
    expect(onReadSource).toHaveBeenCalledExactlyOnceWith(2, readLinks()[1]);
  });

  test('a modified click is left to the browser (a new tab), not taken over', async () => {
    const { user, onReadSource } = renderDetails('talks-round-two');
    await user.keyboard('{Control>}');
    await user.click(readLinks()[0]!);
    await user.keyboard('{/Control}');
    expect(onReadSource).not.toHaveBeenCalled();
  });
});

describe('stepping and sharing', () => {
  test('previous and next call their handlers', async () => {
    const { user, onPrevious, onNext } = renderDetails('eighth-day');
    await user.click(screen.getByRole('button', { name: PREVIOUS }));
    await user.click(screen.getByRole('button', { name: NEXT }));
    expect(onPrevious).toHaveBeenCalledOnce();
    expect(onNext).toHaveBeenCalledOnce();
  });

  test('previous is disabled on the first event and next on the last', () => {
    const { unmount } = renderDetails('invasion', { previous: false });
    expect(screen.getByRole('button', { name: PREVIOUS })).toBeDisabled();
    expect(screen.getByRole('button', { name: NEXT })).toBeEnabled();
    unmount();
    renderDetails('sanctions', { next: false });
    expect(screen.getByRole('button', { name: PREVIOUS })).toBeEnabled();
    expect(screen.getByRole('button', { name: NEXT })).toBeDisabled();
  });

  test('Copy link copies the link to the event and says so', async () => {
    const { user } = renderDetails('evacuations');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${LINK}evacuations`);
    expect(within(details('Evacuations from Sumy')).getByRole('status')).toHaveTextContent('Link copied');
  });

  test('a close button only when the details are in a sheet', async () => {
    const { unmount } = renderDetails('evacuations');
    expect(screen.queryByRole('button', { name: /^Close/ })).not.toBeInTheDocument();
    unmount();
    const { user, onClose } = renderDetails('evacuations', { close: true });
    await user.click(screen.getByRole('button', { name: /^Close ?details$/ }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('hostile strings', () => {
  test('a title, summary, quote and headline written as HTML show as that text', () => {
    renderDetails('hostile', { dataset: hostileDataset() });
    const region = details(HOSTILE);
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(HOSTILE);
    expect(within(region).getAllByText(HOSTILE).map((el) => el.tagName)).toEqual(['H2', 'P', 'P', 'CITE']);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('who is speaking, and the publisher’s passage', () => {
  test('a quote with a speaker shows the words that name the speaker before it', () => {
    const dataset = readingDataset();
    const event = dataset.events.find((e) => e.id === 'corridor-agreed')!;
    event.quotes[0] = { ...event.quotes[0]!, speaker: { text: 'Podolyak said', paragraph: 0, start: 0, end: 13 } };
    renderDetails('corridor-agreed', { dataset });
    const figure = details(event.title).querySelector('figure')!;
    expect(figure.firstElementChild).toHaveTextContent('Speaker, in the source’s words: Podolyak said …');
  });

  test('a quote links to the publisher’s passage only where the article has a URL', () => {
    const dataset = readingDataset();
    renderDetails('corridor-agreed', { dataset });
    expect(screen.queryByRole('link', { name: /On the publisher’s page/ })).toBeNull();
  });

  test('with a URL, the text-fragment link opens the passage on the publisher’s page', () => {
    const dataset = readingDataset();
    const event = dataset.events.find((e) => e.id === 'corridor-agreed')!;
    const fragment = 'https://example.org/news/talks#:~:text=on%20March%203';
    event.quotes[0] = { ...event.quotes[0]!, fragment };
    renderDetails('corridor-agreed', { dataset });
    expect(screen.getAllByRole('link', { name: /On the publisher’s page/ })[0]).toHaveAttribute('href', fragment);
  });
});
