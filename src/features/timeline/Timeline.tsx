import { max } from 'd3-array';
import React, { memo, useEffect, useEffectEvent, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Category, TimelineEvent } from '../../data/schema.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { boundsOf, certaintyOf, describeCertainty } from '../../lib/evidence/describeCertainty.ts';
import { dayStartMs, formatLongDay, type CalendarDay } from '../../lib/time/calendarDay.ts';
import { roomForCount, storyScale, TIME_AXIS, type AxisMap } from '../../lib/time/storyScale.ts';
import { chooseAxisTicks } from '../../lib/time/axisTicks.ts';
import { centreWindowOn, DAY_MS, wellInView, type Window } from '../../lib/time/view.ts';
import { thinLanes } from '../../lib/layout/thinLanes.ts';
import { indexLanes, layoutMarks, type ClusterMark, type EventMark, type LaneItem } from '../../lib/layout/layoutMarks.ts';
import { groupCells, layoutDayCells } from '../../lib/layout/layoutDayCells.ts';
import { formatNumber } from '../../lib/formatCount.ts';
import { MarkShape } from './MarkShape.tsx';
import { HeatStrip } from './HeatStrip.tsx';
import { PhoneTimeline } from './PhoneTimeline.tsx';
import { useDeferredWidth, useElementWidth } from './useElementWidth.ts';
import { useZoom } from './useZoom.ts';
import { useShownWindow, type TimelineView } from './useTimelineView.ts';
import styles from './Timeline.module.css';

type Props = {
  events: readonly TimelineEvent[];
  categories: readonly Category[];
  byId: ReadonlyMap<string, TimelineEvent>;
  selectedId: string | null;
  /** `keyboard`: chosen with Enter or Space, so focus moves on to the details. */
  onSelect: (id: string, how?: 'pointer' | 'keyboard') => void;
  onStep: (delta: number | 'first' | 'last') => void;
  timeline: TimelineView;
  label: string;
  /** `time`: days equal; `story`: days with events get room, empty stretches shrink to breaks. */
  scale?: 'time' | 'story';
  onScale?: (scale: 'time' | 'story') => void;
  /** Events of a day asked for by a link (?date=): marked on the timeline. */
  marked?: ReadonlySet<string>;
  /** Changes on each zoom by button or key: the selected event is then kept in view. */
  follow?: number;
  /**
   * An archive's events per lane and day (archiveSchema.ts), of all its events, loaded or not: the
   * story scale is built from it, and each lane shows it as a heat strip.
   */
  density?: { lanes: readonly string[]; byDay: ReadonlyArray<readonly unknown[]>; histogram?: boolean };
  /**
   * The data's first and last day: of the whole dataset or archive, not only of the events shown or
   * loaded. Marks that stand for several days fit between them, so those of the first and last days
   * are drawn whole (layoutMarks, `extent`). Without it, the days of `events`.
   */
  days?: readonly [CalendarDay, CalendarDay] | null;
};

const COMPACT_BELOW = 600;
/** The section's width before the browser reports it: the viewport's, which it never exceeds. */
const viewportWidth = () => window.innerWidth;
const AXIS_HEIGHT = 30;
/** Room a count badge needs: counts over 99 read “99+”. */
const BADGE_SIZE = 36;

/** Describes an event for a screen reader: how it is dated, category, title, and whether it is a key event. */
export function describeEvent(event: TimelineEvent): string {
  const when = describeCertainty(event);
  return `${when.charAt(0).toUpperCase()}${when.slice(1)}, ${categoryStyle(event.category).label}: ${event.title}${event.key ? ' (key event)' : ''}`;
}

/** The story scale for these events: each day gets room for the most events it has in one lane. */
function storyAxis(events: readonly TimelineEvent[], starts: readonly number[], laneOf: (e: TimelineEvent) => number): AxisMap {
  const counts = new Map<number, Map<number, number>>();
  for (const [i, e] of events.entries()) {
    const start = starts[i]!;
    const lanes = counts.get(start) ?? new Map<number, number>();
    lanes.set(laneOf(e), (lanes.get(laneOf(e)) ?? 0) + 1);
    counts.set(start, lanes);
  }
  const days = [...counts].sort((a, b) => a[0] - b[0]).map(([start, lanes]) => ({ start, room: roomForCount(Math.max(...lanes.values())) }));
  return storyScale(days);
}

