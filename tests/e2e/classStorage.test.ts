// When the classroom server cannot store a group's game, in real Chromium: a teacher's console and two
// students' pages (one at a laptop's 1280x720, one on a phone's 390x844), who chose their seats
// (Britain's lead, a Soviet minister), in a started group; the server's
// disk then fails every write (an injected writer that throws as a full disk does). The British lead's
// move is not accepted, and her screen says the server could not store it, why, and to try again;
// the teacher's Pause is refused the same way; the console's group card says storage is failing and
// each student's class bar does too, without text over text. Once the disk takes writes again, the
// teacher's Pause goes through, the warnings go, the pace set on the console reaches the students,
// and the lead's move is accepted and stored. Screenshots of
// the console and the students' screens while storing fails, at 1280x720 and 390x844.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { GroupLog } from '../../src/server/group';
import { type ClassServer, startClassServer } from '../../src/server/server';
import { diskStore, type LogStore } from '../../src/server/store';
import { createClass, describeBrowser, viewportShot } from './harness';
import { textOverlaps } from './overlap';
import { nextScreen } from './play';

const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/**
 * Where a student's open reports dialog sits against the class bar: below it, within the screen, its
 * backdrop leaving the bar undimmed.
 */
async function expectBelowBar(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.waitForSelector('.reports-dialog[open]', { timeout: 60_000 });
  const placed = await page.evaluate(() => {
    const bar = document.querySelector('.classbar')!.getBoundingClientRect();
    const dlg = document.querySelector('.reports-dialog[open]')!;
    const box = dlg.getBoundingClientRect();
    return { barBottom: bar.bottom, barTop: bar.top, dialogTop: box.top, dialogBottom: box.bottom, backdropTop: parseFloat(getComputedStyle(dlg, '::backdrop').top) };
  });
  expect(placed.barTop).toBe(0);
  expect(placed.dialogTop).toBeGreaterThanOrEqual(placed.barBottom);
  expect(placed.dialogBottom).toBeLessThanOrEqual(viewport.height);
  expect(placed.backdropTop).toBeCloseTo(placed.barBottom, 0);
}

/** The text of the page's body, for what it says. */
const says = (page: Page, re: RegExp) => page.waitForFunction(src => new RegExp(src, 'i').test(document.body.innerText), re.source, { timeout: 30_000 });

