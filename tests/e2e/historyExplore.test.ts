// The what-if explorer in the browser: from the opening of 1927, continuations played in Web
// Workers with a progress bar, the outcome charts and tables with history marked; a long run
// cancelled part-way, leaving nothing behind; from a branch, its plausibility in words; and the
// decisions that mattered in a branch, measured to the end. Photographed at 1280 x 720 and
// 1920 x 1080.
import { expect, it } from 'vitest';
import { HistoryTree, TRUNK_ID } from '../../src/app/history/index';
import { compile, type Move } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';
import { openTree, untidy, watch } from './history';

/** 1927's tree with one branch: Britain takes another option at `event`, then the personas play `more` moves. */
function treeWithBranch(event: string, more: number): string {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const tree = HistoryTree.create(sc);
  const at = tree.moves(TRUNK_ID).findIndex(m => m.type === 'decide' && m.event === event);
  const ev = c.events[c.eventIndex.get(event)!]!;
  const opt = ev.decision!.options.find(o => !o.historical)!;
  const move = { type: 'decide', side: ev.decision!.side, event, option: opt.id } as Move;
  const b = tree.branch({ node: TRUNK_ID, at }, { players: { britain: 'persona', ussr: 'persona' }, moves: [move] });
  if (!b.ok) throw new Error(b.error);
  const p = tree.playComputers(b.value.id, more);
  if (!p.ok) throw new Error(p.error);
  return JSON.stringify(tree.toData());
}

