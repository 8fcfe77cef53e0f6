// Readable where it is used (issue 10, items 6 and 8): at a classroom projector's 1280 x 720 and at
// 1920 x 1080, every screen (the title, the new game, the desk's four tabs, the decision, report,
// headline, why, minister, help and settings dialogs, the other cabinet, and the end screen) fits
// the window: the page scrolls neither way, no dialog reaches past the window, nothing in the top
// bar is cut and it keeps to one row, no board label is cut with an ellipsis, Begin is above the fold. Text is at least 14 px, on the page
// and on the board (the board reports its smallest text as drawn). The focus is kept where the
// next thing is: never on the page after a turn, never on a hidden file input; a minister card
// opens from the keyboard; adding a note hands the focus to the button that drops it. The orders
// desk, scrolled, shows no text over other text (tests/e2e/overlap.ts). Each screen is
// photographed as layout-<width>-<screen>. Minus signs are drawn with a face whose minus is not a dash.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { RELATION_LABELS } from '../../src/engine/index';
import { describeBrowser, screenshot } from './harness';
import { nearlyOver } from './nearlyOver';
import { textOverlaps } from './overlap';
import { clickTopButton, nextScreen } from './play';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const MIN_PX = 14;

interface Layout {
  /** Elements that reach past the window (a few). */
  over: string[];
  scrollWidth: number;
  scrollHeight: number;
  /** Text elements in the top bar whose text is wider than their box. */
  cut: string[];
  /** How many rows the top bar's parts take. */
  topbarRows: number;
  /** Open dialogs that reach past the window. */
  dialogsOver: string[];
  /** Visible text smaller than MIN_PX, as "selector: size". */
  small: string[];
  /** The board's smallest text as drawn, in CSS pixels (null: no board on this screen). */
  boardText: number | null;
  /** Board texts cut with an ellipsis, as "shown (full)" (empty: no board, or nothing cut). */
  boardCut: string[];
  boardCrossed: string[];
}

/** The page's scroll size, what the top bar cuts, dialogs past the window, and text too small. */
const measure = (page: Page): Promise<Layout> =>
  page.evaluate(min => {
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
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').trim().replace(/\s+/g, '.')}`;
    // What reaches past the window, to say why if the page is too big.
    const over = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(el => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5);
      })
      .slice(0, 4)
      .map(el => `${name(el)} to ${Math.round(el.getBoundingClientRect().right)}x${Math.round(el.getBoundingClientRect().bottom)}`);
    const dialogsOver = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')]
      .filter(d => {
        const r = d.getBoundingClientRect();
        return r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
      })
      .map(name);
    // Text too small: any element with text of its own, shown, not visually hidden.
    const small = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.visually-hidden, [aria-hidden=true], script, style')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // Inside an open dialog only, while one is open: what is behind it is not what is read.
      const open = document.querySelector('dialog[open]');
      if (open && !open.contains(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min - 0.05) small.add(`${name(el)}: ${px}px ("${n.textContent.trim().slice(0, 24)}")`);
    }
    const board = document.querySelector<HTMLElement>('#board');
    const bt = board?.dataset.minTextPx;
    const boardCut = board?.dataset.cutText ? board.dataset.cutText.split(' | ') : [];
    const boardCrossed = board?.dataset.crossedText ? board.dataset.crossedText.split(' | ') : [];
    return {
      over,
      scrollWidth: se.scrollWidth,
      scrollHeight: se.scrollHeight,
      cut,
      topbarRows,
      dialogsOver,
      small: [...small].slice(0, 12),
      boardText: bt ? Number(bt) : null,
      boardCut,
      boardCrossed,
    };
  }, MIN_PX);

async function check(page: Page, size: { width: number; height: number }, what: string): Promise<void> {
  await screenshot(page, `layout-${size.width}-${what}`);
  const m = await measure(page);
  console.log(
    `${size.width}x${size.height} ${what}: page ${m.scrollWidth}x${m.scrollHeight}, top bar rows ${m.topbarRows}, cut ${m.cut.length}, small text ${m.small.length}, board text ${m.boardText ?? '-'} px, board cut ${m.boardCut.length}${[...m.cut, ...m.small, ...m.over, ...m.boardCut].map(x => `\n  ${x}`).join('')}`,
  );
  expect.soft(m.scrollWidth, `${what}: page width (${m.over.join('; ')})`).toBeLessThanOrEqual(size.width);
  expect.soft(m.scrollHeight, `${what}: page height (${m.over.join('; ')})`).toBeLessThanOrEqual(size.height);
  expect.soft(m.cut, `${what}: text cut in the top bar`).toEqual([]);
  expect.soft(m.topbarRows, `${what}: top bar rows`).toBeLessThanOrEqual(1);
  expect.soft(m.dialogsOver, `${what}: dialogs past the window`).toEqual([]);
  expect.soft(m.small, `${what}: text under ${MIN_PX} px`).toEqual([]);
  if (m.boardText !== null) expect.soft(m.boardText, `${what}: the board's smallest text`).toBeGreaterThanOrEqual(MIN_PX);
  // A minister's office, a gauge's group, a label on the board: each fits whole or in its short form, never cut.
  expect.soft(m.boardCut, `${what}: board text cut with an ellipsis`).toEqual([]);
  expect.soft(m.boardCrossed, `${what}: board text a bar runs through`).toEqual([]);
}