/** The story scale from an archive's density rows (`[day, count per lane…]`). */
function densityAxis(byDay: ReadonlyArray<readonly unknown[]>): AxisMap {
  return storyScale(byDay.map((row) => {
    let most = 0;
    for (let i = 1; i < row.length; i++) most = Math.max(most, Number(row[i]));
    return { start: dayStartMs(row[0] as CalendarDay), room: roomForCount(most) };
  }));
}

/** Width of a heat strip's cell, in pixels. */
const HEAT_CELL = 3;

/**
 * An archive's density as heat cells per lane: the events of each few pixels of the view, as a
 * share of the most any cell holds (drawn on a square-root scale, so a quiet stretch still shows).
 */
function heatCells(byDay: ReadonlyArray<readonly unknown[]>, columns: readonly number[], x: (t: number) => number, width: number, lanes: number) {
  const cells = Array.from({ length: lanes }, () => new Map<number, number>());
  let most = 0;
  for (const row of byDay) {
    const at = x(dayStartMs(row[0] as CalendarDay));
    if (at < -HEAT_CELL || at > width) continue;
    const cell = Math.floor(at / HEAT_CELL);
    columns.forEach((lane, i) => {
      if (lane < 0) return;
      const n = (cells[lane]!.get(cell) ?? 0) + Number(row[i + 1]);
      if (n > 0) cells[lane]!.set(cell, n);
      if (n > most) most = n;
    });
  }
  return { cells, most };
}

/** Selection by click or by Enter/Space (a click with no pointer position: detail 0). */
function how(e: MouseEvent): 'pointer' | 'keyboard' {
  return e.detail === 0 ? 'keyboard' : 'pointer';
}

const NO_TICKS: ReturnType<typeof chooseAxisTicks> = { ticks: [], breaks: [], context: '' };

