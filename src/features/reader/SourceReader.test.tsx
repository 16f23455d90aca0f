import { describe, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { indexDataset } from '../../data/indexDataset.ts';
import SourceReader from './SourceReader.tsx';
import {
  ANTALYA_ARTICLE, HOSTILE, TALKS_ARTICLE, hostileDataset, readingDataset,
} from '../../../tests/fixtures/readingFixture.ts';

const LINK = 'https://timeline.example/?source=';

/** The reader of one article of `dataset`, come for quote `quote` of event `from` (or for no passage). */
function renderReader(articleId: string, { dataset = readingDataset(), from = null as string | null, quote = 1 } = {}) {
  const index = indexDataset(dataset);
  const article = index.articleById.get(articleId);
  if (!article) throw new Error(`the fixture has no article "${articleId}"`);
  const focus = from ? index.byId.get(from)!.quotes[quote - 1]! : null;
  const onOpenEvent = vi.fn<(id: string) => void>();
  const onClose = vi.fn<() => void>();
  const user = userEvent.setup();
  render(
    <>
      <button type="button">Elsewhere on the page</button>
      <SourceReader
        article={article}
        passages={index.passagesByArticle.get(articleId) ?? []}
        focus={focus}
        byId={index.byId}
        eventLink={(id) => `?event=${id}`}
        link={`${LINK}${articleId}`}
        onOpenEvent={onOpenEvent}
        onClose={onClose}
      />
    </>,
  );
  return { user, article, index, onOpenEvent, onClose };
}

const reader = (headline: string) => screen.getByRole('region', { name: headline });
const TALKS_HEADLINE = 'Second round of talks: both sides agree on corridors';
const ANTALYA_HEADLINE = 'Ministers meet in Antalya as evacuations resume';
/** The marked passages, in reading order: each holds a link to its event (the legend's example mark does not). */
const marks = () => screen.getAllByRole('mark').filter((m) => within(m).queryAllByRole('link').length > 0);
// Hidden words that start or end with a space ("Close source", "also quoted in: …") lose that space in
// dom-accessibility-api (eps1lon/dom-accessibility-api#1075); browsers keep it. Those names are matched loosely.

describe('the article', () => {
  test('a landmark named by the headline, with the headline as its heading', () => {
    renderReader(TALKS_ARTICLE);
    expect(within(reader(TALKS_HEADLINE)).getByRole('heading', { level: 2 })).toHaveTextContent(TALKS_HEADLINE);
  });

  test('every paragraph of the cleaned text, in order, after the headline and the facts about it', () => {
    const { article } = renderReader(ANTALYA_ARTICLE);
    const texts = within(reader(ANTALYA_HEADLINE)).getAllByRole('paragraph').map((p) => p.textContent);
    expect(texts.slice(-article.paragraphs.length)).toEqual(article.paragraphs);
  });

  test('the publication date in a <time>, and how it is known', async () => {
    const { user } = renderReader(TALKS_ARTICLE);
    const region = reader(TALKS_HEADLINE);
    expect(within(region).getByText('Thu 3 Mar 2022')).toHaveAttribute('datetime', '2022-03-03');
    const how = within(region).getByText('How this date is known');
    expect(how.tagName).toBe('SUMMARY');
    const evidence = within(region).getByText('The dateline of the article reads 3 March 2022.');
    expect(evidence.closest('details')).toContainElement(how);
    await user.click(how);
    expect(how.closest('details')).toHaveAttribute('open');
  });

  test('an unknown publisher and address are said to be unknown', () => {
    renderReader(TALKS_ARTICLE);
    const region = reader(TALKS_HEADLINE);
    expect(within(region).getByText('Publisher').nextElementSibling).toHaveTextContent('Unknown: the text as received does not name its publisher.');
    expect(within(region).getByText('Address').nextElementSibling).toHaveTextContent('Unknown: the text as received gives no address.');
  });

  test('a known publisher is named and a known address is a link', () => {
    renderReader(ANTALYA_ARTICLE);
    const region = reader(ANTALYA_HEADLINE);
    expect(within(region).getByText('Publisher').nextElementSibling).toHaveTextContent('Fixture Wire');
    expect(within(region).getByRole('link', { name: 'https://example.org/antalya' })).toHaveAttribute('href', 'https://example.org/antalya');
  });

  test('photo captions are shown as captions', () => {
    renderReader(TALKS_ARTICLE);
    const labels = within(reader(TALKS_HEADLINE)).getAllByText('Photo caption');
    expect(labels.map((l) => l.parentElement!.textContent)).toEqual([
      'Photo caption Negotiators shake hands before the second round, on March 3.',
      'Photo caption A bus waits at the border crossing.',
    ]);
    // Only the captions: the text paragraphs are not labelled.
    expect(within(reader(TALKS_HEADLINE)).getByText(/^Neither side said/).parentElement?.textContent).not.toMatch(/Photo caption/);
  });
});

describe('quoted passages', () => {
  test('every quoted passage is a <mark>, and nothing else is', () => {
    renderReader(TALKS_ARTICLE);
    // "8 days of fighting" (Invasion begins) lies inside "After 8 days of fighting" (The war reaches its
    // eighth day): the overlap is cut into two marks.
    expect(marks().map((m) => m.querySelector('a')!.textContent)).toEqual([
      'agreed on humanitarian corridors for civilians',
      'Negotiators shake hands before the second round, on March 3.',
      'After ',
      '8 days of fighting',
      'the talks were held in a café near the border',
      'Neither side said when a third round would take place.',
      'Shelling around the encircled port went on for several days.',
    ]);
    // The rest of the text is not marked.
    expect(within(reader(TALKS_HEADLINE)).getByText('A bus waits at the border crossing.').closest('mark')).toBeNull();
  });

  test('a passage links to the event that quotes it', async () => {
    const { user, onOpenEvent } = renderReader(ANTALYA_ARTICLE);
    const link = screen.getByRole('link', { name: 'Civilians left Sumy on Wednesday' });
    expect(link.closest('mark')).not.toBeNull();
    expect(link).toHaveAttribute('href', '?event=evacuations');
    expect(link).toHaveAttribute('title', 'Quoted in: Evacuations from Sumy');
    await user.click(link);
    expect(onOpenEvent).toHaveBeenCalledExactlyOnceWith('evacuations');
  });

  test('a passage quoted by two events links to both', async () => {
    const { user, onOpenEvent } = renderReader(TALKS_ARTICLE);
    const passage = screen.getByRole('link', { name: 'agreed on humanitarian corridors for civilians' });
    const mark = passage.closest('mark')!;
    expect(passage).toHaveAttribute('href', '?event=corridor-agreed');
    expect(passage).toHaveAttribute('title', 'Quoted in: Both sides agree on humanitarian corridors; Second round of talks near Belarus');
    const also = within(mark).getByRole('link', { name: /^also quoted in: ?Second round of talks near Belarus$/ });
    expect(also).toHaveAttribute('href', '?event=talks-round-two');
    await user.click(also);
    await user.click(passage);
    expect(onOpenEvent.mock.calls).toEqual([['talks-round-two'], ['corridor-agreed']]);
  });

  test('a passage link opens its event from the keyboard too', async () => {
    const { user, onOpenEvent } = renderReader(ANTALYA_ARTICLE);
    screen.getByRole('link', { name: 'Governments widened their sanctions again.' }).focus();
    await user.keyboard('{Enter}');
    expect(onOpenEvent).toHaveBeenCalledExactlyOnceWith('sanctions');
  });
});

describe('focus', () => {
  test('the passage the reader came for is a <mark> that has focus', async () => {
    renderReader(TALKS_ARTICLE, { from: 'talks-round-two', quote: 3 });
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));
    expect(document.activeElement).toHaveTextContent('the talks were held in a café near the border');
    expect(marks()).toContain(document.activeElement);
  });

  test('a passage in a caption takes focus too', async () => {
    renderReader(TALKS_ARTICLE, { from: 'talks-round-two', quote: 1 });
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));
    expect(document.activeElement).toHaveTextContent('Negotiators shake hands before the second round, on March 3.');
  });

  test('a passage cut by another passage takes focus at its first piece', async () => {
    renderReader(TALKS_ARTICLE, { from: 'eighth-day', quote: 1 });
    await waitFor(() => expect(document.activeElement?.tagName).toBe('MARK'));
    expect(document.activeElement?.textContent).toBe('After ');
  });

  test('opened for no passage, the headline has focus', async () => {
    renderReader(ANTALYA_ARTICLE);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: ANTALYA_HEADLINE })));
  });
});

describe('closing', () => {
  test('Esc closes the reader', async () => {
    const { user, onClose } = renderReader(ANTALYA_ARTICLE, { from: 'sanctions' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  test('Esc closes the reader wherever focus is on the page', async () => {
    const { user, onClose } = renderReader(ANTALYA_ARTICLE);
    await user.click(screen.getByRole('button', { name: 'Elsewhere on the page' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  test('the Close button closes the reader', async () => {
    const { user, onClose } = renderReader(ANTALYA_ARTICLE);
    await user.click(screen.getByRole('button', { name: /^Close ?source$/ }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  test('Copy link copies the link to the source', async () => {
    const { user } = renderReader(ANTALYA_ARTICLE);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${LINK}${ANTALYA_ARTICLE}`);
  });
});

describe('hostile strings', () => {
  test('a headline and a passage written as HTML show as that text', () => {
    renderReader('hostile-article', { dataset: hostileDataset(), from: 'hostile' });
    const region = reader(HOSTILE);
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(HOSTILE);
    expect(within(region).getByRole('link', { name: HOSTILE }).closest('mark')).not.toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});
