import { afterEach, describe, expect, test } from 'vitest';
import { CATEGORY_STYLE, configureCategories, DEFAULT_CATEGORIES } from './categories.ts';

afterEach(() => configureCategories(undefined));

describe('configureCategories', () => {
  test('without a list, every category keeps the first edition’s name, colour token and shape', () => {
    configureCategories(undefined);
    expect(CATEGORY_STYLE.international).toEqual({ label: 'International response', shape: 'pentagon', symbol: '⬟', hollow: '⬠', color: 'var(--cat-international)' });
    expect(DEFAULT_CATEGORIES.map((c) => c.id)).toEqual(['military', 'diplomacy', 'humanitarian', 'international']);
  });

  test('applies the dataset’s names, colours and shapes, and a category it leaves out keeps its default', () => {
    configureCategories([{ id: 'military', label: 'Fighting', colour: 'purple', shape: 'triangle' }]);
    expect(CATEGORY_STYLE.military).toEqual({ label: 'Fighting', shape: 'triangle', symbol: '▲', hollow: '△', color: 'var(--cat-international)' });
    expect(CATEGORY_STYLE.diplomacy.label).toBe('Diplomacy');
  });

  test('a second configuration replaces the first rather than adding to it', () => {
    configureCategories([{ id: 'military', label: 'Fighting', colour: 'purple', shape: 'triangle' }]);
    configureCategories([{ id: 'diplomacy', label: 'Talks', colour: 'blue', shape: 'diamond' }]);
    expect(CATEGORY_STYLE.military.label).toBe('Military');
    expect(CATEGORY_STYLE.diplomacy.label).toBe('Talks');
  });
});
