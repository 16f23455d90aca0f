import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { Footer } from './Footer.tsx';

describe('Footer', () => {
  test('offers the three downloads as relative links, with the licence line', () => {
    render(<Footer licence="The data is offered under CC BY 4.0." />);
    const footer = screen.getByRole('contentinfo');
    expect(footer).toHaveTextContent(/^Download the data: JSON · CSV · TimelineJS/);
    expect(screen.getByRole('link', { name: 'JSON' })).toHaveAttribute('href', 'data/timeline.json');
    expect(screen.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', 'data/timeline.csv');
    expect(screen.getByRole('link', { name: 'TimelineJS' })).toHaveAttribute('href', 'data/timeline-timelinejs.json');
    expect(screen.getByText('The data is offered under CC BY 4.0.')).toBeInTheDocument();
  });

  test('has no licence paragraph when the dataset gives none', () => {
    render(<Footer />);
    expect(screen.getByRole('contentinfo').querySelectorAll('p')).toHaveLength(1);
  });
});
