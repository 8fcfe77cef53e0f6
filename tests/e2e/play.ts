// Driving the game through its screen, as a person would: by clicking or by keys only.
import type { Page } from 'playwright-core';
import { screenshot } from './harness';

export type Screen = 'reports' | 'decision' | 'desk' | 'handover' | 'end';

const SELECTORS: [Screen, string][] = [
  ['end', '.end-dialog'],
  ['handover', '[data-action=take-desk]'],
  ['decision', '.option-btn'],
  ['reports', '.reports-dialog .continue'],
  ['desk', '[data-action=send]'],
];

/** Waits until the game asks something of the person, and says what (the first visible, in SELECTORS' order). */
export async function nextScreen(page: Page, timeout = 60_000): Promise<Screen> {
  const found = await page.waitForFunction(sels => {
    for (const [name, sel] of sels) {
      for (const el of document.querySelectorAll(sel)) if (el.checkVisibility({ visibilityProperty: true })) return name;
    }
    return null;
  }, SELECTORS, { timeout, polling: 100 });
  return (await found.jsonValue()) as Screen;
}

export async function newGame(page: Page, opts: { scenario?: string; side: 'britain' | 'ussr'; opponent: 'persona' | 'historical' | 'hotseat'; seed: string }): Promise<void> {
  await page.click('[data-action=new]');
  await page.waitForSelector('[data-action=start]');
  if (opts.scenario) await page.check(`input[name=scenario][value="${opts.scenario}"]`);
  await page.check(`input[name=side][value=${opts.side}]`);
  await page.check(`input[name=opponent][value=${opts.opponent}]`);
  await page.fill('#seed', opts.seed);
  await page.click('[data-action=start]');
}

export interface PlayLog { turns: number; decisions: number; orders: number; handovers: number; shots: Set<Screen> }

/**
 * Plays on with the mouse until the game ends (or `maxDesks` desks have been sent): takes the
 * first option of every decision, and at each desk ticks the first order it can afford. Saves one
 * screenshot of each kind of screen under `prefix`.
 */
export async function playByMouse(page: Page, prefix: string, maxDesks = Infinity): Promise<PlayLog> {
  const log: PlayLog = { turns: 0, decisions: 0, orders: 0, handovers: 0, shots: new Set() };
  const shot = async (s: Screen) => {
    if (log.shots.has(s)) return;
    log.shots.add(s);
    await screenshot(page, `${prefix}-${s}`);
  };
  for (let guard = 0; guard < 2000; guard++) {
    const s = await nextScreen(page);
    await shot(s);
    if (s === 'end') return log;
    if (s === 'reports') await page.click('.reports-dialog .continue');
    else if (s === 'handover') { log.handovers++; await page.click('[data-action=take-desk]'); }
    else if (s === 'decision') { log.decisions++; await page.locator('.option-btn').first().click(); }
    else {
      if (log.turns >= maxDesks) return log;
      const box = page.locator('.orders input[type=checkbox]:not(:disabled)').first();
      if (await box.count()) { await box.check(); log.orders++; }
      await page.click('[data-action=send]');
      log.turns++;
      // The desk is replaced once the orders are taken.
      await page.waitForSelector('[data-action=send]', { state: 'detached', timeout: 30_000 }).catch(() => undefined);
    }
  }
  throw new Error('the game did not end');
}

/** The date in the top bar. */
export const topDate = (page: Page) => page.locator('.topbar .date').innerText();
