// A lesson in real Chromium pages: the teacher creates a class on the console, two students join a
// group from their own pages (one at a laptop's 1280x720, one on a phone's 390x844), and a third
// as a British minister; the teacher starts it; the minister reads his role card and votes against
// an order before the Cabinet, and the lead sees the vote in the tally; both leads play a turn on
// the full game screen, and a student whose page reloads takes the same seat back with the turn as it was.
// No JavaScript a student's page loads holds any role's secret aims (a student's own come in the seat view).
// On a phone (390x844) a student's screen is one screen high: the page does not scroll (the game
// scrolls in its own area), the role fold is a drawer at the bottom in the layout, the class bar,
// the game and the drawer do not overlap, and no text lies over other text, with the drawer closed
// or open. At a laptop's 1280x720 the fold heads the desk, beside the board: open on the first turn,
// it leaves the board's smallest text at 11 px or more. Screenshots of the console and of the students' screens (a minister's and the lead's at
// 390x844, 1280x720 and 1920x1080) are kept in test-artifacts/screenshots.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { makeHandIn } from '../../src/app/handIn';
import { createGame, replay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { throughReports } from './classPages';
import { useClassServer } from './classServer';
import { createClass, describeBrowser, screenshot, viewportShot } from './harness';
import { textOverlaps } from './overlap';
import { playInPage } from './play';

const LAPTOP = { width: 1280, height: 720 };

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1920, height: 1080 };

/**
 * What is wrong with a student's screen as laid out now: the page scrolling, the class bar, the game's
 * area and the role fold overlapping (the fold is inside the game's area on a wide screen, at the
 * head of the desk: there it must not lie over the board; on a phone it is a drawer below the game),
 * text over text.
 */
async function layoutFaults(page: Page, phone: boolean): Promise<string[]> {
  const out = await page.evaluate(phone => {
    const faults: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollHeight > innerHeight + 1) faults.push(`the page scrolls: ${doc.scrollHeight} px in a ${innerHeight} px window`);
    if (doc.scrollWidth > innerWidth + 1) faults.push(`the page scrolls sideways: ${doc.scrollWidth} px in a ${innerWidth} px window`);
    const parts = ['.classbar', '.class-game', '.cabinet-panel']
      .map(sel => ({ sel, el: document.querySelector<HTMLElement>(sel) }))
      .filter(p => p.el?.checkVisibility())
      .map(p => ({ sel: p.sel, r: p.el!.getBoundingClientRect() }));
    const crosses = (a: DOMRect, b: DOMRect) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1;
    const inside = (a: string, b: string) => document.querySelector(a)!.contains(document.querySelector(b)) || document.querySelector(b)!.contains(document.querySelector(a));
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) if (!inside(parts[i]!.sel, parts[j]!.sel) && crosses(parts[i]!.r, parts[j]!.r)) faults.push(`${parts[i]!.sel} overlaps ${parts[j]!.sel}`);
    const fold = document.querySelector<HTMLElement>('.cabinet-panel');
    const board = document.querySelector<HTMLElement>('.board-wrap');
    // (On a phone the game's area scrolls and clips the board above the drawer.)
    if (!phone && fold?.checkVisibility() && board && crosses(fold.getBoundingClientRect(), board.getBoundingClientRect())) faults.push('the role fold lies over the board');
    for (const p of parts) if (p.r.bottom > innerHeight + 1) faults.push(`${p.sel} runs below the window (${Math.round(p.r.bottom)} px)`);
    const game = parts.find(p => p.sel === '.class-game')?.r;
    const drawer = parts.find(p => p.sel === '.cabinet-panel')?.r;
    if (phone && game && drawer && drawer.top < game.bottom - 1) faults.push('the role drawer is not below the game');
    return faults;
  }, phone);
  return [...out, ...(await textOverlaps(page, '.class-student'))];
}
/** The board's smallest text as drawn, in CSS px (the game measures it: game.ts, placeCardKeys). */
/**
 * Puts away the turn's reports, which every seat is shown once its game screen has the news. On a
 * busy machine they can come late: wait for them a while rather than shoot them over the page.
 */
