// The teacher's console and the seat picker (session 20): the console's "minutes a turn" box shows
// the class's pace (it showed 5 for a class made with 8, and Set would have put every group to 5);
// the lobby's "Move X to…" pickers stay inside their group's card (they spilled some 130 px out of
// it at 1280 and hid names); on a phone each seat's radio sits beside its name, not on a line above it.
// Screenshots: the seat picker at 390x844, the console's lobby at 1280x720, 768x1024 and 390x844.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useClassServer } from './classServer';
import { createClass, describeBrowser, viewportShot } from './harness';

/** Each seat choice's radio and its name: the gap between their middles, and whether the name starts right of the radio. */
const radios = (page: Page) =>
  page.locator('.seat-choices label').evaluateAll(els =>
    els.map(l => {
      const input = l.querySelector('input')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(l.lastChild!);
      const text = range.getBoundingClientRect();
      return { dy: Math.abs(input.top + input.height / 2 - (text.top + text.height / 2)), beside: text.left >= input.right };
    }),
  );

describeBrowser('classroom: the teacher’s console and the seat picker', browser => {
  const server = useClassServer('classconsole');

  it('shows the class’s pace, keeps the seat pickers in their card, and puts each seat’s radio beside its name', async () => {
    const open = (urlPath: string, viewport: { width: number; height: number }) => server.open(browser, urlPath, viewport);
    const teacher = await open('/?class', { width: 1280, height: 720 });
    const [code] = await createClass(teacher.page, { groups: 1, pace: 8, seating: 'pick', scenario: '1929' });
    await teacher.page.waitForFunction(() => document.querySelector<HTMLInputElement>('#pace-all')?.value !== '');
    expect(await teacher.page.inputValue('#pace-all'), 'the console’s minutes a turn').toBe('8');

    for (const [k, name] of ['Ada', 'Boris', 'Cecil'].entries()) {
      const tp = await open(`/?join=${code}`, { width: 390, height: 844 });
      const page = tp.page;
      await page.fill('#name', name);
      await page.click('[data-action=join]');
      await page.waitForSelector('.seat-choices input');
      const seen = await radios(page);
      expect(seen.length).toBeGreaterThan(1);
      for (const r of seen) {
        expect(r.beside, 'the seat’s name starts right of its radio').toBe(true);
        expect(r.dy, 'the radio’s middle against its name’s, px').toBeLessThan(8);
      }
      if (k === 0) await viewportShot(page, 'class-pick-seat-390');
      await page.locator('.seat-choices input').nth(k).check();
      await page.click('[data-action=join]');
      await page.waitForSelector('.class-lobby');
    }
    await teacher.page.waitForFunction(() => document.querySelectorAll('.gc-reseat').length === 3);
    for (const [width, height] of [
      [1280, 720],
      [768, 1024],
      [390, 844],
    ] as const) {
      await teacher.page.setViewportSize({ width, height });
      await teacher.page.waitForFunction(w => innerWidth === w, width);
      const spill = await teacher.page.evaluate(() => {
        const card = document.querySelector('.group-card')!.getBoundingClientRect();
        return [...document.querySelectorAll('.gc-reseat, .gc-roster li')].map(el => el.getBoundingClientRect().right - card.right);
      });
      expect(Math.max(...spill), `the seat pickers and names past the card's right edge at ${width}, px`).toBeLessThanOrEqual(0.5);
      await teacher.page.locator('.gc-reseat').first().scrollIntoViewIfNeeded();
      await viewportShot(teacher.page, `class-console-lobby-${width}`);
    }
    teacher.expectNoConsoleErrors();
  }, 240_000);
});
