import { describe, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import { indexDataset } from '../../data/indexDataset.ts';
import { buildDataset } from '../../../tests/fixtures/datasets.ts';
import { PRINT_LIMIT, PrintView } from './PrintView.tsx';

describe('the printout', () => {
  test('says how each date is known, in words, for a reported event', () => {
    const dataset = buildDataset([{ id: 'r', date: '2022-03-03', title: 'A reported event' }]);
    Object.assign(dataset.events[0]!, { certainty: 'reported', earliest: null, latest: '2022-03-03' });
    const index = indexDataset(dataset);
    render(<PrintView index={index} events={index.events} />);
    expect(screen.getByText('When: reported by Thu 3 Mar 2022; the source gives no date')).toBeInTheDocument();
  });

  test('past its limit it prints the first events and says how many it left out', () => {
    const count = PRINT_LIMIT + 5;
    const dataset = buildDataset(Array.from({ length: count }, (_, i) => ({ id: `e-${i}`, date: '2022-03-03', title: `Event number ${i}` })));
    const index = indexDataset(dataset);
    render(<PrintView index={index} events={index.events} />);
    expect(screen.getByRole('note')).toHaveTextContent(`first 2,000 of the 2,005 events shown`);
    expect(screen.queryByText(`Event number ${count - 1}`, { exact: false })).toBeNull();
    expect(screen.getByText(`Event number ${PRINT_LIMIT - 1}`, { exact: false })).toBeInTheDocument();
  });
});
