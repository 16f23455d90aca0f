import { describe, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { indexDataset } from '../data/indexDataset.ts';
import { Viewer } from './Viewer.tsx';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { polyfillDialog } from '../../tests/fixtures/dialogPolyfill.ts';
import { fortnight } from '../../tests/fixtures/datasets.ts';

startEachTestOnABarePage();
polyfillDialog();

const findShortcuts = () => screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5000 });

describe('the keyboard shortcuts dialog in the viewer', () => {
  test('? opens it, and keys pressed inside it leave the page alone', async () => {
    const user = userEvent.setup();
    render(<Viewer index={indexDataset(fortnight())} />);
    await user.keyboard('?');
    await findShortcuts();
    await user.keyboard('{ArrowRight}');
    expect(new URLSearchParams(window.location.search).get('event')).toBeNull();
  });

  test('its button in the header opens it', async () => {
    const user = userEvent.setup();
    render(<Viewer index={indexDataset(fortnight())} />);
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    await findShortcuts();
  });

  test('? typed in the search is a character, not a shortcut', async () => {
    const user = userEvent.setup();
    render(<Viewer index={indexDataset(fortnight())} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'why?');
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('why?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
