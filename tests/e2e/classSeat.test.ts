// A student's seat on their own pages, kept through what happens in a lesson. While the teacher has
// paused the game, a lead's desk stays open with its ticked orders and Send waits, saying why. A
// phone whose connection drops says so in the game's bar, Send waits saying why, and all is as
// before once it is back (the ticked order still ticked, sent with one press). A student who taps Title is asked first and told the seat is kept; the
// class link takes it back in the same tab, and offers it in a new tab; on another device the same name takes it back, but
// only once the first device has gone; the teacher's Release puts whoever holds a seat out.
// Screenshots of each at 1280x720 and 390x844 are kept in test-artifacts/screenshots.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cutter } from './classPages';
import { useClassServer } from './classServer';
import { createClass, describeBrowser, viewportShot } from './harness';
import { playInPage } from './play';

const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const LONG = { timeout: 60_000 };

const toDesk = async (page: Page): Promise<void> => {
  expect((await playInPage(page, { maxDesks: 0 })).screen).toBe('desk');
};
const send = (page: Page) => page.locator('.send-bar [data-action=send]');
const sendHeld = (page: Page) => page.locator('.send-bar .send-held');

describeBrowser('a student’s seat through a lesson', browser => {
  const server = useClassServer('classseat');

  // (A refused join and a cut socket are logged by the browser and colyseus.js.)
  const open = (viewport: { width: number; height: number }) => browser.open('/', { viewport, reducedMotion: 'reduce', allowErrors: [/WebSocket|ERR_|status of 40\d|onError/] });

  it('keeps the desk through a pause and a dropped connection, and the seat through Title, a new device and a release', async () => {
    const teacher = await open(LAPTOP);
    const t = teacher.page;
    await t.goto(`${server.url}/?class`);
    const [code] = await createClass(t, { groups: 1, pace: 0 });
    const card = t.locator('.group-card', { has: t.locator(`[data-code="${code}"]`) });

    const ada = await open(LAPTOP);
    await ada.page.goto(`${server.url}/?join=${code}`);
    await ada.page.fill('#name', 'Ada');
    await ada.page.click('[data-action=join]');
    await ada.page.waitForSelector('.class-lobby');

    // Boris's phone reaches the server through a switch: while it is off, his connections are cut and refused.
    const boris = await open(PHONE);
    const link = await cutter(server.url);
    await boris.page.goto(`${link.url}/?join=${code}`);
    await boris.page.fill('#name', 'Boris');
    await boris.page.click('[data-action=join]');
    await boris.page.waitForSelector('.class-lobby');
    // Cut in the lobby: said there too.
    link.set(false);
    await boris.page.waitForFunction(() => /reconnecting/.test(document.querySelector('.class-lobby .cb-net')?.textContent ?? ''), null, LONG);
    await viewportShot(boris.page, 'class-lobby-dropped-390x844');
    link.set(true);
    await boris.page.waitForFunction(() => !document.querySelector('.class-lobby .cb-net')?.textContent, null, LONG);

    await card.locator('[data-action=start]').click();
    await Promise.all([toDesk(ada.page), toDesk(boris.page)]);

    // 1. Paused: Ada's desk stays, her tick too; Send waits and says why.
    const box = ada.page.locator('.orders input[type=checkbox]:not(:disabled)').first();
    const ticked = (await box.getAttribute('id'))!;
    await box.check();
    await card.locator('[data-action=pause]').click();
    await sendHeld(ada.page).waitFor(LONG);
    expect(await sendHeld(ada.page).innerText()).toBe('Cannot send now: the teacher has paused the game.');
    expect(await send(ada.page).isDisabled()).toBe(true);
    expect(await ada.page.locator(`[id="${ticked}"]`).isChecked()).toBe(true);
    await viewportShot(ada.page, 'class-paused-desk-1280x720');
    await sendHeld(boris.page).waitFor(LONG);
    await sendHeld(boris.page).scrollIntoViewIfNeeded();
    await viewportShot(boris.page, 'class-paused-desk-390x844');
    await card.locator('[data-action=resume]').click();
    await sendHeld(ada.page).waitFor({ state: 'detached', ...LONG });
    expect(await send(ada.page).isEnabled()).toBe(true);
    expect(await ada.page.locator(`[id="${ticked}"]`).isChecked()).toBe(true);

    // 2. Boris's connection drops: his game's bar says so, on the phone and at a laptop's size, and Send waits.
    // The order he ticked stays ticked, and once the connection is back one press sends it.
    const borisBox = boris.page.locator('.orders input[type=checkbox]:not(:disabled)').first();
    const borisTicked = (await borisBox.getAttribute('id'))!;
    await borisBox.check();
    link.set(false);
    await boris.page.waitForFunction(() => /reconnecting/.test(document.querySelector('.classbar .cb-net')?.textContent ?? ''), null, LONG);
    expect(await boris.page.locator('.classbar .cb-net').isVisible()).toBe(true);
    await sendHeld(boris.page).waitFor(LONG);
    expect(await sendHeld(boris.page).innerText()).toMatch(/connection/);
    expect(await send(boris.page).isDisabled()).toBe(true);
    await viewportShot(boris.page, 'class-dropped-390x844');
    await boris.page.setViewportSize(LAPTOP);
    expect(await boris.page.locator('.classbar .cb-net').isVisible()).toBe(true);
    await viewportShot(boris.page, 'class-dropped-1280x720');
    await boris.page.setViewportSize(PHONE);
    link.set(true);
    await boris.page.waitForFunction(() => !document.querySelector('.classbar .cb-net')?.textContent, null, LONG);
    await sendHeld(boris.page).waitFor({ state: 'detached', ...LONG });
    expect(await send(boris.page).isEnabled()).toBe(true);
    expect(await boris.page.locator(`[id="${borisTicked}"]`).isChecked()).toBe(true);
    await send(boris.page).click();
    await boris.page.waitForFunction(() => /Waiting for Britain/.test(document.querySelector('.panel .status')?.textContent ?? ''), null, LONG);

    // 3. Ada taps Title: asked first, told her seat is kept. She stays, then leaves.
    await ada.page.click('[data-action=exit]');
    const leave = ada.page.locator('.leave-dialog[open]');
    await leave.waitFor();
    expect(await leave.innerText()).toMatch(/Your seat stays yours/);
    await viewportShot(ada.page, 'class-leave-1280x720');
    await ada.page.setViewportSize(PHONE);
    await viewportShot(ada.page, 'class-leave-390x844');
    await ada.page.setViewportSize(LAPTOP);
    await ada.page.click('.leave-dialog [data-action=stay]');
    await leave.waitFor({ state: 'detached' });
    expect(await ada.page.locator('.game .topbar').count()).toBe(1);
    await ada.page.click('[data-action=exit]');
    await ada.page.click('.leave-dialog [data-action=leave]');
    await ada.page.waitForFunction(() => !document.querySelector('.class-student'), null, LONG);
    // The class link on the same device: back in her seat without joining again.
    await ada.page.goto(`${server.url}/?join=${code}`);
    await ada.page.waitForSelector('.game .topbar', LONG);
    expect(await ada.page.locator('.classbar .cb-seat').innerText()).toMatch(/^Ada · Leads Britain/);
    // A new tab on the same device offers her seat (a shared computer may have someone else at it), and takes it when asked.
    const tab2 = await ada.context.newPage();
    await tab2.goto(`${server.url}/?join=${code}`);
    await tab2.locator('[data-action=resume]').waitFor(LONG);
    expect(await tab2.locator('.kept-seat').innerText()).toMatch(/holds a seat in group \w+ for Ada.*Continue as Ada.*I am not Ada/is);
    await viewportShot(tab2, 'class-kept-seat-1280x720');
    await tab2.setViewportSize(PHONE);
    await viewportShot(tab2, 'class-kept-seat-390x844');
    await tab2.click('[data-action=resume]');
    await tab2.waitForSelector('.game .topbar', LONG);
    expect(await tab2.locator('.classbar .cb-seat').innerText()).toMatch(/^Ada · Leads Britain/);

    // 4. Another device: her name is refused while her laptop holds the seat, and takes it once it has gone.
    const phone = await open(PHONE);
    await phone.page.goto(`${server.url}/?join=${code}`);
    await phone.page.fill('#name', 'ada');
    await phone.page.click('[data-action=join]');
    await phone.page.waitForFunction(() => /^Ada is in this group and connected now/.test(document.querySelector('.class-error')?.textContent ?? ''), null, LONG);
    await viewportShot(phone.page, 'class-name-in-use-390x844');
    await ada.close();
    await t.waitForFunction(c => ![...document.querySelectorAll(`.group-card:has([data-code="${c}"]) .gc-roster .on`)].some(e => e.textContent === 'Ada'), code, LONG);
    await phone.page.click('[data-action=join]');
    await phone.page.waitForSelector('.game .topbar', LONG);
    expect(await phone.page.locator('.classbar .cb-seat').innerText()).toMatch(/^Ada · Leads Britain/);
    await t.waitForFunction(() => /Ada has taken back the seat/.test(document.querySelector('.gc-said')?.textContent ?? ''), null, LONG);

    // 5. The teacher releases Ada's seat (a classmate might have typed her name): the phone is put out, told why.
    // The roster, opened by the teacher, stays open as the card is drawn again.
    await card.locator('.gc-roster summary').click();
    await card.locator('[data-action=release][data-student=Ada]').waitFor();
    await card.locator('.gc-roster').scrollIntoViewIfNeeded();
    await viewportShot(t, 'class-console-release-1280x720');
    await t.setViewportSize(PHONE);
    await card.locator('.gc-roster').scrollIntoViewIfNeeded();
    await viewportShot(t, 'class-console-release-390x844');
    await t.setViewportSize(LAPTOP);
    await card.locator('[data-action=release][data-student=Ada]').click();
    await phone.page.waitForFunction(() => /released your seat/.test(document.querySelector('.class-error')?.textContent ?? ''), null, LONG);
    await viewportShot(phone.page, 'class-released-390x844');
    await phone.page.setViewportSize(LAPTOP);
    await viewportShot(phone.page, 'class-released-1280x720');
    await phone.page.setViewportSize(PHONE);
    // Her name takes it back again.
    await phone.page.fill('#name', 'Ada');
    await phone.page.click('[data-action=join]');
    await phone.page.waitForSelector('.game .topbar', LONG);
    expect(await phone.page.locator('.classbar .cb-seat').innerText()).toMatch(/^Ada · Leads Britain/);
    teacher.expectNoConsoleErrors();
    await link.close();
  }, 300_000);
});
