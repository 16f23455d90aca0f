/**
 * Helpers for the deep-link and embed browser tests: the dataset that dist/
 * ships (expected values come from it, not from the app), days written the
 * way the spec writes them, and waits on the address bar, the selection,
 * the notices and the time axis.
 */
import fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { WAIT_MS } from './harness.ts';

export type DataEvent = {
  id: string; date: string; title: string; summary: string; category: string;
  quotes: Array<{ article: string; paragraph: number; start: number; end: number; text: string }>;
};
export type DataArticle = { id: string; headline: string; paragraphs: string[] };
export type Dataset = { title: string; events: DataEvent[]; articles: DataArticle[] };

/** The dataset as dist/ serves it. */
export const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as Dataset;

/** The event with this id; throws if the dataset has none (a broken test, not an app bug). */
export function eventById(id: string): DataEvent {
  const found = dataset.events.find((e) => e.id === id);
  if (!found) throw new Error(`the dataset has no event "${id}"`);
  return found;
}

/** The article with this id. */
export function articleById(id: string): DataArticle {
  const found = dataset.articles.find((a) => a.id === id);
  if (!found) throw new Error(`the dataset has no article "${id}"`);
  return found;
}

/** The first event of a day in the dataset's order (date, then id). */
export function firstEventOn(day: string): DataEvent {
  const found = dataset.events.filter((e) => e.date === day).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  if (!found) throw new Error(`the dataset has no event on ${day}`);
  return found;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2022", as the spec writes a day in running text. */
export function spelledDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "3 Mar", as a day tick of the time axis reads. */
export function tickDay(day: string): string {
  return spelledDay(day).replace(/ \d{4}$/, '');
}

/** Every day from `from` to `to`, inclusive. */
export function daysFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The document title the spec asks for when an event is selected. */
export function titleFor(event: DataEvent): string {
  return `${event.title} — ${spelledDay(event.date)} · ${dataset.title}`;
}

/** Lower case, no accents, one space: how the search compares text (case- and accent-insensitive). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The window a search or filter fits the axis to (issue 11), as the URL writes it: a day before
 * the first matching event to a day after the last, kept inside the data's days (a window is
 * written back as shown, commit "Zoom window: one owner"), as `&from=…&to=…`; '' when that is the
 * whole timeline or when nothing matches.
 */
export function fittedWindow(ids: string[]): string {
  if (ids.length === 0) return '';
  const days = ids.map((id) => eventById(id).date).sort();
  const all = dataset.events.map((e) => e.date).sort();
  const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const from = [shift(days[0]!, -1), all[0]!].sort().at(-1)!;
  const to = [shift(days.at(-1)!, 1), all.at(-1)!].sort()[0]!;
  if (from === all[0] && to === all.at(-1)) return '';
  return `&from=${from}&to=${to}`;
}

/** The ids of the events that a search and a category filter keep, in dataset order. */
export function matchingIds(q: string, cats: string[] | null): string[] {
  const fq = fold(q);
  return dataset.events
    .filter((e) => (!cats || cats.includes(e.category)))
    .filter((e) => !fq || [e.title, e.summary, ...e.quotes.map((x) => x.text)].some((s) => fold(s).includes(fq)))
    .map((e) => e.id);
}

type Target = Page | Frame;

/** Waits until the address's query string is exactly `search` ('' for none). */
export async function waitForSearch(target: Target, search: string): Promise<void> {
  try {
    await target.waitForFunction((s) => window.location.search === s, search, { timeout: WAIT_MS });
  } catch {
    const actual = await target.evaluate(() => window.location.search);
    throw new Error(`expected the address to end in ${JSON.stringify(search)}, but it is ${JSON.stringify(actual)}`);
  }
}

/** The current query string of the page or frame. */
export function currentSearch(target: Target): Promise<string> {
  return target.evaluate(() => window.location.search);
}

/** The id of the event marked as current in the list ('' when none). */
export function selectedInList(target: Target): Promise<string> {
  return target.evaluate(() => document.querySelector('nav [data-event-id][aria-current="true"]')?.getAttribute('data-event-id') ?? '');
}

/** Waits until the list marks `id` as the current event ('' waits for no selection). */
export async function waitForSelected(target: Target, id: string): Promise<void> {
  try {
    await target.waitForFunction(
      (want) => (document.querySelector('nav [data-event-id][aria-current="true"]')?.getAttribute('data-event-id') ?? '') === want,
      id, { timeout: WAIT_MS },
    );
  } catch {
    throw new Error(`expected the list to mark ${JSON.stringify(id)} as selected, but it marks ${JSON.stringify(await selectedInList(target))}`);
  }
}

/** The text of the notices region: the `role="status"` region that lists what a link asked for and could not have. */
export function noticesText(target: Target): Promise<string> {
  return target.evaluate(() => [...document.querySelectorAll('[role="status"]')]
    .filter((el) => el.querySelector('li'))
    .map((el) => (el.textContent ?? '').trim())
    .join('\n'));
}

/** Waits for a `role="status"` region whose text matches `pattern`, and returns that text. */
export async function waitForNotice(target: Target, pattern: RegExp): Promise<string> {
  try {
    const handle = await target.waitForFunction(
      ([source, flags]) => [...document.querySelectorAll('[role="status"]')]
        .map((el) => el.textContent ?? '')
        .find((t) => new RegExp(source, flags).test(t)) ?? null,
      [pattern.source, pattern.flags] as const, { timeout: WAIT_MS },
    );
    return (await handle.jsonValue()) as string;
  } catch {
    const statuses = await target.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent ?? '').filter(Boolean));
    throw new Error(`expected a role="status" notice matching ${pattern}, but the status regions say ${JSON.stringify(statuses)}`);
  }
}