/**
 * The orders desk scrolled to near its top, its middle and its end: no text lies over other text
 * (the capital line and the send bar above and below the list included), and both stay in sight.
 */
async function scrolledOrders(page: Page, size: { width: number; height: number }): Promise<void> {
  for (const at of [0.04, 0.5, 1]) {
    // Whatever in the desk scrolls, scrolled to that fraction of its run.
    const scrolled = await page.evaluate(f => {
      let n = 0;
      for (const el of document.querySelectorAll<HTMLElement>('.panel, .panel *')) {
        if (el.scrollHeight <= el.clientHeight + 1 || !/auto|scroll/.test(getComputedStyle(el).overflowY)) continue;
        el.scrollTop = f * (el.scrollHeight - el.clientHeight);
        n++;
      }
      return n;
    }, at);
    expect(scrolled, 'the orders desk has more than a window of orders to scroll (else this checks nothing)').toBeGreaterThan(0);
    const what = `desk-orders-scrolled-${Math.round(at * 100)}`;
    await screenshot(page, `layout-${size.width}-${what}`);
    expect.soft(await textOverlaps(page, '.panel'), `${what}: text over text`).toEqual([]);
    for (const sel of ['.capital-line', '[data-action=send]']) {
      const r = (await page.locator(sel).boundingBox())!;
      expect.soft(r.y >= 0 && r.y + r.height <= size.height, `${what}: ${sel} in sight`).toBe(true);
    }
  }
}

/** Answer what stands between the game and the desk: reports and headlines closed, first options taken. Photographs the first of each. */
async function toDesk(page: Page, size: { width: number; height: number }, shot: Set<string>): Promise<void> {
  for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
    const kind = s === 'reports' && (await page.locator('.headline-dialog').count()) ? 'headline' : s;
    if (!shot.has(kind) && (kind === 'decision' || kind === 'reports' || kind === 'headline')) {
      shot.add(kind);
      await check(page, size, kind);
    }
    if (s === 'reports') await page.click('dialog[open] .continue');
    else if (s === 'decision') await page.locator('.option-btn').first().click();
    else throw new Error(`unexpected screen ${s}`);
  }
}

