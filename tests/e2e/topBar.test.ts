// The desk's top bar keeps to one row (session 22): at 1366 x 768, a common school laptop, the
// game's nine buttons wrapped and put Title on a second row. Now the buttons that do not fit go
// behind More, the least used first, and where none fits (a phone) all are behind Menu. At each
// width the bar's parts and buttons share one row, none overlaps another or is cut, and every one
// of the nine is in sight, in the bar or in the opened menu. 1929 as Britain, with history's Undo
// and Branch here…: relations "Protecting powers" make the figures their widest. Photographed as
// top-bar-*.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, viewportShot } from './harness';
import { newGame, playInPage } from './play';

/** Waits for the fonts and two frames: the window's resize event, on which the bar is fitted again, has come by then. */
const settle = (page: Page) => page.evaluate(() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))));

/** The game's buttons, by data-action. */
const ACTIONS = ['figures', 'toggle-cabinet', 'save-file', 'load-file', 'undo-move', 'branch-here', 'settings', 'help', 'exit'];

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

interface Bar {
  /** Whether the bar is stacked (a phone: the date and the buttons on the first of its rows). */
  stacked: boolean;
  /** The parts (and buttons) that do not share the row of the first: none if they are on one row. */
  offRow: string[];
  overlapping: string[];
  cut: string[];
  /** The buttons shown in the bar (by data-action), More's or Menu's button aside. */
  shown: string[];
  /** Whether the menu's button is shown. */
  toggle: boolean;
  sticksOut: boolean;
}

const measure = (page: Page): Promise<Bar> =>
  page.evaluate(() => {
    const top = document.querySelector<HTMLElement>('.topbar')!;
    const stacked = getComputedStyle(top).display === 'grid';
    const seen = (sel: string) => [...top.querySelectorAll<HTMLElement>(sel)].filter(el => el.checkVisibility());
    const buttons = seen('.game-nav > button');
    // Stacked, only the date shares the buttons' row (the lead and the figures are rows of their own).
    const parts = [...seen(stacked ? ':scope > .when' : ':scope > .when, :scope > .who, :scope > .stats'), ...buttons];
    const name = (el: HTMLElement) => el.dataset.action ?? el.className;
    const rects = parts.map(el => ({ name: name(el), r: el.getBoundingClientRect() }));
    // One row: a level line passes through every part.
    const line = Math.min(...rects.map(x => x.r.bottom));
    const offRow = rects.filter(x => x.r.top >= line - 0.5).map(x => x.name);
    const overlapping = rects.flatMap((a, i) =>
      rects
        .slice(i + 1)
        .filter(b => Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 0.5 && Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 0.5)
        .map(b => `${a.name} / ${b.name}`),
    );
    const cut = parts.filter(el => el.scrollWidth > el.clientWidth + 0.5).map(name);
    return {
      stacked,
      offRow: rects.length > 1 ? offRow : [],
      overlapping,
      cut,
      shown: buttons.filter(b => !b.classList.contains('menu-toggle')).map(name),
      toggle: buttons.some(b => b.classList.contains('menu-toggle')),
      sticksOut: top.scrollWidth > top.clientWidth + 1 || document.documentElement.scrollWidth > innerWidth,
    };
  });

/** The buttons in the opened menu that are wholly in the window, by data-action. */
const inMenu = (page: Page): Promise<string[]> =>
  page.locator('#game-menu button').evaluateAll(els =>
    els
      .filter(el => {
        const r = el.getBoundingClientRect();
        return el.checkVisibility() && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight && el.scrollWidth <= el.clientWidth + 0.5;
      })
      .map(el => (el as HTMLElement).dataset.action ?? ''),
  );

describeBrowser('the top bar', browser => {
  it('keeps to one row at 1366 x 768 and at every width, every button in sight in the bar or behind More', async () => {
    const tp = await browser.open('/', { viewport: SIZES[0]!, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1929', side: 'britain', opponent: 'persona', seed: 'bar' });
    expect((await playInPage(page, { tick: false, maxDesks: 0 })).screen).toBe('desk');
    for (const size of SIZES) {
      const at = `${size.width} x ${size.height}`;
      await page.setViewportSize(size);
      await page.waitForFunction(w => innerWidth === w, size.width);
      await settle(page);
      const bar = await measure(page);
      await viewportShot(page, `top-bar-${size.width}x${size.height}`);
      expect(bar.offRow, `parts off the bar's row at ${at}`).toEqual([]);
      expect(bar.overlapping, `parts over each other at ${at}`).toEqual([]);
      expect(bar.cut, `text cut in the bar at ${at}`).toEqual([]);
      expect(bar.sticksOut, `the bar wider than the window at ${at}`).toBe(false);
      if (size.width === 1920) expect(bar.shown, 'all nine in the bar at 1920 px').toEqual(ACTIONS);
      if (size.width === 390) expect(bar.shown, 'none in the bar on a phone').toEqual([]);
      // Where some are folded, the menu's button says so, and opened it shows the rest, in sight.
      expect(bar.toggle, `the menu's button at ${at}`).toBe(bar.shown.length < ACTIONS.length);
      let folded: string[] = [];
      if (bar.toggle) {
        await page.click('.topbar [data-action=menu]');
        folded = await inMenu(page);
        await viewportShot(page, `top-bar-${size.width}x${size.height}-open`);
        await page.keyboard.press('Escape');
        expect(await page.locator('#game-menu').isVisible(), `the menu after Escape at ${at}`).toBe(false);
      }
      expect([...bar.shown, ...folded].sort(), `the buttons in sight at ${at}`).toEqual([...ACTIONS].sort());
    }
    // At 1366 x 768 the buttons a player uses every turn stay in the bar.
    await page.setViewportSize(SIZES[0]!);
    await page.waitForFunction(w => innerWidth === w, SIZES[0]!.width);
    await settle(page);
    expect((await measure(page)).shown).toEqual(expect.arrayContaining(['figures', 'toggle-cabinet', 'help']));
    // A folded button works from the menu: Sound opens the settings.
    const settings = page.locator('.topbar [data-action=settings]');
    if (!(await settings.isVisible())) await page.click('.topbar [data-action=menu]');
    await settings.click();
    await page.waitForSelector('dialog[open] #letter-keys');
    tp.expectNoConsoleErrors();
  }, 180_000);
});
