import { useCallback, useMemo, useState } from 'react';
import type { DatasetIndex } from '../data/indexDataset.ts';
import { Header } from '../features/header/Header.tsx';
import { EventList } from '../features/event-list/EventList.tsx';
import { EventDetails } from '../features/details/EventDetails.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import { useTimelineView } from '../features/timeline/useTimelineView.ts';
import { formatDay, formatLongDay } from '../lib/time/calendarDay.ts';
import { fullWindow } from '../lib/time/view.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import styles from './Viewer.module.css';

const ZOOM_STEP = 1.6;

/** The viewer of a loaded dataset: header, timeline, event list and the selected event. */
export function Viewer({ index }: { index: DatasetIndex }) {
  const { events, byId, position } = index;
  const [selectedId, setSelectedId] = useState<string | null>(events[0]?.id ?? null);
  const full = useMemo(() => (index.first && index.last ? fullWindow(index.first, index.last) : ([0, 1] as const)), [index.first, index.last]);
  const timeline = useTimelineView(full);
  const selected = selectedId ? byId.get(selectedId) ?? null : null;

  const step = useCallback((delta: number | 'first' | 'last') => {
    if (events.length === 0) return;
    setSelectedId((current) => {
      const at = current === null ? -1 : position.get(current) ?? -1;
      const next = delta === 'first' ? 0 : delta === 'last' ? events.length - 1
        : Math.min(events.length - 1, Math.max(0, at === -1 ? 0 : at + delta));
      return events[next]!.id;
    });
  }, [events, position]);

  useKeyboardShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    first: () => step('first'),
    last: () => step('last'),
    zoomIn: () => timeline.zoomBy(ZOOM_STEP),
    zoomOut: () => timeline.zoomBy(1 / ZOOM_STEP),
    fitAll: timeline.fitAll,
  });

  const label = index.first && index.last
    ? `Timeline of ${events.length} events from ${formatDay(index.first)} to ${formatDay(index.last)}`
    : 'Timeline';
  return (
    <div className={styles.page}>
      <Header index={index} />
      <main className={styles.main}>
        <Timeline
          events={events}
          categories={index.categories}
          byId={byId}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onStep={step}
          timeline={timeline}
          label={label}
        />
        <div className={styles.columns}>
          <EventList events={events} selectedId={selectedId} onSelect={setSelectedId} />
          <div className={styles.detailsColumn}>
            {selected && <EventDetails event={selected} index={index} />}
          </div>
        </div>
      </main>
      <p className="visually-hidden" role="status" aria-live="polite">
        {selected ? `Selected: ${selected.title}, ${formatLongDay(selected.date)}` : ''}
      </p>
    </div>
  );
}
