import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useClassServer } from './classServer';
import { createClass, describeBrowser } from './harness';
import { newGame, playInPage } from './play';

const SMALL = { width: 1024, height: 700 };

/** Answers reports and decisions (in the page, so a busy page cannot stall a click) until the orders desk is open. */
async function toDesk(page: Page): Promise<void> {
  expect((await playInPage(page, { maxDesks: 0 })).screen).toBe('desk');
}

/** Ticks the first order the desk can afford; returns its box's id. */
async function tickFirst(page: Page): Promise<string> {
  const box = page.locator('.orders input[type=checkbox]:not(:disabled)').first();
  const id = (await box.getAttribute('id'))!;
  expect(id).toBeTruthy();
  await box.check();
  return id;
}

const phase = (page: Page) => page.locator('.topbar .phase').innerText();

describeBrowser('the classroom’s flow on students’ pages', browser => {
  const server = useClassServer('classflow');

  const open = (urlPath: string) => server.open(browser, urlPath, SMALL);

  it('joins with a spaced code, keeps ticked orders over a reload, and brings a reader to the new turn', async () => {
    const teacher = await open('/?class');
    const [code] = await createClass(teacher.page, { groups: 1, pace: 0 });

    // A wrong code is told in a sentence; the right one typed in lower case with a space joins.
    const ada = await open('/?join');
    await ada.page.fill('#code', 'ZZZZZ');
    await ada.page.fill('#name', 'Ada');
    await ada.page.click('[data-action=join]');
    await ada.page.waitForFunction(() => /There is no group ZZZZZ/.test(document.querySelector('.class-error')?.textContent ?? ''));
    const spaced = `${code!.slice(0, 3).toLowerCase()} ${code!.slice(3).toLowerCase()}`;
    await ada.page.fill('#code', spaced);
    await ada.page.click('[data-action=join]');
    await ada.page.waitForSelector('.class-lobby');

    const boris = await open(`/?join=${code}`);
    await boris.page.fill('#name', 'Boris');
    await boris.page.click('[data-action=join]');
    await boris.page.waitForSelector('.class-lobby');
    const cecil = await open(`/?join=${code}`);
    await cecil.page.fill('#name', 'Cecil');
    await cecil.page.click('[data-action=join]');
    await cecil.page.waitForSelector('.class-lobby');
    // A name taken is told in a sentence too.
    const dup = await open(`/?join=${code}`);
    await dup.page.fill('#name', 'ada');
    await dup.page.click('[data-action=join]');
    await dup.page.waitForFunction(() => /^Ada is in this group and connected now/.test(document.querySelector('.class-error')?.textContent ?? ''));
    await dup.close();

    await teacher.page.locator('[data-action=start]').first().click();

    // Ada ticks an order and her page reloads: the order is still ticked.
    await toDesk(ada.page);
    const ticked = await tickFirst(ada.page);
    await ada.page.reload();
    await toDesk(ada.page);
    expect(await ada.page.locator(`[id="${ticked}"]`).isChecked()).toBe(true);
    // Both leads send (and wait at the next turn's desk).
    await Promise.all([playInPage(ada.page, { maxDesks: 1, tick: false }), playInPage(boris.page, { maxDesks: 1 })]);
    // Ada's orders were sent: her next desk starts with nothing ticked, and so after a reload.
    expect(await ada.page.locator('.orders input[type=checkbox]:checked').count()).toBe(0);
    await ada.page.reload();
    await toDesk(ada.page);
    expect(await ada.page.locator('.orders input[type=checkbox]:checked').count()).toBe(0);

    // Cecil, a minister, reads the second turn's reports and leaves them open while both leads send.
    // (He may still have the first turn's reports open: he closes what is before the second turn's.)
    await cecil.page.waitForFunction(() => /turn 2 of/.test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), null, { timeout: 60_000 });
    for (let k = 0; k < 8; k++) {
      await cecil.page.waitForSelector('dialog[open] .continue', { timeout: 60_000 });
      if (/turn\s2\sof/.test(await phase(cecil.page)) && (await cecil.page.locator('.reports-dialog[open]').count())) break;
      await cecil.page.locator('dialog[open] .continue').first().click();
    }
    expect(await phase(cecil.page)).toMatch(/turn\s2\sof/);
    expect(await cecil.page.locator('.reports-dialog[open] .continue').count()).toBeGreaterThan(0);
    await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
    await cecil.page.waitForFunction(() => /turn 3 of/.test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await cecil.page.locator('dialog[open] .continue').count()).toBeGreaterThan(0);
    // He closes the second turn's dialogs: his screen shows the third turn, with nothing more from the server.
    for (let k = 0; k < 6 && !/turn\s3\sof/.test(await phase(cecil.page)); k++) {
      const next = cecil.page.locator('dialog[open] .continue');
      if (!(await next.count())) break;
      await next.first().click();
    }
    await cecil.page.waitForFunction(() => /turn\s3\sof/.test(document.querySelector('.topbar .phase')?.textContent ?? ''), null, { timeout: 20_000 });
    // (Ada's page logged the wrong code's 404.)
    for (const p of [teacher, boris, cecil]) p.expectNoConsoleErrors();
  }, 300_000);

  it('keeps a single-player game’s ticked orders over a reload', async () => {
    const tp = await browser.open('/', { viewport: SMALL, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '5' });
    await toDesk(page);
    const ticked = await tickFirst(page);
    await page.reload();
    await page.click('[data-action=continue]');
    await toDesk(page);
    expect(await page.locator(`[id="${ticked}"]`).isChecked()).toBe(true);
    tp.expectNoConsoleErrors();
  }, 120_000);
});
