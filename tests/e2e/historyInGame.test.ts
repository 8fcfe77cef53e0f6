// History mode inside the running game: Undo takes back the person's last move when no dice have
// been rolled since, and refuses with the reason when they have; "Branch here…" keeps this game
// in the timeline tree (game 77 is not on history's dice, so as a game of its own beside history)
// and plays one of its earlier decisions again in a new branch, whose divergence the tree names.
// Photographed at 1280 x 720 and 1920 x 1080.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { openTree } from './history';
import { clickTopButton, newGame, nextScreen, topDate } from './play';

/** Answer what comes (reports, decisions by their first option) until the desk; the decisions answered. */
async function toDesk(page: Page): Promise<number> {
  let decisions = 0;
  for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
    if (s === 'reports') await page.click('.reports-dialog .continue');
    else if (s === 'decision') {
      await page.locator('.option-btn').first().click();
      decisions++;
    } else throw new Error(`unexpected screen ${s}`);
  }
  return decisions;
}

/**
 * After Undo: the refusal in the status line, or the game back before the move (a screen to answer).
 * The button said beforehand which it would be: disabled (aria-disabled), its title the refusal.
 */
async function undoResult(page: Page): Promise<'refused' | 'undone'> {
  const button = page.locator('[data-action=undo-move]');
  await page.waitForFunction(() => document.querySelector('[data-action=undo-move]')?.hasAttribute('aria-disabled'), null, { timeout: 60_000 });
  const said = { disabled: await button.getAttribute('aria-disabled'), title: await button.getAttribute('title') };
  // Where the bar is short of room, Undo is behind More.
  if (!(await button.isVisible())) await page.click('.topbar [data-action=menu]');
  // force: a button marked aria-disabled stays pressable (the press says why), which Playwright would otherwise wait out.
  await button.click({ force: true });
  const h = await page.waitForFunction(
    () => {
      const st = document.querySelector('.panel .status')?.textContent ?? '';
      if (/^Nothing taken back/.test(st)) return 'refused';
      const shown = [...document.querySelectorAll<HTMLElement>('.reports-dialog .continue, .option-btn')].some(e => e.checkVisibility());
      return shown ? 'undone' : null;
    },
    null,
    { timeout: 60_000 },
  );
  const r = (await h.jsonValue()) as 'refused' | 'undone';
  expect(said.disabled).toBe(String(r === 'refused'));
  if (r === 'refused') expect(said.title).toBe((await page.locator('.panel .status').innerText()).replace(/^Nothing taken back: /, 'Undo takes nothing back now: '));
  return r;
}

