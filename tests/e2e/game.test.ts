// Whole games through the screen in Chromium: as Britain and as the Soviet Union against the
// computer, two people handing over one screen, saving and reloading, files good and bad, and a
// game played by keys alone. Screenshots of every screen go to test-artifacts/screenshots.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';
import { clickTopButton, newGame, nextScreen, playByMouse, topDate } from './play';

/**
 * Holds the computer player's answers (the messages of its Web Worker) until the test calls
 * `__ai.release()`, so the test can act while the computer is thinking, however fast or slow the
 * machine. A computer that thought on the page's own thread instead would never be caught
 * thinking here. How long the page's tasks take meanwhile is measured by `npm run bench:web`.
 */
const holdComputerAnswers = (page: Page) =>
  page.addInitScript(() => {
    const ai = {
      hold: true,
      held: [] as (() => void)[],
      release() {
        ai.hold = false;
        for (const f of ai.held.splice(0)) f();
      },
    };
    Object.assign(window, { __ai: ai });
    const Real = window.Worker;
    const onmessage = Object.getOwnPropertyDescriptor(Real.prototype, 'onmessage')!;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        Object.defineProperty(this, 'onmessage', {
          get: () => onmessage.get!.call(this),
          set: (fn: ((e: MessageEvent) => void) | null) =>
            onmessage.set!.call(
              this,
              fn &&
                ((e: MessageEvent) => {
                  if (ai.hold) ai.held.push(() => fn.call(this, e));
                  else fn.call(this, e);
                }),
            ),
        });
      }
    };
  });