/** The zoomable time axis with one lane per category (one merged lane on a phone). */
export const Timeline = memo(function Timeline({
  events, categories, byId, selectedId, onSelect, onStep, timeline, label, scale = 'time', onScale, marked, follow = 0, density, days,
}: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // A phone gets the vertical timeline (PhoneTimeline); the section's own width decides, as the
  // surface is not drawn then.
  const compact = useElementWidth(sectionRef, viewportWidth) < COMPACT_BELOW;
  // The surface's width, known once the browser has laid the page out: until then the timeline
  // draws its frame without marks, so the page's first task stays short and the marks follow in
  // slices (useDeferredWidth). Not for an archive: its chunks' arrivals would keep interrupting
  // the slices, and over its histogram it draws only key events.
  const measuredWidth = useDeferredWidth(surfaceRef, !compact, !density);
  const drawn = measuredWidth !== null;
  const width = measuredWidth ?? 0;
  const lanes = compact ? 1 : categories.length;
  // Three rows: a column can hold the selection, a key event and a badge of the rest in one stack.
  const rows = 3;
  const rowHeight = compact ? 26 : 24;
  const laneHeight = rows * rowHeight + 8;
  const height = lanes * laneHeight + AXIS_HEIGHT;
  const markerSize = compact ? 22 : 24;
  const helpId = useId();
  const { full } = timeline;
  // Only this component re-renders on each frame of a gesture or animation.
  const view = useShownWindow(timeline);
  // The badges that keep their element (see badgeSlots): the open one (with where its list has
  // room) and the one holding focus.
  const [opened, setOpened] = useState<(HeldBadge & { room: ListRoom }) | null>(null);
  const [focusHeld, setFocusHeld] = useState<HeldBadge | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const { axis, laneIndex, cellLanes, pinned, eventDays, extent } = useMemo(() => {
    const laneOf = new Map(categories.map((c, i) => [c, i]));
    const lane = (e: TimelineEvent) => (compact ? 0 : laneOf.get(e.category) ?? 0);
    // Each event's day start, once: the axis, the marks and the cells all work from it.
    const starts = events.map((e) => dayStartMs(e.date));
    const axis = scale !== 'story' ? TIME_AXIS : density ? densityAxis(density.byDay) : storyAxis(events, starts, (e) => laneOf.get(e.category) ?? 0);
    // Events come in date order: a day's events share one start, mapped to the axis once.
    const items: LaneItem[] = [];
    for (let i = 0, seen = NaN, seenAxis = NaN; i < events.length; i++) {
      const [e, start] = [events[i]!, starts[i]!];
      if (start !== seen) [seen, seenAxis] = [start, axis.toAxis(start)];
      const end = e.end ? axis.toAxis(dayStartMs(e.end) + DAY_MS) : axis.toAxis(start + DAY_MS);
      items.push({ id: e.id, lane: lane(e), start: seenAxis, end });
    }
    const cellLanes = groupCells(events.map((e, i) => ({ id: e.id, lane: lane(e), start: starts[i]! })), lanes);
    const pinned = new Set(events.filter((e) => e.key).map((e) => e.id));
    const eventDays = density
      ? density.byDay.map((row) => dayStartMs(row[0] as CalendarDay))
      : [...new Set(cellLanes.flatMap((lane) => lane.map((d) => d.start)))].sort((a, b) => a - b);
    // The data's extent on the axis: its days as given, else the days of the events.
    let extent: readonly [number, number] | null = null;
    if (days) extent = [axis.toAxis(dayStartMs(days[0])), axis.toAxis(dayStartMs(days[1]) + DAY_MS)];
    else if (items.length) extent = [items[0]!.start, max(items, (it) => it.end)!];
    return { axis, laneIndex: indexLanes(items, lanes), cellLanes, pinned, eventDays, extent };
  }, [events, categories, compact, lanes, scale, density, days]);
  // Each density lane's lane on screen (-1: not drawn).
  const densityColumns = useMemo(() => density?.lanes.map((c) => (compact ? 0 : categories.indexOf(c))) ?? [], [density, categories, compact]);

  // Zoom and pan work on the axis (time, or story units); the window kept and linked is in time.
  const fullA: Window = useMemo(() => [axis.toAxis(full[0]), axis.toAxis(full[1])], [axis, full]);
  const viewA: Window = useMemo(() => [axis.toAxis(view[0]), axis.toAxis(view[1])], [axis, view]);
  const x = (t: number) => ((axis.toAxis(t) - viewA[0]) / (viewA[1] - viewA[0])) * width;
  const heat = density && drawn ? heatCells(density.byDay, densityColumns, x, width, lanes) : null;
  // With marks: a thin heat strip under them. Without (too many to draw): a histogram filling the lane.
  const heatHeight = density?.histogram ? laneHeight - 12 : 6;
  const cells = compact || !drawn ? null : layoutDayCells(cellLanes, axis.toAxis, viewA, width);
  // Over an archive's histogram the marks are its key events: where they crowd, one per marker's
  // width is drawn (zooming in shows the rest), so a frame never lays out hundreds of them.
  const shownLanes = drawn && density?.histogram && !cells ? thinLanes(laneIndex, viewA, width, markerSize * 2, selectedId) : laneIndex;
  const marks = cells || !drawn ? [] : layoutMarks(shownLanes, { view: viewA, width, rows, markerSize, badgeSize: BADGE_SIZE, labels: !compact, selectedId, pinned, extent });
  const { ticks, breaks, context } = drawn ? chooseAxisTicks(axis, view, viewA, width, eventDays) : NO_TICKS;

  const setAxisView = useMemo(() => (w: Window) => timeline.setView([axis.fromAxis(w[0]), axis.fromAxis(w[1])]), [axis, timeline]);
  const zoomReady = useZoom(surfaceRef, fullA, viewA, width, height, setAxisView, timeline.endGesture, !compact && drawn);

  // Pan the selected event into view when it is selected from elsewhere.
  const { animateTo, getView } = timeline;
  useEffect(() => {
    const event = selectedId ? byId.get(selectedId) : undefined;
    if (!event) return;
    const start = dayStartMs(event.date);
    const current = getView();
    const [a, b, s0, s1] = [axis.toAxis(current[0]), axis.toAxis(current[1]), axis.toAxis(start), axis.toAxis(start + DAY_MS)];
    if (wellInView([a, b], s0, s1)) return;
    animateTo(centreWindowOn(full, current, start + DAY_MS / 2));
  }, [selectedId, byId, full, animateTo, getView, axis]);

  // In the labelled layout a day can be wider than the screen: after a new selection or a zoom by
  // button or key (`follow` changes), pan until the selected event itself, not only its day, is
  // inside the timeline. A drag or the wheel leaves the view where the reader put it.
  const followed = useRef({ selectedId, follow });
  useLayoutEffect(() => {
    const surface = surfaceRef.current;
    if (followed.current.selectedId === selectedId && followed.current.follow === follow) return;
    if (!surface || !cells || !selectedId) return;
    const mark = surface.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`);
    if (!mark) return;
    const box = surface.getBoundingClientRect();
    const own = mark.getBoundingClientRect();
    const shift = own.left < box.left ? own.left - box.left - 8 : own.right > box.right ? own.right - box.right + 8 : 0;
    if (box.width === 0) return;
    if (shift === 0) {
      followed.current = { selectedId, follow };
      return;
    }
    const perPx = (viewA[1] - viewA[0]) / width;
    timeline.commitView([axis.fromAxis(viewA[0] + shift * perPx), axis.fromAxis(viewA[1] + shift * perPx)]);
  });

  // Keep keyboard focus on the selected marker when the selection moves while focus is in the timeline.
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface || !surface.contains(document.activeElement) || !selectedId) return;
    const mark = surface.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`);
    if (mark && mark !== document.activeElement) mark.focus({ preventScroll: true });
  });

  // A render that removes the focused marker or badge (a zoom or pan took it out of view) would drop
  // focus to the page's start: it goes to the timeline's tab stop instead. Chromium reports the
  // removal as a focusout whose target is gone once the render is over; focus the reader moved on
  // purpose (Tab, a click elsewhere) leaves its target in the page and is left alone.
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const onFocusOut = (e: FocusEvent) => {
      const target = e.target;
      if (!(target instanceof HTMLElement) || e.relatedTarget !== null) return;
      queueMicrotask(() => {
        if (target.isConnected || (document.activeElement !== null && document.activeElement !== document.body)) return;
        surface.querySelector<HTMLElement>('[tabindex="0"]')?.focus({ preventScroll: true });
      });
    };
    surface.addEventListener('focusout', onFocusOut);
    return () => surface.removeEventListener('focusout', onFocusOut);
  }, [compact]);

  // A vertical swipe over the timeline scrolls the page: keep it from d3-zoom, which would cancel it.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let start: { x: number; y: number } | null = null;
    let vertical = false;
    const onStart = (e: TouchEvent) => {
      const t = e.touches[0];
      start = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY } : null;
      vertical = false;
    };
    const onMove = (e: TouchEvent) => {
      const t = e.touches[0];
      if (!start || !t || e.touches.length !== 1) return;
      if (!vertical && Math.abs(t.clientY - start.y) > Math.abs(t.clientX - start.x) + 4) vertical = true;
      if (vertical) e.stopPropagation();
    };
    frame.addEventListener('touchstart', onStart, { capture: true, passive: true });
    frame.addEventListener('touchmove', onMove, { capture: true, passive: true });
    return () => {
      frame.removeEventListener('touchstart', onStart, { capture: true });
      frame.removeEventListener('touchmove', onMove, { capture: true });
    };
  }, []);

  const eventMarks = marks.filter((m): m is EventMark => m.kind === 'event');
  const clusters = marks.filter((m): m is ClusterMark => m.kind === 'cluster');
  // Only what is drawn is looked at below: a frame's cost follows the width, not the dataset.
  const drawnIds = cells ? cells.flatMap((lane) => lane.flatMap((c) => c.ids)) : eventMarks.map((m) => m.id);
  const tabStop = selectedId !== null && drawnIds.includes(selectedId)
    ? selectedId
    : cells
      ? [...cells.flat()].sort((a, b) => a.x0 - b.x0).find((c) => c.x1 > 0)?.ids[0] ?? null
      : [...eventMarks].sort((a, b) => a.x - b.x).find((m) => m.x >= 0)?.id ?? null;
  // Range events: a faint bar over the days they may fall on (open ones fade in from the left).
  const rangeBars = drawnIds.map((id) => byId.get(id)!).filter((e) => certaintyOf(e) === 'range').map((e) => {
    const { earliest, latest } = boundsOf(e);
    const x0 = earliest ? x(dayStartMs(earliest)) : x(dayStartMs(latest)) - 96;
    return { id: e.id, open: earliest === null, x0: Math.max(-8, x0), x1: Math.min(width + 8, x(dayStartMs(latest) + DAY_MS)) };
  }).filter((b) => b.x1 > 0 && b.x0 < width);
  // A zoom that regroups the open badge's events closes its list for good: it must not open again,
  // and take the focus, when a later zoom happens to bring the same grouping back.
  if (opened !== null && drawn && !clusters.some((c) => c.key === opened.key)) setOpened(null);
  const slots = badgeSlots(clusters, [opened, focusHeld]);
  const firstBadge = [...clusters].sort((a, b) => a.x - b.x).find((c) => c.x >= 0)?.key ?? null;
  const laneOfEvent = (e: TimelineEvent) => (compact ? 0 : categories.indexOf(e.category));
  const top = (lane: number, row: number) => lane * laneHeight + 4 + row * rowHeight;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' } as const;
    const action = step[e.key as keyof typeof step];
    if (action === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onStep(action);
  };

  const glyph = (event: TimelineEvent, selected: boolean, size?: number) => (
    <MarkShape shape={categoryStyle(event.category).shape} filled={selected || Boolean(event.key)} certainty={certaintyOf(event)} size={size} />
  );
  const eventButton = (event: TimelineEvent, className: string, extra: Record<string, unknown>, children: React.ReactNode) => {
    const selected = event.id === selectedId;
    return (
      <button
        key={event.id}
        type="button"
        className={className}
        data-event-id={event.id}
        data-selected={selected || undefined}
        data-key={event.key || undefined}
        data-marked={marked?.has(event.id) || undefined}
        aria-current={selected ? 'true' : undefined}
        aria-label={describeEvent(event)}
        tabIndex={event.id === tabStop ? 0 : -1}
        onClick={(e) => onSelect(event.id, how(e))}
        {...extra}
      >
        {children}
      </button>
    );
  };

  return (
    <section className={styles.timeline} aria-labelledby={`${helpId}-title`} ref={sectionRef}>
      <div className={styles.toolbar}>
        <h2 id={`${helpId}-title`} className={styles.heading}>Timeline</h2>
        {onScale && !compact && (
          <div className={styles.scaleToggle} role="group" aria-label="Axis scale">
            <button type="button" className={styles.tool} aria-pressed={scale === 'story'} onClick={() => onScale('story')}
              title="Days with events get room; empty stretches shrink to a marked break">Story</button>
            <button type="button" className={styles.tool} aria-pressed={scale === 'time'} onClick={() => onScale('time')}
              title="Every day the same width">Time</button>
          </div>
        )}
        {!compact && <div className={styles.zoomButtons} role="group" aria-label="Zoom">
          <button type="button" className={styles.tool} onClick={() => timeline.zoomBy(1 / 1.6)} aria-label="Zoom out" aria-keyshortcuts="-">−</button>
          <button type="button" className={styles.tool} onClick={() => timeline.zoomBy(1.6)} aria-label="Zoom in" aria-keyshortcuts="+">+</button>
          <button type="button" className={styles.tool} onClick={timeline.fitAll} aria-keyshortcuts="0">Fit all</button>
        </div>}
      </div>
      {compact && <PhoneTimeline events={events} selectedId={selectedId} marked={marked} describe={describeEvent} onSelect={onSelect} />}
      {!compact && <div className={styles.frame} ref={frameRef} data-layout={cells ? 'labelled' : 'marks'} data-scale={scale}>
        {!compact && categories.map((c, i) => (
          <div key={c} className={styles.laneLabel} style={{ gridRow: i + 1, color: categoryStyle(c).color }} aria-hidden="true">
            <MarkShape shape={categoryStyle(c).shape} filled size={12} /> <span>{categoryStyle(c).label}</span>
          </div>
        ))}
        <div
          ref={surfaceRef}
          className={styles.surface}
          style={{ gridRow: `1 / ${lanes + 2}` }}
          role="group"
          aria-label={label}
          aria-describedby={helpId}
          data-zoom={zoomReady ? 'ready' : 'loading'}
          onKeyDown={onKeyDown}
        >
          <svg className={styles.grid} aria-hidden="true">
            {ticks.map((t) => (
              <line key={t.value} x1={x(t.value)} x2={x(t.value)} y1="0" y2="100%" className={styles.tick} />
            ))}
          </svg>
          {Array.from({ length: lanes }, (_, lane) => (
            <div key={lane} className={styles.lane} style={cells && !density?.histogram ? undefined : { height: laneHeight }} data-lane={lane}>
              {heat && (
                <HeatStrip
                  className={styles.heatStrip} cells={heat.cells[lane]!} most={heat.most} cellWidth={HEAT_CELL}
                  width={width} height={heatHeight} histogram={Boolean(density?.histogram)} color={categoryStyle(categories[lane]!).color}
                />
              )}
              {cells?.[lane]?.map((cell, k, all) => (
                <ul key={cell.key} className={styles.cell} style={{ marginLeft: cell.x0 - (k ? all[k - 1]!.x1 : 0), width: cell.x1 - cell.x0 }}>
                  {cell.ids.map((id) => {
                    const event = byId.get(id)!;
                    return (
                      <li key={id}>
                        {eventButton(event, styles.cellEvent!, { style: { color: categoryStyle(event.category).color } }, <>
                          <span className={styles.shape}>{glyph(event, id === selectedId, event.key ? 20 : 16)}</span>
                          <span className={styles.cellTitle} aria-hidden="true">{event.title}</span>
                        </>)}
                      </li>
                    );
                  })}
                </ul>
              ))}
            </div>
          ))}
          <div className={styles.axis} aria-hidden="true" style={{ gridRow: lanes + 1 }}>
            {ticks.map((t) => (
              <span key={t.value} className={`${styles.tickLabel} ${t.major ? styles.majorLabel : ''}`} style={{ transform: `translateX(${x(t.value) + 4}px)` }}>{t.label}</span>
            ))}
            {breaks.map((b) => (
              // Centred on the part of the break in view, and kept whole inside the timeline (axisTicks.ts).
              <span key={b.start} className={styles.breakLabel} style={{ transform: `translateX(${b.x}px) translateX(-50%)` }}>{b.label}</span>
            ))}
            <span className={styles.context}>{context}</span>
          </div>
          {rangeBars.map((b) => {
            const event = byId.get(b.id)!;
            return (
              <div
                key={`range-${b.id}`}
                className={`${styles.rangeBar} ${b.open ? styles.openRange : ''}`}
                aria-hidden="true"
                style={{ gridRow: laneOfEvent(event) + 1, transform: `translateX(${b.x0}px)`, width: Math.max(2, b.x1 - b.x0), color: categoryStyle(event.category).color }}
              />
            );
          })}
          {eventMarks.filter((m) => m.bar).map((m) => (
            <div
              key={`bar-${m.id}`}
              className={styles.bar}
              aria-hidden="true"
              style={{ transform: `translate(${m.bar![0]}px, ${top(m.lane, 0) - 3}px)`, width: Math.max(2, m.bar![1] - m.bar![0]), color: categoryStyle(byId.get(m.id)!.category).color }}
            />
          ))}
          {eventMarks.map((m) => {
            const event = byId.get(m.id)!;
            const selected = m.id === selectedId;
            return eventButton(event, styles.mark!, {
              style: { transform: `translate(${m.x - markerSize / 2}px, ${top(m.lane, m.row)}px)`, color: categoryStyle(event.category).color },
              onPointerEnter: () => setHint(m.id),
              onPointerLeave: () => setHint(null),
              onFocus: () => setHint(m.id),
              onBlur: () => setHint(null),
            }, <>
              <span className={styles.shape}>{glyph(event, selected)}</span>
              {m.labelWidth > 0 && (
                <span className={styles.label} style={{ maxWidth: m.labelWidth }} aria-hidden="true">{event.title}</span>
              )}
            </>);
          })}
          {clusters.map((c, i) => {
            const first = byId.get(c.ids[0]!)!;
            const day = first.date;
            // A badge's events are in time order: its first and last say which days it holds.
            const lastDay = byId.get(c.ids[c.ids.length - 1]!)!.date;
            const where = compact ? '' : ` in ${categoryStyle(first.category).label}`;
            const when = lastDay === day ? `on ${formatLongDay(day)}` : `from ${formatLongDay(day)} to ${formatLongDay(lastDay)}`;
            const open = opened?.key === c.key ? opened : null;
            const slot = slots[i]!;
            return (
              // Keyed by slot (see badgeSlots): a zoom reuses the badges' elements for the new counts.
              <div
                key={slot}
                className={styles.clusterWrap}
                // An open list is drawn over the marks of the lanes below (its z-index counts only inside this wrap).
                style={{ transform: `translate(${c.x}px, ${top(c.lane, c.row)}px)`, zIndex: open ? 4 : undefined }}
                onFocus={() => { if (focusHeld?.key !== c.key) setFocusHeld({ key: c.key, slot }); }}
                onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) setFocusHeld(null); }}
              >
                <button
                  type="button"
                  className={styles.cluster}
                  // With no event drawn on its own (thousands on one day), the first badge is the tab stop.
                  tabIndex={tabStop === null && c.key === firstBadge ? 0 : -1}
                  aria-expanded={open !== null}
                  aria-label={`${c.ids.length} events ${when}${where}`}
                  onClick={(e) => setOpened(open ? null : { key: c.key, slot, room: listRoom(e.currentTarget, surfaceRef.current) })}
                >
                  {c.ids.length > 999 ? `${Math.floor(c.ids.length / 1000)}k+` : c.ids.length}
                </button>
                {open && (
                  <ClusterList
                    ids={c.ids}
                    byId={byId}
                    flip={c.x > width - 260}
                    room={open.room}
                    sheet={compact}
                    onPick={(id) => { setOpened(null); onSelect(id); }}
                    onClose={() => setOpened(null)}
                  />
                )}
              </div>
            );
          })}
          {hint && !opened && <Hint event={byId.get(hint)} marks={eventMarks} top={top} markerSize={markerSize} width={width} />}
        </div>
      </div>}
      <ul className={styles.legend} aria-label="What the marks say">
        <li className={styles.legendItem}><MarkShape shape="circle" filled={false} size={14} /> dated to the day</li>
        <li className={styles.legendItem}><MarkShape shape="circle" filled={false} size={14} certainty="range" /> within a range (faint bar)</li>
        <li className={styles.legendItem}><MarkShape shape="circle" filled={false} size={14} certainty="reported" /> reported by that day; the source gives no date</li>
        <li className={styles.legendItem}><span className={styles.keySample}><MarkShape shape="circle" filled size={18} /></span> key event</li>
      </ul>
      <p id={helpId} className="visually-hidden">
        Left and right arrow keys move between events; Enter opens the selected event&rsquo;s details; plus and minus zoom; 0 fits all. Drag or use the wheel to pan and zoom.
      </p>
    </section>
  );
});

