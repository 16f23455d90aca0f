import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Category, TimelineEvent } from '../../data/schema.ts';
import { CATEGORY_STYLE } from '../../lib/categories.ts';
import { dayToUtc, formatLongDay } from '../../lib/time/calendarDay.ts';
import { chooseTicks } from '../../lib/time/ticks.ts';
import { centreWindowOn, DAY_MS } from '../../lib/time/view.ts';
import { indexLanes, layoutMarks, type ClusterMark, type EventMark, type LaneItem } from '../../lib/layout/layoutMarks.ts';
import { MarkShape } from './MarkShape.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { animateWindow, useZoom } from './useZoom.ts';
import type { TimelineView } from './useTimelineView.ts';
import styles from './Timeline.module.css';

type Props = {
  events: readonly TimelineEvent[];
  categories: readonly Category[];
  byId: ReadonlyMap<string, TimelineEvent>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onStep: (delta: number | 'first' | 'last') => void;
  timeline: TimelineView;
  label: string;
};

const COMPACT_BELOW = 600;
const AXIS_HEIGHT = 30;
/** Room a count badge needs: counts over 99 read “99+”. */
const BADGE_SIZE = 36;

/** Describes an event for a screen reader: date, category and title. */
export function describeEvent(event: TimelineEvent): string {
  const date = event.end ? `${formatLongDay(event.date)} to ${formatLongDay(event.end)}` : formatLongDay(event.date);
  return `${date}, ${CATEGORY_STYLE[event.category].label}: ${event.title}`;
}

