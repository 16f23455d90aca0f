/**
 * What the Viewer's component tests share: rendering it on a fixture, finding its parts by role
 * and name, and reading the axis's day labels. Viewer.test.tsx and Viewer.dates.test.tsx (the
 * date-sensitive ones, also run in other time zones) both use it.
 */
import { expect } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dataset } from '../data/schema.ts';
import { indexDataset } from '../data/indexDataset.ts';
import { Viewer } from './Viewer.tsx';

export function renderViewer(dataset: Dataset, { notesField = false } = {}) {
  // These tests are about the time scale's marks, ticks and badges (the story scale has its own).
  window.history.replaceState(null, '', '?scale=time');
  const user = userEvent.setup();
  render(
    <>
      {notesField && <input type="text" aria-label="Notes" />}
      <Viewer index={indexDataset(dataset)} />
    </>,
  );
  return { user };
}

export const timeline = () => screen.getByRole('group', { name: /^Timeline of/ });
export const list = () => screen.getByRole('navigation', { name: 'Events by day' });
export const listButton = (title: string) => within(list()).getByRole('button', { name: new RegExp(`^${title}`) });
/** The live region that announces the selection (the page has other status regions). */
/** The live region speaks once the selection has settled (700 ms): wait for it without racing a busy machine. */
export const SETTLED = { timeout: 10_000 } as const;
export const announcement = () => screen.getAllByRole('status').find((el) => el.textContent?.startsWith('Selected:')) ?? null;
export const mark = (title: string) => within(timeline()).getByRole('button', { name: new RegExp(`: ${title}$`) });

/** Both elements that stand for the event (its list entry and its timeline marker) say it is the current one. */
export function expectSelected(id: string) {
  const carriers = [...document.querySelectorAll(`[data-event-id="${id}"]`)];
  expect(carriers).toHaveLength(2);
  for (const el of carriers) expect(el).toHaveAttribute('aria-current', 'true');
  const others = [...document.querySelectorAll('[data-event-id][aria-current]')].filter((el) => el.getAttribute('data-event-id') !== id);
  expect(others).toEqual([]);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAY_LABEL = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;
/** The day labels on the axis ("9 Mar"), left to right. */
export const dayTicks = () => within(timeline()).queryAllByText(DAY_LABEL).map((el) => el.textContent ?? '');
/** Smallest number of days between two neighbouring day labels (the fixtures lie within 2022). */
export function finestStep(labels: readonly string[]): number {
  const days = labels.map((l) => {
    const [, d, m] = DAY_LABEL.exec(l)!;
    return Date.UTC(2022, MONTHS.indexOf(m!), Number(d)) / 86_400_000;
  });
  return Math.min(...days.slice(1).map((d, i) => d - days[i]!));
}
