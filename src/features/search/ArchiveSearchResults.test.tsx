import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { ArchiveSearchResults, type ArchiveSearchResultsProps } from './ArchiveSearchResults.tsx';
import type { SearchHit } from './searchColumns.ts';

const talks: SearchHit = { id: 'talks-open', day: '2022-02-28', lane: 1, chunk: 0, title: 'Talks open in Belarus' };
const resume: SearchHit = { id: 'talks-resume', day: '2022-03-03', lane: 0, chunk: 3, title: 'Talks resumé, then talks again' };

/** The results with the default four lanes (military, diplomacy, …) and spies for the callbacks. */
function renderResults(props: Partial<ArchiveSearchResultsProps>) {
  const onOpen = vi.fn();
  const onRetry = vi.fn();
  render(
    <ArchiveSearchResults
      query="talks" result={null} pending={false} error={null}
      lanes={['military', 'diplomacy', 'humanitarian', 'international']} onOpen={onOpen} onRetry={onRetry} {...props}
    />,
  );
  return { onOpen, onRetry };
}

describe('ArchiveSearchResults', () => {
  test('says how many events match across the archive, then lists each as a button with its match marked, day and lane', async () => {
    const { onOpen } = renderResults({ query: ' talks ', result: { total: 2, hits: [talks, resume] } });
    expect(screen.getByRole('status')).toHaveTextContent('2 events match “talks” across the archive');
    const buttons = within(screen.getByRole('list')).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      '◆Talks open in BelarusMon 28 Feb 2022Diplomacy',
      '●Talks resumé, then talks againThu 3 Mar 2022Military',
    ]);
    expect([...buttons[1]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Talks', 'talks']);
    expect(buttons[0]!.querySelector('time')).toHaveAttribute('datetime', '2022-02-28');
    await userEvent.setup().click(screen.getByRole('button', { name: /Talks resumé/ }));
    expect(onOpen).toHaveBeenCalledWith(resume);
  });

  test('opens a hit from the keyboard too', async () => {
    const { onOpen } = renderResults({ result: { total: 1, hits: [talks] } });
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: /Talks open in Belarus/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(talks);
    expect(screen.getByRole('status')).toHaveTextContent('1 event matches “talks” across the archive');
  });

  test('says when the list is capped, and how to see the rest', () => {
    renderResults({ result: { total: 12_345, hits: [talks, resume] } });
    expect(screen.getByRole('status')).toHaveTextContent('12,345 events match “talks” across the archive');
    expect(screen.getByText('Showing the first 2 of 12,345: refine the search to see the rest.')).toBeInTheDocument();
  });

  test('says nothing matches, without a list', () => {
    renderResults({ query: 'zzz', result: { total: 0, hits: [] } });
    expect(screen.getByRole('status')).toHaveTextContent('No event matches “zzz” across the archive.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  test('is busy while searching, keeping the previous answer in view', () => {
    renderResults({ pending: true, result: { total: 1, hits: [talks] } });
    expect(screen.getByRole('region', { name: 'Search results across the archive' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Searching…');
    expect(screen.getByRole('button', { name: /Talks open/ })).toBeInTheDocument();
  });

  test('shows the error with a way to try again', async () => {
    const { onRetry } = renderResults({ error: 'data/search-1.json: the server answered HTTP 503', result: { total: 1, hits: [talks] } });
    expect(screen.getByRole('alert')).toHaveTextContent('The search could not be done. data/search-1.json: the server answered HTTP 503');
    expect(screen.queryByRole('list')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  test('shows a hostile title as text', () => {
    renderResults({ query: 'img', result: { total: 1, hits: [{ ...talks, title: '<img src=x onerror=alert(1)>' }] } });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: /<img src=x/ })).toBeInTheDocument();
  });
});