const putAwayReports = (page: Page): Promise<void> =>
  page
    .locator('.reports-dialog .continue')
    .click({ timeout: 20_000 })
    .catch(() => undefined);

const boardText = (page: Page): Promise<number> => page.evaluate(() => Number(document.querySelector<HTMLElement>('#board')?.dataset.minTextPx));

/** The secret aims of every role of 1927, by their first 40 characters (a minified bundle keeps string text as it is). */
const AIMS = loadScenarioFile('1927').roles!.map(r => r.secretAim.slice(0, 40));

describeBrowser('a classroom lesson', browser => {
  const server = useClassServer('class');

  /** The text of every script the class server's pages sent, to look for aims in. */
  const scripts: Promise<string>[] = [];
  const open = async (urlPath: string, viewport: { width: number; height: number }) => {
    const tp = await browser.open('/', { viewport, reducedMotion: 'reduce' });
    tp.page.on('response', (r: Response) => {
      if (r.url().startsWith(server.url) && /\.m?js(\?|$)/.test(r.url())) scripts.push(r.text().catch(() => ''));
    });
    await tp.page.goto(server.url + urlPath);
    return tp;
  };

  it('runs a lesson: create, join, start, play a turn, drop and come back', async () => {
    const teacher = await open('/?class', LAPTOP);
    const t = teacher.page;
    const codes = await createClass(t, { groups: 2, pace: 10 });
    expect(codes).toHaveLength(2);
    const code = codes[0]!;

    const ada = await open(`/?join=${code}`, LAPTOP);
    await ada.page.fill('#name', 'Ada');
    await ada.page.click('[data-action=join]');
    await ada.page.waitForSelector('.class-lobby');
    expect(await ada.page.locator('.class-lobby .lead').innerText()).toContain('Leads Britain');

    const boris = await open('/?join', PHONE);
    await boris.page.fill('#code', code.toLowerCase());
    await boris.page.fill('#name', 'Boris');
    await boris.page.click('[data-action=join]');
    await boris.page.waitForSelector('.class-lobby');
    expect(await boris.page.locator('.class-lobby .lead').innerText()).toContain('Leads Soviet Union');
    await screenshot(boris.page, 'class-student-lobby-phone');

    const cecil = await open(`/?join=${code}`, LAPTOP);
    await cecil.page.fill('#name', 'Cecil');
    await cecil.page.click('[data-action=join]');
    await cecil.page.waitForSelector('.class-lobby');
    expect(await cecil.page.locator('.class-lobby .lead').innerText()).toContain('Stanley Baldwin, Britain');

    const card = t.locator('.group-card', { has: t.locator(`[data-code="${code}"]`) });
    await card.locator('.gc-roster li').nth(1).waitFor();
    // The teacher gives Cecil another seat in the lobby, and his page says so; then gives his own back.
    const picker = card.locator('[data-action=reseat][data-student=Cecil]');
    await picker.waitFor();
    // The picker names the seat the student has in data-seat and offers only the others.
    const dealt = (await picker.getAttribute('data-seat'))!;
    expect(await picker.inputValue()).toBe('');
    const other = await picker.locator('option').evaluateAll((os, d) => os.map(o => (o as HTMLOptionElement).value).find(v => v !== d && v.startsWith('britain:') && v !== 'britain:lead')!, dealt);
    expect(await picker.locator(`option[value="${dealt}"]`).count()).toBe(0);
    await picker.selectOption(other);
    await cecil.page.waitForFunction(() => !/Stanley Baldwin/.test(document.querySelector('.class-lobby .lead')?.textContent ?? ''));
    await card.locator('[data-action=reseat][data-student=Cecil]').waitFor();
    expect(await card.locator('[data-action=reseat][data-student=Cecil]').getAttribute('data-seat')).toBe(other);
    await screenshot(t, 'class-console-lobby-1280x720');
    await card.locator('[data-action=reseat][data-student=Cecil]').selectOption(dealt);
    await cecil.page.waitForFunction(() => /Stanley Baldwin/.test(document.querySelector('.class-lobby .lead')?.textContent ?? ''));
    await card.locator('[data-action=start]').click();
    await ada.page.waitForSelector('.game .topbar');
    await boris.page.waitForSelector('.game .topbar');
    await t.waitForSelector(`.group-card:has([data-code="${code}"]) .gc-distance`);
    expect(await ada.page.locator('.classbar').innerText()).toMatch(/Ada · Leads Britain.*group/);
    expect(await ada.page.locator('.classbar .cb-clock').innerText()).toMatch(/Orders due in \d+:\d\d/);

    // The minister: his role card (brief and secret aims) and a vote on the order before the Cabinet.
    const c = cecil.page;
    await c.waitForSelector('.cabinet-panel[open] .cp-item');
    expect(await c.locator('.cp-summary').innerText()).toMatch(/Your role: Stanley Baldwin.*1 to vote on/s);
    expect(await c.locator('.role-aims').innerText()).toContain('Your secret aims');
    // A waiting minister reads the turn's opening reports at once (they come before his vote).
    await throughReports(c, 'none');
    await c.click('.cp-item [data-vote=against]');
    await c.waitForSelector('.cp-item [data-vote=against][aria-pressed=true]');
    expect(await c.locator('.cp-mine').innerText()).toBe('You vote Against');
    await putAwayReports(c);
    await viewportShot(c, 'class-minister-1280x720');
    expect(await layoutFaults(c, false)).toEqual([]);
    // The fold, open on the first turn, heads the desk beside the board, which keeps the room its text
    // needs (laid across the top of the screen, the fold left the board's smallest text at some 8 px).
    expect(await c.locator('.cabinet-panel').evaluate(el => (el as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => boardText(c), { timeout: 20_000, message: 'the board’s smallest text under the open fold, px' }).toBeGreaterThanOrEqual(11);
    await c.setViewportSize(WIDE);
    await viewportShot(c, 'class-minister-1920x1080');
    expect(await layoutFaults(c, false)).toEqual([]);
    // On the phone: the drawer open (as the vote left it), then closed to play.
    await c.setViewportSize(PHONE);
    await viewportShot(c, 'class-minister-390x844');
    expect(await layoutFaults(c, true)).toEqual([]);
    // Reports that came later still than that are put away before the drawer is closed under them.
    if (await c.locator('.reports-dialog[open] .continue').count()) await c.locator('.reports-dialog[open] .continue').click();
    await c.click('.cp-summary');
    await c.waitForSelector('.cabinet-panel:not([open])');
    await viewportShot(c, 'class-minister-closed-390x844');
    expect(await layoutFaults(c, true)).toEqual([]);
    // The lead sees it in the tally (in his fold, closed until he opens it).
    await ada.page.waitForFunction(() => /Against: Stanley Baldwin/.test(document.querySelector('.cp-tally')?.textContent ?? ''));
    expect(await ada.page.locator('.cp-summary').innerText()).toMatch(/1 ministers’ votes in|1 minister’s vote in/);

    // Back at his laptop the minister opens his fold again, to look: it folds by itself at the next turn.
    await c.setViewportSize(LAPTOP);
    await c.click('.cp-summary');
    await c.waitForSelector('.cabinet-panel[open]');

    // Both leads play their first turn on the full game screen.
    // (That they did is the next line: the game reaches turn 2.)
    await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
    await ada.page.waitForFunction(() => /turn 2 of/.test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), null, { timeout: 60_000 });
    await t.waitForFunction(c => /turn 2\//.test(document.querySelector(`.group-card:has([data-code="${c}"]) .gc-phase`)?.textContent ?? ''), code, { timeout: 60_000 });
    await screenshot(ada.page, 'class-student-1280x720');
    // The minister's second turn: the fold closed, his board drawn large enough to read at a laptop's
    // size, and his desk says once that his lead is deciding.
    await c.waitForSelector('.cabinet-panel:not([open])');
    await expect.poll(() => boardText(c), { timeout: 20_000, message: 'the board’s smallest text, px' }).toBeGreaterThanOrEqual(11);
    await c.waitForFunction(() => /lead is deciding/.test(document.querySelector<HTMLElement>('.panel')?.innerText ?? ''), null, { timeout: 60_000 });
    expect((await c.locator('.panel').innerText()).match(/lead is deciding/g)).toHaveLength(1);
    // The lead decides the turn's matters, not the minister (his desk once told him to).
    expect(await c.locator('.panel').innerText()).not.toMatch(/Decide the matters/);
    // Nor does the status line above still say the turn before's wait ("Waiting for the Soviet Union…").
    expect(await c.locator('.panel').innerText()).not.toMatch(/Waiting for/);
    await putAwayReports(c);
    await viewportShot(c, 'class-minister-turn2-1280x720');
    expect(await layoutFaults(c, false)).toEqual([]);
    // The leads' screens: Boris on his phone, Ada at a laptop and a large screen.
    await screenshot(boris.page, 'class-student-phone');
    await viewportShot(boris.page, 'class-lead-390x844');
    expect(await layoutFaults(boris.page, true)).toEqual([]);
    // His long desk scrolls in the game's own area; the page does not, and the drawer stays in view.
    const scrolled = await boris.page.evaluate(() => {
      const g = document.querySelector('.class-game')!;
      g.scrollTop = 600;
      return { game: g.scrollTop, page: document.scrollingElement!.scrollTop, drawer: document.querySelector('.cabinet-panel')!.getBoundingClientRect().bottom };
    });
    expect(scrolled.game).toBeGreaterThan(0);
    expect(scrolled.page).toBe(0);
    expect(scrolled.drawer).toBeLessThanOrEqual(PHONE.height);
    await viewportShot(boris.page, 'class-lead-scrolled-390x844');
    expect(await layoutFaults(boris.page, true)).toEqual([]);
    await viewportShot(ada.page, 'class-lead-1280x720');
    expect(await layoutFaults(ada.page, false)).toEqual([]);
    await ada.page.setViewportSize(WIDE);
    await viewportShot(ada.page, 'class-lead-1920x1080');
    expect(await layoutFaults(ada.page, false)).toEqual([]);
    await ada.page.setViewportSize(PHONE);
    await viewportShot(ada.page, 'class-lead-390x844-ada');
    expect(await layoutFaults(ada.page, true)).toEqual([]);
    await ada.page.setViewportSize(LAPTOP);
    await screenshot(t, 'class-console-1280x720');

    // Ada's page reloads (a dropped tab): she is back at her seat, on turn 2, without joining again.
    await ada.page.reload();
    await ada.page.waitForSelector('.game .topbar');
    expect(await ada.page.locator('.classbar').innerText()).toMatch(/Ada · Leads Britain/);
    expect(await ada.page.locator('.classbar .cb-phase').innerText()).toMatch(/turn 2 of/);
    await t.waitForFunction(c => document.querySelectorAll(`.group-card:has([data-code="${c}"]) .gc-roster .on`).length === 3, code);

    // The teacher locks a decision to history's choice: the card shows it, and the students are told.
    await t.waitForSelector('#lock-target optgroup option', { state: 'attached' });
    const target = await t.locator('#lock-target optgroup option').first().getAttribute('value');
    await t.selectOption('#lock-target', target!);
    await t.click('[data-action=lock-all]');
    await t.waitForSelector(`.group-card:has([data-code="${code}"]) .gc-locked`);
    await boris.page.waitForFunction(() => /locked a decision/.test(document.querySelector('.classbar .cb-said')?.textContent ?? ''));
    await screenshot(t, 'class-console-locked-1280x720');

    // The teacher speaks twice, then pauses: the pause notice does not replace the teacher's words
    // (it did a second after "Ten minutes left"), and on the phone the latest is whole, not cut to a
    // line with "…"; the earlier one is a tap away.
    const said = ['Ten minutes left: send your orders.', 'Soviet side: read Britain’s note again before you answer it, and look at what your cabinet will bear.'];
    for (const text of said) {
      await t.fill('#say-all', text);
      await t.click('[data-action=announce-all]');
      await boris.page.waitForFunction(x => document.querySelector('.classbar .cb-teacher')?.textContent?.includes(x), text);
    }
    await card.locator('[data-action=pause]').click();
    await boris.page.waitForFunction(() => /paused/i.test(document.querySelector('.classbar .cb-said')?.textContent ?? ''));
    const latest = boris.page.locator('.classbar .cb-teacher li:not([hidden])');
    expect(await latest.count()).toBe(1);
    expect(await latest.innerText()).toContain(`Teacher: ${said[1]}`);
    expect(await latest.evaluate(el => el.scrollWidth <= el.clientWidth && getComputedStyle(el).textOverflow !== 'ellipsis')).toBe(true);
    await boris.page.click('.classbar .cb-earlier');
    expect(await boris.page.locator('.classbar .cb-teacher li:not([hidden])').allInnerTexts()).toEqual([expect.stringContaining(said[0]!), expect.stringContaining(said[1]!)]);
    expect(await layoutFaults(boris.page, true)).toEqual([]);
    await viewportShot(boris.page, 'class-teacher-said-390x844');
    await boris.page.click('.classbar .cb-earlier');
    await viewportShot(ada.page, 'class-teacher-said-1280x720');
    await t.setViewportSize(PHONE);
    // The console's controls wrap within a phone's width: the page does not scroll sideways.
    expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(t, 'class-console-phone');
    await viewportShot(t, 'class-console-phone-viewport');

    // The teacher ends the game: the minister sees his role's score on its secret aims.
    await t.setViewportSize(LAPTOP);
    await card.locator('[data-action=end]').click();
    await c.waitForSelector('.cabinet-panel[open] .cp-score');
    expect(await c.locator('.cp-score h3').innerText()).toMatch(/Your role’s score: \d+ out of 100/);
    await c
      .locator('.end-dialog .btn, dialog[open] .continue')
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await viewportShot(c, 'class-minister-score-390x844');

    // A group's hand-in (a pass-and-play game saved to a file) loaded on the console: replayed and
    // scored by the server, its post-mortem pack downloads.
    const sc = loadScenarioFile('1927');
    const played = runGame(sc, createGame(sc, 'hand-in'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') }).moves.slice(0, 12);
    const upTo = replay(sc, 'hand-in', played);
    if (!upTo.ok) throw new Error(upTo.error);
    const file = makeHandIn(sc, 'hand-in', played, upTo.value, { britain: 'human', ussr: 'human' }, 'Group 3', [{ role: 'chamberlain', player: 'Amira' }]);
    const download = t.waitForEvent('download');
    await t.setInputFiles('#handin-file', { name: 'group-3.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const pack = await download;
    expect(pack.suggestedFilename()).toBe('group-3.debrief.html');
    expect(readFileSync((await pack.path())!, 'utf8')).toContain('Amira');
    expect(await t.locator('.handin-status').innerText()).toMatch(/replayed and scored/);
    for (const p of [teacher, ada, boris, cecil]) p.expectNoConsoleErrors();

    // What the pages loaded holds no role's secret aims; the build has them only in the roles chunks, which none of them loaded.
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(5);
    for (const text of loaded) for (const aim of AIMS) expect(text.includes(aim)).toBe(false);
    const withAims = readdirSync(path.join(server.dist, 'assets')).filter(f => f.endsWith('.js') && AIMS.some(a => readFileSync(path.join(server.dist, 'assets', f), 'utf8').includes(a)));
    expect(withAims).toHaveLength(1); // 1927's roles
    expect(loaded.some(t => t.length > 1000 && withAims.some(f => t === readFileSync(path.join(server.dist, 'assets', f), 'utf8')))).toBe(false);
  }, 300_000); // three pages, two of them drawing the board in software, on a busy machine
});
