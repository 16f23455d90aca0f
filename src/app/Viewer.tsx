import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../data/indexDataset.ts';
import type { Category } from '../data/schema.ts';
import { Header } from '../features/header/Header.tsx';
import { EventList } from '../features/event-list/EventList.tsx';
import { EventDetails } from '../features/details/EventDetails.tsx';
import { Filters } from '../features/filters/Filters.tsx';
import { PrintView } from '../features/print/PrintView.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import { useTimelineView } from '../features/timeline/useTimelineView.ts';
import { filterEvents } from '../lib/search/filterEvents.ts';
import { certaintyOf, describeCertainty } from '../lib/evidence/describeCertainty.ts';
import { addCalendarDays, dayStartMs, formatDay, utcToDay, type CalendarDay } from '../lib/time/calendarDay.ts';
import { centreWindowOn, clampWindow, DAY_MS, fullWindow, wellInView, type Window } from '../lib/time/view.ts';
import { resolveUrlState } from '../lib/url/resolveUrlState.ts';
import { parseUrlState, serializeUrlState, type Notice, type UrlState } from '../lib/url/urlState.ts';
import { Notices } from './Notices.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Sheet } from './Sheet.tsx';
import { absoluteUrl, useUrlSearch, writeUrl } from './urlHistory.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { usePrinting } from './usePrinting.ts';
import styles from './Viewer.module.css';
import { Footer } from '../features/footer/Footer.tsx';
import type { ArchiveKit } from './ArchiveViewer.tsx';
import { useArchiveWindow } from '../features/archive/useArchiveWindow.ts';

const SourceReader = lazy(() => import('../features/reader/SourceReader.tsx'));
const EmbedDialog = lazy(() => import('../features/share/EmbedDialog.tsx'));
const ShortcutsDialog = lazy(() => import('../features/shortcuts/ShortcutsDialog.tsx'));

const ZOOM_STEP = 1.6;
/** Steps closer together than this are one burst: one history entry, one announcement. */
const STEP_BURST_MS = 700;
const NARROW = '(max-width: 759px)';
/** Wide enough for the list, the details and the source side by side. */
const WIDE = '(min-width: 1600px)';

/** The days a window shows, for the URL; null when it shows everything. */
/**
 * The days a window shows, for the URL; null when it shows everything. Each end goes to the
 * nearest day boundary and stays within the data's days, so that days → window (clamped) → days
 * comes back to the same days: a window written to the URL is the window shown, with no creep.
 */
function windowToDays(view: Window, full: Window, bounds: { first: CalendarDay | null; last: CalendarDay | null }): Pick<UrlState, 'from' | 'to'> {
  const tolerance = (full[1] - full[0]) * 0.001;
  if (Math.abs(view[0] - full[0]) <= tolerance && Math.abs(view[1] - full[1]) <= tolerance) return { from: null, to: null };
  const { first, last } = bounds;
  let from = utcToDay(view[0] + DAY_MS / 2);
  let to = utcToDay(view[1] - DAY_MS / 2);
  if (first && from < first) from = first;
  if (last && to > last) to = last;
  if (to < from) to = from;
  if (first && last && from === first && to === last) return { from: null, to: null };
  return { from, to };
}

function daysToWindow(state: Pick<UrlState, 'from' | 'to'>, full: Window): Window {
  return state.from && state.to ? [dayStartMs(state.from), dayStartMs(state.to) + DAY_MS] : full;
}

/** Moves keyboard focus to an event's button in the list. */
function focusInList(id: string | null) {
  if (id) document.querySelector<HTMLElement>(`nav [data-event-id="${CSS.escape(id)}"]`)?.focus();
}

/** Moves keyboard focus to the heading of an event's details. */
function focusDetailsHeading(id: string) {
  document.querySelector<HTMLElement>(`[data-details-for="${CSS.escape(id)}"] h2`)?.focus();
}