describeBrowser('the classroom when storing fails', browser => {
  let server: ClassServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-e2e-full-'));
  const dist = inject('e2eDistDir');
  let full = false;

  beforeAll(async () => {
    if (!dist) throw new Error('the classroom test needs the built app (not E2E_BASE_URL)');
    const disk = diskStore(dir);
    const store: LogStore = {
      ...disk,
      where: disk.where,
      saveNow(code, text) {
        if (full) throw new Error('ENOSPC: no space left on device, write');
        disk.saveNow!(code, text);
      },
      async save(code, text) {
        this.saveNow!(code, text);
      },
    };
    server = await startClassServer({ port: 0, host: '127.0.0.1', dataDir: dir, webDir: dist, store, log: () => {} });
  });
  afterAll(async () => {
    full = false;
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (urlPath: string, viewport: { width: number; height: number }) => {
    const tp = await browser.open('/', { viewport, reducedMotion: 'reduce' });
    await tp.page.goto(server.url + urlPath);
    return tp;
  };

  it('refuses what it cannot store, says so on the console and the students’ screens, and plays on once it can', async () => {
    const teacher = await open('/?class', LAPTOP);
    const t = teacher.page;
    const code = (await createClass(t, { groups: 1, seating: 'pick' }))[0]!;
    const card = t.locator('.group-card', { has: t.locator(`[data-code="${code}"]`) });

    // The students choose their seats: Ada Britain's lead, Boris a Soviet minister (the server would
    // have dealt him the Soviet lead), so the computer leads the Soviet side.
    const pick = async (name: string, viewport: typeof LAPTOP, seat: (values: string[]) => string) => {
      const tp = await open(`/?join=${code}`, viewport);
      await tp.page.fill('#name', name);
      await tp.page.click('[data-action=join]');
      await tp.page.waitForSelector('.seat-choices input');
      const values = await tp.page.locator('.seat-choices input').evaluateAll(is => is.map(i => (i as HTMLInputElement).value));
      await tp.page.check(`.seat-choices input[value="${seat(values)}"]`);
      await tp.page.click('[data-action=join]');
      await tp.page.waitForSelector('.class-lobby');
      return tp;
    };
    const ada = await pick('Ada', LAPTOP, () => 'britain:lead');
    const boris = await pick('Boris', PHONE, vs => vs.find(v => v.startsWith('ussr:') && v !== 'ussr:lead')!);
    expect(await boris.page.locator('.class-lobby .lead').innerText()).toMatch(/Soviet Union/);
    expect(await boris.page.locator('.class-lobby .lead').innerText()).not.toMatch(/Leads/);
    await card.locator('.gc-roster li').nth(1).waitFor();
    await card.locator('[data-action=start]').click();
    await ada.page.waitForSelector('.game .topbar');
    await boris.page.waitForSelector('.game .topbar');

    // Ada comes to her first decision or desk of orders (past the turn's reports), and sends it.
    const a = ada.page;
    const act = async () => {
      for (let k = 0; k < 5; k++) {
        const s = await nextScreen(a);
        if (s === 'decision') return a.locator('.option-btn').first().click();
        if (s === 'desk') return a.locator('[data-action=send]').click();
        if (s === 'reports') await a.click('.reports-dialog .continue');
        else throw new Error(`Ada's first screen to act on is ${s}`);
      }
    };

    // Her turn's reports open below the class bar on the laptop too.
    await expectBelowBar(a, LAPTOP);
    await viewportShot(a, 'class-storage-student-reports-1280x720');

    full = true;
    await act();
    await says(a, /Not accepted: the server could not store it \(ENOSPC: no space left on device, write\), so it was not taken.*try again/);
    await says(a, /The server cannot store this group’s game/);
    // The refusal is said in the class bar too, in sight at the top of her laptop's screen: the game's
    // status line, which says it as well, can sit below the fold of the desk.
    const refusedInBar = a.locator('.classbar .cb-refused');
    await expect.poll(() => refusedInBar.innerText(), { timeout: 15_000 }).toMatch(/^Not accepted: the server could not store it \(ENOSPC/);
    const inBar = (await refusedInBar.boundingBox())!;
    expect(inBar.y).toBeGreaterThanOrEqual(0);
    expect(inBar.y + inBar.height).toBeLessThanOrEqual(LAPTOP.height);
    await card.locator('[data-action=pause]').click();
    await says(t, /Refused \(control pause\): the server could not store it/);
    expect(await card.locator('.gc-storage').innerText()).toMatch(/cannot store this group’s game \(ENOSPC: no space left on device, write\)/);
    expect(await card.locator('.gc-phase').innerText()).toMatch(/^playing/i);
    await says(boris.page, /The server cannot store this group’s game/);
    expect(await boris.page.locator('.classbar .cb-store').isVisible()).toBe(true);

    await viewportShot(t, 'class-storage-console-1280x720');
    expect(await textOverlaps(t, '.group-card')).toEqual([]);
    await t.setViewportSize(PHONE);
    await viewportShot(t, 'class-storage-console-390x844');
    expect(await textOverlaps(t, '.group-card')).toEqual([]);
    expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await t.setViewportSize(LAPTOP);
    await viewportShot(a, 'class-storage-student-1280x720');
    expect(await textOverlaps(a, '.classbar')).toEqual([]);
    // The turn's reports, which come over the page once the game screen has the news, open below the
    // class bar on the phone: the bar stays in sight, undimmed by the dialog's backdrop, and its
    // storage warning readable while the reports are open.
    const b = boris.page;
    await expectBelowBar(b, PHONE);
    expect(await b.locator('.classbar .cb-store').isVisible()).toBe(true);
    await viewportShot(b, 'class-storage-student-reports-390x844');
    await b.locator('.reports-dialog[open] .continue').click();
    await viewportShot(b, 'class-storage-student-390x844');
    expect(await textOverlaps(b, '.classbar')).toEqual([]);

    // The disk takes writes again: the Pause goes through, and the warnings go.
    full = false;
    await card.locator('[data-action=pause]').click();
    await card.locator('.gc-phase', { hasText: 'paused' }).waitFor();
    expect(await card.locator('.gc-storage').count()).toBe(0);
    await says(t, /Storing works again/);
    await boris.page.waitForFunction(() => !document.querySelector('.classbar .cb-store')?.textContent);
    await card.locator('[data-action=resume]').click();
    await card.locator('.gc-phase', { hasText: 'playing' }).waitFor();
    // The teacher sets the pace from the console: the card's clock restarts, and the students are told.
    await t.fill('#pace-all', '2');
    await t.click('[data-action=pace-all]');
    await says(boris.page, /The teacher has set 2 minutes a turn/);
    // The card's clock comes with the console's next overview, which may follow the students' announcement.
    await expect.poll(() => card.locator('.gc-clock').innerText(), { timeout: 15_000 }).toMatch(/orders due in [12]:\d\d/);
    // Ada's move, sent again, is taken and stored.
    await act();
    const moved = async () => {
      await server.flushed(code);
      const l = await diskStore(dir).load(code);
      return l.ok && (l.value as GroupLog).game!.moves.some(m => m.side === 'britain');
    };
    await expect.poll(moved, { timeout: 30_000 }).toBe(true);
    // Taken: the bar no longer says it was refused.
    await expect.poll(() => refusedInBar.isVisible(), { timeout: 15_000 }).toBe(false);
  }, 240_000);
});
