import { afterEach, describe, expect, test } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { datasetSchema, type CategoryInfo, type Dataset } from '../data/schema.ts';
import { indexDataset } from '../data/indexDataset.ts';
import { configureCategories } from '../lib/categories.ts';
import { Viewer } from './Viewer.tsx';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { buildDataset } from '../../tests/fixtures/datasets.ts';

startEachTestOnABarePage();
afterEach(() => configureCategories(undefined));

/** A bridge closure, filed under five categories of its own: their order is the edition's, not the ids'. */
const BRIDGE: CategoryInfo[] = [
  { id: 'works', label: 'Works', colour: 'orange', shape: 'square' },
  { id: 'council', label: 'Council', colour: 'teal', shape: 'hexagon' },
  { id: 'residents', label: 'Residents', colour: 'magenta', shape: 'star' },
  { id: 'traffic', label: 'Traffic', colour: 'brown', shape: 'chevron' },
  { id: 'river', label: 'River', colour: 'blue', shape: 'diamond' },
];
const bridgeClosure = (): Dataset => ({
  ...buildDataset([
    { date: '2024-05-02', category: 'river', title: 'Barges rerouted' },
    { date: '2024-05-01', category: 'works', title: 'Cracks found in a pier' },
    { date: '2024-05-03', category: 'council', title: 'Emergency session' },
    { date: '2024-05-04', category: 'residents', title: 'Petition delivered' },
    { date: '2024-05-05', category: 'traffic', title: 'Detour signposted' },
  ], 'The Harbour Bridge closure'),
  categories: BRIDGE,
});

function renderEdition(dataset: Dataset, search = '') {
  configureCategories(dataset.categories);
  window.history.replaceState(null, '', search || '?');
  const user = userEvent.setup();
  render(<Viewer index={indexDataset(dataset)} />);
  return { user };
}

const toggles = () => within(screen.getByRole('group', { name: 'Categories' })).getAllByRole('button');
/** The lane labels of the timeline, top to bottom (drawn for the eye: the marks carry the names). */
const laneLabels = () => [...screen.getByRole('group', { name: /^Timeline of/ }).parentElement!.querySelectorAll<HTMLElement>(':scope > [aria-hidden="true"]')]
  .sort((a, b) => Number(a.style.gridRow) - Number(b.style.gridRow))
  .map((el) => el.textContent?.trim());

describe('an edition with five categories of its own', () => {
  test('the fixture fits the dataset contract', () => {
    expect(datasetSchema.safeParse(bridgeClosure()).success).toBe(true);
  });

  test('the filters and the lanes show its five categories, in the order of site.json', () => {
    renderEdition(bridgeClosure());
    expect(toggles().map((b) => b.textContent?.replace(/\d+$/, ''))).toEqual(['■Works', '⬢Council', '★Residents', '▼Traffic', '◆River']);
    expect(toggles().map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'true', 'true', 'true', 'true']);
    expect(laneLabels()).toEqual(['Works', 'Council', 'Residents', 'Traffic', 'River']);
    expect(screen.getByRole('button', { name: /Works: Cracks found in a pier$/ })).toBeInTheDocument();
  });

  test('a cat= link with its ids shows those categories, and toggling one writes its id', async () => {
    const { user } = renderEdition(bridgeClosure(), '?cat=river,council');
    expect(toggles().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false', 'false', 'true']);
    await waitFor(() => expect(window.location.search).toContain('cat=council,river'));
    await user.click(toggles()[0]!);
    await waitFor(() => expect(window.location.search).toContain('cat=works,council,river'));
  });

  test('a cat= link naming a category the edition does not have gets a polite notice', async () => {
    renderEdition(bridgeClosure(), '?cat=military,works');
    await waitFor(() => expect(screen.getByText('Ignored the unknown category “military”.')).toBeInTheDocument());
    expect(toggles().map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false', 'false']);
  });
});
