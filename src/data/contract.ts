/**
 * The parts of the dataset contract that the page needs at run time without
 * the schemas: the id rule, the address rule, the category and certainty
 * vocabularies. schema.ts builds its zod schemas from these (and re-exports
 * them); modules of the first view import them from here, so the check and
 * zod load only with the data (loadDataset.ts).
 */

/** The first edition's category ids: what a dataset without its own `categories` may use. */
export const DEFAULT_CATEGORY_IDS = ['military', 'diplomacy', 'humanitarian', 'international'] as const;

/** How many categories an edition may have: each needs a lane, a filter and its own colour and shape. */
export const MAX_CATEGORIES = 8;

/**
 * What an id is, for events and articles alike: a kebab-case slug. The pipeline's input schema,
 * this contract and the URL parser (src/lib/url) use this one rule, so any id the data can hold
 * can be linked to.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An address a reader may follow: `http:` or `https:` only (never `javascript:`, `data:`, …). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The colours a category may take, by name: each is a token of src/styles/tokens.css whose light and
 * dark values are measured for contrast (docs: DESIGN.md), so no edition can pick an illegible one.
 */
export const CATEGORY_COLOURS = ['red', 'blue', 'green', 'purple', 'orange', 'teal', 'magenta', 'brown'] as const;

/** The shapes a category may take: colour is never a category's only cue. */
export const CATEGORY_SHAPES = ['circle', 'diamond', 'triangle', 'pentagon', 'square', 'hexagon', 'star', 'chevron'] as const;

/**
 * How certain an event's date is. `day`: the words fix the day. `range`: they bound it
 * (`earliest`–`latest`, `earliest` null when open). `reported`: the sources give no time; it
 * happened on or before `latest`, the day the article reports it.
 */
export const CERTAINTIES = ['day', 'range', 'reported'] as const;

/** The ids an event of the dataset may use, in the edition's order: its own list, else the first edition's. */
export function categoryIdsOf(d: { categories?: ReadonlyArray<{ id: string }> | undefined }): readonly string[] {
  return d.categories ? d.categories.map((c) => c.id) : DEFAULT_CATEGORY_IDS;
}
