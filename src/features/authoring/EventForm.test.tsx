import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { polyfillDialog } from '../../../tests/fixtures/dialogPolyfill.ts';
import type { AuthoringClient, PassageAnswer, SaveRequest } from './authoringClient.ts';
import { EventForm } from './EventForm.tsx';
import { AddQuoteForm } from './AddQuoteForm.tsx';
import type { SelectedPassage } from './readSelection.ts';
import type { CalendarDay } from '../../lib/time/calendarDay.ts';

polyfillDialog();

const article = { id: 'talks', headline: 'Second round of talks' };
const passage: SelectedPassage = { paragraph: 12, start: 0, end: 52, text: 'The delegations of Russia and Ukraine on February 28', clipped: false };
const answer: PassageAnswer = {
  article: 'talks', paragraph: 12, start: 0, end: 52, text: passage.text,
  proposals: [
    { date: '2022-02-28', dateEvidence: { kind: 'explicit', article: 'talks', phrase: 'on February 28' }, words: 'on February 28', at: { paragraph: 12, start: 38, end: 52 }, hint: 'the words name the day' },
    { date: '2022-03-03', dateEvidence: { kind: 'undated', article: 'talks' }, words: '', at: { paragraph: 12, start: 0, end: 0 }, hint: 'reported by the article published 2022-03-03' },
  ] as PassageAnswer['proposals'],
};

/** A dev server stand-in: claims are the capitalised words the quote lacks; saves answer `saveAnswer`. */
function fakeClient(saveAnswer: Awaited<ReturnType<AuthoringClient['save']>> = { ok: true, id: 'x' }) {
  return {
    passage: vi.fn(async () => answer),
    claims: vi.fn(async ({ title, summary, quotes }: { title: string; summary: string; quotes: string[] }) => {
      const lacking = (s: string) => (s.match(/\p{Lu}\p{L}+/gu) ?? []).filter((w) => !quotes.join(' ').includes(w));
      return { title: lacking(title), summary: lacking(summary) };
    }),
    save: vi.fn(async (_req: SaveRequest) => saveAnswer),
  } satisfies AuthoringClient;
}

function Page({ client, onSaved = () => {} }: { client: AuthoringClient; onSaved?: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>New event from this passage</button>
      {open && <EventForm article={article} passage={passage} client={client} onSaved={onSaved} onClose={() => setOpen(false)} />}
    </>
  );
}

async function openForm(client: AuthoringClient, onSaved?: (id: string) => void) {
  const user = userEvent.setup();
  render(<Page client={client} onSaved={onSaved} />);
  await user.click(screen.getByRole('button', { name: 'New event from this passage' }));
  const dialog = screen.getByRole('dialog', { name: 'New event from this passage' });
  await within(dialog).findByRole('radio', { name: /28 Feb 2022: the words name the day, “on February 28”/ });
  return { user, dialog };
}

