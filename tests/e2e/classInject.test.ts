// The teacher injects an event from the console in real Chromium: a group of the 1927 scenario whose
// two leads (colyseus.js clients in this process) have joined is started; the group's card offers
// the events that have not happened there; the teacher picks one and clicks "Inject next turn"; the
// room is told, the event leaves the card's list, and after the leads play the turn both leads' news
// says the teacher introduced it. Screenshots of the console at 1280x720 and 1920x1080 are kept in
// test-artifacts/screenshots.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { SeatMessage } from '../../src/class/protocol';
import { type ClassServer, startClassServer } from '../../src/server/server';
import { loadScenarioFile } from '../loadScenario';
import { autoPlay, type Conn, join } from '../server/harness';
import { createClass, describeBrowser, screenshot } from './harness';

const sc = loadScenarioFile('1927');
const EVENT = 'canada-breaks';

describeBrowser('the teacher injects an event', browser => {
  let server: ClassServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-inject-'));
  const dist = inject('e2eDistDir');
  const students: Conn[] = [];

  beforeAll(async () => {
    if (!dist) throw new Error('the inject test needs the built app (not E2E_BASE_URL)');
    server = await startClassServer({ port: 0, host: '127.0.0.1', dataDir: dir, webDir: dist, log: () => {} });
  });
  afterAll(async () => {
    for (const s of students) await s.room.leave().catch(() => undefined);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('from the group card’s picker, and both sides read it next turn', async () => {
    const teacher = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const t = teacher.page;
    await t.goto(`${server.url}/?class`);
    const code = (await createClass(t, { groups: 1, pace: 0 }))[0]!;
    for (const name of ['Ada', 'Boris']) students.push(await join(server.url, code, { name }));
    await t.waitForFunction(() => /^2 students/.test(document.querySelector('.gc-roster summary')?.textContent ?? ''));
    expect(await t.locator('.gc-inject').count()).toBe(0); // nothing to inject into before the start
    await t.click('[data-action=start-all]');

    const pick = t.locator('.gc-inject select');
    await pick.waitFor();
    const title = sc.events.find(e => e.id === EVENT)!.title;
    expect(await pick.locator(`option[value="${EVENT}"]`).innerText()).toBe(title);
    expect(await pick.locator('option[value="opening"]').count()).toBe(0); // it fired at the start
    await pick.selectOption(EVENT);
    await screenshot(t, 'class-inject-1280x720');
    await t.click('[data-action=inject]');
    await t.waitForFunction(() => (document.querySelector('.gc-said')?.textContent ?? '').includes('introduced an event'));
    expect(await t.locator('.gc-said').innerText()).toContain(title);
    await t.waitForFunction(id => !document.querySelector(`.gc-inject option[value="${id}"]`), EVENT);
    await t.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(t, 'class-inject-1920x1080');

    const stops = students.map(s => autoPlay(s, sc));
    const after = await Promise.all(students.map(s => s.wait<SeatMessage>('seat', m => m.view.turn >= 1, 60_000)));
    for (const s of stops) s();
    for (const m of after) expect(m.view.news.map(n => n.text)).toContain(`Introduced by the teacher: ${title}.`);
  });
});
