// Readable where it is used (issue 10, item 6): at a classroom projector's 1280 x 720 and at
// 1920 x 1080 the title, the new-game screen and the game desk fit the window (the page scrolls
// neither way), nothing in the top bar is cut, the top bar keeps to one row (with the longest date
// and office of any scenario put in too), Begin can be reached without scrolling, and moving the
// focus does not scroll the page. Each screen is photographed as layout-<width>-<screen>.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { nextScreen } from './play';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface Layout {
  /** Elements that reach past the window (a few). */
  over: string[];
  scrollWidth: number;
  scrollHeight: number;
  /** Text elements in the top bar whose text is wider than their box. */
  cut: string[];
  /** How many rows the top bar's parts take. */
  topbarRows: number;
}

/** The page's scroll size, and what the top bar cuts (if there is a top bar). */
const measure = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const se = document.scrollingElement ?? document.documentElement;
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.topbar *')) {
      if (getComputedStyle(el).display === 'inline' || !el.checkVisibility() || el.classList.contains('visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 0.5) cut.push(`${el.className || el.tagName}: "${el.innerText}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
    // Rows: a part that starts below the bottom of every part before it starts a new row.
    let topbarRows = 0;
    let rowBottom = -Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.topbar > :not(.visually-hidden)')) {
      const r = el.getBoundingClientRect();
      if (r.top >= rowBottom - 1) {
        topbarRows++;
        rowBottom = r.bottom;
      } else rowBottom = Math.max(rowBottom, r.bottom);
    }
    // What reaches past the window, to say why if the page is too big.
    const over = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(el => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5);
      })
      .slice(0, 4)
      .map(el => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} to ${Math.round(el.getBoundingClientRect().right)}x${Math.round(el.getBoundingClientRect().bottom)}`);
    return { over, scrollWidth: se.scrollWidth, scrollHeight: se.scrollHeight, cut, topbarRows };
  });

const expectFits = async (page: Page, size: { width: number; height: number }, what: string) => {
  const m = await measure(page);
  console.log(`${size.width}x${size.height} ${what}: page ${m.scrollWidth}x${m.scrollHeight}, top bar rows ${m.topbarRows}, cut ${m.cut.length}`);
  expect.soft(m.scrollWidth, `${what}: page width (${m.over.join('; ')})`).toBeLessThanOrEqual(size.width);
  expect.soft(m.scrollHeight, `${what}: page height (${m.over.join('; ')})`).toBeLessThanOrEqual(size.height);
  expect.soft(m.cut, `${what}: text cut in the top bar`).toEqual([]);
  expect.soft(m.topbarRows, `${what}: top bar rows`).toBeLessThanOrEqual(1);
};

describeBrowser('layout at a projector’s and a desktop’s size', browser => {
  for (const size of SIZES) {
    it(`fits ${size.width} x ${size.height}: title, new game, desk`, async () => {
      const tp = await browser.open('/', { viewport: size, reducedMotion: 'reduce' });
      const page = tp.page;
      const prefix = `layout-${size.width}`;
      await page.waitForSelector('[data-action=new]');
      await screenshot(page, `${prefix}-title`);
      await expectFits(page, size, 'title');

      await page.click('[data-action=new]');
      await page.waitForSelector('[data-action=start]');
      await screenshot(page, `${prefix}-setup`);
      await expectFits(page, size, 'new game');
      // Begin is on screen without scrolling.
      const begin = (await page.locator('[data-action=start]').boundingBox())!;
      expect.soft(begin.y + begin.height, 'Begin is above the fold').toBeLessThanOrEqual(size.height);

      await page.check('input[name=side][value=britain]');
      await page.check('input[name=opponent][value=persona]');
      await page.fill('#seed', '7');
      await page.click('[data-action=start]');
      for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
        if (s === 'reports') await page.click('.reports-dialog .continue');
        else if (s === 'decision') await page.locator('.option-btn').first().click();
      }
      await screenshot(page, `${prefix}-desk`);
      await expectFits(page, size, 'desk');
      // The longest date and office any scenario shows keep the top bar to one row, uncut.
      await page.evaluate(() => {
        document.querySelector('.topbar .date')!.textContent = 'Wednesday 28 September 1932';
        document.querySelector('.topbar .lead')!.textContent = 'Sir Austen Chamberlain';
        document.querySelector('.topbar .office')!.textContent = "Deputy People's Commissar for Foreign Affairs, Soviet Union";
      });
      await screenshot(page, `${prefix}-desk-long-date`);
      await expectFits(page, size, 'desk with the longest date');
      // Moving the focus does not scroll the page (and so does not clip the top bar).
      for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => [window.scrollX, window.scrollY]), 'the page scrolled as focus moved').toEqual([0, 0]);
      tp.expectNoConsoleErrors();
    });
  }
});
