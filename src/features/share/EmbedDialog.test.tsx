import { describe, expect, test, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import EmbedDialog from './EmbedDialog.tsx';
import { polyfillDialog, pressEscapeOn } from '../../../tests/fixtures/dialogPolyfill.ts';

polyfillDialog();

function Page({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Embed</button>
      <button type="button">Behind</button>
      {open && <EmbedDialog url="https://example.org/?embed=1" title="A timeline" onClose={() => { onClose(); setOpen(false); }} />}
    </>
  );
}

describe('EmbedDialog', () => {
  test('shows the snippet of the current view', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    const snippet = screen.getByRole('textbox', { name: 'Embed code' });
    expect(snippet).toHaveValue('<iframe src="https://example.org/?embed=1" title="A timeline" width="100%" height="520" loading="lazy" style="border:0;max-width:100%"></iframe>');
  });

  test('Tab goes round the dialog and never reaches the page behind', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    const dialog = screen.getByRole('dialog', { name: 'Embed this view' });
    for (let i = 0; i < 7; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    for (let i = 0; i < 4; i++) {
      await user.tab({ shift: true });
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  test('Escape closes it and gives focus back to "Embed"', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    pressEscapeOn(screen.getByRole('dialog', { name: 'Embed this view' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Embed' })).toHaveFocus();
  });

  test('Close closes it and gives focus back to "Embed"', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Embed' })).toHaveFocus();
  });
});
