// Pieces the classroom's browser tests share: a switch that cuts a student's connection, a
// student's way through the turn's reports, and a lesson with a minister on a phone, started.
import { connect, createServer, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import type { useClassServer } from './classServer';
import { type BrowserSuite, createClass } from './harness';

/** A TCP relay to the server at `target` that can be switched off: its connections cut, new ones refused until it is on again. */
export async function cutter(target: string): Promise<{ url: string; set(on: boolean): void; close(): Promise<void> }> {
  const to = new URL(target);
  let on = true;
  const open = new Set<Socket>();
  const relay = createServer(c => {
    if (!on) return void c.destroy();
    const u = connect(Number(to.port), to.hostname);
    const end = () => {
      c.destroy();
      u.destroy();
      open.delete(c);
    };
    open.add(c);
    c.pipe(u).pipe(c);
    for (const s of [c, u]) s.on('error', end).on('close', end);
  });
  await new Promise<void>(r => relay.listen(0, '127.0.0.1', r));
  const port = (relay.address() as { port: number }).port;
  const set = (v: boolean) => {
    on = v;
    if (!v) for (const c of open) c.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    set,
    close() {
      // Its connections cut first: a server closes once the last has ended.
      set(false);
      return new Promise(r => relay.close(() => r()));
    },
  };
}

/** Closes the turn's reports until a decision is open (the lead) or none is left (a minister). */
export async function throughReports(page: Page, until: 'decision' | 'none'): Promise<void> {
  // Polls until the deadline: on a busy machine the lead's decision can take a while to come.
  for (const end = Date.now() + 120_000; Date.now() < end; ) {
    if (until === 'decision' && (await page.locator('dialog.decision-dialog[open]').count())) return;
    const more = page.locator('dialog[open] .continue');
    if (await more.count()) await more.first().click();
    else if (until === 'none' && (await page.locator('.game').count()) && !(await page.locator('dialog[open]').count())) return;
    else await page.waitForTimeout(500);
  }
  throw new Error(`no ${until === 'decision' ? 'decision came' : 'end to the reports'}`);
}

/** The classroom tests' screens: a school laptop and a phone. */
export const LAPTOP = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };

/**
 * A 1929 lesson of one group, started: Ada (Britain's lead) and Boris (the Soviet lead) on laptops,
 * Cecil (a British minister) on a phone whose connection goes through `link`, a cutter. Ada stops at
 * her first decision (its third option goes to the Cabinet), Cecil past his reports.
 */
export async function cabinetLesson(browser: BrowserSuite, server: ReturnType<typeof useClassServer>) {
  const teacher = await server.open(browser, '/?class', LAPTOP);
  const [code] = await createClass(teacher.page, { groups: 1, pace: 0, scenario: '1929' });
  const card = teacher.page.locator('.group-card', { has: teacher.page.locator(`[data-code="${code}"]`) });
  const join = async (name: string, viewport: { width: number; height: number }, base = server.url) => {
    const tp = await browser.open('/', { viewport, reducedMotion: 'reduce', allowErrors: [/WebSocket|ERR_|status of 40\d|onError/] });
    await tp.page.goto(`${base}/?join=${code}`);
    await tp.page.fill('#name', name);
    await tp.page.click('[data-action=join]');
    await tp.page.waitForSelector('.class-lobby');
    return tp;
  };
  // Dealt in order: Britain's lead, the Soviet lead, then Britain's ministers.
  const ada = await join('Ada', LAPTOP);
  const boris = await join('Boris', LAPTOP);
  const link = await cutter(server.url);
  const cecil = await join('Cecil', PHONE, link.url);
  await card.locator('[data-action=start]').click();
  await throughReports(ada.page, 'decision');
  await throughReports(cecil.page, 'none');
  return { teacher, code: code!, card, ada, boris, cecil, link };
}