/** The viewer of a loaded dataset. What is selected and shown lives in the URL; this reads it and writes it. */
export function Viewer({ index, archive }: { index: DatasetIndex; archive?: ArchiveKit }) {
  const search = useUrlSearch();
  const parsed = useMemo(() => parseUrlState(search), [search]);
  // In an archive, a link's event or day may be in a chunk still on its way: it waits for it
  // instead of being dropped as unknown.
  const waitingFor = useArchiveWaiting(archive, index, parsed.state);
  const resolved = useMemo(() => {
    if (!waitingFor) return resolveUrlState(parsed.state, index);
    const r = resolveUrlState({ ...parsed.state, event: null, date: null }, index);
    return { ...r, state: { ...r.state, event: parsed.state.event, date: parsed.state.date } };
  }, [parsed, index, waitingFor]);
  const state = resolved.state;
  const narrow = useMediaQuery(NARROW);
  const wide = useMediaQuery(WIDE);
  const printing = usePrinting();
  const full = useMemo(() => (index.first && index.last ? fullWindow(index.first, index.last) : ([0, DAY_MS] as const)), [index.first, index.last]);
  const dataDays = useMemo(() => (index.first && index.last ? [index.first, index.last] as const : null), [index.first, index.last]);
  // The URL owns the window: the timeline shows it, and writes a gesture's end to it once.
  // A date link shows its day: inside the link's window, or that window moved to centre on it.
  const committed = useMemo(() => {
    const asked = clampWindow(full, daysToWindow({ from: state.from, to: state.to }, full));
    if (!state.date) return asked;
    const start = dayStartMs(state.date);
    return start >= asked[0] && start + DAY_MS <= asked[1] ? asked : centreWindowOn(full, asked, start + DAY_MS / 2);
  }, [state.from, state.to, state.date, full]);
  const searchRef = useRef(search);
  useLayoutEffect(() => { searchRef.current = search; }, [search]);
  const commitWindow = useCallback((w: Window) => {
    const { state: current } = parseUrlState(searchRef.current);
    const days = windowToDays(w, full, index);
    // Moving the view off a date link's day leaves that day: the link is no longer about it (else
    // the window derived from the date would pull the view back to the day).
    const keepsDay = current.date === null || days.from === null || days.to === null || (days.from <= current.date && current.date <= days.to);
    writeUrl(serializeUrlState({ ...current, ...days, ...(keepsDay ? {} : { date: null }) }), 'replace');
  }, [full, index]);
  const timeline = useTimelineView(full, committed, commitWindow);
  useArchiveWindow(archive, timeline, state.event, state.date);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [sheetOpen, setSheetOpen] = useState(() => state.event !== null);
  const [embedOpen, setEmbedOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const events = useMemo(() => matchingEvents(index, state.q, state.cat, state.dated), [index, state.q, state.cat, state.dated]);
  const scale = state.scale ?? 'story';
  const archiveInfo = archive?.info;
  // A window of an archive with more events than can be drawn one by one shows their density, and
  // of the loaded events only the key ones (a part drawn as marks beside the rest as density would
  // read as if the rest were empty).
  const overBudget = archive?.snapshot.overBudget ?? false;
  const keyStubs = archive?.keyEvents;
  const [timelineEvents, timelineById] = useMemo(() => {
    if (!overBudget) return [events, index.byId] as const;
    // Over budget: the archive's key events, from its index (the loaded ones as loaded).
    const key = (keyStubs ?? []).map((k) => index.byId.get(k.id) ?? k).filter((e) => filterEvents([e], state.q, state.cat).length === 1);
    return [key, new Map(key.map((e) => [e.id, e]))] as const;
  }, [events, index.byId, overBudget, keyStubs, state.q, state.cat]);
  const density = useMemo(() => archiveInfo && { ...archiveInfo.density, histogram: overBudget }, [archiveInfo, overBudget]);
  const categoryCounts = useMemo(() => {
    const counts: Record<Category, number> = Object.fromEntries(index.categories.map((c) => [c, 0]));
    if (archiveInfo) {
      // An archive's counts are of everything in it, from its index, not of the loaded part.
      const { lanes, byMonth } = archiveInfo.density;
      for (const row of byMonth) lanes.forEach((c, i) => { counts[c] = (counts[c] ?? 0) + Number(row[i + 1]); });
    } else {
      for (const e of index.events) counts[e.category] = (counts[e.category] ?? 0) + 1;
    }
    return counts;
  }, [index.events, index.categories, archiveInfo]);
  // A date link marks every event of its day.
  const marked = useMemo(() => new Set(state.date ? events.filter((e) => e.date === state.date).map((e) => e.id) : []), [events, state.date]);
  const position = useMemo(() => new Map(events.map((e, i) => [e.id, i])), [events]);
  const selectedId = state.event !== null && position.has(state.event) ? state.event : null;
  const selected = selectedId ? index.byId.get(selectedId)! : null;
  // What the URL says is shown: a link, a step or a filter keeps it as it is.
  const windowDays = useMemo(() => windowToDays(committed, full, index), [committed, full, index]);

  // A link from outside (first load, Back/Forward, an edited address) can hold what we cannot show:
  // keep its notices (adjusting state while rendering, as the address changed), then put the
  // canonical URL in the address bar.
  const [noticedSearch, setNoticedSearch] = useState<string | null>(null);
  if (noticedSearch !== search) {
    setNoticedSearch(search);
    const found = [...parsed.notices, ...resolved.notices];
    if (found.length) setNotices((n) => [...n, ...found].slice(-6));
  }
  // The window too is written as shown: kept inside the data and no narrower than the narrowest zoom.
  const { from: shownFrom, to: shownTo } = windowDays;
  useEffect(() => {
    const canonical = serializeUrlState({ ...resolved.state, from: shownFrom, to: shownTo });
    if (canonical !== search) writeUrl(canonical, 'replace');
  }, [search, resolved, shownFrom, shownTo]);

  const go = useCallback((patch: Partial<UrlState>, mode: 'push' | 'replace' = 'push') => {
    const next = { ...state, ...windowDays, ...patch };
    writeUrl(serializeUrlState(next), state.embed ? 'replace' : mode);
  }, [state, windowDays]);

  const select = useCallback((id: string, how: 'pointer' | 'keyboard' = 'pointer') => {
    setSheetOpen(true);
    go({ event: id, date: null, quote: null, source: state.source && state.event !== id ? null : state.source });
    // Chosen on the timeline with Enter or Space: go on to its details, one Tab from its sources.
    if (how === 'keyboard') requestAnimationFrame(() => focusDetailsHeading(id));
  }, [go, state.source, state.event]);

  // A search hit of an archive: its chunk loads, and the view goes to its day with the event selected.
  const openHit = useCallback((hit: { id: string; day: string; chunk: number }) => {
    archive?.store.ensureChunk(hit.chunk);
    setSheetOpen(true);
    const day = hit.day as CalendarDay;
    go({ event: hit.id, date: null, source: null, quote: null, from: addCalendarDays(day, -3), to: addCalendarDays(day, 3) });
    requestAnimationFrame(() => focusDetailsHeading(hit.id));
  }, [archive, go]);

  // A date link brings its day into view in the list and focuses its heading (the timeline shows
  // it through `committed`).
  const shownDate = useRef<string | null>(null);
  useEffect(() => {
    if (!state.date || shownDate.current === state.date) return;
    shownDate.current = state.date;
    requestAnimationFrame(() => {
      const heading = document.getElementById(`day-${state.date}`);
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      // Where the list scrolls on its own (a wide screen), scroll only it: the page stays on the
      // timeline, which marks the day. Where it does not (a phone), the page goes to the heading.
      const list = heading.closest('nav');
      if (list && list.scrollHeight > list.clientHeight) {
        list.scrollTop = heading.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop - 8;
      } else {
        heading.scrollIntoView?.({ block: 'start' });
      }
    });
  }, [state.date]);

  // A burst of steps (a held arrow key) is one step in the reading history, not two hundred.
  const lastStep = useRef(-Infinity);
  const focusDetailsOf = useRef<string | null>(null);
  const step = useCallback((delta: number | 'first' | 'last') => {
    if (events.length === 0) return;
    const at = selectedId === null ? -1 : position.get(selectedId) ?? -1;
    const next = delta === 'first' ? 0 : delta === 'last' ? events.length - 1
      : Math.min(events.length - 1, Math.max(0, at === -1 ? 0 : at + delta));
    if (events[next]!.id === selectedId) return;
    const now = performance.now();
    const burst = now - lastStep.current < STEP_BURST_MS;
    lastStep.current = now;
    // In a burst the view jumps to an event off screen in the same write as the selection (one
    // render, one URL write per step); a single step leaves the timeline to pan to it smoothly.
    const start = dayStartMs(events[next]!.date);
    const view = timeline.getView();
    const window = burst && !wellInView(view, start, start + DAY_MS) ? windowToDays(centreWindowOn(full, view, start + DAY_MS / 2), full, index) : {};
    // Stepping from inside the details (→ after Enter on an event): the next event's details replace
    // them, taking the focused element with them; focus goes to the new details' heading (below).
    if (document.activeElement?.closest('[data-details-for]')) focusDetailsOf.current = events[next]!.id;
    go({ event: events[next]!.id, date: null, source: null, quote: null, ...window }, burst ? 'replace' : 'push');
  }, [events, position, selectedId, go, timeline, full, index]);
  useEffect(() => {
    if (focusDetailsOf.current === null || focusDetailsOf.current !== selectedId) return;
    focusDetailsOf.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    focusDetailsHeading(selectedId);
  }, [selectedId]);

  // A filter change is a step in the reading history; typing more of a search is not.
  // The window before a search or filter narrowed the events: clearing them brings it back.
  const unfiltered = useRef<Pick<UrlState, 'from' | 'to'> | null>(null);
  const setFilters = useCallback((q: string, cat: Category[] | null, mode: 'push' | 'replace' = 'push', dated = state.dated) => {
    const matching = matchingEvents(index, q, cat, dated);
    const keep = state.event !== null && matching.some((e) => e.id === state.event);
    const filtered = q.trim() !== '' || cat !== null || dated;
    const wasFiltered = state.q !== '' || state.cat !== null || state.dated;
    if (filtered && !wasFiltered) unfiltered.current = windowDays;
    // A search or filter fits the axis to what matches; clearing it restores the view before it.
    // Nothing matching leaves the axis where it was.
    // (An archive's loaded events are not all that match: its view stays where the reader put it.)
    const window = filtered
      ? matching.length && !archive ? fitDays(matching, full) : windowDays
      : unfiltered.current ?? { from: null, to: null };
    if (!filtered) unfiltered.current = null;
    go({ q, cat, dated, ...window, ...(keep ? {} : { event: null, source: null, quote: null }) }, mode);
  }, [index, state.event, state.q, state.cat, state.dated, go, windowDays, full, archive]);
  const toggleCategory = (c: Category) => {
    const shown = state.cat ?? index.categories;
    const next = shown.includes(c) ? shown.filter((x) => x !== c) : index.categories.filter((x) => x === c || shown.includes(x));
    setFilters(state.q, next.length === index.categories.length ? null : next);
  };
  const resetFilters = useCallback(() => setFilters('', null), [setFilters]);

  const openSource = (article: string, quote: number | null, from: HTMLElement | null) => {
    opener.current = from;
    go({ source: article, quote });
  };
  const closeSource = useCallback(() => {
    const back = opener.current;
    const quote = state.quote;
    go({ source: null, quote: null });
    // The details (and the link the reader was opened from) render again: focus that link, or
    // whatever opened the reader, or the selected event in the list.
    requestAnimationFrame(() => {
      const link = selectedId && quote !== null
        ? document.querySelector<HTMLElement>(`[data-details-for="${CSS.escape(selectedId)}"] [data-read-quote="${quote}"]`)
        : null;
      const target = link ?? (back?.isConnected ? back : null);
      if (target) target.focus();
      else focusInList(selectedId);
    });
  }, [go, selectedId, state.quote]);
  const closeSheet = useCallback(() => {
    setSheetOpen(false);
    requestAnimationFrame(() => focusInList(selectedId));
  }, [selectedId]);

  // Zooming with buttons or keys keeps the selected event in view: it zooms about it.
  // (or, for a date link, about its day).
  const anchorDay = selected?.date ?? state.date;
  const anchor = anchorDay ? dayStartMs(anchorDay) + DAY_MS / 2 : undefined;
  const [zoomCount, setZoomCount] = useState(0);
  const anchorRef = useRef(anchor);
  useLayoutEffect(() => { anchorRef.current = anchor; }, [anchor]);
  const zoomAbout = useCallback((factor: number) => {
    setZoomCount((n) => n + 1);
    const [a, view] = [anchorRef.current, timeline.getView()];
    timeline.zoomBy(factor, a !== undefined && a > view[0] && a < view[1] ? a : undefined);
  }, [timeline]);
  // Kept while only the live window moves, so the memoised timeline is the one thing a frame redraws.
  const zoomView = useMemo(() => ({ ...timeline, zoomBy: zoomAbout }), [timeline, zoomAbout]);
  const setScale = useCallback((s: 'time' | 'story') => go({ scale: s === 'story' ? null : s }), [go]);

  useKeyboardShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    first: () => step('first'),
    last: () => step('last'),
    zoomIn: () => zoomAbout(ZOOM_STEP),
    zoomOut: () => zoomAbout(1 / ZOOM_STEP),
    fitAll: timeline.fitAll,
    help: () => setShortcutsOpen(true),
  });

  const article = state.source ? index.articleById.get(state.source) ?? null : null;
  useEffect(() => {
    const parts = article ? [`${article.headline} (source)`] : selected ? [`${selected.title} — ${formatDay(selected.date)}`] : [];
    document.title = [...parts, index.title].join(' · ');
  }, [article, selected, index.title]);

  const linkTo = (patch: Partial<UrlState>) => absoluteUrl(serializeUrlState({ ...state, ...windowDays, embed: false, ...patch }));
  const hrefTo = (patch: Partial<UrlState>) => serializeUrlState({ ...state, ...windowDays, ...patch }) || '?';
  // The list's handlers keep their identity while only the view moves (a pan animates the view every
  // frame): the memoised list then does not draw itself again each frame.
  const moveInList = useCallback((id: string) => go({ event: id, date: null, source: null, quote: null }), [go]);
  const linkToDay = useCallback(
    (day: CalendarDay) => absoluteUrl(serializeUrlState({ ...state, ...windowDays, embed: false, date: day, event: null, source: null, quote: null, from: null, to: null })),
    [state, windowDays],
  );
  const at = selectedId ? position.get(selectedId)! : -1;

  const details = selected && (
    <ErrorBoundary label="The event’s details" key={selected.id}>
    <EventDetails
      event={selected}
      index={index}
      link={linkTo({ event: selected.id, source: null, quote: null })}
      dayLink={linkTo({ event: null, date: selected.date, source: null, quote: null, from: null, to: null })}
      quoteLink={(n) => hrefTo({ event: selected.id, source: selected.quotes[n - 1]!.article, quote: n })}
      onReadSource={(n, from) => openSource(selected.quotes[n - 1]!.article, n, from)}
      onPrevious={at > 0 ? () => step(-1) : null}
      onNext={at >= 0 && at < events.length - 1 ? () => step(1) : null}
      onClose={narrow ? closeSheet : undefined}
    />
    </ErrorBoundary>
  );
  const focusQuote = selected && state.quote !== null ? selected.quotes[state.quote - 1] ?? null : null;
  const reader = article && (
    <ErrorBoundary label="The source" key={article.id}>
    <Suspense fallback={<p role="status" className={styles.placeholder}>Opening the source…</p>}>
      <SourceReader
        article={article}
        passages={index.passagesByArticle.get(article.id) ?? []}
        focus={focusQuote && focusQuote.article === article.id ? focusQuote : null}
        byId={index.byId}
        eventLink={(id) => hrefTo({ event: id, source: null, quote: null })}
        link={linkTo({})}
        onOpenEvent={(id) => {
          opener.current = null;
          setSheetOpen(true);
          go({ event: id, source: null, quote: null });
          requestAnimationFrame(() => focusDetailsHeading(id));
        }}
        onClose={closeSource}
      />
    </Suspense>
    </ErrorBoundary>
  );

  // An archive's filters count all of it: a category filter from the index's counts; a search or
  // "only dated" is counted by the search panel, or not at all (the index does not know it).
  const archiveMatching = !archive ? undefined
    : state.q.trim() !== '' || state.dated ? null
    : (state.cat ?? index.categories).reduce((sum, c) => sum + (categoryCounts[c] ?? 0), 0);
  const label = index.first && index.last
    ? `Timeline of ${archive ? archive.info.total : events.length} events from ${formatDay(index.first)} to ${formatDay(index.last)}`
    : 'Timeline';
  return (
    <div className={`${styles.page} ${state.embed ? styles.embed : ''}`}>
      <a className={styles.skip} href="#event-list">Skip to the event list</a>
      {state.embed ? (
        <header className={styles.embedBar}>
          <h1 className={styles.embedTitle}>{index.title}</h1>
          <a href={linkTo({})} target="_blank" rel="noopener">Open full timeline<span className="visually-hidden"> (opens in a new tab)</span></a>
        </header>
      ) : (
        <Header
          index={index}
          counts={archiveInfo && { events: archiveInfo.total, sources: archiveInfo.articles.length }}
          sourceLink={(id) => hrefTo({ source: id, quote: null })}
          onOpenSource={(id, from) => openSource(id, null, from)}
          onEmbed={() => setEmbedOpen(true)}
          onShortcuts={() => setShortcutsOpen(true)}
        >
          <div data-screen-only>
          <Filters
            query={state.q}
            categories={index.categories}
            shown={state.cat}
            matching={archiveMatching === undefined ? events.length : archiveMatching}
            total={archive ? archive.info.total : index.events.length}
            counts={categoryCounts}
            datedOnly={state.dated}
            onDatedOnly={(on) => setFilters(state.q, state.cat, 'push', on)}
            onQuery={(q) => setFilters(q, state.cat, state.q.trim() === '' ? 'push' : 'replace')}
            onToggle={toggleCategory}
            onReset={resetFilters}
          />
          </div>
        </Header>
      )}
      <Notices notices={notices} onDismiss={() => setNotices([])} />
      <main className={styles.main} data-screen-only>
        <ErrorBoundary label="The timeline">
        <Timeline
          events={timelineEvents}
          categories={index.categories}
          byId={timelineById}
          selectedId={selectedId}
          onSelect={select}
          onStep={step}
          timeline={zoomView}
          label={label}
          scale={scale}
          onScale={setScale}
          marked={marked}
          follow={zoomCount}
          days={dataDays}
          density={density}
        />
        </ErrorBoundary>
        <div className={`${styles.columns} ${wide && reader ? styles.threeColumns : ''}`}>
          <ErrorBoundary label="The event list">
          {archive ? (
            // An archive's list column: what is loaded above the list, or the search across it all.
            <div className={styles.archiveColumn}>
              <archive.Status archive={archive} waitingFor={waitingFor} />
              {state.q.trim() !== '' ? (
                <archive.Search store={archive.store} query={state.q} categories={state.cat} onOpen={openHit} />
              ) : (
                <EventList events={events} selectedId={selectedId} query={state.q} onSelect={select} onReset={resetFilters} onMove={moveInList} dayLink={linkToDay} />
              )}
            </div>
          ) : (
            <EventList
              events={events} selectedId={selectedId} query={state.q} onSelect={select} onReset={resetFilters}
              onMove={moveInList}
              dayLink={linkToDay}
            />
          )}
          </ErrorBoundary>
          {!narrow && !(wide && reader) && (
            <div className={styles.detailsColumn}>
              {reader ?? details ?? <Intro count={events.length} onStart={() => step('first')} />}
            </div>
          )}
          {wide && reader && (
            <>
              <div className={styles.detailsColumn}>{details ?? <Intro count={events.length} onStart={() => step('first')} />}</div>
              <div className={`${styles.detailsColumn} ${styles.readerColumn}`}>{reader}</div>
            </>
          )}
        </div>
      </main>
      {!state.embed && <Footer licence={index.licence} />}
      {narrow && details && sheetOpen && !reader && <Sheet label={`Event: ${selected.title}`} onClose={closeSheet}>{details}</Sheet>}
      {narrow && reader && <Sheet label={`Source: ${article.headline}`} onClose={closeSource}>{reader}</Sheet>}
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog url={linkTo({ embed: true })} title={index.title} onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      )}
      {printing && <PrintView index={index} events={events} />}
      <Announcement text={selected ? `Selected: ${selected.title}, ${describeCertainty(selected)}` : ''} />
    </div>
  );
}

