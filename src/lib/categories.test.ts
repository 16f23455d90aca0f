import { afterEach, describe, expect, test } from 'vitest';
import { categoryIds, categoryStyle, configureCategories, DEFAULT_CATEGORIES } from './categories.ts';

afterEach(() => configureCategories(undefined));

describe('configureCategories', () => {
  test('without a list, the edition has the first one’s four, with their names, colour tokens and shapes', () => {
    configureCategories(undefined);
    expect(categoryStyle('international')).toEqual({ label: 'International response', shape: 'pentagon', symbol: '⬟', hollow: '⬠', color: 'var(--cat-international)' });
    expect(DEFAULT_CATEGORIES.map((c) => c.id)).toEqual(['military', 'diplomacy', 'humanitarian', 'international']);
    expect(categoryIds()).toEqual(['military', 'diplomacy', 'humanitarian', 'international']);
  });

  test('applies the dataset’s names, colours and shapes to the ids it lists', () => {
    configureCategories([{ id: 'military', label: 'Fighting', colour: 'purple', shape: 'triangle' }]);
    expect(categoryStyle('military')).toEqual({ label: 'Fighting', shape: 'triangle', symbol: '▲', hollow: '△', color: 'var(--cat-international)' });
  });

  test('the edition’s own ids, in its order, replace the default four', () => {
    configureCategories([
      { id: 'works', label: 'Works', colour: 'orange', shape: 'square' },
      { id: 'council', label: 'Council', colour: 'teal', shape: 'hexagon' },
      { id: 'residents', label: 'Residents', colour: 'magenta', shape: 'star' },
      { id: 'traffic', label: 'Traffic', colour: 'brown', shape: 'chevron' },
    ]);
    expect(categoryIds()).toEqual(['works', 'council', 'residents', 'traffic']);
    expect(categoryStyle('works')).toEqual({ label: 'Works', shape: 'square', symbol: '■', hollow: '□', color: 'var(--cat-orange)' });
    expect(categoryStyle('council').color).toBe('var(--cat-teal)');
    expect(categoryStyle('residents').symbol).toBe('★');
    expect(categoryStyle('traffic').color).toBe('var(--cat-brown)');
    expect(categoryStyle('military').label).toBe('military');
  });

  test('a second configuration replaces the first rather than adding to it', () => {
    configureCategories([{ id: 'military', label: 'Fighting', colour: 'purple', shape: 'triangle' }]);
    configureCategories([{ id: 'diplomacy', label: 'Talks', colour: 'blue', shape: 'diamond' }]);
    expect(categoryIds()).toEqual(['diplomacy']);
    expect(categoryStyle('diplomacy').label).toBe('Talks');
  });

  test('an id the edition does not list is drawn plainly under its own name, never breaking the page', () => {
    expect(categoryStyle('weather')).toEqual({ label: 'weather', shape: 'circle', symbol: '●', hollow: '○', color: 'var(--muted)' });
  });
});
