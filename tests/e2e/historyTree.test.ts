// The timeline tree in the browser: a branch taken from history and played a little shows on the
// tree with its divergence named, survives a reload, opens to be watched; its share code loads in
// another browser as the same branch, and an altered code is refused with the reason and changes
// nothing. Photographed at 1280 x 720 and 1920 x 1080 (the README's picture is the latter).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { encodeShareCode, HistoryTree, shareSegments, TRUNK_ID } from '../../src/app/history/index';
import { compile, type Move } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { openTree, untidy, watch } from './history';

/** Branch at the rupture vote, take another option, and go back to the title once the game has moved on. */
async function branchAtRupture(page: Page): Promise<void> {
  await watch(page);
  await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
  await page.locator('.side-col.side-britain .move', { hasText: 'Cabinet, 23 May' }).locator('[data-action=branch]').click();
  await page.click('[data-action=start-branch]');
  for (;;) {
    await page.waitForSelector('.reports-dialog .continue, .decision-dialog .option-btn', { timeout: 60_000 });
    if (!(await page.locator('.reports-dialog .continue').isVisible())) break;
    await page.click('.reports-dialog .continue');
  }
  const options = await page.locator('.option-btn').allInnerTexts();
  await page
    .locator('.option-btn')
    .nth(options.findIndex(t => !/Break, and publish/.test(t)))
    .click();
  await page.waitForSelector('[data-action=send], .reports-dialog .continue, .headline-dialog .continue, .option-btn', { timeout: 60_000 });
  // The move is in the tree as soon as it is made (and stored): leave by reloading, as a person closing the tab would.
  await page.reload();
  await page.waitForSelector('[data-action=history]');
}