describeBrowser('history inside the running game', browser => {
  it('undoes what no dice have followed, refuses what they have, and branches this game from an earlier decision', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '77' });
    let decided = await toDesk(page);
    // The controls sit in the top bar, or behind its More, inside the window.
    for (const a of ['undo-move', 'branch-here']) {
      if (!(await page.locator(`[data-action=${a}]`).isVisible())) await page.click('.topbar [data-action=menu]');
      const box = await page.locator(`[data-action=${a}]`).boundingBox();
      expect(box && box.x + box.width <= 1280 && box.y >= 0).toBe(true);
      await page.keyboard.press('Escape');
    }
    await screenshot(page, 'history-ingame-desk-1280');
    if (decided === 0) {
      expect(await undoResult(page)).toBe('refused');
      expect(await page.locator('.panel .status').innerText()).toMatch(/no move yet/);
    }

    // Desk by desk: after orders the computer's resolve the turn (refused: its dice are rolled);
    // after a decision with no vote, the decision is taken back and asked again.
    const seen = { refusedDice: 0, undone: 0 };
    for (let desk = 0; desk < 10 && (seen.refusedDice === 0 || seen.undone === 0); desk++) {
      const date = await topDate(page);
      const r = await undoResult(page);
      if (r === 'refused') {
        const why = await page.locator('.panel .status').innerText();
        if (desk > 0 || decided > 0) expect(why).toMatch(/ended the turn|dice were rolled/);
        if (/ended the turn|dice were rolled/.test(why)) seen.refusedDice++;
        await page.click('[data-action=send]');
      } else {
        seen.undone++;
        // The same date, and the decision is put again.
        for (let s = await nextScreen(page); s !== 'decision'; s = await nextScreen(page)) {
          expect(s).toBe('reports');
          await page.click('.reports-dialog .continue');
        }
        expect(await topDate(page)).toBe(date);
        await page.locator('.option-btn').first().click();
      }
      decided = await toDesk(page);
    }
    expect(seen.refusedDice).toBeGreaterThan(0);
    expect(seen.undone).toBeGreaterThan(0);

    // Branch here…: Britain's own moments only, newest first.
    await clickTopButton(page, '[data-action=branch-here]');
    const dlg = page.locator('.moments-dialog');
    await dlg.waitFor();
    expect(await dlg.innerText()).toMatch(/a game of its own beside history \(game number 77/);
    expect(await dlg.locator('[data-moment]').count()).toBeGreaterThan(1);
    expect(await dlg.innerText()).not.toMatch(/USSR|Soviet Union's orders/);
    await screenshot(page, 'history-ingame-moments-1280');
    const again = dlg.locator('.moment', { hasText: 'Decide again' }).last();
    // textContent: the sub-line is shown in capitals by the style sheet.
    const was = ((await again.locator('.option-sub').textContent()) ?? '').replace(/ — as history did$/, '');
    const chosen = was.replace(/^at “[^”]*”: /, '');
    expect(chosen).not.toBe(was);
    await again.click();
    // The moment's choice is put again; take another option this time.
    for (let s = await nextScreen(page); s !== 'decision'; s = await nextScreen(page)) await page.click('.reports-dialog .continue');
    const options = await page.locator('.option-btn').allInnerTexts();
    // Another option, one that goes to no vote (so no dice are drawn by it).
    const other = options.findIndex(t => !t.includes(chosen) && !/Goes to a vote/.test(t));
    expect(other).toBeGreaterThanOrEqual(0);
    await page.locator('.option-btn').nth(other).click();
    await toDesk(page);
    // The branch is in the tree now: Undo goes by the tree's rule there, and a refusal says why.
    if ((await undoResult(page)) === 'refused') {
      expect(await page.locator('.panel .status').innerText()).toMatch(/^Nothing taken back: .*(went to a vote and the dice were rolled|ended the turn)/);
    } else {
      for (let s = await nextScreen(page); s !== 'decision'; s = await nextScreen(page)) await page.click('.reports-dialog .continue');
      await page.locator('.option-btn').nth(other).click();
    }
    await toDesk(page);

    // The tree: history, this game beside it, and the branch off it with its divergence named.
    await clickTopButton(page, '[data-action=exit]');
    await openTree(page);
    const titles = await page.locator('.tree-node .node-title').allInnerTexts();
    expect(titles[0]).toBe('History');
    expect(titles).toContainEqual(expect.stringMatching(/^Own game: Game number 77, on dice of its own/));
    expect(titles).toContainEqual(expect.stringMatching(/chose “.*” where “Game number 77” chose “/));
    await page.locator('.tree-node', { hasText: 'Own game' }).click();
    expect(await page.locator('#node-card').innerText()).toMatch(/A game of its own, number 77/);
    expect(await page.locator('#node-card').innerText()).toMatch(/Britain: a person; Soviet Union: the computer, playing to win/);
    await screenshot(page, 'history-ingame-tree-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'history-ingame-tree-1920');
    tp.expectNoConsoleErrors();
  }, 300_000);

  it('lays the top bar out with its history controls, nothing cut off, at 1920 x 1080 and 1280 x 720', async () => {
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await newGame(page, { side: 'ussr', opponent: 'persona', seed: '12' });
    await toDesk(page);
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction(w => document.documentElement.scrollWidth <= w, width);
      for (const a of ['undo-move', 'branch-here', 'exit']) {
        // In the bar, or behind its More (which opens under the bar, in the window).
        const inBar = await page.locator(`.topbar [data-action=${a}]`).isVisible();
        if (!inBar) await page.click('.topbar [data-action=menu]');
        const box = await page.locator(`.topbar [data-action=${a}]`).boundingBox();
        expect(box, a).not.toBeNull();
        expect(box!.x + box!.width, a).toBeLessThanOrEqual(width);
        if (inBar) expect(box!.y + box!.height, a).toBeLessThanOrEqual(await page.locator('.topbar').evaluate(e => e.getBoundingClientRect().bottom));
        else {
          expect(box!.y + box!.height, a).toBeLessThanOrEqual(height);
          await page.keyboard.press('Escape');
        }
      }
      await screenshot(page, `history-ingame-desk-ussr-${width}`);
    }
    tp.expectNoConsoleErrors();
  }, 120_000);
});
