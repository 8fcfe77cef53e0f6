// textOverlaps (overlap.ts) on a page made for it (fixtures/overlap.html): it finds the two true
// overlaps there (text over text; a bar that escapes its clipping box, over text) and not what a
// clipping box hides (a bar scrolled out of its list over the text below the list, which it
// reported before session 17; a list's hidden line under the next line).
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { textOverlaps } from './overlap';

describeBrowser('textOverlaps', browser => {
  it('reports the true overlaps and not what a clipping box hides', async () => {
    const tp = await browser.open('/', { viewport: { width: 800, height: 800 } });
    await tp.page.setContent(await readFile(new URL('./fixtures/overlap.html', import.meta.url), 'utf8'));
    await screenshot(tp.page, 'overlap-fixture');
    expect(await textOverlaps(tp.page, 'body')).toEqual(['“Alpha written here” over “Beta written here”', '“Covered by the bar” under the bar bar bar-escapes-its-box']);
  });
});
