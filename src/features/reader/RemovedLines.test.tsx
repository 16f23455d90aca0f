import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { datasetSchema, type Article, type Dataset } from '../../data/schema.ts';
import { indexDataset } from '../../data/indexDataset.ts';
import SourceReader from './SourceReader.tsx';
import { TALKS_ARTICLE, readingDataset } from '../../../tests/fixtures/readingFixture.ts';

const REMOVED: NonNullable<Article['removed']> = [
  { line: 1, text: 'Skip to main content', reason: 'navigation' },
  { line: 5, text: 'Support independent journalism. Donate today.', reason: 'donation or subscription banner' },
  { line: 9, text: 'Sunday, 3 March 2022, 09:57', reason: 'dateline' },
  { line: 10, text: 'By Jane Doe, Example Wire', reason: 'byline' },
];

/** The reading fixture with its talks article given removed lines, a dateline and (optionally) a provenance. */
function datasetWith(extra: Partial<Article>): Dataset {
  const dataset = readingDataset();
  return datasetSchema.parse({ ...dataset, articles: dataset.articles.map((a) => (a.id === TALKS_ARTICLE ? { ...a, ...extra } : a)) });
}

function renderReader(dataset: Dataset) {
  const index = indexDataset(dataset);
  const article = index.articleById.get(TALKS_ARTICLE)!;
  render(
    <SourceReader article={article} passages={index.passagesByArticle.get(TALKS_ARTICLE) ?? []} focus={null} byId={index.byId}
      eventLink={(id) => `?event=${id}`} link="https://timeline.example/?source=x" onOpenEvent={() => {}} onClose={() => {}} />,
  );
  return { user: userEvent.setup(), article };
}

describe('Show what was removed', () => {
  test('a closed disclosure that opens to every removed line with its reason and line, in order', async () => {
    const { user } = renderReader(datasetWith({ removed: REMOVED }));
    const summary = screen.getByText('Show what was removed');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(summary.closest('summary')).toHaveTextContent('Show what was removed (4 lines)');
    await user.click(summary);
    expect(details.open).toBe(true);
    const items = within(screen.getByRole('list', { name: 'Removed lines' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'navigationline 1Skip to main content',
      'donation or subscription bannerline 5Support independent journalism. Donate today.',
      'datelineline 9Sunday, 3 March 2022, 09:57',
      'bylineline 10By Jane Doe, Example Wire',
    ]);
    expect(screen.getByText(/Lines of the text as received that are not the story/)).toBeInTheDocument();
  });

  test('the removed lines are not among the story’s paragraphs', () => {
    renderReader(datasetWith({ removed: REMOVED }));
    const story = screen.getAllByRole('paragraph').map((p) => p.textContent);
    for (const r of REMOVED) expect(story).not.toContain(r.text);
  });

  test('no disclosure when nothing was removed (a dataset built before removed lines were kept)', () => {
    renderReader(readingDataset());
    expect(screen.queryByText('Show what was removed')).toBeNull();
  });

  test('the dateline that gives the publication day, the byline and a saved page’s provenance are shown', async () => {
    const { user } = renderReader(datasetWith({
      removed: REMOVED,
      byline: 'Jane Doe',
      publishedDateline: { phrase: 'Sunday, 3 March 2022, 09:57', rawStart: 120, rawEnd: 147, line: 9 },
      provenance: { extractedFrom: 'content/articles/x.html', by: 'Mozilla Readability 0.6.0 on linkedom 0.18.15' },
    }));
    await user.click(screen.getByText('How this date is known'));
    expect(screen.getByText(/The page’s dateline:/)).toHaveTextContent('The page’s dateline: Sunday, 3 March 2022, 09:57 (line 9 of the text).');
    expect(screen.getByText('Jane Doe')).toBeInTheDocument();
    expect(screen.getByText(/Extracted from the saved page/)).toHaveTextContent('content/articles/x.html by Mozilla Readability 0.6.0 on linkedom 0.18.15');
    expect(screen.getByText(/Lines of the text extracted from the saved page/)).toBeInTheDocument();
  });
});
