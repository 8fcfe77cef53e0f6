// The first screen a player sees, at every common size (issue of session 21): it fits the window
// without scrolling, the page or the card, and no text touches other text (the years once ran into
// the title's second line), with a game to continue or without. And the new-game screen on a wide window shows every choice and Begin
// without scrolling (at 1366 x 768 its one column of choices scrolled, at 1920 x 1080 it was a strip
// in the middle). Photographed as title-fit-<width>x<height> and setup-fit-<width>x<height>.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { untidy } from './history';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 900, height: 700 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];

describeBrowser('the title screen at every common size', browser => {
  for (const size of SIZES) {
    it(`fits ${size.width} x ${size.height} with nothing touching`, async () => {
      const tp = await browser.open('/', { viewport: size });
      const page = tp.page;
      await page.waitForSelector('[data-action=new]');
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `title-fit-${size.width}x${size.height}`);
      expect(await untidy(page)).toEqual([]);
      // The card scrolls inside itself where the window is short: not at these sizes.
      const card = await page.evaluate(() => {
        const c = document.querySelector('.title-card')!;
        return { scroll: c.scrollHeight, client: c.clientHeight };
      });
      expect(card.scroll, 'the card scrolls').toBeLessThanOrEqual(card.client + 1);
      // Every choice is in sight.
      const last = (await page.locator('.title-menu .btn').last().boundingBox())!;
      expect(last.y + last.height).toBeLessThanOrEqual(size.height);
      tp.expectNoConsoleErrors();
    });
  }

  it('fits with a game to continue too', async () => {
    const tp = await browser.open('/', { viewport: SIZES[0]! });
    const page = tp.page;
    await page.click('[data-action=new]');
    await page.waitForSelector('[data-action=start]');
    await page.fill('#seed', '1');
    await page.click('[data-action=start]');
    await page.waitForSelector('.reports-dialog .continue', { timeout: 60_000 });
    await page.goto(new URL('/', page.url()).href);
    await page.waitForSelector('[data-action=continue]');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForFunction(w => innerWidth === w, size.width);
      await screenshot(page, `title-fit-continue-${size.width}x${size.height}`);
      expect(await untidy(page), `${size.width} x ${size.height}`).toEqual([]);
      const card = await page.evaluate(() => {
        const c = document.querySelector('.title-card')!;
        return { scroll: c.scrollHeight, client: c.clientHeight };
      });
      expect(card.scroll, `the card scrolls at ${size.width} x ${size.height}`).toBeLessThanOrEqual(card.client + 1);
    }
    tp.expectNoConsoleErrors();
  }, 120_000);
});

describeBrowser('the new-game screen on a wide window', browser => {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows every choice at ${size.width} x ${size.height}`, async () => {
      const tp = await browser.open('/', { viewport: size });
      const page = tp.page;
      await page.click('[data-action=new]');
      await page.waitForSelector('.setup-goals .goal');
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `setup-fit-${size.width}x${size.height}`);
      expect(await untidy(page)).toEqual([]);
      const form = await page.evaluate(() => {
        const f = document.querySelector('.setup-form')!;
        return { scroll: f.scrollHeight, client: f.clientHeight };
      });
      expect(form.scroll, 'the choices scroll').toBeLessThanOrEqual(form.client + 1);
      // The form's last choice (the fidelity dial's help) is in sight, above the buttons.
      const help = (await page.locator('#fidelity-help').boundingBox())!;
      const begin = (await page.locator('[data-action=start]').boundingBox())!;
      expect(help.y + help.height).toBeLessThanOrEqual(begin.y);
      expect(begin.y + begin.height).toBeLessThanOrEqual(size.height);
      tp.expectNoConsoleErrors();
    });
  }
});
