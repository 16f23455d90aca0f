/**
 * How each category is named and drawn: a colour token and a shape, so that colour is never the
 * only cue. The edition names its categories in content/site.json and the dataset carries them;
 * `configureCategories` applies them once, when the dataset is loaded, so that every component
 * reading CATEGORY_STYLE draws the edition's names, colours and shapes.
 */
import type { Category, CategoryInfo } from '../data/schema.ts';

export type CategoryShape = CategoryInfo['shape'];
/** `symbol` is the shape as text; `hollow` its outline, for an event its sources only report. */
export type CategoryStyle = { label: string; shape: CategoryShape; symbol: string; hollow: string; color: string };

const SYMBOLS: Record<CategoryShape, string> = { circle: '●', diamond: '◆', triangle: '▲', pentagon: '⬟' };
const HOLLOW_SYMBOLS: Record<CategoryShape, string> = { circle: '○', diamond: '◇', triangle: '△', pentagon: '⬠' };
/** A colour name of the content file → its token, measured for contrast in light and dark (tokens.css). */
const COLOUR_TOKENS: Record<CategoryInfo['colour'], string> = {
  red: 'var(--cat-military)',
  blue: 'var(--cat-diplomacy)',
  green: 'var(--cat-humanitarian)',
  purple: 'var(--cat-international)',
};

/** The first edition's categories: what an edition without its own list gets. */
export const DEFAULT_CATEGORIES: readonly CategoryInfo[] = [
  { id: 'military', label: 'Military', colour: 'red', shape: 'circle' },
  { id: 'diplomacy', label: 'Diplomacy', colour: 'blue', shape: 'diamond' },
  { id: 'humanitarian', label: 'Humanitarian', colour: 'green', shape: 'triangle' },
  { id: 'international', label: 'International response', colour: 'purple', shape: 'pentagon' },
];

/** The style drawn for a category as the edition describes it. */
export function styleOfCategory({ label, colour, shape }: CategoryInfo): CategoryStyle {
  return { label, shape, symbol: SYMBOLS[shape], hollow: HOLLOW_SYMBOLS[shape], color: COLOUR_TOKENS[colour] };
}

function defaultStyles(): Record<Category, CategoryStyle> {
  return Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.id, styleOfCategory(c)])) as Record<Category, CategoryStyle>;
}

/** The style of each category; the dataset's own, once `configureCategories` has run. */
export const CATEGORY_STYLE: Record<Category, CategoryStyle> = defaultStyles();

/**
 * Applies the dataset's categories (or, given none, the defaults) to CATEGORY_STYLE. Called once
 * when the dataset is loaded, before the viewer renders: components read the table directly, so
 * it is configured in place rather than passed down. A category the dataset does not describe
 * keeps its default style.
 */
export function configureCategories(categories: readonly CategoryInfo[] | undefined): void {
  Object.assign(CATEGORY_STYLE, defaultStyles());
  for (const c of categories ?? []) CATEGORY_STYLE[c.id] = styleOfCategory(c);
}