/** The labels of the time axis (day ticks read "3 Mar"), without the year that the axis shows apart. */
export function tickLabels(target: Target): Promise<string[]> {
  return target.evaluate(() => {
    const surface = document.querySelector('[role="group"][aria-label^="Timeline"]');
    const axis = surface?.querySelector(':scope > div[aria-hidden="true"]');
    return [...(axis?.querySelectorAll('span') ?? [])].map((s) => (s.textContent ?? '').trim()).filter((t) => !/^\d{4}(–\d{4})?$/.test(t));
  });
}

/** Waits until the axis labels are exactly `labels`, in order. */
export async function waitForTicks(target: Target, labels: string[]): Promise<void> {
  try {
    await target.waitForFunction((want) => {
      const surface = document.querySelector('[role="group"][aria-label^="Timeline"]');
      const axis = surface?.querySelector(':scope > div[aria-hidden="true"]');
      const got = [...(axis?.querySelectorAll('span') ?? [])].map((s) => (s.textContent ?? '').trim()).filter((t) => !/^\d{4}(–\d{4})?$/.test(t));
      return JSON.stringify(got) === JSON.stringify(want);
    }, labels, { timeout: WAIT_MS });
  } catch {
    throw new Error(`expected the time axis to read ${JSON.stringify(labels)}, but it reads ${JSON.stringify(await tickLabels(target))}`);
  }
}

/** The ids of the timeline's events marked as belonging to the day a date link names (`data-marked`). */
export function markedOnTimeline(target: Target): Promise<string[]> {
  return target.evaluate(() => [...document.querySelectorAll('main [data-event-id][data-marked]')]
    .filter((el) => !el.closest('nav'))
    .map((el) => el.getAttribute('data-event-id') ?? ''));
}

/** The ids of a day's events in the dataset. */
export function eventsOn(day: string): string[] {
  return dataset.events.filter((e) => e.date === day).map((e) => e.id);
}

/** Waits until keyboard focus is on the element with this id, e.g. a day heading "day-2022-03-03". */
export async function waitForFocusOn(target: Target, id: string): Promise<void> {
  try {
    await target.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: WAIT_MS });
  } catch {
    const actual = await target.evaluate(() => { const a = document.activeElement; return a ? `<${a.tagName.toLowerCase()} id="${a.id}">` : 'nothing'; });
    throw new Error(`expected keyboard focus on #${id}, but it is on ${actual}`);
  }
}

/** Whether the element matching `selector` lies inside the visible box of the scrolling element `container`. */
export function isInView(target: Target, selector: string, container: string): Promise<boolean> {
  return target.evaluate(([sel, box]) => {
    const el = document.querySelector(sel);
    const scroller = document.querySelector(box);
    if (!el || !scroller) return false;
    const r = el.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return r.height > 0 && r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
  }, [selector, container] as const);
}
