// The desk by keyboard and what a newcomer's review found missing (session 21): the tab list
// answers Left/Right/Home/End as the ARIA pattern has it; the single-letter keys can be turned off
// in Sound and display, stay off after a reload and Help says so; a refused load is titled as a
// refusal and said once; a finished game's result opens again after it is closed, the focus lands
// on the control that reopens it, and Goals give the final score. Photographed as desk-keys-*.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { nearlyOver } from './nearlyOver';
import { clickTopButton, loadAndPlayToEnd, newGame, playInPage } from './play';

const selectedTab = (page: Page) => page.locator('[role=tab][aria-selected=true]').getAttribute('id');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function toDesk(page: Page): Promise<void> {
  await newGame(page, { scenario: '1927', side: 'britain', opponent: 'persona', seed: 'keys' });
  const r = await playInPage(page, { tick: false, maxDesks: 0 });
  expect(r.screen).toBe('desk');
}

describeBrowser('the desk by keyboard', browser => {
  it('moves among the tabs with the arrows, Home and End, and lets the letter keys be turned off', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await toDesk(page);
    await page.focus('#tab-orders');
    await page.keyboard.press('ArrowRight');
    expect([await selectedTab(page), await focusedId(page)]).toEqual(['tab-notes', 'tab-notes']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect([await selectedTab(page), await focusedId(page)]).toEqual(['tab-goals', 'tab-goals']);
    await page.keyboard.press('Home');
    expect(await selectedTab(page)).toBe('tab-orders');
    await page.keyboard.press('End');
    expect(await selectedTab(page)).toBe('tab-goals');
    // Only the selected tab is a Tab stop.
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);

    // The letter keys work, until turned off.
    await page.keyboard.press('o');
    expect(await selectedTab(page)).toBe('tab-orders');
    await clickTopButton(page, '[data-action=settings]');
    // Every hint of the keys goes at once, the dialog still open (the bar's kept them until some later redraw), and comes back at once.
    const hints = () =>
      page.evaluate(() => ({
        offered: [...document.querySelectorAll('.topbar [aria-keyshortcuts], [role=tab][aria-keyshortcuts]')].map(e => e.getAttribute('aria-keyshortcuts')),
        figures: document.querySelector('.topbar [data-action=figures]')?.getAttribute('title'),
        board: document.querySelector('#board')?.getAttribute('aria-label')?.includes('(W)'),
        mute: document.querySelector('label[for=mute]')?.textContent?.trim(),
      }));
    const on = await hints();
    expect(on.offered).toEqual(expect.arrayContaining(['W', 'C', 'S', '?', 'O', 'N', 'R', 'G']));
    await page.uncheck('#letter-keys');
    expect(await hints()).toEqual({ offered: [], figures: 'Your figures: why each moved', board: false, mute: 'Mute all sound' });
    await page.check('#letter-keys');
    expect(await hints()).toEqual(on);
    await page.uncheck('#letter-keys');
    await screenshot(page, 'desk-keys-settings');
    await page.keyboard.press('Escape');
    await page.focus('#tab-orders');
    await page.keyboard.press('g');
    expect(await selectedTab(page)).toBe('tab-orders');
    await page.keyboard.press('?');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // The arrows are the tab list's own keys, not shortcuts: they still move.
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab(page)).toBe('tab-notes');
    // Drawn again, the tabs no longer offer a screen reader their dead letters.
    expect(await page.locator('#tab-notes').getAttribute('aria-keyshortcuts')).toBeNull();
    await clickTopButton(page, '[data-action=help]');
    expect(await page.locator('.help-dialog').innerText()).toContain('single-key shortcuts (the letters above, and the digits in a decision) can be turned off in Sound and display');
    await page.keyboard.press('Escape');
    // Kept in this browser, like the sound settings.
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('asd.display'))) ?? '{}')).toMatchObject({ letterKeys: false });
  });

  it('titles a refused load "Not loaded" and says it once', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await toDesk(page);
    await page.setInputFiles('[data-action=load-input]', { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('') });
    const dialog = page.locator('dialog.error-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').innerText()).toBe('Not loaded');
    const text = 'empty.json is not a save file: the file is empty. Your current game is unchanged.';
    expect(await dialog.locator('[role=alert]').innerText()).toBe(text);
    // Said by the dialog's alert only, not again by the page's live region.
    expect(await page.locator('#live').innerText()).not.toContain('empty.json');
    await screenshot(page, 'desk-keys-not-loaded');
  });

  it('opens the result again after it is closed, with the focus on the control, and Goals give the final score', async () => {
    const save = nearlyOver();
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '1' });
    await playInPage(page, { tick: false, maxDesks: 0 });
    await loadAndPlayToEnd(page, save.name, save.body, '31 December 1927');
    const end = page.locator('dialog.end-dialog');
    await end.waitFor();
    const score = await end.locator('.end-reason').innerText();
    await page.keyboard.press('Escape');
    await end.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('see-result');
    await screenshot(page, 'desk-keys-game-over');
    await page.keyboard.press('Enter');
    await end.waitFor();
    expect(await end.locator('.end-reason').innerText()).toBe(score);
    await end.locator('button[aria-label=Close]').click();
    await end.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('see-result');
    await page.click('#tab-goals');
    const goals = await page.locator('#panel').innerText();
    expect(goals).toMatch(/The game is over: your score is \d+\.\d out of 100/);
    expect(goals).not.toContain('If the game ended now');
    // Each row says how its objective ended, not the outlook of a game still running.
    expect(goals).not.toMatch(/on course|at risk|hidden from you/i);
    expect(await page.locator('#panel .goal-status').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/(?:^|\s)(?:met|partly met|not met)\b/)]));
    expect(await page.locator('#panel [data-action=see-result]').count()).toBe(1);
    await screenshot(page, 'desk-keys-goals-over');
    await page.setViewportSize({ width: 390, height: 844 });
    await viewportShot(page, 'desk-keys-goals-over-390');
  });
});
