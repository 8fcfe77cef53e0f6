// A save of a branch's game keeps where the branch began (`app.kept`): loaded in the browser and
// played to its end, the end dialog's "Your path beside history" puts the decision taken before
// the branch began down to history, set apart, not to the person. (The terminal's end screen says
// the same from the same save: tests/cli/branchEnd.test.ts.) Photographed at 1280 x 720 and
// 390 x 844 as branch-save-end-path and branch-save-end-path-390. A branch taken from the watch
// says so at its end, and its save keeps where it began.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { makeAppSave } from '../../src/app/saveFile';
import { compile, replay } from '../../src/engine/index';
import { personBranchAfterTip, sc1927 } from '../app/history/helpers';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { watch } from './history';
import { loadAndPlayToEnd, newGame, nextScreen, playInPage } from './play';

/** A 1927 branch Britain takes over after history's tip about Arcos, cut before Britain's last orders, saved with where it began. */
function nearlyOverBranch(): string {
  const { t, id, at } = personBranchAfterTip();
  const sides = t.node(id)!.players!;
  const moves = t.moves(id);
  const cut = moves.reduce((last, m, k) => (m.type === 'orders' && m.side === 'britain' ? k : last), -1);
  const seed = t.line(id).seed;
  const end = replay(sc1927, seed, moves.slice(0, cut));
  if (!end.ok) throw new Error(end.error);
  const save = makeAppSave(sc1927, seed, moves.slice(0, cut), end.value, sides);
  const players = t.ancestry(id).flatMap(n => (n.at < at ? [{ at: n.at, players: n.players }] : []));
  return JSON.stringify({ ...save, app: { ...save.app, kept: { from: at, players } } });
}

describeBrowser('a saved branch’s end screen', browser => {
  it('puts the decisions taken before the branch began down to history, not to the person', async () => {
    const body = nearlyOverBranch();
    const tip = compile(sc1927).events.find(e => e.id === 'arcos-tip')!.title;
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '1' });
    await nextScreen(page);
    await loadAndPlayToEnd(page, 'branch.json', body, 'December 1927');
    const path = page.locator('.end-dialog .path');
    const first = path.locator('li').first();
    expect(await first.innerText()).toMatch(new RegExp(`^${tip}: history chose “[^”]+” \\(before this branch began\\)`));
    expect(await first.getAttribute('class')).toBe('before');
    expect(await path.locator('li:not(.before)').first().innerText()).toMatch(/: you chose “/);
    expect(await path.innerText()).toContain('not by you in it');
    await path.scrollIntoViewIfNeeded();
    await screenshot(page, 'branch-save-end-path');
    await page.setViewportSize({ width: 390, height: 844 });
    await path.scrollIntoViewIfNeeded();
    await viewportShot(page, 'branch-save-end-path-390');
  });

  it('in a branch taken from the watch, says so too, and its save keeps where the branch began', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    // Britain's orders three turns from the end: history's decisions before them are history's.
    const dates = await page.locator('#watch-date option').count();
    await page.selectOption('#watch-date', { index: dates - 4 });
    await page.locator('.side-col.side-britain [data-action=branch]').last().click();
    await page.click('[data-action=start-branch]');
    const log = await playInPage(page, { tick: false });
    expect(log.screen).toBe('end');
    const path = page.locator('.end-dialog .path');
    expect(await path.locator('li').first().innerText()).toMatch(/: history chose “[^”]+” \(before this branch began\)/);
    for (const t of await path.locator('li.before').allInnerTexts()) expect(t).toMatch(/: history chose “[^”]+” \(before this branch began\)/);
    expect(await path.innerText()).toContain('not by you in it');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.end-dialog [data-action=save-file]')]);
    const save = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(save.app.kept.from).toBeGreaterThan(0);
    expect(save.app.kept.players[0]).toEqual({ at: 0, players: { britain: 'historical', ussr: 'historical' } });
    tp.expectNoConsoleErrors();
  }, 180_000);
});
