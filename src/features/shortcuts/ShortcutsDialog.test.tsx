import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import ShortcutsDialog from './ShortcutsDialog.tsx';
import { polyfillDialog, pressEscapeOn } from '../../../tests/fixtures/dialogPolyfill.ts';

polyfillDialog();

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Keyboard shortcuts</button>
      <button type="button">Behind</button>
      {open && <ShortcutsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/** The accessible name of a row's keys: dom-accessibility-api drops the spaces around " or " that browsers keep (eps1lon/dom-accessibility-api#1075). */
const keys = (words: string) => new RegExp(`^${words.split(' or ').join('\\s*or\\s*')}$`);

async function openDialog() {
  const user = userEvent.setup();
  render(<Page />);
  await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Keyboard shortcuts' }) };
}

describe('ShortcutsDialog', () => {
  test('lists every shortcut of the viewer, each key named in words', async () => {
    const { dialog } = await openDialog();
    const row = (what: string) => within(dialog).getAllByRole('row').find((r) => within(r).queryByRole('cell', { name: what }));
    expect(within(row('Previous or next event')!).getByRole('rowheader')).toHaveAccessibleName(keys('Left arrow or Right arrow'));
    expect(within(row('First or last event')!).getByRole('rowheader')).toHaveAccessibleName(keys('Home or End'));
    expect(within(row('Zoom the timeline in or out')!).getByRole('rowheader')).toHaveAccessibleName(keys('Plus or Minus'));
    expect(within(row('Fit the whole timeline')!).getByRole('rowheader')).toHaveAccessibleName(keys('0'));
    expect(within(row('Previous or next event in the list')!).getByRole('rowheader')).toHaveAccessibleName(keys('Up arrow or Down arrow'));
    expect(within(row('Select the focused event and show its details')!).getByRole('rowheader')).toHaveAccessibleName(keys('Enter or Space'));
    expect(within(row('Show these keyboard shortcuts')!).getByRole('rowheader')).toHaveAccessibleName(keys('Question mark'));
    expect(within(dialog).getAllByRole('table').map((t) => within(t).getByText(/./, { selector: 'caption' }).textContent)).toEqual([
      'Anywhere (except while typing)', 'On the timeline', 'In the event list', 'In a dialog or the source reader',
    ]);
  });

  test('Tab stays inside the dialog', async () => {
    const { user, dialog } = await openDialog();
    for (let i = 0; i < 3; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  test('Close and Escape give focus back to the opener', async () => {
    const { user } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    pressEscapeOn(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();
  });
});
