// Saves of an earlier scenario version in the browser (issue 10), with the fixtures of
// tests/app/oldVersionSaves.test.ts. Loaded from a file or resumed from the browser's storage, one
// whose moves still replay under version 10 opens a notice naming both versions before the game goes
// on; the stored game it came from stays as it was, beside the one played on. One whose moves no
// longer replay is refused on the title screen naming both versions and the move, and nothing stored
// changes. Photographed at 1280x720 as old-save-*.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { nextScreen } from './play';

const VIEW = { width: 1280, height: 720 };
const text = (name: string) => readFileSync(`tests/fixtures/saves/${name}.json`, 'utf8');
const STILL = 'v3-1929-historical';
const BROKEN = 'v2-1927-persona-random';

/** Puts a save in the browser's storage as the title screen's latest game. */
async function store(page: Page, id: string, body: string): Promise<void> {
  await page.evaluate(
    ({ id, body }) => {
      localStorage.setItem(`asd.game.${id}`, body);
      const d = JSON.parse(body);
      const meta = { id, scenario: d.scenario, title: `The ${d.scenario} save`, sides: d.app.sides, seed: d.seed, date: 'an earlier version', turn: 0, updated: 1, ended: false };
      localStorage.setItem('asd.games', JSON.stringify([meta]));
    },
    { id, body },
  );
}

const slot = (page: Page, id: string) => page.evaluate(id => localStorage.getItem(`asd.game.${id}`), id);

describeBrowser('saves of an earlier scenario version', browser => {
  it('a save file whose moves still replay opens with a notice naming both versions, then plays on', async () => {
    const tp = await browser.open('/', { viewport: VIEW, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    await page.setInputFiles('#load-file', { name: `${STILL}.json`, mimeType: 'application/json', buffer: Buffer.from(text(STILL)) });
    const dialog = page.locator('dialog.load-notice');
    await dialog.waitFor({ timeout: 60_000 });
    await screenshot(page, 'old-save-notice-file');
    const said = await dialog.innerText();
    expect(said).toContain('This save was made with the 1929 scenario version 3; this game has version 10');
    expect(said).toContain('All 40 of its moves still play under the new rules');
    expect(said).toContain(`${STILL}.json itself is unchanged`);
    // The notice has the focus and its button takes the person on to the game.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Play on');
    await page.keyboard.press('Enter');
    expect(['reports', 'decision', 'desk']).toContain(await nextScreen(page));
    expect(await page.locator('.topbar .date').innerText()).toMatch(/1929/);
    tp.expectNoConsoleErrors();
  });

  it('a save file whose moves no longer replay is refused, naming both versions and the move', async () => {
    const tp = await browser.open('/', { viewport: VIEW, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    await page.setInputFiles('#load-file', { name: `${BROKEN}.json`, mimeType: 'application/json', buffer: Buffer.from(text(BROKEN)) });
    const alert = page.locator('.title-screen .notice.error');
    await alert.waitFor({ timeout: 60_000 });
    await screenshot(page, 'old-save-refused-file');
    const said = await alert.innerText();
    expect(said).toContain(`${BROKEN}.json was not loaded: this save was made with the 1927 scenario version 2; this game has version 9`);
    expect(said).toContain('move 3 (decision by Britain) is illegal: "A Comintern appeal against Britain" is not awaiting a decision by Britain');
    expect(said).toContain('(the move of turn 2, Monday 9 May 1927)');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    tp.expectNoConsoleErrors();
  });

  it('a stored game of an earlier version resumes with the notice; the stored one is kept as it was, beside the new', async () => {
    const tp = await browser.open('/', { viewport: VIEW, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    const body = text(STILL);
    await store(page, 'old-1929', body);
    await page.reload();
    await page.click('[data-action=continue]');
    const dialog = page.locator('dialog.load-notice');
    await dialog.waitFor({ timeout: 60_000 });
    await screenshot(page, 'old-save-notice-resume');
    expect(await dialog.innerText()).toContain('The stored game is kept as it was; this one is stored beside it.');
    await page.click('dialog.load-notice .continue');
    await nextScreen(page);
    // Stored at once, in a slot of its own, as version 10; the version-3 save is untouched.
    expect(await slot(page, 'old-1929')).toBe(body);
    const games = await page.evaluate(() => JSON.parse(localStorage.getItem('asd.games') ?? '[]') as { id: string }[]);
    expect(games.map(g => g.id)).toContain('old-1929');
    const fresh = games.find(g => g.id !== 'old-1929');
    expect(fresh).toBeDefined();
    expect(JSON.parse((await slot(page, fresh!.id))!).scenarioVersion).toBe(10);
    tp.expectNoConsoleErrors();
  });

  it('a stored game of an earlier version whose moves no longer replay is refused and kept', async () => {
    const tp = await browser.open('/', { viewport: VIEW, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    const body = text(BROKEN);
    await store(page, 'old-1927', body);
    await page.reload();
    await page.click('[data-action=continue]');
    const alert = page.locator('.title-screen .notice.error');
    await alert.waitFor({ timeout: 60_000 });
    await screenshot(page, 'old-save-refused-resume');
    expect(await alert.innerText()).toContain('That game cannot be resumed: this save was made with the 1927 scenario version 2; this game has version 9');
    expect(await slot(page, 'old-1927')).toBe(body);
    expect(await page.locator('[data-action=continue]').count()).toBe(1);
    tp.expectNoConsoleErrors();
  });
});
