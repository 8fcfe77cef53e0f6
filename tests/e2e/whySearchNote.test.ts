// The turn the search player sends a note, in the browser's reports: its reasons say what the note
// offers, term by term ("Terms of its note: ..."), and give each figure from playouts with its error.
// Photographed at 1280x720 as why-search-note and at 390x844 (a phone) as why-search-note-phone.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { textOverlaps } from './overlap';
import { newGame, playInPage } from './play';

describeBrowser("the search player's reasons for a note", browser => {
  it('name the terms it offers', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1932', side: 'ussr', opponent: 'search', level: 1, seed: '2' });
    const entries = page.locator('.reasons-list details.reasons');
    const summaries = () => page.locator('.reasons-list .reasons summary').allInnerTexts();
    const noteTurn = (t: string) => /Britain's orders: .*send a note/.test(t);
    let text = '';
    for (let k = 0; k < 60 && !text; k++) {
      const r = await playInPage(page, { tick: false, maxDesks: 1 });
      if (r.screen !== 'desk') break;
      await page.keyboard.press('r');
      const ts = await summaries();
      const j = ts.findIndex(noteTurn);
      if (j >= 0) {
        for (let n = 0; n < ts.length; n++) await entries.nth(n).evaluate((d, open) => ((d as HTMLDetailsElement).open = open), n === j);
        await entries.nth(j).evaluate(d => d.scrollIntoView({ block: 'center' }));
        await screenshot(page, 'why-search-note');
        await page.setViewportSize({ width: 390, height: 844 });
        await entries.nth(j).evaluate(d => d.scrollIntoView({ block: 'start' }));
        await viewportShot(page, 'why-search-note-phone');
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await textOverlaps(page, '.reasons-list')).toEqual([]);
        await page.setViewportSize({ width: 1280, height: 720 });
        text = ts[j]!;
      }
      await page.keyboard.press('o');
    }
    expect(text, "the search's note turn is in the reports").not.toBe('');
    // Every term of the 1932 table, each with the option the note offers.
    const terms = /Terms of its note: (.+)\.$/.exec(text.trim())?.[1];
    expect(terms, text).toBeDefined();
    for (const t of ['The balance of trade', 'Credit terms', 'Most-favoured-nation treatment', 'Timber, wheat and Article 21', 'The Lena Goldfields claim', 'Propaganda', 'British shipping'])
      expect(terms).toContain(`${t}: `);
    expect(text).toMatch(/Expected score \d+\.\d+ ± <?\d+\.\d+ of 100/);
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 600_000);
});
