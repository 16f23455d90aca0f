/**
 * How each category is named and drawn: a colour token and a shape, so that colour is never the
 * only cue. The edition names its categories in content/site.json and the dataset carries them;
 * `configureCategories` applies them once, when the dataset is loaded, so that every component
 * reading `categoryStyle` draws the edition's names, colours and shapes, in its order.
 */
import { DEFAULT_CATEGORY_IDS } from '../data/contract.ts';
import type { Category, CategoryInfo } from '../data/schema.ts';

export type CategoryShape = CategoryInfo['shape'];
/** `symbol` is the shape as text; `hollow` its outline, for an event its sources only report. */
export type CategoryStyle = { label: string; shape: CategoryShape; symbol: string; hollow: string; color: string };

const SYMBOLS: Record<CategoryShape, string> = {
  circle: '●', diamond: '◆', triangle: '▲', pentagon: '⬟', square: '■', hexagon: '⬢', star: '★', chevron: '▼',
};
const HOLLOW_SYMBOLS: Record<CategoryShape, string> = {
  circle: '○', diamond: '◇', triangle: '△', pentagon: '⬠', square: '□', hexagon: '⬡', star: '☆', chevron: '▽',
};
/** A colour name of the content file → its token, measured for contrast in light and dark (tokens.css). */
const COLOUR_TOKENS: Record<CategoryInfo['colour'], string> = {
  red: 'var(--cat-military)',
  blue: 'var(--cat-diplomacy)',
  green: 'var(--cat-humanitarian)',
  purple: 'var(--cat-international)',
  orange: 'var(--cat-orange)',
  teal: 'var(--cat-teal)',
  magenta: 'var(--cat-magenta)',
  brown: 'var(--cat-brown)',
};

/** The first edition's categories: what an edition without its own list gets. */
export const DEFAULT_CATEGORIES: readonly CategoryInfo[] = [
  { id: 'military', label: 'Military', colour: 'red', shape: 'circle' },
  { id: 'diplomacy', label: 'Diplomacy', colour: 'blue', shape: 'diamond' },
  { id: 'humanitarian', label: 'Humanitarian', colour: 'green', shape: 'triangle' },
  { id: 'international', label: 'International response', colour: 'purple', shape: 'pentagon' },
] satisfies ReadonlyArray<CategoryInfo & { id: (typeof DEFAULT_CATEGORY_IDS)[number] }>;

/** The style drawn for a category as the edition describes it. */
export function styleOfCategory({ label, colour, shape }: CategoryInfo): CategoryStyle {
  return { label, shape, symbol: SYMBOLS[shape], hollow: HOLLOW_SYMBOLS[shape], color: COLOUR_TOKENS[colour] };
}

let styles = new Map<Category, CategoryStyle>();
let order: readonly Category[] = [];

/**
 * Applies the dataset's categories (or, given none, the first edition's) as the categories the
 * page draws, in their order. Called once when the dataset is loaded, before the viewer renders:
 * components read them directly, so they are configured here rather than passed down. A second
 * call replaces the first.
 */
export function configureCategories(categories: readonly CategoryInfo[] | undefined): void {
  const list = categories ?? DEFAULT_CATEGORIES;
  styles = new Map(list.map((c) => [c.id, styleOfCategory(c)]));
  order = list.map((c) => c.id);
}
configureCategories(undefined);

/**
 * The style of a category of the configured edition. An id it does not list (which a checked
 * dataset never holds) is drawn plainly under its own id rather than breaking the page.
 */
export function categoryStyle(category: Category): CategoryStyle {
  return styles.get(category) ?? { label: category, shape: 'circle', symbol: SYMBOLS.circle, hollow: HOLLOW_SYMBOLS.circle, color: 'var(--muted)' };
}

/** The configured edition's category ids, in its order (lanes, legend, filters, `cat=` links). */
export function categoryIds(): readonly Category[] {
  return order;
}