describe('EventForm', () => {
  it('shows the exact quote with where it stands, and the dates its words give, the first chosen', async () => {
    const client = fakeClient();
    const { dialog } = await openForm(client);
    expect(client.passage).toHaveBeenCalledWith({ article: 'talks', paragraph: 12, start: 0, end: 52 });
    expect(within(dialog).getByText(passage.text)).toBeInTheDocument();
    expect(within(dialog).getByText('Second round of talks, paragraph 13, characters 0–52')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /28 Feb 2022/ })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: /3 Mar 2022: undated, reported by the article/ })).not.toBeChecked();
    for (const name of ['Category', 'Title', 'Summary', 'Id']) expect(within(dialog).getByLabelText(name)).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: /Key event/ })).not.toBeChecked();
  });

  it('checks the title and summary for claims beyond the quote as they are typed, next to each field', async () => {
    const { user, dialog } = await openForm(fakeClient());
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.type(title, 'Kyiv and Russia talk');
    await waitFor(() => expect(title).toHaveAccessibleDescription(/“Kyiv” is not in the quote/));
    expect(title).toHaveAttribute('aria-invalid', 'true');
    await user.clear(title);
    await user.type(title, 'Russia and Ukraine talk');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'false'));
    expect(within(dialog).getByRole('textbox', { name: 'Id' })).toHaveValue('russia-and-ukraine-talk');
  });

  it('names every missing field next to it and sends nothing', async () => {
    const client = fakeClient();
    const { user, dialog } = await openForm(client);
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(/title is needed/);
    expect(within(dialog).getByRole('textbox', { name: 'Summary' })).toHaveAccessibleDescription('summary is needed');
    expect(within(dialog).getByRole('combobox', { name: 'Category' })).toHaveAccessibleDescription('category is needed');
    expect(client.save).not.toHaveBeenCalled();
  });

  it('saves the event with the chosen date, and shows the pipeline’s refusal next to the fields it names', async () => {
    const client = fakeClient({ ok: false, errors: [
      'content/events.yaml:40: event "first-talks" → id: duplicate id: another event already has "first-talks"',
      'content/events.yaml: 1 more problem elsewhere',
    ] });
    const { user, dialog } = await openForm(client);
    await user.click(within(dialog).getByRole('radio', { name: /3 Mar 2022/ }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Category' }), 'diplomacy');
    await user.click(within(dialog).getByRole('checkbox', { name: /Key event/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'First talks');
    await user.type(within(dialog).getByRole('textbox', { name: 'Summary' }), 'The delegations of Russia and Ukraine met.');
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));
    expect(client.save).toHaveBeenCalledWith({
      action: 'event', passage: { article: 'talks', paragraph: 12, start: 0, end: 52 },
      event: { id: 'first-talks', date: '2022-03-03', key: true, title: 'First talks', summary: 'The delegations of Russia and Ukraine met.', category: 'diplomacy', dateEvidence: { kind: 'undated', article: 'talks' } },
    });
    expect(await within(dialog).findByRole('textbox', { name: 'Id' })).toHaveAccessibleDescription(/duplicate id: another event already has "first-talks"/);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The pipeline refuses this save; nothing was written:content/events.yaml: 1 more problem elsewhere');
  });

  it('hands the saved event’s id on', async () => {
    const onSaved = vi.fn();
    const { user, dialog } = await openForm(fakeClient({ ok: true, id: 'first-talks' }), onSaved);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Category' }), 'diplomacy');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'First talks');
    await user.type(within(dialog).getByRole('textbox', { name: 'Summary' }), 'They met.');
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('first-talks'));
  });

  it('closes on Escape and on Close, giving focus back to its opener', async () => {
    const { user } = await openForm(fakeClient());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New event from this passage' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'New event from this passage' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New event from this passage' })).toHaveFocus();
  });
});

describe('AddQuoteForm', () => {
  it('adds the passage to the event chosen, and asks for one first', async () => {
    const user = userEvent.setup();
    const client = fakeClient({ ok: true, id: 'b' });
    const onSaved = vi.fn();
    const events = [
      { id: 'a', date: '2022-02-24' as CalendarDay, title: 'Invasion' },
      { id: 'b', date: '2022-02-28' as CalendarDay, title: 'First talks' },
    ] satisfies Parameters<typeof AddQuoteForm>[0]['events'];
    render(<AddQuoteForm article={article} passage={passage} events={events} client={client} onSaved={onSaved} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Add quote to event' });
    await user.click(within(dialog).getByRole('button', { name: 'Add quote' }));
    expect(within(dialog).getByRole('combobox', { name: 'Event' })).toHaveAccessibleDescription('choose the event this passage is a quote of');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Event' }), 'Mon 28 Feb 2022: First talks');
    await user.click(within(dialog).getByRole('button', { name: 'Add quote' }));
    expect(client.save).toHaveBeenCalledWith({ action: 'quote', passage: { article: 'talks', paragraph: 12, start: 0, end: 52 }, event: 'b' });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('b'));
  });
});
