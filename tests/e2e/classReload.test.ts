// A minister who reloads his page mid-lesson loses nothing, and leaves nothing on a shared device
// once the lesson is over (session 22). 1929, Britain's first decision: its third option goes to
// the Cabinet. Cecil, a British minister on a phone, votes while his connection is down, then
// reloads: the vote is still on its item, marked not sent, and one press sends it. At turn 3 he
// reloads again: his Reports tab still holds turn 1's reports ("Relations broken") under Earlier
// reports, given by the server (his seat view carries only turns 2 and 3), and his board is drawn,
// not left black. The teacher ends the game: his device's localStorage keeps nothing of the group,
// his tab his seat only until he leaves for the title screen, then nothing. Screenshots of the
// Reports tab after the reload at 390x844 and 1280x720.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { waitForBoardDrawn } from './boardPixels';
import { cabinetLesson, LAPTOP, PHONE, throughReports } from './classPages';
import { useClassServer } from './classServer';
import { describeBrowser, viewportShot } from './harness';
import { playInPage } from './play';

const LONG = { timeout: 60_000 };

/** The names a store holds that belong to a classroom seat (its seat, heard news, unsent votes, desk drafts). */
const classKeys = (page: Page, store: 'localStorage' | 'sessionStorage') => page.evaluate(s => Object.keys(window[s as 'localStorage']).filter(k => /^asd-class-|^draft\/class\//.test(k)), store);

describeBrowser('classroom: a minister’s page reloaded mid-lesson, and the device after it', browser => {
  const server = useClassServer('classreload');

  it('keeps his unsent vote and every earlier report across a reload, and forgets his seat once the lesson is over', async () => {
    const { teacher, code, card, ada, boris, cecil, link } = await cabinetLesson(browser, server);
    const c = cecil.page;

    // 1. The connection drops; Cecil votes For the option before the Cabinet: kept, not sent. Back, he reloads before pressing Send.
    await c.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = true));
    link.set(false);
    await c.waitForFunction(() => /reconnecting/.test(document.querySelector('.classbar .cb-net')?.textContent ?? ''), null, LONG);
    const forButton = c.locator('button[data-vote=for][data-item^="option:"]').first();
    const item = (await forButton.getAttribute('data-item'))!;
    const itemBox = c.locator('.cp-item', { has: c.locator(`[data-item="${item}"]`) });
    await forButton.click();
    expect(await itemBox.locator('.cp-unsent').innerText()).toMatch(/^Your vote For is not sent: the connection is down\./);
    link.set(true);
    await c.waitForFunction(() => !document.querySelector('.classbar .cb-net')?.textContent, null, LONG);
    await c.reload();
    await c.waitForSelector('.game .topbar', LONG);
    const sendKept = itemBox.locator('[data-action=send-vote]');
    await sendKept.waitFor(LONG);
    expect(await itemBox.locator('.cp-unsent').innerText()).toMatch(/^Your vote For is not sent: the connection is back\./);
    expect(await c.locator('.cabinet-panel .cp-summary').innerText()).toMatch(/1 not sent/);
    await sendKept.click();
    await itemBox.locator('.cp-mine', { hasText: /^You vote For$/ }).waitFor(LONG);
    await ada.page.waitForFunction(() => /^Ministers' votes so far: for, /.test(document.querySelector('dialog.decision-dialog[open] .option-votes')?.textContent ?? ''), null, LONG);
    // Sent: the tab keeps it no more.
    expect((await classKeys(c, 'sessionStorage')).filter(k => k.startsWith('asd-class-votes/'))).toEqual([]);

    // 2. The leads play on to turn 3; Cecil reads his reports as they come, then reloads.
    await ada.page
      .locator('dialog.decision-dialog[open] .option-btn', { has: ada.page.locator('.option-votes') })
      .first()
      .click();
    for (let turn = 2; turn <= 3; turn++) {
      await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
      await c.waitForFunction(t => new RegExp(`turn ${t} of`).test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), turn, LONG);
    }
    await throughReports(c, 'none');
    await c.waitForFunction(() => /turn\s3\sof/.test(document.querySelector('.topbar .phase')?.textContent ?? ''), null, LONG);
    await throughReports(c, 'none');
    // Reloaded at a laptop's size (the board drawn at it from the first), photographed there, then on the phone.
    await c.setViewportSize(LAPTOP);
    await c.reload();
    await c.waitForSelector('.game .topbar', LONG);
    // His board is drawn as everyone's: it was put to sleep for his wait before its first frame, and stayed black.
    await waitForBoardDrawn(c);
    await c.click('#tab-reports');
    // Turn 1's reports, which his seat view no longer carries, are under Earlier reports.
    const turn1 = c.locator('.earlier-reports .earlier-turn[data-turn="1"]');
    await turn1.waitFor(LONG);
    await turn1.evaluate(d => ((d as HTMLDetailsElement).open = true));
    expect(await turn1.textContent()).toMatch(/Relations broken/);
    // Photographed with his role fold closed, the section's head at the top of the screen (the panel's, on a laptop).
    await c.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = false));
    const head = async () => {
      await c.locator('.earlier-reports > h3').evaluate(e => e.scrollIntoView({ block: 'start' }));
      // Two frames for the board to draw at the new size.
      await c.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    await head();
    await viewportShot(c, 'class-reload-earlier-reports-1280x720');
    await c.setViewportSize(PHONE);
    await head();
    await viewportShot(c, 'class-reload-earlier-reports-390x844');
    await c.setViewportSize(LAPTOP);
    expect(await c.locator('dialog[open]').count(), 'a dialog of reports already shown').toBe(0);

    // 3. The teacher ends the game: the device keeps nothing of the group; the tab his seat, until he leaves.
    expect(await classKeys(c, 'localStorage')).not.toEqual([]);
    await card.locator('[data-action=end]').click();
    await c.waitForFunction(() => /^Ended/.test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), null, LONG);
    await c.waitForFunction(() => !Object.keys(localStorage).some(k => /^asd-class-|^draft\/class\//.test(k)), null, LONG);
    expect(await classKeys(c, 'sessionStorage')).toContain('asd-class-seat');
    await c.click('[data-action=exit]');
    await c.click('.leave-dialog [data-action=leave]');
    await c.waitForFunction(() => !document.querySelector('.class-student'), null, LONG);
    expect(await classKeys(c, 'sessionStorage')).toEqual([]);
    expect(await classKeys(c, 'localStorage')).toEqual([]);
    // The class link on the same device: the join form, offering nobody's seat.
    await c.goto(`${server.url}/?join=${code}`);
    await c.waitForSelector('.class-form');
    expect(await c.locator('.kept-seat').count()).toBe(0);
    for (const p of [teacher, ada, boris]) p.expectNoConsoleErrors();
    await link.close();
  }, 400_000);
});
