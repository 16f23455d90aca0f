import { describe, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import { indexDataset } from '../../data/indexDataset.ts';
import { buildDataset } from '../../../tests/fixtures/datasets.ts';
import { PrintView } from './PrintView.tsx';

describe('the printout', () => {
  test('says how each date is known, in words, for a reported event', () => {
    const dataset = buildDataset([{ id: 'r', date: '2022-03-03', title: 'A reported event' }]);
    Object.assign(dataset.events[0]!, { certainty: 'reported', earliest: null, latest: '2022-03-03' });
    const index = indexDataset(dataset);
    render(<PrintView index={index} events={index.events} />);
    expect(screen.getByText('When: reported by Thu 3 Mar 2022; the source gives no date')).toBeInTheDocument();
  });

  test('past its limit it prints the first events and says how many it left out', () => {
    // A limit of 20 here: the app's (PRINT_LIMIT, 2,000) would lay out 2,000 events in jsdom for the
    // same check (7 s of a full run's test time).
    const dataset = buildDataset(Array.from({ length: 25 }, (_, i) => ({ id: `e-${i}`, date: '2022-03-03', title: `Event number ${i}` })));
    const index = indexDataset(dataset);
    render(<PrintView index={index} events={index.events} limit={20} />);
    expect(screen.getByRole('note')).toHaveTextContent('first 20 of the 25 events shown');
    expect(screen.queryByText('Event number 20', { exact: false })).toBeNull();
    expect(screen.getByText('Event number 19', { exact: false })).toBeInTheDocument();
  });
});
