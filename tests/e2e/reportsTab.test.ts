// The Reports tab keeps the whole of this turn (session 22): after a decision, its outcome replaced the
// turn's reports there, and the turn's own telegrams were filed under "Earlier reports" as if they were
// an earlier turn's. At each of the first desks of 1929 (a decision at the first and most others), the
// tab lists no earlier turn that is this one, and this turn's reports are in it, each once. Photographed as reports-tab-*.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, playInPage } from './play';

describeBrowser('the Reports tab', browser => {
  it('keeps this turn’s reports with a decision’s outcome, none of them under Earlier reports', async () => {
    const tp = await browser.open('/', { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1929', side: 'britain', opponent: 'persona', seed: 'reports' });
    let decisions = 0;
    for (let desk = 0; desk < 3; desk++) {
      const r = await playInPage(page, { tick: false, maxDesks: 0 });
      expect(r.screen).toBe('desk');
      decisions += r.decisions;
      const turn = Number(/turn\s(\d+)\sof/.exec(await page.locator('.topbar .phase').innerText())![1]);
      await page.click('#tab-reports');
      await screenshot(page, `reports-tab-turn-${turn}`);
      expect(await page.locator(`#panel .earlier-turn[data-turn="${turn}"]`).count(), `turn ${turn} under Earlier reports at turn ${turn}`).toBe(0);
      expect(await page.locator('#panel').innerText(), `turn ${turn}'s reports`).not.toContain('No reports yet this turn');
      // Each once: the news listed as the desk opened came again as the game's first, and was shown twice.
      const blocks = await page.locator('#panel > div > .reports :is(article, .telegram, .story, li)').allInnerTexts();
      expect(
        blocks.filter((b, i) => blocks.indexOf(b) !== i),
        `reports shown twice at turn ${turn}`,
      ).toEqual([]);
      await page.click('#tab-orders');
      await page.click('[data-action=send]');
      await page.waitForSelector('[data-action=send]', { state: 'detached' });
    }
    expect(decisions, 'decisions taken along the way').toBeGreaterThan(0);
    tp.expectNoConsoleErrors();
  }, 180_000);
});