describeBrowser('every screen at a projector’s and a desktop’s size', browser => {
  const save = nearlyOver();
  for (const size of SIZES) {
    it(`fits ${size.width} x ${size.height}: title, new game, desk and its tabs, dialogs, the end`, async () => {
      const tp = await browser.open('/', { viewport: size, reducedMotion: 'reduce' });
      const page = tp.page;
      const shot = new Set<string>();
      await page.waitForSelector('[data-action=new]');
      await check(page, size, 'title');

      await page.click('[data-action=new]');
      await page.waitForSelector('[data-action=start]');
      await check(page, size, 'setup');
      const begin = (await page.locator('[data-action=start]').boundingBox())!;
      expect.soft(begin.y + begin.height, 'Begin is above the fold').toBeLessThanOrEqual(size.height);

      await page.check('input[name=side][value=britain]');
      await page.check('input[name=opponent][value=persona]');
      await page.fill('#seed', '7');
      await page.click('[data-action=start]');
      await toDesk(page, size, shot);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#board')?.dataset.minTextPx);
      for (const tab of ['orders', 'notes', 'reports', 'goals']) {
        await page.click(`#tab-${tab}`);
        await check(page, size, `desk-${tab}`);
      }
      await page.click('#tab-orders');
      await scrolledOrders(page, size);

      // The longest date, phase and office any scenario shows, with both warnings on and each of the
      // two longest states of relations, keep the top bar to one row, uncut, within the window.
      for (const rel of ['charge', 'protecting'] as const) {
        await page.evaluate(
          ({ rel, label }) => {
            document.querySelector('.topbar .date')!.textContent = 'Wednesday 28 September 1932';
            document.querySelector('.topbar .phase')!.textContent = 'Credits and the road to Ottawa · turn\u00a021\u00a0of\u00a039, to\u00a04\u00a0Oct';
            document.querySelector('.topbar .lead')!.textContent = 'Sir Austen Chamberlain';
            document.querySelector('.topbar .office')!.textContent = "Deputy People's Commissar for Foreign Affairs, Soviet Union";
            const stat = document.querySelector<HTMLElement>('.topbar .stat.relations')!;
            stat.className = `stat relations rel-${rel}`;
            stat.querySelector('.stat-value')!.textContent = label;
            for (const b of [...document.querySelectorAll('.topbar button.stat')].slice(0, 2)) b.classList.add('bad');
          },
          { rel, label: RELATION_LABELS[rel].short },
        );
        await check(page, size, `desk-long-date-${rel}`);
      }
      // The top bar is drawn again (its own text back) when the cabinet shown changes: twice, to ours.
      await page.keyboard.press('c');
      await page.keyboard.press('c');

      // Tab goes round the page without scrolling it, and never lands on a hidden file input.
      const stops: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const a = document.activeElement as HTMLElement | null;
            if (!a || a === document.body) return 'body';
            const r = a.getBoundingClientRect();
            return `${a.tagName.toLowerCase()}${a instanceof HTMLInputElement ? `[${a.type}]` : ''}${r.width < 2 || r.height < 2 ? ' (invisible)' : ''}`;
          }),
        );
      }
      expect(await page.evaluate(() => [window.scrollX, window.scrollY]), 'the page scrolled as focus moved').toEqual([0, 0]);
      expect(
        stops.filter(s => s.includes('[file]') || s.includes('(invisible)')),
        'hidden Tab stops',
      ).toEqual([]);

      // A minister card opens from the keyboard: its button over the card, then Enter.
      await page.focus('.card-key');
      await check(page, size, 'card-focus');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog.minister');
      await check(page, size, 'minister');
      await page.keyboard.press('Escape');
      await page.focus('.card-key >> nth=1');
      await page.keyboard.press('Space');
      await page.waitForSelector('dialog.minister');
      await page.keyboard.press('Escape');

      // The other cabinet, the why list and a ledger, help, settings.
      await clickTopButton(page, '[data-action=toggle-cabinet]');
      await page.waitForTimeout(300);
      await check(page, size, 'other-cabinet');
      // Signed figures' minus signs come from the face whose minus reads as one (src/ui/signs.ts),
      // not Old Standard TT's dash-like rule: it is loaded, and first in the body's font stack.
      const minus = await page.evaluate(() => ({
        loaded: [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Game Minus' && f.status === 'loaded'),
        first: getComputedStyle(document.querySelector('.panel')!).fontFamily.split(',')[0]!.trim(),
      }));
      expect(minus).toEqual({ loaded: true, first: '"Game Minus"' });
      await clickTopButton(page, '[data-action=toggle-cabinet]');
      await page.keyboard.press('w');
      await page.waitForSelector('dialog.figures');
      await check(page, size, 'figures');
      await page.locator('dialog.figures .dialog-body button').first().click();
      await page.waitForSelector('dialog.why');
      await check(page, size, 'why');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.waitForSelector('dialog.help-dialog');
      await check(page, size, 'help');
      await page.keyboard.press('Escape');
      await clickTopButton(page, '[data-action=settings]');
      await page.waitForSelector('dialog.settings');
      await check(page, size, 'settings');
      await page.keyboard.press('Escape');

      // After a turn the focus is on the desk, not the page.
      await page.click('[data-action=send]');
      await page.waitForSelector('[data-action=send]', { state: 'detached', timeout: 30_000 }).catch(() => undefined);
      await toDesk(page, size, shot);
      expect(await page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.id || document.activeElement?.className)), 'focus after a turn').not.toBe('body');

      // The end: a save one move from it; the last turn's headlines get their dialogs, then the end screen (the end itself is no headline).
      await page.setInputFiles('[data-action=load-input]', { name: save.name, mimeType: 'application/json', buffer: Buffer.from(save.body) });
      // The loaded game has replaced the one before: its last turn's date is in the top bar.
      await page.waitForFunction(() => document.querySelector('.topbar .date')?.textContent?.includes('31 December 1927'), null, { timeout: 60_000 });
      await toDesk(page, size, shot);
      // Relations are broken by now, so a note can be drafted: adding it hands the focus to the
      // button that drops it, not to the page.
      await page.click('#tab-notes');
      await page.click('[data-action=add-note]');
      await page.waitForSelector('[data-action=drop-note]');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'focus after adding a note').toBe('drop-note');
      await check(page, size, 'note-added');
      await page.click('#tab-orders');
      await page.click('[data-action=send]');
      const headlines: string[] = [];
      for (let s = await nextScreen(page); s !== 'end'; s = await nextScreen(page)) {
        if (s === 'reports') {
          if (await page.locator('.headline-dialog').count()) {
            headlines.push(await page.locator('.headline-dialog').innerText());
            if (headlines.length === 1) await check(page, size, 'last-headline');
          }
          await page.click('dialog[open] .continue');
        } else if (s === 'decision') await page.locator('.option-btn').first().click();
        else throw new Error(`unexpected screen ${s} before the end`);
      }
      // The end screen says the game is over: no dialog before it repeats that.
      expect(
        headlines.filter(t => /The game ends/.test(t)),
        'a headline only repeating the end screen',
      ).toEqual([]);
      await check(page, size, 'end');
      const end = await page.locator('.end-dialog').innerText();
      expect(end).not.toMatch(/\b(thesis|fn) L\d/);
      expect(end).not.toMatch(/persona|\bseed\b/i);
      // The closing buttons sit below the scrolling body: they cover none of it.
      const overlap = await page.evaluate(() => {
        const body = document.querySelector('.end-dialog .dialog-body')!.getBoundingClientRect();
        const bar = document.querySelector('.end-dialog .dialog-actions')!.getBoundingClientRect();
        return bar.top < body.bottom - 0.5;
      });
      expect(overlap, 'the end screen’s buttons cover its body').toBe(false);
      tp.expectNoConsoleErrors();
    }, 600_000);
  }
});
