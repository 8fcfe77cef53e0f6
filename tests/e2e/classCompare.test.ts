// The class debrief in real Chromium: a teacher's console with two groups of the 1927 scenario,
// whose leads (colyseus.js clients in this process, choosing with a computer player from their seat
// views as a student chooses from the screen: personas in one group, history's players in the
// other) play three turns each; the teacher opens
// "Compare with history". The page shows history's trunk and both groups as branches with their
// divergence in words, one chart with history and both groups, the decisions and events side by
// side, and a debrief pack per group that downloads without the seed. The teacher introduced an
// event into the first group at the start: that group is placed on the tree with it (not refused),
// and the event is named as the teacher's. Screenshots at 1280x720 and
// 1920x1080 are kept in test-artifacts/screenshots.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { SeatMessage } from '../../src/class/protocol';
import { type ClassServer, startClassServer } from '../../src/server/server';
import { loadScenarioFile } from '../loadScenario';
import { autoPlay, type Conn, join, storedLog } from '../server/harness';
import { createClass, describeBrowser, screenshot } from './harness';

const sc = loadScenarioFile('1927');
/**
 * An event the teacher introduces into the first group: undated, so it is open at the start, and one
 * history's game never has (on its dice the frontier incident breaks out on 25 May, so it would not be new).
 */
const INJECTED = 'polish-clash';

