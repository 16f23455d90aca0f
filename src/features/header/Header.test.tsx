import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { indexDataset } from '../../data/indexDataset.ts';
import { fortnight } from '../../../tests/fixtures/datasets.ts';
import { Header } from './Header.tsx';

const noop = () => {};

describe('Header', () => {
  test('shows the edition’s title as the page heading and its dek beneath it', () => {
    const index = indexDataset({ ...fortnight(), title: 'A week in Brest', dek: 'Talks and what followed, in the sources’ words.' });
    render(<Header index={index} sourceLink={() => '#'} onOpenSource={noop} onEmbed={noop} />);
    expect(screen.getByRole('heading', { level: 1, name: 'A week in Brest' })).toBeInTheDocument();
    expect(screen.getByText('Talks and what followed, in the sources’ words.')).toBeInTheDocument();
  });

  test('shows no dek when the dataset has none', () => {
    const { container } = render(<Header index={indexDataset(fortnight())} sourceLink={() => '#'} onOpenSource={noop} onEmbed={noop} />);
    expect(container.querySelector('h1 + p')?.textContent).toMatch(/\d+ events? · \d+ sources?/);
  });
});
