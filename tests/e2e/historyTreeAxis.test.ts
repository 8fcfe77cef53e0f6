// The timeline tree's time axis names its first month at the axis's start (1927 begins on 2 May,
// its first month rule is June's: May went unnamed) and no two month names run together, on each
// scenario's tree at 1280 x 720 and on a phone (390 x 844). Photographed as history-axis-SCENARIO
// and history-axis-SCENARIO-phone.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { monthsRunTogether, untidy, watch } from './history';

const FIRST: Record<string, string> = { '1927': 'May 1927', '1929': 'Jan 1929', '1932': 'Jan 1932' };

describeBrowser('history: the timeline tree’s time axis', browser => {
  for (const scenario of Object.keys(FIRST)) {
    it(`names ${scenario}'s first month and keeps the month names apart, at 1280 and on a phone`, async () => {
      const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const page = tp.page;
      await watch(page, scenario);
      await page.click('[data-action=tree]');
      await page.waitForSelector('.tree-grid');
      const shown = () => page.locator('.tree-head .month:visible').allInnerTexts();
      for (const [w, h, name] of [
        [1280, 720, `history-axis-${scenario}`],
        [390, 844, `history-axis-${scenario}-phone`],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        // Read after the next frame (monthsRunTogether waits for it): the names are fitted to a new width then.
        expect(await monthsRunTogether(page)).toEqual([]);
        const names = await shown();
        expect(names[0], `${w} px`).toBe(FIRST[scenario]);
        expect(names.length, `${w} px: ${names.join(', ')}`).toBeGreaterThanOrEqual(3);
        expect(await untidy(page)).toEqual([]);
        await (w > 600 ? screenshot(page, name) : viewportShot(page, name));
      }
    });
  }
});