describeBrowser('playing through the screen', browser => {
  it('plays a whole 1927 game as Britain against the computer, and scores it against history', async () => {
    const tp = await browser.open('/');
    await newGame(tp.page, { side: 'britain', opponent: 'persona', seed: '1927' });
    const log = await playByMouse(tp.page, '1927-britain');
    expect(log.turns).toBeGreaterThan(30);
    expect(log.decisions).toBeGreaterThan(3);
    expect(log.orders).toBeGreaterThan(5);
    const end = tp.page.locator('.end-dialog');
    await expect.poll(() => end.locator('table.objectives').count()).toBe(2);
    const verdicts = await end.locator('.objectives td:last-child').allInnerTexts();
    expect(verdicts.every(v => /better than history|as history|worse than history/.test(v))).toBe(true);
    expect(await end.innerText()).toMatch(/Your path beside history/);
    // After the end the board stays readable: the war danger's ledger lists the year's changes.
    await tp.page.keyboard.press('Escape');
    await end.waitFor({ state: 'detached' });
    await tp.page.locator('.topbar button.stat', { hasText: 'War danger' }).click();
    const rows = tp.page.locator('dialog.why .ledger tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    await tp.page.keyboard.press('Escape');
    await clickTopButton(tp.page, '[data-action=exit]');
    await tp.page.waitForSelector('[data-action=continue]');
    tp.expectNoConsoleErrors();
  });

  it('plays a whole 1927 game as the Soviet Union; the page stays usable while the computer thinks', async () => {
    const tp = await browser.open('/');
    const page = tp.page;
    await holdComputerAnswers(page);
    await page.reload();
    await newGame(page, { side: 'ussr', opponent: 'persona', seed: '31' });
    // The person gives the first turn's orders; only then does the computer give its own (no save
    // may hold them early), in a Web Worker. Its answer is held until the checks below are done.
    for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
    }
    await page.click('[data-action=send]');
    await page.locator('.game[aria-busy=true]').waitFor();
    expect(
      page
        .workers()
        .map(w => w.url())
        .some(u => /ai\.worker/.test(u)),
    ).toBe(true);
    expect(await page.locator('.status').innerText()).toMatch(/considering its moves/);
    // The panel does not say it again under the status line, nor to decide matters that are not there.
    expect(await page.locator('.panel .empty').innerText()).toBe('');
    // Meanwhile the page answers the person: the figures dialog opens and closes, the tabs switch.
    await page.keyboard.press('w');
    await page.locator('dialog.figures').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.figures').waitFor({ state: 'detached' });
    await page.click('#tab-notes');
    expect(await page.locator('#tab-notes').getAttribute('aria-selected')).toBe('true');
    await page.click('#tab-orders');
    // Let the answer through: the computer's move arrives and the game goes on.
    await page.evaluate(() => (window as unknown as { __ai: { release(): void } }).__ai.release());
    await page.locator('.game:not([aria-busy])').waitFor();
    const log = await playByMouse(page, '1927-ussr');
    expect(log.turns).toBeGreaterThan(30);
    expect(await page.locator('.topbar .lead').innerText()).toMatch(/Litvinov/i);
    // Every time the computer was asked, its answer came.
    const marks = await page.evaluate(() => ['ai-think-start', 'ai-think-end'].map(n => performance.getEntriesByName(n).length));
    expect(marks[0]).toBeGreaterThan(30);
    expect(marks[1]).toBe(marks[0]);
    tp.expectNoConsoleErrors();
  });

  it('two people share the screen: a hand-over hides each side’s desk from the other', async () => {
    const tp = await browser.open('/');
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'hotseat', seed: '5' });
    // Britain plays its first turn.
    let s = await nextScreen(page);
    while (s !== 'desk') {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
      s = await nextScreen(page);
    }
    expect(await page.locator('.topbar .lead').innerText()).toMatch(/Chamberlain/i);
    await page.click('[data-action=send]');
    expect(await nextScreen(page)).toBe('handover');
    // Nothing of the game shows behind the hand-over screen, and none of it can be reached.
    expect(await page.locator('.game').evaluate(el => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.locator('.game').getAttribute('inert')).not.toBeNull();
    await screenshot(page, 'handover');
    await page.click('[data-action=take-desk]');
    await expect.poll(() => page.locator('.topbar .lead').innerText()).toMatch(/Litvinov/i);
    // Play on: hand-overs come each turn, both ways.
    const log = await playByMouse(page, 'hotseat', 6);
    expect(log.handovers).toBeGreaterThanOrEqual(5);
    tp.expectNoConsoleErrors();
  });

  it('a reload resumes the game where it was; a bad or foreign file is refused and changes nothing', async () => {
    const tp = await browser.open('/');
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '77' });
    await playByMouse(page, 'reload', 5);
    const date = await topDate(page);
    const capital = await page.locator('.topbar .stat').nth(2).innerText();
    await page.reload();
    await page.click('[data-action=continue]');
    // The reload shows the turn's reports again; back to the desk.
    for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
    }
    expect(await topDate(page)).toBe(date);
    expect(await page.locator('.topbar .stat').nth(2).innerText()).toBe(capital);

    // Save to a file.
    const [download] = await Promise.all([page.waitForEvent('download'), clickTopButton(page, '[data-action=save-file]')]);
    const text = await (await download.createReadStream()).toArray().then(chunks => Buffer.concat(chunks).toString('utf8'));
    const save = JSON.parse(text) as { moves: unknown[]; hash: string; scenario: string };
    expect(save.scenario).toBe('1927');
    // The save is confirmed where it can be seen: what was saved and where it went.
    expect(await page.locator('p.status').innerText()).toMatch(new RegExp(`^Game saved, turn \\d+: ${download.suggestedFilename().replace(/\./g, '\\.')} is in your browser's downloads`));
    const before = await page.evaluate(() => (window as unknown as { __asd: { listGames(): unknown[] } }).__asd.listGames());

    // A file that is not JSON, an altered save and a save for another scenario are each refused.
    const bad: [string, string, RegExp][] = [
      ['junk.json', 'this is not a save', /not JSON/],
      ['altered.json', JSON.stringify({ ...save, moves: save.moves.slice(0, -2) }), /altered|does not replay/],
      // 1927's moves as a save of 1932's own version: refused because they do not replay there.
      ['foreign.json', JSON.stringify({ ...save, scenario: '1932', scenarioVersion: loadScenarioFile('1932').version }), /does not replay|no longer replays|altered/],
      ['other-game.json', JSON.stringify({ format: 'some-other-game', data: 1 }), /not a save file/],
    ];
    for (const [name, body, reason] of bad) {
      await page.setInputFiles('[data-action=load-input]', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
      const dlg = page.locator('.error-dialog');
      await dlg.waitFor();
      expect(await dlg.innerText()).toMatch(reason);
      expect(await dlg.innerText()).toMatch(/current game is unchanged/);
      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'detached' });
    }
    expect(await topDate(page)).toBe(date);
    expect(await page.evaluate(() => (window as unknown as { __asd: { listGames(): unknown[] } }).__asd.listGames())).toEqual(before);

    // The good file loads into the same position.
    await page.setInputFiles('[data-action=load-input]', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('.reports-dialog, [data-action=send]').first().waitFor();
    expect(await topDate(page)).toBe(date);
    tp.expectNoConsoleErrors();
  });

  it('plays by keyboard alone: menus, decisions, the why ledger, orders', async () => {
    const tp = await browser.open('/', { reducedMotion: 'reduce' });
    const page = tp.page;
    const kb = page.keyboard;
    // Title: the first button has focus.
    await page.waitForSelector('[data-action=new]');
    await page.focus('[data-action=new]');
    await kb.press('Enter');
    await page.waitForSelector('[data-action=start]');
    for (let k = 0; k < 40; k++) {
      if (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action === 'start')) break;
      await kb.press('Tab');
    }
    await kb.press('Enter');
    let desks = 0,
      decisions = 0,
      whys = 0;
    for (let guard = 0; guard < 200 && desks < 8; guard++) {
      const s = await nextScreen(page);
      if (s === 'reports') await kb.press('Enter');
      else if (s === 'decision') {
        await kb.press('1');
        decisions++;
      } else if (s === 'desk') {
        if (!whys) {
          await kb.press('w');
          await page.waitForSelector('.figures');
          await kb.press('Tab');
          await kb.press('Enter');
          await page.waitForSelector('.why .ledger, .why p');
          await screenshot(page, 'why-ledger');
          await kb.press('Escape');
          whys++;
        }
        // Tick an order with the keyboard: Tab to the first checkbox, Space.
        await kb.press('o');
        for (let k = 0; k < 12; k++) {
          await kb.press('Tab');
          if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox')) {
            await kb.press('Space');
            break;
          }
        }
        await kb.press('Control+Enter');
        await page.waitForSelector('[data-action=send]', { state: 'detached', timeout: 30_000 }).catch(() => undefined);
        desks++;
      }
    }
    expect(desks).toBe(8);
    expect(decisions).toBeGreaterThan(0);
    expect(whys).toBe(1);
    tp.expectNoConsoleErrors();
  });
});
