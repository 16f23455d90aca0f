import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay, type DayGroup } from '../../data/indexDataset.ts';

/**
 * The events under their day headings, key events first within each day; otherwise in the given
 * order (the order the sources tell). A stable partition: it never reorders events of one kind.
 */
export function groupForList(events: readonly TimelineEvent[]): DayGroup[] {
  return groupByDay(events).map((group) => {
    if (!group.events.some((e) => e.key)) return group;
    return { day: group.day, events: [...group.events.filter((e) => e.key), ...group.events.filter((e) => !e.key)] };
  });
}