describeBrowser('history: the what-if explorer', browser => {
  it('plays continuations from 2 May 1927 and charts the outcomes against history', async () => {
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await watch(page);
    await page.click('[data-action=explore]');
    await page.waitForSelector('#explore-games');
    expect(await page.locator('.watch-title .help').innerText()).toMatch(/From history as it stands on Monday 2 May 1927/);
    // 1,000 continuations unless another number is chosen, 10,000 at most.
    expect(await page.inputValue('#explore-games')).toBe('1000');
    expect(await page.getAttribute('#explore-games', 'max')).toBe('10000');
    await page.fill('#explore-games', '300');
    await page.selectOption('#explore-britain', 'historical');
    await page.click('[data-action=run]');
    await page.waitForSelector('#explore-head', { timeout: 110_000 });
    expect(await page.locator('#explore-head').innerText()).toBe('300 continuations from Monday 2 May 1927');
    // Each scenario outcome with its rate, and whether it came about in history.
    const outcomes = page.locator('.outcomes tbody tr');
    expect(await outcomes.count()).toBeGreaterThan(1);
    for (const t of await outcomes.allInnerTexts()) expect(t).toMatch(/\d+\.\d%\s+(yes|no)/);
    expect(await page.locator('.outcomes tr.in-history').count()).toBeGreaterThan(0);
    // Three charts drawn (uPlot canvases), each with its figures in words.
    expect(await page.locator('.chart canvas').count()).toBe(3);
    const words = await page.locator('.chart-card .help').allInnerTexts();
    expect(words[0]).toMatch(/of games broke off relations; .* never did\. History broke them off on .*1927\./);
    expect(words[1]).toMatch(/Median peak \d+ .*history \d+/);
    expect(words[2]).toMatch(/history £-?[\d,]+k/);
    // Both sides' objectives, with history's score.
    expect(await page.locator('.objectives-grid table').count()).toBe(2);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-explore-1920');
    await page.locator('.objectives-grid').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-explore-objectives-1920');
    tp.expectNoConsoleErrors();
  });

  it("from history's end, offers a date inside it instead of a dead end, and says what its plausibility means", async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await openTree(page);
    await page.click('#node-card [data-action=explore]');
    await page.waitForSelector('#explore-from');
    expect(await page.locator('.watch-title .help').innerText()).toMatch(/as it stands on Saturday 31 December 1927, its end/);
    expect(await page.locator('.explore-body').innerText()).not.toMatch(/nothing left to explore/);
    await page.waitForSelector('#plausibility-history');
    expect(await page.locator('#plausibility').innerText()).not.toMatch(/\d bits more surprising/);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-explore-from-end');
    await page.selectOption('#explore-from', { label: 'Monday 23 May 1927' });
    await page.click('[data-action=explore-from]');
    await page.waitForSelector('#explore-games');
    expect(await page.locator('.watch-title .help').innerText()).toMatch(/From history as it stands on Monday 23 May 1927/);
    tp.expectNoConsoleErrors();
  });

  it('cancels a long run part-way with the keyboard', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    await page.click('[data-action=explore]');
    await page.waitForSelector('#explore-games');
    await page.fill('#explore-games', '10000');
    await page.keyboard.press('Enter');
    // The progress bar moves, and the focus is on Cancel.
    await page.waitForSelector('#explore-progress');
    await page.waitForFunction(() => Number((document.querySelector('#explore-progress') as HTMLProgressElement | null)?.value ?? 0) > 0, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('cancel');
    expect(await page.getAttribute('#explore-progress', 'max')).toBe('10000');
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-explore-running');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#explore-stopped');
    expect(await page.locator('#explore-stopped').innerText()).toMatch(/Cancelled/);
    expect(await page.locator('.chart').count()).toBe(0);
    // The form is back, ready to run again.
    expect(await page.locator('[data-action=run]').isEnabled()).toBe(true);
    tp.expectNoConsoleErrors();
  });

  it('explores from a branch, saying in words how plausible it is, at 1280 x 720', async () => {
    const data = treeWithBranch('rupture-vote', 6);
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await page.evaluate(d => localStorage.setItem('asd.history.1927', d), data);
    await openTree(page);
    await page.locator('.tree-node').nth(1).click();
    await page.click('#node-card [data-action=explore]');
    await page.waitForSelector('#plausibility-score');
    // Below 100, for a choice the sources do not record, named with its date.
    expect(Number((await page.locator('#plausibility-score').innerText()).split(' ')[0])).toBeLessThan(100);
    const why = await page.locator('.plausible-why').innerText();
    // The cabinet's other option, then the computer's moves after it, which the sources do not record either.
    expect(why).toMatch(/\d+ of \d+ choices depart from what the sources record .*; the first, on Monday 23 May 1927: Britain, at “Cabinet, 23 May/);
    expect(why).toMatch(/luck|dice|rolls/);
    await page.fill('#explore-games', '200');
    await page.click('[data-action=run]');
    await page.waitForSelector('#explore-head', { timeout: 110_000 });
    expect(await page.locator('#explore-head').innerText()).toMatch(/^200 continuations from /);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-explore-branch-1280');
    tp.expectNoConsoleErrors();
  }, 180_000);

  it('measures the decisions that mattered in a branch, each against its alternatives', async () => {
    const data = treeWithBranch('arcos-tip', 2);
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await page.evaluate(d => localStorage.setItem('asd.history.1927', d), data);
    await openTree(page);
    await page.locator('.tree-node').nth(1).click();
    await page.click('[data-action=mattered]');
    await page.waitForSelector('#mattered-list', { timeout: 170_000 });
    const items = await page.locator('#mattered-list li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    // Each: the choice, what it was measured against, and the outcomes it moved (or that none did).
    for (const t of items) expect(t).toMatch(/\. Against the alternative that moves the outcomes most, .+: (.+ \d+% → \d+%|no outcome moved)/);
    // The branch's own choice is among them, not marked as history's.
    expect(items.join('\n')).toMatch(/at “A tip about Arcos”: (?!Approve the search).+\. Against the alternative that moves the outcomes most, “/);
    expect(await untidy(page)).toEqual([]);
    await page.locator('#mattered-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-mattered-1920');
    tp.expectNoConsoleErrors();
  }, 240_000);
});