describeBrowser('history: the timeline tree and share codes', browser => {
  it('draws a played branch off history, names its divergence, keeps it over a reload, and shares it', async () => {
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await branchAtRupture(page);
    await openTree(page);
    const nodes = page.locator('.tree-node');
    expect(await nodes.count()).toBe(2);
    const branch = nodes.nth(1);
    expect(await branch.innerText()).toMatch(/At “Cabinet, 23 May: the scope of the response” \(.*23 May 1927\) Britain chose “.*” where history chose “Break, and publish/);
    await branch.click();
    expect(await page.locator('#node-card h2').innerText()).toMatch(/where history chose/);
    expect(await page.locator('#node-card').innerText()).toMatch(/Leaves history on Monday 23 May 1927/);
    // The code is made a moment after the card (the computer's moves are played again to leave them out).
    await page.waitForSelector('#share-code[data-ready=true]');
    const code = await page.inputValue('#share-code');
    expect(code).toMatch(/^ASD5-/);
    // The same branch as a file, saved to the downloads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=save-branch]')]);
    expect(download.suggestedFilename()).toMatch(/^1927-branch-b\d+\.branch\.json$/);
    const file = await readFile((await download.path())!, 'utf8');
    const branchTitle = await branch.locator('.node-title').innerText();
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-tree-1920');

    // A reload keeps the tree (browser storage).
    await page.reload();
    await openTree(page);
    expect(await page.locator('.tree-node').count()).toBe(2);
    // The branch opens in the watch screen. It is still in play, Britain a person against the
    // computer: it is seen from London only (no Moscow, no both, no knowledge gap), and only to its
    // last resolved turn: the Cabinet's other course was taken in the turn of 23 May, still open.
    await page.locator('.tree-node').nth(1).click();
    expect(await page.locator('#watch-why').innerText()).toMatch(/^Watched from London only while it is in play/);
    // Nor is the what-if explorer open on it: it plays on from the whole position, Moscow's secrets in it.
    expect(await page.locator('#node-card [data-action=explore]').isDisabled()).toBe(true);
    expect(await page.locator('#explore-why').innerText()).toMatch(/^What if… is not open while it is in play: it plays on from the whole position/);
    // Nor the measure of the decisions that mattered, which plays on from it too.
    expect(await page.locator('#node-card [data-action=mattered]').count()).toBe(0);
    expect(await page.locator('#mattered-why').innerText()).toMatch(/^The decisions that mattered are measured once the game is over/);
    await page.click('[data-action=watch-node]');
    await page.waitForSelector('#frame-date');
    expect(await page.locator('.watch-title h1').innerText()).toMatch(/^A branch/);
    expect(await page.locator('#watch-own-sight').innerText()).toMatch(
      /^Seen from London only while the game is in play\s+The game is still being played, so the Soviet Union’s private moves stay hidden/,
    );
    expect(await page.locator('[data-pov]').evaluateAll(els => els.map(e => e.getAttribute('data-pov')))).toEqual(['britain']);
    expect(await page.locator('[data-mode=gap]').count()).toBe(0);
    expect(await page.locator('[data-action=explore]').count()).toBe(0);
    const dates = await page.locator('#watch-date option').allInnerTexts();
    expect(dates.at(-1)).toBe('Sunday 22 May 1927');
    await page.selectOption('#watch-date', { label: 'Sunday 22 May 1927' });
    expect(await page.locator('.side-col.side-ussr').count()).toBe(0);
    expect(await page.locator('.side-col.side-britain .move').allInnerTexts()).not.toContainEqual(expect.stringMatching(/Cabinet, 23 May/));
    await screenshot(page, 'history-watch-own-branch-1920');
    tp.expectNoConsoleErrors();

    // The file in another browser: an edited one is refused with the reason and changes nothing; the file itself loads as the same branch.
    const other = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const p2 = other.page;
    await openTree(p2);
    await p2.click('[data-action=import]');
    const edited = JSON.parse(file) as { historyMoves: number };
    edited.historyMoves -= 1;
    await p2.setInputFiles('#import-file', { name: 'edited.branch.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await p2.waitForSelector('.import-why.error');
    expect(await p2.locator('.import-why').innerText()).toMatch(/^edited\.branch\.json was refused: .+\. Nothing in your tree was changed\./);
    expect(await p2.locator('.tree-node').count()).toBe(1);
    await p2.setInputFiles('#import-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
    await p2.waitForFunction(() => document.querySelectorAll('.tree-node').length === 2);
    expect(await p2.locator('.tree-node .node-title').nth(1).innerText()).toBe(branchTitle);
    other.expectNoConsoleErrors();
  }, 300_000);

  it('loads a shared branch as the same branch, refuses an altered code with the reason, and compares it with history', async () => {
    // The code of a branch made in Node: Britain takes another option at the rupture vote.
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const tree = HistoryTree.create(sc);
    const at = tree.moves(TRUNK_ID).findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    const opt = c.events[c.eventIndex.get('rupture-vote')!]!.decision!.options.find(o => !o.historical)!;
    const b = tree.branch({ node: TRUNK_ID, at }, { moves: [{ type: 'decide', side: 'britain', event: 'rupture-vote', option: opt.id }] });
    if (!b.ok) throw new Error(b.error);
    // Made as the app makes it, saying who played, so the tree it is loaded into makes the same code of it.
    const code = await encodeShareCode(sc, tree.line(b.value.id), shareSegments(tree, b.value.id));

    const other = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const p2 = other.page;
    await openTree(p2);
    expect(await p2.locator('.tree-node').count()).toBe(1);
    await p2.click('[data-action=import]');
    const k = code.length - 4;
    const altered = code.slice(0, k) + (code[k] === 'A' ? 'B' : 'A') + code.slice(k + 1);
    await p2.fill('#import-code', altered);
    await p2.click('[data-action=import-code]');
    await p2.waitForSelector('.import-why.error');
    expect(await p2.locator('.import-why').innerText()).toMatch(/refused: .+\. Nothing in your tree was changed\./);
    await screenshot(p2, 'history-share-refused');
    await p2.fill('#import-code', 'not a code at all');
    await p2.click('[data-action=import-code]');
    await p2.waitForFunction(() => /not a code at all|format|share code/i.test(document.querySelector('.import-why')?.textContent ?? ''));
    await p2.keyboard.press('Escape');
    expect(await p2.locator('.tree-node').count()).toBe(1);
    await p2.click('[data-action=import]');
    await p2.fill('#import-code', code);
    await p2.click('[data-action=import-code]');
    await p2.waitForFunction(() => document.querySelectorAll('.tree-node').length === 2);
    expect(await p2.locator('.tree-node').nth(1).innerText()).toMatch(/where history chose “Break, and publish/);
    expect(await p2.locator('#node-card h2').innerText()).toMatch(/where history chose/);
    // Who played it comes with it (the branch was made as a person for Britain against the persona).
    expect(await p2.locator('#node-card').innerText()).toMatch(/Britain: a person; Soviet Union: the computer, playing to win/);
    expect(await p2.inputValue('#share-code')).toBe(code);
    // Taking back its one move: allowed only if that move drew no dice, else refused with the tree's reason.
    const undo = tree.canUndo(b.value.id);
    if (undo.ok) expect(await p2.locator('[data-action=undo]').isEnabled()).toBe(true);
    else {
      expect(await p2.locator('[data-action=undo]').isDisabled()).toBe(true);
      expect(await p2.locator('#undo-why').innerText()).toBe(`Cannot take it back: ${undo.message}.`);
    }
    expect(await untidy(p2)).toEqual([]);
    await screenshot(p2, 'history-tree-1280');
    // The diff of history and the branch: a figure over time on one chart, the decision taken
    // otherwise, the events that fired in one and not the other.
    await p2.check('[data-pick=trunk]');
    await p2.locator('.tree-pick input').nth(1).check();
    await p2.click('[data-action=compare]');
    await p2.waitForSelector('.diff-chart canvas');
    // The branch is in play with a person for Britain: the diff is London's, the historian's not offered.
    expect(await p2.locator('[data-sight]').evaluateAll(els => els.map(e => e.getAttribute('data-sight')))).toEqual(['britain']);
    expect(await p2.locator('.diff-head').innerText()).toMatch(/A: History[\s\S]*B: At “Cabinet, 23 May[\s\S]*As Britain could tell, they first look different on Monday 23 May 1927/);
    const decided = p2.locator('.decisions-diff tbody tr', { hasText: 'Cabinet, 23 May' });
    // B's other course was taken in its turn still open: not shown until that turn resolves.
    expect(await decided.innerText()).toMatch(/Break, and publish the intercepts you choose \(as history\)\s+not decided yet$/);
    expect(await p2.locator('.events-diff').innerText()).toMatch(/Only in A[\s\S]*Only in B/);
    expect(await p2.locator('.diff-body table.rates').first().locator('tbody tr').count()).toBeGreaterThan(0);
    const first = await p2.locator('#diff-figure-words').innerText();
    await p2.selectOption('#diff-figure', { index: 1 });
    expect(await p2.locator('#diff-figure-words').innerText()).not.toBe(first);
    expect(await untidy(p2)).toEqual([]);
    await screenshot(p2, 'history-diff-1280');
    // As London saw it: from London's seat views.
    expect(await p2.locator('#diff-sight-note').innerText()).toMatch(/^As London saw it: only what Britain could see/);
    expect(await p2.locator('.diff-body').innerText()).toMatch(/outcomes are judged on both sides’ full figures/);
    expect(await p2.locator('.diff-head').innerText()).toMatch(/As Britain could tell, they first look different on/);
    await p2.waitForSelector('.diff-chart canvas');
    expect(await untidy(p2)).toEqual([]);
    await screenshot(p2, 'history-diff-london-1280');
    other.expectNoConsoleErrors();
  }, 240_000);
});

describeBrowser('history: playing on a branch whose players were not recorded', browser => {
  it('asks which side the person takes and who plays the other, and plays it on so', async () => {
    // A branch file of format 2, which did not say who played the stretch the two people made.
    const file = await readFile(new URL('../app/history/fixtures/branch-format2.json', import.meta.url));
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await openTree(page);
    await page.click('[data-action=import]');
    await page.setInputFiles('#import-file', { name: 'old.branch.json', mimeType: 'application/json', buffer: file });
    // Its path joins history where it keeps to it, and comes in as three branches, the last selected.
    await page.waitForFunction(() => document.querySelectorAll('.tree-node').length === 4);
    expect(await page.locator('#node-card').innerText()).toMatch(/Players\s+not recorded/);
    expect(await page.locator('[data-action=play-on]').textContent()).toBe('Play on…');
    await page.click('[data-action=play-on]');
    const dialog = page.locator('.branch-dialog');
    expect(await dialog.innerText()).toMatch(/Who played this branch was not recorded, so you choose who plays it on/);
    expect(await dialog.locator('legend').nth(1).textContent()).toBe('Who plays the Soviet Union');
    // The computer thinking ahead at a strength, as on the new-game screen; the strength idle for the others.
    const strength = dialog.getByLabel('Strength when thinking ahead');
    expect(await strength.isDisabled()).toBe(true);
    await dialog.locator('input[name=play-on-opponent][value=search]').check();
    await strength.selectOption('1');
    await dialog.locator('input[name=play-on-side][value=ussr]').check();
    // The other side's choice follows the side taken, and keeps the player and strength picked.
    expect(await dialog.locator('legend').nth(1).textContent()).toBe('Who plays Britain');
    expect(await dialog.locator('input[name=play-on-opponent][value=search]').isChecked()).toBe(true);
    expect(await strength.inputValue()).toBe('1');
    await dialog.locator('input[name=play-on-opponent][value=historical]').check();
    expect(await strength.isDisabled()).toBe(true);
    expect(await untidy(page, '.branch-dialog')).toEqual([]);
    await screenshot(page, 'history-play-on-unrecorded-1280');
    await page.click('[data-action=start-play-on]');
    await page.waitForSelector('.who .lead');
    expect(await page.locator('.who .office').innerText()).toMatch(/Soviet Union$/);
    tp.expectNoConsoleErrors();
  }, 240_000);
});

describeBrowser('history: a tree with several finished branches', browser => {
  it('draws each branch off its parent, holds a finished one against history, and compares two', async () => {
    // Built in Node with histcore's tree, then stored in the page as the browser would store it.
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const tree = HistoryTree.create(sc);
    const trunk = tree.moves(TRUNK_ID);
    const personas = { britain: 'persona', ussr: 'persona' } as const;
    const otherwise = (event: string) => {
      const at = trunk.findIndex(m => m.type === 'decide' && m.event === event);
      const ev = c.events[c.eventIndex.get(event)!]!;
      const opt = ev.decision!.options.find(o => !o.historical)!;
      return { at, move: { type: 'decide', side: ev.decision!.side, event, option: opt.id } as Move };
    };
    const made: string[] = [];
    for (const event of ['arcos-tip', 'rupture-vote']) {
      const x = otherwise(event);
      const b = tree.branch({ node: TRUNK_ID, at: x.at }, { players: personas, moves: [x.move] });
      if (!b.ok) throw new Error(b.error);
      const p = tree.playComputers(b.value.id);
      if (!p.ok) throw new Error(p.error);
      made.push(b.value.id);
    }
    // A re-roll of the dice part-way along the second branch, played to the end as well.
    const half = Math.floor((tree.node(made[1]!)!.at + tree.length(made[1]!)) / 2);
    const r = tree.branch({ node: made[1]!, at: half }, { players: personas, reseed: 'another-throw' });
    if (!r.ok) throw new Error(r.error);
    if (!tree.playComputers(r.value.id).ok) throw new Error('the re-rolled branch did not play');
    const data = JSON.stringify(tree.toData());

    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await page.evaluate(d => localStorage.setItem('asd.history.1927', d), data);
    await openTree(page);
    expect(await page.locator('.tree-node').count()).toBe(4);
    // The computer's refusal of the tip about Arcos is Britain's private business: the tree names the
    // branch by the first difference both sides could see.
    expect(await page.locator('.tree-node').nth(1).innerText()).toMatch(/^On Wednesday 11 May 1927 Britain ordered /);
    expect(await page.locator('.tree-node').nth(3).innerText()).toMatch(/The dice fell anew/);
    // Each branch's line starts where it leaves its parent: four tracks, three links.
    expect(await page.locator('.tree-svg .track').count()).toBe(4);
    expect(await page.locator('.tree-svg .link').count()).toBe(3);
    await page.locator('.tree-node').nth(2).click();
    const against = page.locator('.against');
    expect(await against.innerText()).toMatch(/The outcome against history/);
    expect(await page.locator('#outcomes-against li').first().innerText()).toMatch(/: (yes|no) in this branch, (yes|no) in history$/);
    expect(await against.innerText()).toMatch(/Britain -?\d+\.\d against history's -?\d+\.\d \((better than|as|worse than) history\)/);
    // A branch that re-rolled the dice can be watched but not played on; this one can be played on.
    expect(await page.locator('[data-action=play-on]').count()).toBe(0); // it has ended
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-tree-branches-1920');
    // The decisions that mattered: measured on demand, and the measuring can be cancelled.
    await page.click('[data-action=mattered]');
    await page.waitForSelector('#mattered-progress');
    await page.keyboard.press('Enter'); // the focus is on Cancel
    await page.waitForFunction(() => /Cancelled/.test(document.querySelector('.mattered-box')?.textContent ?? ''));
    // Compare the two finished branches.
    await page.locator('.tree-pick input').nth(1).check();
    await page.locator('.tree-pick input').nth(2).check();
    await page.click('[data-action=compare]');
    await page.waitForSelector('.diff-chart canvas');
    expect(await page.locator('.decisions-diff').innerText()).toMatch(/A tip about Arcos/);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-diff-1920');
    await page.click('[data-sight=ussr]');
    expect(await page.locator('#diff-sight-note').innerText()).toMatch(/^As Moscow saw it/);
    await page.waitForSelector('.diff-chart canvas');
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-diff-moscow-1920');
    tp.expectNoConsoleErrors();
  }, 240_000);

  it('compares history with a game stopped in mid-May: its end dated, later outcomes not reached rather than "no"', async () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const tree = HistoryTree.create(sc);
    // Branched a few days after the tip about Arcos, four moves played by the personas, then left unfinished.
    const tipDay = tree.steps(TRUNK_ID).find(st => st.move.type === 'decide' && st.move.event === 'arcos-tip')!.day;
    const at = tree.steps(TRUNK_ID).findIndex(st => st.day >= tipDay + 4);
    const b = tree.branch({ node: TRUNK_ID, at }, { players: { britain: 'persona', ussr: 'persona' }, reseed: 'stopped' });
    if (!b.ok) throw new Error(b.error);
    if (!tree.playComputers(b.value.id, 4).ok) throw new Error('the branch did not play');
    const stop = tree.state(b.value.id);
    expect(stop.ended).toBeFalsy();
    const data = JSON.stringify(tree.toData());
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await page.evaluate(d => localStorage.setItem('asd.history.1927', d), data);
    await openTree(page);
    await page.locator('.tree-pick input').nth(0).check();
    await page.locator('.tree-pick input').nth(1).check();
    await page.click('[data-action=compare]');
    await page.waitForSelector('.diff-chart canvas');
    const stopped = c.days[stop.turn]!;
    const head = await page.locator('.diff-head').innerText();
    expect(head).toMatch(/Relations at the end: A relations broken.*; B, at \w+ \d+ May 1927 \(not finished\), /);
    expect(await page.locator('#diff-stopped').innerText()).toMatch(/^B stopped on \w+ \d+ May 1927 \(not finished\)/);
    // Outcomes history came to after the stop are not reached in B, never "no"; the raid, before it, is a plain yes.
    const row = (label: string) => page.locator('.diff-grid table.rates tr', { hasText: label }).first().innerText();
    expect(await row('Relations broken in late May')).toMatch(/yes\s+not reached$/);
    expect(await row('Arcos is raided')).toMatch(/yes\s+yes$/);
    // Nor is a decision history met after the stop "not put to" B, nor an event after it a difference.
    expect(await page.locator('.decisions-diff').innerText()).toMatch(/not reached/);
    expect(await page.locator('.events-diff').innerText()).toMatch(/… and \d+ later, after B stopped\./);
    expect(stopped).toBeLessThan(c.days.at(-1)!);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-diff-unfinished');
    await page.locator('.diff-grid').scrollIntoViewIfNeeded();
    await screenshot(page, 'history-diff-unfinished-outcomes');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-diff-unfinished-390');
    tp.expectNoConsoleErrors();
  }, 120_000);
});

/** A 1927 tree with two branches still in play: a person against the computer (watched from London only) and two people (not watched at all). */
function branchesInPlay(): { data: string; one: string; two: string } {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const tree = HistoryTree.create(sc);
  const at = tree.moves(TRUNK_ID).findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
  const ev = c.events[c.eventIndex.get('rupture-vote')!]!;
  const move = { type: 'decide', side: ev.decision!.side, event: 'rupture-vote', option: ev.decision!.options.find(o => !o.historical)!.id } as Move;
  const one = tree.branch({ node: TRUNK_ID, at }, { players: { britain: 'human', ussr: 'persona' }, moves: [move] });
  if (!one.ok) throw new Error(one.error);
  if (!tree.playComputers(one.value.id).ok) throw new Error('the computer did not play');
  const two = tree.branch({ node: TRUNK_ID, at: at - 3 }, { players: { britain: 'human', ussr: 'human' } });
  if (!two.ok) throw new Error(two.error);
  return { data: JSON.stringify(tree.toData()), one: one.value.id, two: two.value.id };
}

describeBrowser('history: branches still in play', browser => {
  const t = branchesInPlay();
  const treeAt = async (width: number, height: number) => {
    const tp = await browser.open('/', { viewport: { width, height } });
    await tp.page.evaluate(d => localStorage.setItem('asd.history.1927', d), t.data);
    await openTree(tp.page);
    return tp;
  };

  it('does not let a branch nobody may watch be ticked to compare, says why, and its Watch looks refused', async () => {
    const tp = await treeAt(1280, 720);
    const page = tp.page;
    const pickTwo = page.locator(`[data-pick="${t.two}"]`);
    expect(await pickTwo.isDisabled()).toBe(true);
    expect(await page.locator(`#${await pickTwo.getAttribute('aria-describedby')}`).textContent()).toMatch(/^Not compared while in play: two people are playing/);
    expect(await page.locator(`[data-pick="${t.one}"]`).isDisabled()).toBe(false);
    // Its Watch is refused, and looks it: not filled like a button to press, but like the bar's plain ones.
    await page.locator(`[data-node="${t.two}"]`).click();
    const bg = (sel: string) => page.locator(sel).evaluate(el => getComputedStyle(el).backgroundColor);
    expect(await page.locator('[data-action=watch-node]').isDisabled()).toBe(true);
    expect(await bg('[data-action=watch-node]')).toBe(await bg('.watch-bar [data-action=watch-history]'));
    await viewportShot(page, 'history-tree-refused-1280');
    // Nor is it held against history until it is over; the other branch is, as London knows it, to the
    // start of its open turn: the break the Cabinet chose in that turn is not counted yet.
    expect(await page.locator('#against-refused').innerText()).toMatch(/^Held against history once it is over: two people are playing/);
    await page.locator(`[data-node="${t.one}"]`).click();
    expect(await page.locator('#against-seat').innerText()).toBe('As London knows it, to the start of the turn still open (Monday 23 May 1927).');
    expect(await page.locator('#outcomes-open').innerText()).toMatch(/Relations broken in late May/);
    tp.expectNoConsoleErrors();
  }, 120_000);

  it('on a phone, brings a tapped branch’s card into view with its name focused', async () => {
    const tp = await treeAt(390, 844);
    const page = tp.page;
    // The card is a screen or more below the tree; tapped, the branch's card comes up.
    await page.locator(`[data-node="${t.two}"]`).click();
    const cardTop = await page.locator('#node-card').evaluate(el => el.getBoundingClientRect().top);
    expect(cardTop).toBeGreaterThanOrEqual(-1);
    expect(cardTop).toBeLessThan(844 / 2);
    expect(await page.evaluate(() => document.activeElement?.matches('#node-card h2'))).toBe(true);
    await viewportShot(page, 'history-tree-card-390');
    tp.expectNoConsoleErrors();
  }, 120_000);

  it('ends the watch of a branch in play on its last resolved turn, with no news of the open turn', async () => {
    const tp = await treeAt(1280, 720);
    const page = tp.page;
    await page.locator(`[data-node="${t.one}"]`).click();
    await page.click('[data-action=watch-node]');
    await page.waitForSelector('#frame-date');
    await page.click('[data-action=last]');
    // Britain's orders of the 23 May turn are still to give: the watch stops the day before.
    expect(await page.locator('#frame-date').innerText()).toBe('Sunday 22 May 1927');
    // No line heard at the start of the open turn (it was listed, dated 23 May): nothing dated after the frame.
    const dated = await page.locator('.heard li .when').allInnerTexts();
    const day = (t: string) => Date.parse(`${t.replace(/[()]/g, '').replace(/^\s*\w+day /, '')} UTC`);
    expect(
      dated.filter(d => !Number.isFinite(day(d))),
      'dates the check can read',
    ).toEqual([]);
    expect(dated.filter(d => day(d) > day('Sunday 22 May 1927'))).toEqual([]);
    expect(await page.locator('#watch-body').innerText()).not.toContain('Monday 23 May 1927');
    expect(await untidy(page)).toEqual([]);
    await viewportShot(page, 'history-watch-branch-last-1280');
    tp.expectNoConsoleErrors();
  }, 120_000);

  it('on a phone, watching a branch in play keeps the head short: its name cut, the reason for its sight folded', async () => {
    const tp = await treeAt(390, 844);
    const page = tp.page;
    await page.locator(`[data-node="${t.one}"]`).click();
    await page.click('[data-action=watch-node]');
    await page.waitForSelector('#frame-date');
    const own = page.locator('#watch-own-sight');
    expect(await own.locator('summary').innerText()).toBe('Seen from London only while the game is in play');
    expect(await own.getAttribute('open')).toBeNull();
    // The head (which does not scroll) ended at 380 of 844 px.
    expect(await page.locator('#watch-body').evaluate(el => el.getBoundingClientRect().top)).toBeLessThanOrEqual(280);
    expect(await untidy(page)).toEqual([]);
    await viewportShot(page, 'history-watch-branch-390');
    // The whole of both is a tap away.
    await own.locator('summary').click();
    expect(await own.innerText()).toMatch(/The game is still being played, so the Soviet Union’s private moves stay hidden/);
    const name = page.locator('.watch-title .help');
    const cut = await name.evaluate(el => el.getBoundingClientRect().height);
    await name.click();
    expect(await name.evaluate(el => el.getBoundingClientRect().height)).toBeGreaterThan(cut);
    tp.expectNoConsoleErrors();
  }, 120_000);
});