function Hint({ event, marks, top, markerSize, width }: {
  event: TimelineEvent | undefined; marks: EventMark[]; top: (lane: number, row: number) => number; markerSize: number; width: number;
}) {
  const mark = event && marks.find((m) => m.id === event.id);
  if (!event || !mark) return null;
  const left = Math.min(Math.max(0, mark.x - 120), Math.max(0, width - 240));
  return (
    <div className={styles.hint} role="presentation" style={{ transform: `translate(${left}px, ${top(mark.lane, mark.row) + markerSize + 2}px)` }}>
      <strong>{event.title}</strong>
      <span>{describeCertainty(event)}</span>
    </div>
  );
}

/** A badge that keeps its element: its lane and column (ClusterMark.key), and the slot it had. */
type HeldBadge = { key: string; slot: string };

/**
 * The React key of each badge: its lane and its place among the lane's badges, so that a wheel step,
 * which changes every column, gives the same elements new counts and places instead of making them
 * anew (about 90 per step at 1,000 events). A held badge (the open one, the focused one) keeps the
 * slot it had while its lane and column are drawn, and no other badge takes that slot even when it
 * is gone: its list and the focus stay with its events when a pan or a selection shifts the badges,
 * and a badge that leaves the view takes its element (and the focus) with it.
 */
