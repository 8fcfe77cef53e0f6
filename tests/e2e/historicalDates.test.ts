// An event in the browser under history's date, not its turn's: in a 1932 game as Britain the
// Ottawa conference comes with the turn of Monday 18 July, and the newspaper reports it under
// Thursday 21 July 1932, the day it opened (scenario `historicalDate`). Screenshots of that report
// at 1280x720 and at a phone's 390x844.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, nextScreen, playInPage } from './play';
import { viewportShot } from './screenshot';

describeBrowser('historical dates', browser => {
  it("dates Ottawa's opening 21 July in the turn of 18 July, readable at 1280x720 and 390x844", async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const { page } = tp;
    await newGame(page, { scenario: '1932', side: 'britain', opponent: 'historical', seed: 'dates' });
    // Ten turns, 25 January to 11 July, with no orders; the eleventh desk is 18 July's.
    await playInPage(page, { maxDesks: 9, tick: false });
    expect(await page.locator('.when .date').first().innerText()).toContain('11 July 1932');
    await page.click('[data-action=send]');
    const story = page.locator('.reports-dialog article.story', { has: page.locator('h3, h4', { hasText: /^Ottawa$/ }) });
    for (let guard = 0; guard < 10 && !(await story.count()); guard++) {
      const s = await nextScreen(page);
      if (s === 'decision') await page.locator('.option-btn').first().click();
      else if (s === 'reports' && !(await story.count())) await page.click('.reports-dialog .continue');
      else if (s !== 'reports') throw new Error(`no report of Ottawa before the ${s} screen`);
    }
    await story.waitFor({ state: 'visible' });
    // A London paper datelines a story from abroad with its place (papers.ts).
    expect(await story.locator('.dateline').textContent()).toBe('OTTAWA · Thursday 21 July 1932');
    // The paper is dated by its latest story, not before the news it prints.
    const paper = page.locator('.reports-dialog .newspaper', { has: page.locator('article.story', { has: page.locator('h3, h4', { hasText: /^Ottawa$/ }) }) });
    const edition = await paper.locator('.edition').textContent();
    expect(edition).toBe('Thursday 21 July 1932');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'historical-date-ottawa-1280x720');
    await page.setViewportSize({ width: 390, height: 844 });
    await story.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await viewportShot(page, 'historical-date-ottawa-390x844');
    tp.expectNoConsoleErrors();
  });
});
