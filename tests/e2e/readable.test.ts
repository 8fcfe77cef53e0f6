// Readable where it was not (session 16): on a phone (390 x 844) the board's text is at least
// 11 px as drawn, the board scrolls sideways in its own box (a swipe moves it, the page stays put)
// and a tap on a card, after the swipe, opens that card; at 1280 x 720 the classroom setup's roles
// scroll below their fieldset's title, not under it; the note composer shows each chosen term in
// full, however long. Photographed as readable-*.
import type { CDPSession, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chooseLongest, describeBrowser, screenshot, selectsAsShown, viewportShot } from './harness';
import { textOverlaps } from './overlap';
import { newGame, nextScreen, playInPage } from './play';

const PHONE = { width: 390, height: 844 };
/** The smallest board text a phone may show, in CSS px. */
const PHONE_MIN_PX = 11;

/** Answers reports and decisions (first option) until the desk shows. */
async function toDesk(page: Page): Promise<void> {
  for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
    if (s === 'reports') await page.click('dialog[open] .continue');
    else if (s === 'decision') await page.locator('.option-btn').first().click();
    else throw new Error(`unexpected screen ${s}`);
  }
}

/** A finger's swipe from (x, y) by dx across the screen, in steps, as touch input. */
async function swipe(cdp: CDPSession, x: number, y: number, dx: number): Promise<void> {
  const at = (k: number) => [{ x: x + (dx * k) / 10, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describeBrowser('readable on a phone and at a projector’s size', browser => {
  it('on a phone the board’s text is readable, it swipes sideways, and a tap opens a card', async () => {
    const tp = await browser.open('/', { viewport: PHONE, reducedMotion: 'reduce', context: { hasTouch: true, isMobile: true } });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '7' });
    await toDesk(page);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#board')?.dataset.minTextPx);
    const size = () =>
      page.evaluate(() => {
        const wrap = document.querySelector<HTMLElement>('.board-wrap')!;
        return {
          minTextPx: Number(document.querySelector<HTMLElement>('#board')!.dataset.minTextPx),
          pageWidth: document.documentElement.scrollWidth,
          boardWidth: wrap.scrollWidth,
          shown: wrap.clientWidth,
          scrolled: wrap.scrollLeft,
        };
      });
    const before = await size();
    await viewportShot(page, 'readable-phone-board');
    expect(before.minTextPx, 'the board’s smallest text on a phone, px').toBeGreaterThanOrEqual(PHONE_MIN_PX);
    expect(before.pageWidth, 'the page scrolls sideways').toBeLessThanOrEqual(PHONE.width);
    expect(before.boardWidth, 'the board is wider than its box, and scrolls in it').toBeGreaterThan(before.shown);

    // A swipe leftwards that starts on a card moves the board, and opens no card.
    const card = page.locator('.card-key').nth(1);
    const start = (await card.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    await swipe(cdp, start.x + start.width / 2, start.y + 8, -200);
    await page.waitForFunction(() => document.querySelector('.board-wrap')!.scrollLeft > 0);
    expect((await size()).scrolled, 'the board scrolled').toBeGreaterThan(100);
    expect(await page.locator('dialog.minister').count(), 'a swipe opened a card').toBe(0);

    // A tap on a card where it now is opens that card (the board knows where it moved to).
    const keys = await page.locator('.card-key').evaluateAll(els =>
      els.map(el => {
        const r = el.getBoundingClientRect();
        return { label: el.getAttribute('aria-label')!, x: r.left + r.width / 2, y: r.top + 8, shown: r.left >= 0 && r.right <= innerWidth };
      }),
    );
    const target = keys.filter(k => k.shown).at(-1)!;
    await page.touchscreen.tap(target.x, target.y);
    await page.waitForSelector('dialog.minister');
    // The card's label is "name, office: open the card".
    expect(await page.locator('dialog.minister').innerText()).toContain(target.label.split(', ')[0]);
    await viewportShot(page, 'readable-phone-card');
    tp.expectNoConsoleErrors();
  }, 180_000);

  it('at 1280 x 720 the classroom’s roles scroll below their fieldset’s title', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await page.click('[data-action=classroom]');
    await page.waitForSelector('.class-side');
    // Each side's list is longer than its box at this size: scrolled by the wheel, a little.
    for (const side of ['britain', 'ussr']) {
      const box = (await page.locator(`.class-side.side-${side} .class-role`).nth(1).boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.wheel(0, 70);
    }
    await page.waitForFunction(() => [...document.querySelectorAll('.class-side')].every(f => [f, ...f.querySelectorAll('*')].some(e => e.scrollTop > 0)));
    await screenshot(page, 'readable-class-roles-scrolled');
    expect(await textOverlaps(page, '.class-roles')).toEqual([]);
    tp.expectNoConsoleErrors();
  });

  it('the note composer shows each chosen term in full, wrapped if need be', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '1' });
    // Game 1 opens the channel for notes at its fourth desk (screens.test.ts).
    await playInPage(page, { tick: false, maxDesks: 30, stopWhen: { tab: '#tab-notes', selector: '.compose select', back: '#tab-orders' } });
    // Each term at its longest option: the text shown is the whole label, inside its box.
    for (const id of await page.locator('.compose select').evaluateAll(els => els.map(e => e.id))) await chooseLongest(page, `#${id}`);
    const shown = await selectsAsShown(page, '.compose select');
    await screenshot(page, 'readable-note-terms');
    expect(shown.length).toBeGreaterThan(3);
    for (const s of shown) expect({ shown: s.shown, cut: s.cut }, s.chosen).toEqual({ shown: s.chosen, cut: false });
    // The longest labels do not fit one line of the desk: they wrap.
    expect(Math.max(...shown.map(s => s.lines)), 'lines of the longest chosen term').toBeGreaterThan(1);
    expect(await textOverlaps(page, '#panel')).toEqual([]);
    tp.expectNoConsoleErrors();
  }, 180_000);
});
