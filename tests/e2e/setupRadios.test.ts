// The new-game screen's radio buttons (playtest of session 23): each sat in a grid cell spanning
// its title and the line under it and was stretched to both, 13 x 40 px, so it showed between the
// two lines rather than beside the title, and its focus ring was a tall oval (the phone's first
// screen has the ring on the first scenario). Each is now about square, beside its title's line.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';

describeBrowser('the new-game screen’s radio buttons', browser => {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 720 },
  ]) {
    it(`are square and beside their titles at ${size.width} x ${size.height}`, async () => {
      const tp = await browser.open('/', { viewport: size, reducedMotion: 'reduce' });
      const { page } = tp;
      await page.click('[data-action=new]');
      await page.waitForSelector('[data-action=start]');
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `setup-radios-${size.width}x${size.height}`);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('.option input[type=radio]')]
          .filter(r => r.checkVisibility())
          .map(r => {
            const b = r.getBoundingClientRect();
            const t = r.parentElement!.querySelector('.option-title, strong, b')?.getBoundingClientRect() ?? null;
            const line = t ? Math.min(t.height, parseFloat(getComputedStyle(r.parentElement!.querySelector('.option-title, strong, b')!).lineHeight) || t.height) : 0;
            return { name: `${r.name}=${r.value}`, w: b.width, h: b.height, mid: b.top + b.height / 2, titleTop: t?.top ?? null, line };
          }),
      );
      expect(boxes.length).toBeGreaterThan(8);
      for (const b of boxes) {
        expect(b.h, `${b.name} is ${b.w} x ${b.h}`).toBeLessThanOrEqual(b.w + 4);
        // Its middle within its title's first line.
        if (b.titleTop !== null) {
          expect(b.mid, `${b.name} beside its title`).toBeGreaterThanOrEqual(b.titleTop);
          expect(b.mid, `${b.name} beside its title`).toBeLessThanOrEqual(b.titleTop + b.line + 2);
        }
      }
      tp.expectNoConsoleErrors();
    }, 60_000);
  }
});