/**
 * What of a link an archive is still fetching: its event (not among the loaded events, and not
 * yet known to be missing) or its day (whose chunk is on its way). Null when nothing is awaited.
 */
function useArchiveWaiting(archive: ArchiveKit | undefined, index: DatasetIndex, state: UrlState): 'event' | 'date' | null {
  if (!archive) return null;
  const { store, snapshot } = archive;
  if (state.event !== null && !index.byId.has(state.event) && !store.isMissing(state.event)) return 'event';
  if (state.date !== null) {
    const n = store.chunkOf(state.date);
    if (!snapshot.loaded.has(n) && !snapshot.failed.has(n)) return 'date';
  }
  return null;
}

/** A polite live region that speaks only once the text has settled: a held key announces its last stop. */
function Announcement({ text }: { text: string }) {
  const [spoken, setSpoken] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(text), STEP_BURST_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return <p className="visually-hidden" role="status" aria-live="polite">{spoken}</p>;
}

function Intro({ count, onStart }: { count: number; onStart: () => void }) {
  return (
    <section className={styles.intro} aria-labelledby="intro-title">
      <h2 id="intro-title">Read the record, day by day</h2>
      <p>Select an event on the timeline or in the list to read what the sources say about it, and follow each quote to the passage it comes from.</p>
      {count > 0 && <button type="button" className={styles.start} onClick={onStart}>Start with the first event</button>}
    </section>
  );
}

/** The events that a search, the category filter and "only dated" leave, in the index's order. */
function matchingEvents(index: DatasetIndex, q: string, cat: Category[] | null, dated: boolean) {
  const found = filterEvents(index.events, q, cat);
  return dated ? found.filter((e) => certaintyOf(e) !== 'reported') : found;
}

/** The days a window must show to hold `events` (none: all), with a day of air each side. */
function fitDays(events: readonly { date: CalendarDay; end?: CalendarDay }[], full: Window): Pick<UrlState, 'from' | 'to'> {
  if (events.length === 0) return { from: null, to: null };
  let first = events[0]!.date;
  let last = events[0]!.end ?? events[0]!.date;
  for (const e of events) {
    if (e.date < first) first = e.date;
    if ((e.end ?? e.date) > last) last = e.end ?? e.date;
  }
  const from = addCalendarDays(first, -1);
  const to = addCalendarDays(last, 1);
  if (dayStartMs(from) <= full[0] && dayStartMs(to) + DAY_MS >= full[1]) return { from: null, to: null };
  return { from, to };
}
