// A branch off history against the computer thinking ahead, in the browser: the branch dialog offers
// it with its strength (chosen by keyboard, idle for another opponent), the strength reaches the Web
// Worker that runs the computer, the computer answers, and the game is saved, listed, put in the
// tree and resumed against that player by name. Photographed as history-branch-search-1280.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { AppSave } from '../../src/app/saveFile';
import { describeBrowser, screenshot } from './harness';
import { untidy, watch } from './history';
import { nextScreen, playInPage } from './play';

/** The seats each computer-player worker was started with (its 'init' message), in order. */
const workerSeats = (page: Page) => page.evaluate(() => (window as unknown as { aiSeats: unknown[] }).aiSeats);

describeBrowser('history: a branch against the computer thinking ahead', browser => {
  it('is chosen at a strength, carried to the worker, answered, and named in the save, the list and the tree', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    // Listen to the page's messages to its workers, then start afresh with that in place.
    await tp.context.addInitScript(() => {
      const w = window as unknown as { aiSeats: unknown[] };
      w.aiSeats = [];
      const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        const m = args[0] as { type?: string; seats?: unknown } | null;
        if (m?.type === 'init') w.aiSeats.push(m.seats);
        post.apply(this, args);
      };
    });
    await page.reload();
    await watch(page);
    await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
    await page.locator('.side-col.side-britain .move', { hasText: 'Cabinet, 23 May' }).locator('[data-action=branch]').click();
    const dialog = page.locator('.branch-dialog');
    await dialog.waitFor();
    // The new-game screen's opponents, by its names; the strength idle until the search player is picked.
    const titles = await dialog.locator('.option-title').allInnerTexts();
    expect(titles).toEqual(['The computer', 'The computer, bargaining', 'The computer, thinking ahead', 'The computer, as history', 'A second person']);
    const strength = dialog.getByLabel('Strength when thinking ahead');
    expect(await strength.isDisabled()).toBe(true);
    expect(await dialog.locator('#branch-opponent-strength-help').innerText()).toMatch(/^Not used with this opponent: only the computer thinking ahead has a strength/);
    // By keyboard: the search player's radio, then Tab to its strength, one step down from 3 to 2.
    await dialog.locator('input[name=branch-opponent][value=search]').check();
    expect(await strength.isEnabled()).toBe(true);
    expect(await dialog.locator('#branch-opponent-strength-help').innerText()).toMatch(/^Only how long it may think differs/);
    expect(await strength.inputValue()).toBe('3');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('branch-opponent-strength');
    await page.keyboard.press('ArrowUp');
    expect(await strength.inputValue()).toBe('2');
    expect(await untidy(page, '.branch-dialog')).toEqual([]);
    await screenshot(page, 'history-branch-search-1280');
    await page.click('[data-action=start-branch]');
    // Britain votes otherwise at the Cabinet, then sends one desk's orders; the computer answers with Moscow's.
    for (let s = await nextScreen(page); s !== 'decision'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else throw new Error(`unexpected screen ${s}`);
    }
    const options = await page.locator('.option-btn').allInnerTexts();
    await page
      .locator('.option-btn')
      .nth(options.findIndex(t => !/Break, and publish/.test(t)))
      .click();
    const played = await playInPage(page, { maxDesks: 1 });
    expect(played).toMatchObject({ screen: 'desk', turns: 1 });
    expect(await workerSeats(page)).toEqual([{ ussr: 'search:2' }]);
    // The game's save names the player, and Moscow has moved since the branch began.
    const save = await page.evaluate(() => {
      const games = JSON.parse(localStorage.getItem('asd.games') ?? '[]') as { id: string }[];
      return JSON.parse(localStorage.getItem(`asd.game.${games[0]!.id}`)!) as AppSave;
    });
    const vote = save.moves.findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    expect(save.moves.slice(vote).some(m => m.side === 'ussr' && m.type === 'orders')).toBe(true);
    expect(save.app.sides).toEqual({ britain: 'human', ussr: 'search:2' });
    expect(save.app.dice?.ussr?.player).toBe('search:2');
    // The title screen lists it against that opponent, worded as the new-game screen words it.
    await page.click('[data-action=exit]');
    expect(await page.locator('[data-action=continue] .btn-sub').innerText()).toMatch(/\(as Britain against the computer, thinking ahead, strength 2\)$/);
    // Resumed, it is played against the same player, started afresh in the worker.
    await page.click('[data-action=continue]');
    expect((await playInPage(page, { maxDesks: 0 })).screen).toBe('desk');
    expect(await workerSeats(page)).toEqual([{ ussr: 'search:2' }, { ussr: 'search:2' }]);
    // The branch in the timeline tree names its players.
    await page.click('[data-action=exit]');
    await watch(page);
    await page.click('[data-action=tree]');
    await page.locator('.tree-node').nth(1).click();
    expect(await page.locator('#node-card').innerText()).toMatch(/Soviet Union: the computer, thinking ahead, strength 2/);
    tp.expectNoConsoleErrors();
  }, 240_000);
});