/** The zoomable time axis with one lane per category (one merged lane on a phone). */
export const Timeline = memo(function Timeline({ events, categories, byId, selectedId, onSelect, onStep, timeline, label }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(surfaceRef);
  const compact = width < COMPACT_BELOW;
  const lanes = compact ? 1 : categories.length;
  const rows = compact ? 3 : 2;
  const rowHeight = compact ? 26 : 24;
  const laneHeight = rows * rowHeight + 8;
  const height = lanes * laneHeight + AXIS_HEIGHT;
  const markerSize = compact ? 22 : 24;
  const helpId = useId();
  const { full, view } = timeline;
  const [openCluster, setOpenCluster] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const laneIndex = useMemo(() => {
    const laneOf = new Map(categories.map((c, i) => [c, i]));
    const items: LaneItem[] = events.map((e) => {
      const start = dayToUtc(e.date).getTime();
      const end = (e.end ? dayToUtc(e.end).getTime() : start) + DAY_MS;
      return { id: e.id, lane: compact ? 0 : laneOf.get(e.category) ?? 0, start, end };
    });
    return indexLanes(items, lanes);
  }, [events, categories, compact, lanes]);

  const marks = layoutMarks(laneIndex, { view, width, rows, markerSize, badgeSize: BADGE_SIZE, labels: !compact, selectedId });
  const { ticks, unit, context } = chooseTicks(view[0], view[1], width);
  const x = (t: number) => ((t - view[0]) / (view[1] - view[0])) * width;

  useZoom(surfaceRef, full, view, width, height, timeline.setView);

  // Pan the selected event into view when it is selected from elsewhere.
  const viewRef = useRef(view);
  useEffect(() => { viewRef.current = view; });
  useEffect(() => {
    const event = selectedId ? byId.get(selectedId) : undefined;
    if (!event) return;
    const start = dayToUtc(event.date).getTime();
    const current = viewRef.current;
    const span = current[1] - current[0];
    const margin = span * 0.06;
    if (start >= current[0] + margin && start + DAY_MS <= current[1] - margin) return;
    return animateWindow(current, centreWindowOn(full, current, start + DAY_MS / 2), timeline.setView);
  }, [selectedId, byId, full, timeline.setView]);

  // Keep keyboard focus on the selected marker when the selection moves while focus is in the timeline.
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface || !surface.contains(document.activeElement) || !selectedId) return;
    const mark = surface.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`);
    if (mark && mark !== document.activeElement) mark.focus({ preventScroll: true });
  });

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
  const tabStop = eventMarks.some((m) => m.id === selectedId)
    ? selectedId
    : [...eventMarks].sort((a, b) => a.x - b.x).find((m) => m.x >= 0)?.id ?? null;
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

  return (
    <section className={styles.timeline} aria-labelledby={`${helpId}-title`}>
      <div className={styles.toolbar}>
        <h2 id={`${helpId}-title`} className={styles.heading}>Timeline</h2>
        <ul className={styles.legend} aria-label="Categories">
          {categories.map((c) => (
            <li key={c} className={styles.legendItem} style={{ color: CATEGORY_STYLE[c].color }}>
              <MarkShape shape={CATEGORY_STYLE[c].shape} filled size={14} />
              <span className={styles.legendLabel}>{CATEGORY_STYLE[c].label}</span>
            </li>
          ))}
        </ul>
        <div className={styles.zoomButtons} role="group" aria-label="Zoom">
          <button type="button" className={styles.tool} onClick={() => timeline.zoomBy(1 / 1.6)} aria-label="Zoom out" aria-keyshortcuts="-">−</button>
          <button type="button" className={styles.tool} onClick={() => timeline.zoomBy(1.6)} aria-label="Zoom in" aria-keyshortcuts="+">+</button>
          <button type="button" className={styles.tool} onClick={timeline.fitAll} aria-keyshortcuts="0">Fit all</button>
        </div>
      </div>
      <div className={styles.frame} ref={frameRef}>
        {!compact && (
          <ul className={styles.laneLabels} aria-hidden="true">
            {categories.map((c) => (
              <li key={c} style={{ height: laneHeight, color: CATEGORY_STYLE[c].color }}>
                <MarkShape shape={CATEGORY_STYLE[c].shape} filled size={12} /> <span>{CATEGORY_STYLE[c].label}</span>
              </li>
            ))}
          </ul>
        )}
        <div
          ref={surfaceRef}
          className={styles.surface}
          style={{ height }}
          role="group"
          aria-label={label}
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
        >
          <svg className={styles.grid} width={width} height={height} aria-hidden="true">
            {Array.from({ length: lanes - 1 }, (_, i) => (
              <line key={i} x1={0} x2={width} y1={(i + 1) * laneHeight} y2={(i + 1) * laneHeight} className={styles.laneLine} />
            ))}
            {ticks.map((t) => (
              <line key={t.value} x1={x(t.value)} x2={x(t.value)} y1={0} y2={height - AXIS_HEIGHT + 6} className={t.major ? styles.majorTick : styles.tick} />
            ))}
          </svg>
          <div className={styles.axis} aria-hidden="true">
            {ticks.filter((t) => x(t.value) + 4 + t.label.length * 7 < width - (unit === 'day' || unit === 'week' ? 44 : 0)).map((t) => (
              <span key={t.value} className={`${styles.tickLabel} ${t.major ? styles.majorLabel : ''}`} style={{ transform: `translateX(${x(t.value) + 4}px)` }}>{t.label}</span>
            ))}
            {(unit === 'day' || unit === 'week') && <span className={styles.context}>{context}</span>}
          </div>
          {eventMarks.filter((m) => m.bar).map((m) => (
            <div
              key={`bar-${m.id}`}
              className={styles.bar}
              aria-hidden="true"
              style={{ transform: `translate(${m.bar![0]}px, ${top(m.lane, 0) - 3}px)`, width: Math.max(2, m.bar![1] - m.bar![0]), color: CATEGORY_STYLE[byId.get(m.id)!.category].color }}
            />
          ))}
          {eventMarks.map((m) => {
            const event = byId.get(m.id)!;
            const cat = CATEGORY_STYLE[event.category];
            const selected = m.id === selectedId;
            return (
              <button
                key={m.id}
                type="button"
                className={styles.mark}
                data-event-id={m.id}
                data-selected={selected || undefined}
                aria-current={selected ? 'true' : undefined}
                aria-label={describeEvent(event)}
                tabIndex={m.id === tabStop ? 0 : -1}
                style={{ transform: `translate(${m.x - markerSize / 2}px, ${top(m.lane, m.row)}px)`, color: cat.color }}
                onClick={() => onSelect(m.id)}
                onPointerEnter={() => setHint(m.id)}
                onPointerLeave={() => setHint(null)}
                onFocus={() => setHint(m.id)}
                onBlur={() => setHint(null)}
              >
                <span className={styles.shape}><MarkShape shape={cat.shape} filled={selected} /></span>
                {m.labelWidth > 0 && (
                  <span className={styles.label} style={{ maxWidth: m.labelWidth }} aria-hidden="true">{event.title}</span>
                )}
              </button>
            );
          })}
          {clusters.map((c) => {
            const first = byId.get(c.ids[0]!)!;
            const day = first.date;
            const sameDay = c.ids.every((id) => byId.get(id)?.date === day);
            const where = compact ? '' : ` in ${CATEGORY_STYLE[first.category].label}`;
            const when = sameDay ? `on ${formatLongDay(day)}` : `from ${formatLongDay(day)} to ${formatLongDay(byId.get(c.ids[c.ids.length - 1]!)!.date)}`;
            const open = openCluster === c.key;
            return (
              <div key={c.key} className={styles.clusterWrap} style={{ transform: `translate(${c.x}px, ${top(c.lane, c.row)}px)` }}>
                <button
                  type="button"
                  className={styles.cluster}
                  tabIndex={-1}
                  aria-expanded={open}
                  aria-label={`${c.ids.length} events ${when}${where}`}
                  onClick={() => setOpenCluster(open ? null : c.key)}
                >
                  {c.ids.length > 999 ? `${Math.floor(c.ids.length / 1000)}k+` : c.ids.length}
                </button>
                {open && (
                  <ClusterList
                    ids={c.ids}
                    byId={byId}
                    flip={c.x > width - 260}
                    onPick={(id) => { setOpenCluster(null); onSelect(id); }}
                    onClose={() => setOpenCluster(null)}
                  />
                )}
              </div>
            );
          })}
          {hint && !openCluster && <Hint event={byId.get(hint)} marks={eventMarks} top={top} markerSize={markerSize} width={width} />}
        </div>
      </div>
      <p id={helpId} className="visually-hidden">
        Left and right arrow keys move between events; plus and minus zoom; 0 fits all. Drag or use the wheel to pan and zoom.
      </p>
    </section>
  );
});

function Hint({ event, marks, top, markerSize, width }: {
  event: TimelineEvent | undefined; marks: EventMark[]; top: (lane: number, row: number) => number; markerSize: number; width: number;
}) {
  const mark = event && marks.find((m) => m.id === event.id);
  if (!event || !mark || mark.labelWidth > 0) return null;
  const left = Math.min(Math.max(0, mark.x - 120), Math.max(0, width - 240));
  return (
    <div className={styles.hint} role="presentation" style={{ transform: `translate(${left}px, ${top(mark.lane, mark.row) + markerSize + 2}px)` }}>
      <strong>{event.title}</strong>
      <span>{formatLongDay(event.date)}</span>
    </div>
  );
}

function ClusterList({ ids, byId, flip, onPick, onClose }: {
  ids: string[]; byId: ReadonlyMap<string, TimelineEvent>; flip: boolean; onPick: (id: string) => void; onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const onDown = (e: PointerEvent) => { if (!ref.current?.parentElement?.contains(e.target as Node)) onClose(); };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);
  return (
    <ul
      ref={ref}
      className={`${styles.clusterList} ${flip ? styles.flip : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
          onClose();
        }
        if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') e.stopPropagation();
      }}
    >
      {ids.slice(0, 50).map((id) => {
        const event = byId.get(id)!;
        const cat = CATEGORY_STYLE[event.category];
        return (
          <li key={id}>
            <button type="button" className={styles.clusterItem} onClick={() => onPick(id)} data-cluster-item={id}>
              <span style={{ color: cat.color }}><MarkShape shape={cat.shape} filled size={12} /></span>
              <span>{event.title}<span className="visually-hidden">, {formatLongDay(event.date)}, {cat.label}</span></span>
            </button>
          </li>
        );
      })}
      {ids.length > 50 && <li className={styles.more}>…and {ids.length - 50} more: zoom in to see them.</li>}
    </ul>
  );
}
