// History mode in the browser: watching 1927 as it happened (step, play, pause, jump to a date),
// from London, Moscow or both; the knowledge-gap view; and a branch taken at a decision, played on
// in the game screen against the computer. Photographed at 1280 x 720 and 1920 x 1080.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { openTree, untidy, watch } from './history';
import { newGame, nextScreen, playInPage } from './play';

const date = (page: Page) => page.locator('#frame-date').innerText();

describeBrowser('history: watch', browser => {
  it('plays 1927 turn by turn, from either side or both, by keys and buttons', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    expect(await date(page)).toBe('Monday 2 May 1927');
    // Both sides at first, each with its heard news, its moves and its figures.
    expect(await page.locator('.side-col').count()).toBe(2);
    expect(await page.locator('.side-col.side-britain .heard li').first().innerText()).toMatch(/February note/);
    expect(await page.locator('.side-col.side-britain .sources').first().innerText()).toMatch(/^Sources: the thesis, lines? \d+/);
    // Keys: the arrow steps on, Home goes back to the start; the buttons do the same.
    await page.keyboard.press('ArrowRight');
    expect(await date(page)).toBe('Monday 9 May 1927');
    await page.click('[data-action=forward]');
    expect(await date(page)).toBe('Wednesday 11 May 1927');
    // London heard of the tip about Arcos and approved the search; Moscow heard of neither.
    expect(await page.locator('.side-col.side-britain').innerText()).toMatch(/A tip about Arcos[\s\S]*Approve the search/);
    expect(await page.locator('.side-col.side-ussr').innerText()).not.toMatch(/tip about Arcos|Approve the search/i);
    await page.click('[data-action=back]');
    expect(await date(page)).toBe('Monday 9 May 1927');
    await page.keyboard.press('Home');
    expect(await date(page)).toBe('Monday 2 May 1927');
    // Jump to a date: the rupture.
    await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
    expect(await date(page)).toBe('Monday 23 May 1927');
    const london = await page.locator('.side-col.side-britain').innerText();
    expect(london).toMatch(/Cabinet, 23 May/);
    expect(london).toMatch(/Break, and publish/);
    // Moscow reads nothing of the Cabinet's secret deliberation, nor yet of the break it decided.
    const moscow = await page.locator('.side-col.side-ussr').innerText();
    expect(moscow).not.toMatch(/relations broken off|Break, and publish|Cabinet, 23 May/);
    // A decision and what followed from it name their cause and sources once, not on every line.
    expect((await london.match(/Sources: /g))?.length ?? 0).toBeLessThan(await page.locator('.side-col.side-britain .heard li').count());
    // The next day the break is announced: Moscow learns of it then, still without the Cabinet's choice.
    await page.selectOption('#watch-date', { label: 'Tuesday 24 May 1927' });
    const announced = await page.locator('.side-col.side-ussr').innerText();
    expect(announced).toMatch(/relations broken off/);
    expect(announced).not.toMatch(/Break, and publish|Cabinet, 23 May/);
    await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
    // A turn without orders is one short line, not a stretched box.
    const none = page.locator('.side-col.side-ussr .move', { hasText: 'No orders this turn' });
    expect((await none.boundingBox())!.height).toBeLessThan(80);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-watch-both');
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-watch-both-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    // Moscow's point of view alone: London's column and its secrets are gone from the page.
    await page.click('[data-pov=ussr]');
    expect(await page.locator('.side-col').count()).toBe(1);
    expect(await page.locator('#watch-body').innerText()).not.toMatch(/Break, and publish|intercept/i);
    expect(await page.getAttribute('[data-pov=ussr]', 'aria-pressed')).toBe('true');
    await screenshot(page, 'history-watch-moscow');
    await page.click('[data-pov=britain]');
    expect(await page.locator('.side-col.side-britain').count()).toBe(1);
    // Play moves on by itself until paused; the focus stays on the button, visible.
    await page.click('[data-action=play]');
    await page.waitForFunction(() => document.querySelector('#frame-date')?.textContent !== 'Monday 23 May 1927', null, { timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('play');
    await page.keyboard.press('Enter');
    const paused = await date(page);
    await page.waitForTimeout(2500);
    expect(await date(page)).toBe(paused);
    expect(await page.locator('[data-action=play]').innerText()).toMatch(/play/i);
    tp.expectNoConsoleErrors();
  });

  it('switches to the knowledge gap by K only while the single-key shortcuts are on', async () => {
    const tp = await browser.open('/', { viewport: { width: 1366, height: 768 } });
    const page = tp.page;
    const mode = () => page.locator('[data-mode][aria-pressed=true]').getAttribute('data-mode');
    await watch(page);
    await page.locator('#watch-body').focus();
    await page.keyboard.press('k');
    expect(await mode()).toBe('gap');
    await page.keyboard.press('k');
    expect(await mode()).toBe('timeline');
    // Turned off in Sound and display (from the title), K is only a letter again; the arrows still step.
    await page.click('[data-action=exit]');
    await page.click('button:has-text("Sound and display")');
    await page.uncheck('#letter-keys');
    await page.keyboard.press('Escape');
    await watch(page);
    await page.locator('#watch-body').focus();
    await page.keyboard.press('k');
    expect(await mode()).toBe('timeline');
    await page.keyboard.press('ArrowRight');
    expect(await date(page)).toBe('Monday 9 May 1927');
  });

  it('shows the knowledge gap: what London knew and Moscow did not, and the other way', async () => {
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await watch(page);
    await page.click('[data-mode=gap]');
    await page.selectOption('#watch-date', { label: 'Saturday 30 July 1927' });
    await page.waitForSelector('.gap-table');
    const rows = page.locator('.gap-row');
    // The tip about Arcos is London's alone; the Joint Plenum's line Moscow's alone.
    const tip = rows.filter({ hasText: 'A tip about Arcos' }).first();
    expect(await tip.locator('.mark').innerText()).toMatch(/Moscow never heard of this/);
    expect(await tip.locator('td').nth(2).innerText()).toMatch(/not known here/);
    const plenum = rows.filter({ hasText: 'The Joint Plenum' }).first();
    expect(await plenum.locator('.mark').innerText()).toMatch(/London never heard of this/);
    // London's sight of the Politburo is lost when the intercepts are published.
    expect(await page.locator('.sight').innerText()).toMatch(/24 May 1927: London can no longer read the other cabinet/);
    // Nothing dated after the frame shown.
    expect(await page.locator('.gap-table').innerText()).not.toMatch(/August 1927/);
    // All lines, the shared ones too.
    const before = await rows.count();
    await page.uncheck('#gap-only');
    expect(await rows.count()).toBeGreaterThan(before);
    // The rupture is one of them: announced on 24 May, both learn it the same day.
    const rupture = rows.filter({ hasText: 'relations broken off' }).first();
    expect(await rupture.innerText()).toMatch(/24 May 1927/);
    expect(await rupture.locator('.mark').innerText()).toBe('=');
    await page.check('#gap-only');
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-gap-1920');
    // On a phone each event is a card, its London and Moscow lines one above the other and named: in
    // four fixed columns London's had no width (a word a line, under the gap's text) and Moscow's was
    // cut at the window's edge.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await tip.locator('td').nth(2).innerText()).toMatch(/^Moscow\s*not known here/i);
    expect(await tip.locator('td').nth(0).innerText()).toMatch(/^London\s*\S/i);
    const cramped = await rows.evaluateAll(all =>
      all.flatMap(r =>
        [...r.querySelectorAll('th, td')].flatMap(c => {
          const b = c.getBoundingClientRect();
          return b.width < 300 || b.right > innerWidth ? [`“${c.textContent?.slice(0, 30)}” ${Math.round(b.width)} px wide, to ${Math.round(b.right)}`] : [];
        }),
      ),
    );
    expect(cramped).toEqual([]);
    for (const row of [tip, plenum]) {
      await row.evaluate(e => e.scrollIntoView({ block: 'center' }));
      expect(await untidy(page)).toEqual([]);
    }
    await viewportShot(page, 'history-gap-390');
    // The head (title, switches, playback) leaves the body most of a phone's screen: it took 323 of
    // 844 px. Its buttons and menus stay a finger's 44 px, and each can be reached (its row scrolls sideways).
    expect(await page.locator('#watch-body').evaluate(b => Math.round(b.getBoundingClientRect().top))).toBeLessThanOrEqual(260);
    const small = await page
      .locator('.watch-bar .btn, .watch-controls .btn, .watch-controls select')
      .evaluateAll(all => all.filter(b => b.getBoundingClientRect().height < 44).map(b => `${b.textContent?.slice(0, 20)}: ${b.getBoundingClientRect().height} px`));
    expect(small).toEqual([]);
    // The switches' row runs past the window's edge (the tree's and the title's buttons last): the edge
    // is shaded while more lies beyond, and not once the row is scrolled to its end.
    const row = page.locator('.watch-switches');
    expect(await page.locator('.watch-bar [data-action=exit]').evaluate(b => b.getBoundingClientRect().left >= innerWidth)).toBe(true);
    expect(await row.getAttribute('data-more-right')).toBe('');
    await row.evaluate(r => r.scrollTo({ left: r.scrollWidth }));
    await page.waitForFunction(() => !document.querySelector('.watch-switches')?.hasAttribute('data-more-right'));
    expect(await row.getAttribute('data-more-left')).toBe('');
    expect(await page.locator('.watch-bar [data-action=exit]').evaluate(b => b.getBoundingClientRect().right <= innerWidth)).toBe(true);
    tp.expectNoConsoleErrors();
  });

  it('branches at the rupture vote and plays on against the computer', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
    const move = page.locator('.side-col.side-britain .move', { hasText: 'Cabinet, 23 May' });
    await move.locator('[data-action=branch]').click();
    await page.waitForSelector('.branch-dialog');
    await screenshot(page, 'history-branch-dialog');
    await page.click('[data-action=start-branch]');
    // The game screen, at the same date: the day's report, then the same decision with every option the sources record.
    await page.waitForSelector('.reports-dialog .continue, .decision-dialog .option-btn', { timeout: 60_000 });
    while (await page.locator('.reports-dialog .continue').isVisible()) {
      await page.click('.reports-dialog .continue');
      await page.waitForSelector('.reports-dialog .continue, .decision-dialog .option-btn', { timeout: 60_000 });
    }
    expect(await page.locator('.decision-dialog h2').innerText()).toMatch(/Cabinet, 23 May/);
    expect(await page.locator('.date').innerText()).toBe('Monday 23 May 1927');
    const options = await page.locator('.option-btn').allInnerTexts();
    expect(options.length).toBeGreaterThan(1);
    const other = options.findIndex(t => !/Break, and publish/.test(t));
    await screenshot(page, 'history-branch-decision');
    await page.locator('.option-btn').nth(other).click();
    // The game goes on from the branch: the decision is taken and the desk (or the next report) comes.
    await page.waitForSelector('[data-action=send], .reports-dialog .continue, .option-btn, .headline-dialog', { timeout: 60_000 });
    expect(await page.locator('.date').innerText()).toMatch(/1927/);
    tp.expectNoConsoleErrors();
  });

  it('watches a game someone played, and branches from one of its moves', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await newGame(page, { side: 'ussr', opponent: 'persona', seed: '4242' });
    await playInPage(page, { maxDesks: 3 });
    await page.click('[data-action=exit]');
    await page.click('[data-action=replay-latest]');
    await page.waitForSelector('#frame-date');
    expect(await page.locator('.watch-title h1').innerText()).toMatch(/^A game replayed/);
    expect(await page.locator('.watch-title .help').innerText()).toMatch(/Game number 4242/);
    // The person's own orders are there, in Moscow's column, with a branch button.
    await page.click('[data-pov=ussr]');
    const moves = page.locator('.side-col.side-ussr .move [data-action=branch]');
    expect(await moves.count()).toBeGreaterThan(0);
    await screenshot(page, 'history-watch-played-game');
    await moves.first().click();
    await page.check('input[name=branch-opponent][value=historical]');
    await page.click('[data-action=start-branch]');
    await page.waitForSelector('.reports-dialog .continue, .decision-dialog .option-btn, [data-action=send]', { timeout: 60_000 });
    expect(await page.locator('.who .lead').innerText()).toMatch(/litvinov/i);
    // Give other orders this time (none), then leave: the game and its branch are on the tree.
    for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
      else throw new Error(`unexpected screen ${s}`);
    }
    await page.evaluate(() => document.querySelectorAll<HTMLInputElement>('.orders-list input[type=checkbox]:checked').forEach(b => b.click()));
    await page.click('[data-action=send]');
    await page.waitForSelector('[data-action=send], .reports-dialog .continue, .option-btn', { timeout: 60_000 });
    await page.click('[data-action=exit]');
    await openTree(page);
    const titles = await page.locator('.tree-node .node-title').allInnerTexts();
    expect(titles).toContainEqual(expect.stringMatching(/^Own game: Game number 4242/));
    expect(titles.length).toBe(3);
    await page.locator('.tree-node').nth(2).click();
    expect(await page.locator('#node-card').innerText()).toMatch(/Soviet Union: a person/);
    expect(await page.locator('.tree-node').nth(2).innerText()).toMatch(/“Game number 4242”/);
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-played-game-tree-1280');
    tp.expectNoConsoleErrors();
  });

  it('branches from history against a second person at this screen, each side handed the screen in turn', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    await page.selectOption('#watch-date', { label: 'Monday 23 May 1927' });
    await page.locator('.side-col.side-britain .move', { hasText: 'Cabinet, 23 May' }).locator('[data-action=branch]').click();
    await page.check('input[name=branch-opponent][value=hotseat]');
    await page.click('[data-action=start-branch]');
    // Each person answers what comes; the screen is handed over between them, each curtain naming
    // the side and its lead, and the desk behind it being that lead's.
    const handed: string[] = [];
    for (let k = 0; k < 20 && new Set(handed).size < 2; k++) {
      const s = await nextScreen(page);
      if (s === 'handover') {
        const curtain = (await page.locator('.handover').textContent()) ?? '';
        const m = /Pass the screen to (Britain|the Soviet Union)[\s\S]*?(?:Sir Austen |Maxim )?(Chamberlain|Litvinov), /.exec(curtain);
        expect(m, curtain).not.toBeNull();
        // The branch opens with the screen in nobody's hands: the first curtain claims no sealed orders; later ones name the side that sealed them.
        if (handed.length === 0) expect(curtain).not.toMatch(/sealed/);
        else expect(curtain).toContain(`${m![1] === 'Britain' ? 'The Soviet Union' : 'Britain'}’s orders are sealed.`);
        expect(m![2]).toBe(m![1] === 'Britain' ? 'Chamberlain' : 'Litvinov');
        handed.push(m![1]!);
        if (m![1] === 'the Soviet Union') {
          expect(await untidy(page, '.handover')).toEqual([]);
          await screenshot(page, 'history-branch-second-person-1280');
        }
        await page.click('[data-action=take-desk]');
        await page.waitForSelector('.reports-dialog .continue, .decision-dialog .option-btn, [data-action=send]', { timeout: 60_000 });
        expect((await page.locator('.who .lead').innerText()).toLowerCase()).toContain(m![2]!.toLowerCase());
      } else if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').last().click();
      else if (s === 'desk') await page.click('[data-action=send]');
      else throw new Error(`unexpected screen ${s}`);
    }
    expect(new Set(handed)).toEqual(new Set(['Britain', 'the Soviet Union']));
    tp.expectNoConsoleErrors();
  });
});