export function badgeSlots(clusters: readonly ClusterMark[], held: ReadonlyArray<HeldBadge | null>): string[] {
  const slotOf = new Map<string, string>();
  for (const h of held) if (h) slotOf.set(h.key, h.slot);
  const taken = new Set(slotOf.values());
  const next = new Map<number, number>();
  return clusters.map((c) => {
    const own = slotOf.get(c.key);
    if (own !== undefined) return own;
    let n = next.get(c.lane) ?? 0;
    while (taken.has(`${c.lane}:${n}`)) n++;
    next.set(c.lane, n + 1);
    return `${c.lane}:${n}`;
  });
}

/** Where a badge's list opens: below its badge or above it, and how tall it may be, px. */
type ListRoom = { up: boolean; maxHeight: number };
/** A list's tallest (16rem). */
const LIST_MAX = 256;
const ROOM_BELOW: ListRoom = { up: false, maxHeight: LIST_MAX };

/**
 * Where a badge's list has room. The timeline clips what overflows it, so a list opened below a
 * badge of the lowest lane lost its last events under the axis, where no scrolling reached them: it
 * opens below when it fits there, else on the side with more room, no taller than that room.
 */
export function listRoom(badge: HTMLElement, surface: HTMLElement | null): ListRoom {
  const s = surface?.getBoundingClientRect();
  if (!s || s.height === 0) return ROOM_BELOW;
  const b = badge.getBoundingClientRect();
  // The list sits 4 px from its badge, and keeps 4 px from the timeline's edge.
  const [below, above] = [s.bottom - b.bottom - 8, b.top - s.top - 8];
  const up = below < LIST_MAX && above > below;
  // Never taller than the room (a timeline of one lane has about 80 px): a shorter list scrolls, a
  // taller one would hide its last events again. One item's height at the least.
  return { up, maxHeight: Math.max(40, Math.min(LIST_MAX, up ? above : below)) };
}

