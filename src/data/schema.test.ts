import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../tests/fixtures/datasets.ts';
import { datasetSchema, type CategoryInfo } from './schema.ts';

const cat = (id: string, colour: CategoryInfo['colour'] = 'red', shape: CategoryInfo['shape'] = 'circle'): CategoryInfo => ({ id, label: id, colour, shape });
const messages = (value: unknown) => {
  const parsed = datasetSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the dataset’s categories', () => {
  test('are the edition’s own ids, and an event may use any of them', () => {
    const dataset = { ...buildDataset([{ date: '2022-03-01', category: 'works' }, { date: '2022-03-02', category: 'city-council' }]),
      categories: [cat('works', 'orange', 'square'), cat('city-council', 'teal', 'hexagon')] };
    expect(messages(dataset)).toEqual([]);
  });

  test('an event whose category the dataset does not list is refused, naming the event and the category', () => {
    const dataset = { ...buildDataset([{ date: '2022-03-01', category: 'works', id: 'bridge-shut' }, { date: '2022-03-02', category: 'wroks', id: 'crane-arrives' }]),
      categories: [cat('works'), cat('council', 'blue', 'diamond')] };
    expect(messages(dataset)).toEqual([': event "crane-arrives": category "wroks" is not one of the dataset\'s categories (works, council)']);
  });

  test('without a list, the first edition’s four are the valid ids, so old datasets stay valid', () => {
    expect(messages(buildDataset([{ date: '2022-03-01', category: 'humanitarian' }]))).toEqual([]);
    expect(messages(buildDataset([{ date: '2022-03-01', category: 'works', id: 'bridge-shut' }])))
      .toEqual([': event "bridge-shut": category "works" is not one of the dataset\'s categories (military, diplomacy, humanitarian, international)']);
  });

  test('an id must be a slug, like an event id', () => {
    const dataset = { ...buildDataset([{ date: '2022-03-01', category: 'works' }]), categories: [cat('works'), cat('City Council')] };
    expect(messages(dataset)).toContainEqual(expect.stringMatching(/^categories\.1\.id: expected an id as a kebab-case slug/));
  });

  test('more than eight are refused', () => {
    const nine = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => cat(id));
    expect(messages({ ...buildDataset([{ date: '2022-03-01', category: 'a' }]), categories: nine })).toContainEqual(expect.stringMatching(/^categories: /));
    expect(messages({ ...buildDataset([{ date: '2022-03-01', category: 'a' }]), categories: nine.slice(0, 8) })).toEqual([]);
  });

  test('an id listed twice is refused, naming it', () => {
    const dataset = { ...buildDataset([{ date: '2022-03-01', category: 'works' }]), categories: [cat('works'), cat('council'), cat('works')] };
    expect(messages(dataset)).toEqual([': category ids must be unique: "works" is listed twice']);
  });

  test('a colour or shape outside the palette is refused', () => {
    const dataset = { ...buildDataset([{ date: '2022-03-01', category: 'works' }]), categories: [{ id: 'works', label: 'Works', colour: '#ff0000', shape: 'cloud' }] };
    expect(messages(dataset)).toEqual([expect.stringMatching(/^categories\.0\.colour: /), expect.stringMatching(/^categories\.0\.shape: /)]);
  });
});
