/**
 * The timeline on a phone: the axis runs down the page. Each day with events
 * is a row on a rail, with its key events (and the selected or marked ones)
 * named; the rest of the day is one tap away ("+ 7 more"), opening in place
 * at full width. Empty stretches between days are marked breaks ("⋯ 4 days ⋯").
 * Every event keeps its shape, colour and certainty glyph, and its name.
 */
import { useState } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { certaintyOf } from '../../lib/evidence/describeCertainty.ts';
import { daysBetween, formatLongDay } from '../../lib/time/calendarDay.ts';
import { MarkShape } from './MarkShape.tsx';
import styles from './PhoneTimeline.module.css';

type Props = {
  events: readonly TimelineEvent[];
  selectedId: string | null;
  marked?: ReadonlySet<string>;
  describe: (event: TimelineEvent) => string;
  onSelect: (id: string, how?: 'pointer' | 'keyboard') => void;
};

/** The vertical timeline of a phone: see the file header. */
export function PhoneTimeline({ events, selectedId, marked, describe, onSelect }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const groups = groupByDay(events);
  return (
    <ol className={styles.rail} aria-label="Days with events">
      {groups.map((group, g) => {
        const gap = g > 0 ? daysBetween(groups[g - 1]!.day, group.day) - 1 : 0;
        const expanded = open.has(group.day);
        const named = expanded ? group.events : group.events.filter((e) => e.key || e.id === selectedId || marked?.has(e.id));
        const hidden = group.events.length - named.length;
        return (
          <li key={group.day} className={styles.day}>
            <h3 className={styles.dayLabel}>
              <time dateTime={group.day}>{formatLongDay(group.day)}</time>
              {gap > 0 && <span className={styles.break}> ⋯ {gap} {gap === 1 ? 'day' : 'days'} later<span className="visually-hidden">, with no events between</span></span>}
            </h3>
            <ul className={styles.events}>
              {named.map((event) => {
                const selected = event.id === selectedId;
                return (
                  <li key={event.id}>
                    <button
                      type="button"
                      className={styles.event}
                      data-event-id={event.id}
                      data-key={event.key || undefined}
                      data-selected={selected || undefined}
                      data-marked={marked?.has(event.id) || undefined}
                      aria-current={selected ? 'true' : undefined}
                      aria-label={describe(event)}
                      style={{ color: categoryStyle(event.category).color }}
                      onClick={(e) => onSelect(event.id, e.detail === 0 ? 'keyboard' : 'pointer')}
                    >
                      <span className={styles.glyph}>
                        <MarkShape shape={categoryStyle(event.category).shape} filled={selected || Boolean(event.key)} certainty={certaintyOf(event)} size={event.key ? 20 : 16} />
                      </span>
                      <span className={styles.title} aria-hidden="true">{event.title}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {(hidden > 0 || (expanded && group.events.some((e) => !e.key))) && (
              <button
                type="button"
                className={styles.more}
                aria-expanded={expanded}
                onClick={() => setOpen((s) => {
                  const next = new Set(s);
                  if (expanded) next.delete(group.day);
                  else next.add(group.day);
                  return next;
                })}
              >
                {expanded ? 'Show fewer' : `+ ${hidden} more on ${formatLongDay(group.day).slice(0, -5)}`}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