/** Events a badge's list shows at a time; "Show more" pages through the rest. */
const PAGE = 50;

function ClusterList({ ids, byId, flip, room, sheet, onPick, onClose }: {
  ids: string[]; byId: ReadonlyMap<string, TimelineEvent>; flip: boolean; room: ListRoom; sheet: boolean; onPick: (id: string) => void; onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const [shown, setShown] = useState(PAGE);
  // Once, when the list opens: the timeline draws again while it is open (a pan, a hover, a chunk
  // arriving), and each of those must leave the focus where the reader has put it in the list.
  const close = useEffectEvent(onClose);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const onDown = (e: PointerEvent) => { if (!ref.current?.parentElement?.contains(e.target as Node)) close(); };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);
  return (
    <ul
      ref={ref}
      className={`${styles.clusterList} ${flip ? styles.flip : ''} ${room.up && !sheet ? styles.up : ''} ${sheet ? styles.clusterSheet : ''}`}
      style={sheet ? undefined : { maxHeight: room.maxHeight }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
          onClose();
        }
        if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') e.stopPropagation();
      }}
    >
      {ids.slice(0, shown).map((id) => {
        const event = byId.get(id)!;
        const cat = categoryStyle(event.category);
        return (
          <li key={id}>
            <button type="button" className={styles.clusterItem} onClick={() => onPick(id)} data-cluster-item={id}>
              <span style={{ color: cat.color }}><MarkShape shape={cat.shape} filled size={12} certainty={certaintyOf(event)} /></span>
              <span>{event.title}<span className="visually-hidden">, {describeCertainty(event)}, {cat.label}</span></span>
            </button>
          </li>
        );
      })}
      {ids.length > shown && (
        <li className={styles.more}>
          Showing {formatNumber(shown)} of {formatNumber(ids.length)}.{' '}
          <button
            type="button"
            className={styles.moreButton}
            onClick={(e) => {
              const next = Math.min(ids.length, shown + PAGE);
              const list = e.currentTarget.closest('ul');
              setShown(next);
              // Focus the first of the events just shown, so the keyboard goes on where it was.
              requestAnimationFrame(() => list?.querySelectorAll<HTMLElement>('[data-cluster-item]')[shown]?.focus());
            }}
          >
            Show {formatNumber(Math.min(PAGE, ids.length - shown))} more
          </button>
        </li>
      )}
    </ul>
  );
}
