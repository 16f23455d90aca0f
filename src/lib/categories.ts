/** How each category is named and drawn: a colour token and a shape, so that colour is never the only cue. */
import type { Category } from '../data/schema.ts';

export type CategoryStyle = { label: string; shape: 'circle' | 'diamond' | 'triangle' | 'pentagon'; symbol: string; color: string };

export const CATEGORY_STYLE: Record<Category, CategoryStyle> = {
  military: { label: 'Military', shape: 'circle', symbol: '●', color: 'var(--cat-military)' },
  diplomacy: { label: 'Diplomacy', shape: 'diamond', symbol: '◆', color: 'var(--cat-diplomacy)' },
  humanitarian: { label: 'Humanitarian', shape: 'triangle', symbol: '▲', color: 'var(--cat-humanitarian)' },
  international: { label: 'International response', shape: 'pentagon', symbol: '⬟', color: 'var(--cat-international)' },
};