describeBrowser('the class debrief against history', browser => {
  let server: ClassServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-cmp-'));
  const dist = inject('e2eDistDir');
  const students: Conn[] = [];

  beforeAll(async () => {
    if (!dist) throw new Error('the class debrief test needs the built app (not E2E_BASE_URL)');
    server = await startClassServer({ port: 0, host: '127.0.0.1', dataDir: dir, webDir: dist, log: () => {} });
  });
  afterAll(async () => {
    for (const s of students) await s.room.leave().catch(() => undefined);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts two groups’ games side by side against history', async () => {
    const teacher = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const t = teacher.page;
    await t.goto(`${server.url}/?class`);
    const codes = await createClass(t, { groups: 2, pace: 0 });
    expect(codes).toHaveLength(2);

    // Two leads a group, joining from their devices.
    for (const code of codes) for (const name of ['Ada', 'Boris']) students.push(await join(server.url, code, { name }));
    await t.waitForFunction(() => [...document.querySelectorAll('.gc-roster summary')].every(s => /^2 students/.test(s.textContent ?? '')));
    await t.click('[data-action=start-all]');
    // The teacher introduces an event into the first group before anyone moves.
    const first = t.locator(`.group-card:has(.gc-code:text-is("${codes[0]}"))`);
    await first.locator('.gc-inject select').selectOption(INJECTED);
    await first.locator('[data-action=inject]').click();
    await t.waitForFunction(() => (document.querySelector('.gc-said')?.textContent ?? '').includes('introduced an event'));
    // The first group's leads play as the computer's personas, the second's as history's players: two different games.
    const stops = students.map((s, k) => autoPlay(s, sc, k < 2 ? 'persona' : 'historical'));
    await Promise.all(students.map(s => s.wait<SeatMessage>('seat', m => m.view.turn >= 3, 120_000)));
    for (const s of stops) s();

    await t.click('[data-action=compare]');
    await t.waitForSelector('.cmp-branch', { timeout: 60_000 });
    expect(await t.locator('.cmp-branch').count()).toBe(2);
    // No group is left out: the injected one is placed with its teacher's event, named as such.
    expect(await t.locator('.class-error').count()).toBe(0);
    const title = sc.events.find(e => e.id === INJECTED)!.title;
    expect(await t.locator(`.cmp-branch[data-code="${codes[0]}"]`).innerText()).toContain(`The teacher introduced “${title}”`);
    expect(await t.locator(`.cmp-branch[data-code="${codes[1]}"]`).innerText()).not.toContain('teacher');
    expect(await t.locator('.cmp-events tbody tr', { hasText: title }).innerText()).toContain('(new, teacher)');
    expect(await t.locator('.cmp-trunk > strong').innerText()).toBe('History');
    for (const code of codes) {
      const branch = t.locator(`.cmp-branch[data-code="${code}"]`);
      expect(await branch.locator('.cmp-status').innerText()).toMatch(/turn [4-9] of \d+ · \d+ moves/i);
      // The divergence in words: a decision or an order named from the scenario's texts.
      expect((await branch.locator('.cmp-div').innerText()).length).toBeGreaterThan(30);
    }
    // One chart: history and both groups (uPlot's legend names each line).
    await t.waitForSelector('.cmp-chart canvas');
    const legend = await t.locator('.cmp-chart .u-legend').innerText();
    for (const name of ['History', ...codes.map(c => `Group ${c}`)]) expect(legend).toContain(name);
    expect(await t.locator('.cmp-words tbody tr').count()).toBe(2);
    // In the game's type and its form of date ("2 May 1927", not "2 May 27"), the standing named by the office.
    const fonts = await t.evaluate(() => [document.querySelector('.cmp-chart .u-legend')!, document.body].map(el => getComputedStyle(el).fontFamily));
    expect(fonts[0]).toBe(fonts[1]);
    for (const d of await t.locator('.cmp-words tbody td:nth-child(2), .cmp-date').allInnerTexts()) expect(d).toMatch(/^\d{1,2} [A-Z][a-z]+ 19\d\d$/);
    const figures = await t.locator('#cmp-figure option').allInnerTexts();
    expect(figures).toContain('The standing of the Deputy Commissar for Foreign Affairs');
    expect(figures.filter(f => /'s standing/.test(f))).toEqual([]);
    // Decisions and events side by side: a column for history and for each group.
    expect(await t.locator('.cmp-decisions thead th').count()).toBe(4);
    expect(await t.locator('.cmp-decisions tbody tr').count()).toBeGreaterThan(1);
    expect(await t.locator('.cmp-events tbody tr').count()).toBeGreaterThan(2);
    // The chart follows the window: drawn again at a phone's width (it kept its old width, past the
    // page's edge), and again at the laptop's.
    const chartWidth = () =>
      t.evaluate(() => ({
        box: Math.floor(document.querySelector('.cmp-chart .chart')!.getBoundingClientRect().width),
        canvas: Math.round(document.querySelector('.cmp-chart canvas')!.getBoundingClientRect().width),
      }));
    const fits = () => chartWidth().then(w => Math.abs(w.canvas - w.box) <= 1);
    expect(await fits(), 'the chart as wide as its box').toBe(true);
    await screenshot(t, 'class-compare-1280x720');
    const wide = (await chartWidth()).box;
    await t.setViewportSize({ width: 390, height: 844 });
    await expect.poll(fits, { message: 'the chart drawn at the phone’s width' }).toBe(true);
    expect((await chartWidth()).box).toBeLessThan(wide);
    await screenshot(t, 'class-compare-390x844');
    await t.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(fits, { message: 'the chart drawn at the laptop’s width' }).toBe(true);
    expect((await chartWidth()).box).toBe(wide);

    // Another figure redraws the chart.
    const other = await t.locator('#cmp-figure option').nth(1).getAttribute('value');
    await t.selectOption('#cmp-figure', other!);
    await t.waitForFunction(() => document.querySelector('.cmp-words caption')?.textContent?.includes(document.querySelector<HTMLSelectElement>('#cmp-figure')!.selectedOptions[0]!.text));

    await t.setViewportSize({ width: 1920, height: 1080 });
    await t.click('[data-action=refresh-compare]');
    await t.waitForSelector('.cmp-chart canvas');
    // History to the end of the scenario, beside the groups' first weeks.
    await t.check('#cmp-whole');
    await t.waitForSelector('.cmp-chart canvas');
    await screenshot(t, 'class-compare-1920x1080');

    // Each group's debrief pack downloads, and carries no seed.
    const href = await t.locator(`.cmp-branch[data-code="${codes[0]}"] [data-action=debrief-pack]`).getAttribute('href');
    const res = await fetch(server.url + href!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Group ${codes[0]}`);
    expect(html).toMatch(/debrief/i);
    const log = await storedLog(dir, codes[0]!);
    expect(html).not.toContain(log.seed);
    // Not without the teacher's key.
    expect((await fetch(`${server.url}/api/groups/${codes[0]}/debrief?key=guess`)).status).toBe(404);

    // Back to the groups: the cards are live as before.
    await t.click('[data-action=back-to-groups]');
    await t.waitForSelector('.group-card .gc-distance');
    teacher.expectNoConsoleErrors();
  }, 300_000);
});
