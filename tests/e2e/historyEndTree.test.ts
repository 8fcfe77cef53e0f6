// The end dialog's "Put it on the timeline tree": a game one move from its end is loaded (a 1927
// game on game number 55, the historical players on both sides, with an event the teacher
// introduced early on, as a restored classroom game has), the person sends the last orders, and at
// the end puts the game on the tree. The tree opens on it, beside history as a game of its own,
// its divergence naming the teacher's event; after a reload the tree still holds it, and its diff
// with history names the teacher's event too.
// The dialog opens at its top, on the verdict. Photographed at 1280 x 720.
import { expect, it } from 'vitest';
import { AI_VIEW, aiRng, historicalPlayer, nextMove, toMove } from '../../src/ai/index';
import { makeAppSave } from '../../src/app/saveFile';
import { applyMove, compile, createGame, injectEvent, type Move, replay, SIDES, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';
import { openTree } from './history';
import { loadAndPlayToEnd, newGame, nextScreen } from './play';

const SEED = '55';
const EVENT = 'frontier-incident';

/** The historical players' game on SEED with the teacher's event after move 10, cut one move before Britain's last orders. */
function nearlyOver(): { name: string; body: string } {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const rngs = { britain: aiRng(SEED, 'britain'), ussr: aiRng(SEED, 'ussr') };
  let s = createGame(sc, SEED);
  const moves: Move[] = [];
  const injected = [{ event: EVENT, at: 10 }];
  while (!s.ended) {
    if (moves.length === 10) {
      const r = injectEvent(sc, s, EVENT);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    const side = SIDES.find(x => toMove(s, x))!;
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), historicalPlayer, rngs[side])!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    moves.push(m);
  }
  const cut = moves.reduce((last, m, k) => (m.type === 'orders' && m.side === 'britain' ? k : last), -1);
  const kept = moves.slice(0, cut);
  const end = replay(sc, SEED, kept, undefined, injected);
  if (!end.ok) throw new Error(end.error);
  return { name: 'nearly-over.json', body: JSON.stringify(makeAppSave(sc, SEED, kept, end.value, { britain: 'human', ussr: 'historical' }, injected)) };
}

describeBrowser('the end dialog puts the game on the timeline tree', browser => {
  it('puts a finished game on the tree, where it stays after a reload, its teacher’s event named', async () => {
    const save = nearlyOver();
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'historical', seed: SEED });
    await nextScreen(page);
    await loadAndPlayToEnd(page, save.name, save.body, 'December 1927');
    const end = page.locator('.end-dialog');
    // It opens at its top, the verdict in view and focused (not on the tree's button at its foot, which scrolled the report to its end).
    await page.waitForFunction(() => document.activeElement?.classList.contains('end-reason'));
    expect(await end.locator('.dialog-body').evaluate(e => e.scrollTop)).toBe(0);
    expect(await end.locator('.dialog-body').evaluate(e => e.scrollHeight > e.clientHeight)).toBe(true);
    await screenshot(page, 'history-end-top-1280');
    // On a phone the objectives tables fit the dialog: their last column (the verdict) was cut off at its edge.
    await page.setViewportSize({ width: 390, height: 844 });
    const cut = await end.evaluate(d => {
      const edge = d.querySelector('.dialog-body')!.getBoundingClientRect().right;
      return [...d.querySelectorAll('table.objectives :is(th, td)')].filter(c => c.getBoundingClientRect().right > edge + 0.5).map(c => c.textContent);
    });
    expect(cut, 'cells past the end screen’s edge at 390 px').toEqual([]);
    await screenshot(page, 'history-end-top-390');
    await page.setViewportSize({ width: 1280, height: 720 });
    const put = end.locator('[data-action=to-tree]');
    // textContent: buttons are shown in capitals by the style sheet.
    expect(await put.textContent()).toBe('Put it on the timeline tree');
    await put.scrollIntoViewIfNeeded();
    await screenshot(page, 'history-end-to-tree-1280');
    await put.click();

    // The tree opens on the game: a root of its own beside history, named by where it left history.
    await page.waitForSelector('.tree-grid');
    const own = page.locator('.tree-node', { hasText: 'Own game' });
    await own.waitFor();
    const title = await own.locator('.node-title').innerText();
    expect(title).toMatch(/^Own game: Game number 55, on dice of its own/);
    expect(title).toContain('the teacher introduced “Trouble on the western frontier”');
    await own.click();
    expect(await page.locator('#node-card').innerText()).toMatch(/A game of its own, number 55/);
    await screenshot(page, 'history-end-tree-1280');

    // After a reload the tree still holds it, once.
    await page.reload();
    await openTree(page);
    const titles = await page.locator('.tree-node .node-title').allInnerTexts();
    expect(titles[0]).toBe('History');
    expect(titles.filter(t => t === title)).toHaveLength(1);

    // Its diff with history names the teacher's event, in the historian's view and as a side saw it once it fired.
    await page.check('[data-pick=trunk]');
    await page.locator('.tree-pick input').nth(1).check();
    await page.click('[data-action=compare]');
    await page.waitForSelector('.diff-chart canvas');
    // Given after move 10, the last move of 12 May's turn on this game's dice: the game stood at the turn of Friday 13 May.
    expect(await page.locator('#teacher-events').innerText()).toBe('B: The teacher introduced “Trouble on the western frontier”, given Friday 13 May 1927');
    await page.locator('.teacher-diff').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-end-diff-1280');
    await page.click('[data-sight=ussr]');
    await page.waitForSelector('.diff-chart canvas');
    expect(await page.locator('#teacher-events').innerText()).toMatch(/^B: The teacher introduced “Trouble on the western frontier”, last fired \w+ \d+ \w+ 1927$/);
    tp.expectNoConsoleErrors();
  }, 300_000);
});
