import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { readSelection } from './readSelection.ts';

const paragraphs = [
  'Talks began on March 3 in Belarus.',
  'He said the talks would go on.',
  'Talks began on March 3 in Belarus.',
];

/** The reader's markup: a passage mark with an "also quoted in" link, and a captioned paragraph. */
function Reader() {
  return (
    <section data-testid="root">
      <h2>Headline</h2>
      <p>Source</p>
      <div>
        <p>Talks began <mark><a href="?event=a">on March 3</a><a href="?event=b"><span className="visually-hidden">also quoted in: </span>Other event</a></mark> in Belarus.</p>
        <p><span>Photo caption</span> He said the talks would go on.</p>
        <p>Talks began on March 3 in Belarus.</p>
      </div>
      <div data-authoring><p>Talks began on March 3 in Belarus.</p></div>
    </section>
  );
}

function select(start: [Node, number], end: [Node, number]): Selection {
  const selection = document.getSelection()!;
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

const textOf = (el: Element, n = 0) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  for (let i = 0; i < n; i++) node = walker.nextNode();
  return node!;
};

describe('readSelection', () => {
  it('gives offsets into the dataset’s paragraph, across a passage mark, snapped to whole words', () => {
    const root = render(<Reader />).getByTestId('root');
    const [first] = root.querySelectorAll('p:not(:first-of-type)');
    const p = root.querySelectorAll('div > p')[0]!;
    expect(first).toBeDefined();
    // From "gan" of "began" into "Bel" of "Belarus", through the mark and past its "also quoted in" link.
    const passage = readSelection(root, select([textOf(p, 0), 8], [p.lastChild!, 6]), paragraphs);
    expect(passage).toEqual({ paragraph: 0, start: 6, end: 33, text: 'began on March 3 in Belarus', clipped: false });
  });

  it('leaves out the label of a caption', () => {
    const root = render(<Reader />).getByTestId('root');
    const p = root.querySelectorAll('div > p')[1]!;
    const words = p.lastChild!;
    expect(readSelection(root, select([words, 1], [words, 8]), paragraphs)).toMatchObject({ paragraph: 1, start: 0, end: 7, text: 'He said' });
  });

  it('tells two paragraphs with the same words apart, and cuts a selection at the end of its paragraph', () => {
    const root = render(<Reader />).getByTestId('root');
    const [, second, third] = root.querySelectorAll('div > p');
    expect(readSelection(root, select([third!.firstChild!, 0], [third!.firstChild!, 5]), paragraphs)).toMatchObject({ paragraph: 2, start: 0, end: 5 });
    expect(readSelection(root, select([second!.lastChild!, 20], [third!.firstChild!, 5]), paragraphs))
      .toMatchObject({ paragraph: 1, text: 'would go on.', clipped: true });
  });

  it('ignores an empty selection, one outside the reader and one inside the authoring tools', () => {
    const root = render(<Reader />).getByTestId('root');
    const p = root.querySelectorAll('div > p')[2]!;
    expect(readSelection(root, select([p.firstChild!, 3], [p.firstChild!, 3]), paragraphs)).toBeNull();
    const own = root.querySelector('[data-authoring] p')!;
    expect(readSelection(root, select([own.firstChild!, 0], [own.firstChild!, 5]), paragraphs)).toBeNull();
    expect(readSelection(root, select([root.querySelector('h2')!.firstChild!, 0], [root.querySelector('h2')!.firstChild!, 4]), paragraphs)).toBeNull();
  });
});
