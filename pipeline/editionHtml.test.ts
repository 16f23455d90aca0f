import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fortnight } from '../tests/fixtures/datasets.ts';
import { applyEditionToHtml } from './editionHtml.ts';

const indexHtml = fs.readFileSync('index.html', 'utf8');

describe('applyEditionToHtml', () => {
  test('puts the edition’s title in <title> and on the loading screen, and its dek in the description', () => {
    const html = applyEditionToHtml(indexHtml, { ...fortnight(), title: 'The Harbour Bridge closure', dek: 'How the city closed its bridge.' });
    expect(html).toContain('<title>The Harbour Bridge closure — a source-grounded timeline</title>');
    expect(html).toContain('<p class="boot-title">The Harbour Bridge closure</p>');
    expect(html).toMatch(/<meta name="description" content="How the city closed its bridge\. A timeline built from (one article|\d+ articles): /);
    expect(html).not.toContain('Ukraine');
  });

  test('escapes the title, so a dataset cannot add markup to the page', () => {
    const html = applyEditionToHtml(indexHtml, { ...fortnight(), title: '<script>x</script> & "quotes"' });
    expect(html).toContain('<title>&lt;script&gt;x&lt;/script&gt; &amp; &quot;quotes&quot; — a source-grounded timeline</title>');
    expect(html).not.toContain('<script>x');
  });
});
