/**
 * Part of step 4 of the data pipeline: the order the sources tell. Locates
 * every `after`/`before` relation of the events file (its phrase inside either
 * event's quotes first, else unique in the article), turns each into `after` on
 * the later event, and sorts the events: by date, then by those relations
 * (failing on a cycle, naming it, and on a relation that contradicts the days),
 * then by the order of the text, then by id. Pure.
 */
import type { Article, Relation, TimelineEvent } from '../src/data/schema.ts';
import type { RelationInput } from './inputSchema.ts';
import { locatePhrase } from './locatePhrase.ts';

/** The relations one event of the events file gives, and the ids it may name. */
export type RelationsOf = { id: string; after?: RelationInput[]; before?: RelationInput[] };
export type OrderResult = { events: TimelineEvent[]; errors: string[] };

type Edge = { later: string; earlier: string; relation: Relation; origin: { id: string; field: string } };

/**
 * Orders `events` (those that built) with the relations of `inputs` (every event of the file, so
 * that a relation to an event that failed for another reason is not reported twice).
 */
export function orderEvents(
  events: readonly TimelineEvent[],
  inputs: readonly RelationsOf[],
  articles: ReadonlyMap<string, Article>,
  eventsFile: string,
): OrderResult {
  const errors: string[] = [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const known = new Set([...inputs.map((i) => i.id), ...byId.keys()]);
  const edges: Edge[] = [];

  for (const input of inputs) {
    const fail = (field: string, message: string) => errors.push(`${eventsFile}: event "${input.id}" → ${field}: ${message}`);
    for (const side of ['after', 'before'] as const) {
      (input[side] ?? []).forEach((r, i) => {
        const field = `${side}.${i}`;
        if (r.event === input.id) return fail(`${field}.event`, 'an event cannot come after or before itself');
        if (!known.has(r.event)) return fail(`${field}.event`, `unknown event "${r.event}"`);
        const article = articles.get(r.article);
        if (!article) return fail(`${field}.article`, `unknown article "${r.article}"; known: ${[...articles.keys()].join(', ')}`);
        const self = byId.get(input.id);
        const other = byId.get(r.event);
        if (!self || !other) return; // already reported: the event did not build
        const found = locatePhrase(article, r.phrase, [...self.quotes, ...other.quotes]);
        if (!found.ok) return fail(`${field}.phrase`, found.error);
        const [later, earlier] = side === 'after' ? [self, other] : [other, self];
        if (later.date < earlier.date) {
          return fail(field, `"${r.phrase}" puts "${later.id}" (${later.date}) after "${earlier.id}" (${earlier.date}), which the days contradict`);
        }
        const { paragraph, start, end } = found.at;
        edges.push({ later: later.id, earlier: earlier.id, relation: { event: earlier.id, phrase: r.phrase, article: r.article, paragraph, start, end }, origin: { id: input.id, field: side } });
      });
    }
  }

  const textOrder = compareByText(articles);
  const byDay = new Map<string, TimelineEvent[]>();
  for (const e of [...events].sort((a, b) => compare(a.date, b.date))) {
    byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  }
  const sorted: TimelineEvent[] = [];
  for (const day of byDay.values()) {
    const ids = new Set(day.map((e) => e.id));
    const sameDay = edges.filter((e) => ids.has(e.later) && ids.has(e.earlier));
    const result = sortWithin(day.sort(textOrder), sameDay);
    if (Array.isArray(result)) sorted.push(...result);
    else errors.push(`${eventsFile}: event "${result.origin.id}" → ${result.origin.field}: the order relations form a cycle: ${result.cycle.join(' → ')}`);
  }

  const afterOf = new Map<string, Relation[]>();
  for (const edge of edges) afterOf.set(edge.later, [...(afterOf.get(edge.later) ?? []), edge.relation]);
  const withAfter = sorted.map((e) => {
    const after = afterOf.get(e.id);
    return after ? { ...e, after } : e;
  });
  return { events: errors.length ? [] : withAfter, errors };
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Text order: the article published first, then paragraph, then the start of the first quote, then id. */
function compareByText(articles: ReadonlyMap<string, Article>) {
  return (a: TimelineEvent, b: TimelineEvent): number => {
    const qa = a.quotes[0]!;
    const qb = b.quotes[0]!;
    return compare(articles.get(qa.article)?.published ?? '', articles.get(qb.article)?.published ?? '') ||
      compare(qa.article, qb.article) || compare(qa.paragraph, qb.paragraph) || compare(qa.start, qb.start) || compare(a.id, b.id);
  };
}

/**
 * Sorts one day's events (given in text order) so that each comes after the events it is related to
 * as later, keeping the text order wherever the relations leave a choice; or the first cycle found.
 */
function sortWithin(events: TimelineEvent[], edges: readonly Edge[]): TimelineEvent[] | { cycle: string[]; origin: Edge['origin'] } {
  const waitingFor = new Map(events.map((e) => [e.id, new Set(edges.filter((x) => x.later === e.id).map((x) => x.earlier))]));
  const out: TimelineEvent[] = [];
  const left = [...events];
  while (left.length) {
    const next = left.findIndex((e) => waitingFor.get(e.id)!.size === 0);
    if (next === -1) return findCycle(left.map((e) => e.id), edges);
    const [e] = left.splice(next, 1);
    out.push(e!);
    for (const set of waitingFor.values()) set.delete(e!.id);
  }
  return out;
}

/** A cycle among `ids` (each of which waits for another): `a → b → a`, following "comes after". */
function findCycle(ids: readonly string[], edges: readonly Edge[]): { cycle: string[]; origin: Edge['origin'] } {
  const inSet = new Set(ids);
  const path: string[] = [ids[0]!];
  for (;;) {
    const current = path.at(-1)!;
    const edge = edges.find((x) => x.later === current && inSet.has(x.earlier))!;
    const seen = path.indexOf(edge.earlier);
    if (seen !== -1) {
      const cycle = [...path.slice(seen), edge.earlier];
      const first = edges.find((x) => x.later === cycle[0] && x.earlier === cycle[1])!;
      return { cycle, origin: first.origin };
    }
    path.push(edge.earlier);
  }
}
