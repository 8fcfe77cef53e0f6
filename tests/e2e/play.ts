// Driving the game through its screen, as a person would: by clicking or by keys only. No Vitest
// here, so the web bench can drive a game too.
import type { Page } from 'playwright-core';
import { screenshot } from './screenshot';

export type Screen = 'reports' | 'decision' | 'desk' | 'handover' | 'end';

const SELECTORS: [Screen, string][] = [
  ['end', '.end-dialog'],
  ['handover', '[data-action=take-desk]'],
  ['decision', '.option-btn'],
  ['reports', '.reports-dialog .continue'],
  ['desk', '[data-action=send]'],
];

/** How long one screen may take to come, at most (a computer's turn included). */
const SCREEN_TIMEOUT = 60_000;

interface InPageArgs {
  selectors: [Screen, string][];
  timeout: number;
  /** Return at once with the screen that is showing (nextScreen), or play on (playInPage). */
  play: boolean;
  /** Return at a desk once this many desks have been sent. */
  maxDesks: number;
  /** Return when one of these shows. */
  stopAt: Screen[];
  /** Tick the first order that can be afforded at each desk. */
  tick: boolean;
  /** At each desk open `tab`; return if `selector` is there, else go back to `back` and play on. */
  stopWhen: { tab: string; selector: string; back: string } | null;
}

export interface InPageResult {
  screen: Screen;
  turns: number;
  decisions: number;
  orders: number;
  handovers: number;
}

/**
 * Runs inside the page (so it must not use anything from this module's scope): waits for the
 * screens as they come, on DOM changes rather than a polling clock, and with `play` answers them
 * with DOM clicks, one round trip for many turns.
 */
function inPage(a: InPageArgs): Promise<InPageResult> {
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
  const find = (): [Screen, HTMLElement] | null => {
    for (const [name, sel] of a.selectors) {
      for (const el of document.querySelectorAll<HTMLElement>(sel)) if (visible(el)) return [name, el];
    }
    return null;
  };
  const until = <T>(what: string, f: () => T | null | false): Promise<T> =>
    new Promise((resolve, reject) => {
      const obs = new MutationObserver(() => check());
      // Visibility can change with no mutation under `document` (a style sheet, a layout): look now and then too.
      const every = setInterval(() => check(), 250);
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${what}: nothing after ${a.timeout} ms`));
      }, a.timeout);
      const done = () => {
        obs.disconnect();
        clearInterval(every);
        clearTimeout(timer);
      };
      const check = () => {
        const v = f();
        if (v) {
          done();
          resolve(v);
        }
      };
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });
  const log: InPageResult = { screen: 'desk', turns: 0, decisions: 0, orders: 0, handovers: 0 };
  return (async () => {
    for (;;) {
      let [screen, el] = await until('waiting for the next screen', find);
      log.screen = screen;
      if (!a.play || screen === 'end' || a.stopAt.includes(screen) || (screen === 'desk' && log.turns >= a.maxDesks)) return log;
      if (screen === 'desk' && a.stopWhen) {
        document.querySelector<HTMLElement>(a.stopWhen.tab)!.click();
        if (document.querySelector(a.stopWhen.selector)) return log;
        document.querySelector<HTMLElement>(a.stopWhen.back)!.click();
        el = document.querySelector<HTMLElement>('[data-action=send]')!;
      }
      if (screen === 'desk') {
        const box = a.tick ? document.querySelector<HTMLInputElement>('.orders input[type=checkbox]:not(:disabled)') : null;
        if (box) {
          box.click();
          log.orders++;
        }
        // Ticking redraws the panel, and its send button with it.
        el = document.querySelector<HTMLElement>('[data-action=send]')!;
        log.turns++;
      } else if (screen === 'decision') log.decisions++;
      else if (screen === 'handover') log.handovers++;
      el.click();
      // Every answer takes its screen away at once; if it stays, the click was refused.
      await until(`the ${screen} screen did not go after a click`, () => !el.isConnected || !visible(el));
    }
  })();
}

/**
 * Runs inPage in the page. It goes as source text with a no-op `__name` beside it: tsx (the web
 * bench) compiles with esbuild's keepNames, which wraps inner functions in calls to a helper that
 * exists only in Node.
 */
const runInPage = (page: Page, a: InPageArgs): Promise<InPageResult> =>
  page.evaluate(`(() => { const __name = f => f; return (${inPage.toString()})(${JSON.stringify(a)}); })()`) as Promise<InPageResult>;

const inPageDefaults: InPageArgs = { selectors: SELECTORS, timeout: SCREEN_TIMEOUT, play: false, maxDesks: 0, stopAt: [], tick: true, stopWhen: null };

/** Waits until the game asks something of the person, and says what (the first visible, in SELECTORS' order). */
export async function nextScreen(page: Page, timeout = SCREEN_TIMEOUT): Promise<Screen> {
  return (await runInPage(page, { ...inPageDefaults, timeout })).screen;
}

/**
 * Plays on inside the page with DOM clicks (first option of each decision; at each desk the first
 * order it can afford, unless `tick` is false) until the game ends, a screen in `stopAt` shows, a
 * desk comes after `maxDesks` desks, or `stopWhen` holds at a desk. For the long stretches of a
 * game that a test only needs played, not photographed or clicked at with the mouse: one round
 * trip instead of several per turn, so a busy machine slows it only as much as it slows the game.
 */
export async function playInPage(page: Page, opts: Partial<Pick<InPageArgs, 'maxDesks' | 'stopAt' | 'tick' | 'stopWhen'>> = {}): Promise<InPageResult> {
  const maxDesks = opts.maxDesks === undefined || !Number.isFinite(opts.maxDesks) ? 1e9 : opts.maxDesks;
  return runInPage(page, { ...inPageDefaults, ...opts, maxDesks, play: true });
}

export async function newGame(
  page: Page,
  opts: { scenario?: string; side: 'britain' | 'ussr'; opponent: 'persona' | 'negotiator' | 'historical' | 'hotseat' | 'search'; level?: number; fidelity?: number; seed: string },
): Promise<void> {
  await page.click('[data-action=new]');
  await page.waitForSelector('[data-action=start]');
  if (opts.scenario) await page.check(`input[name=scenario][value="${opts.scenario}"]`);
  await page.check(`input[name=side][value=${opts.side}]`);
  await page.check(`input[name=opponent][value=${opts.opponent}]`);
  if (opts.level !== undefined) await page.selectOption('#strength', String(opts.level));
  if (opts.fidelity !== undefined) await page.fill('#fidelity', String(opts.fidelity));
  await page.fill('#seed', opts.seed);
  await page.click('[data-action=start]');
}

export interface PlayLog {
  turns: number;
  decisions: number;
  orders: number;
  handovers: number;
  shots: Set<Screen>;
}

/**
 * Plays on until the game ends (or `maxDesks` desks have been sent): takes the first option of
 * every decision, and at each desk ticks the first order it can afford. The first `mouseDesks`
 * desks and the first screen of each kind are played with the mouse, and each kind photographed
 * once under `prefix`; the turns between are played in the page (playInPage), the same moves.
 */
export async function playByMouse(page: Page, prefix: string, maxDesks = Infinity, { mouseDesks = 2 } = {}): Promise<PlayLog> {
  const log: PlayLog = { turns: 0, decisions: 0, orders: 0, handovers: 0, shots: new Set() };
  const shot = async (s: Screen) => {
    if (log.shots.has(s)) return;
    log.shots.add(s);
    await screenshot(page, `${prefix}-${s}`);
  };
  for (let guard = 0; guard < 2000; guard++) {
    let s = await nextScreen(page);
    if (log.turns >= mouseDesks && log.turns < maxDesks && s !== 'end' && log.shots.has(s)) {
      const r = await playInPage(page, { maxDesks: maxDesks - log.turns, stopAt: SELECTORS.map(([k]) => k).filter(k => !log.shots.has(k)) });
      log.turns += r.turns;
      log.decisions += r.decisions;
      log.orders += r.orders;
      log.handovers += r.handovers;
      s = r.screen;
    }
    await shot(s);
    if (s === 'end') return log;
    if (s === 'reports') await page.click('.reports-dialog .continue');
    else if (s === 'handover') {
      log.handovers++;
      await page.click('[data-action=take-desk]');
    } else if (s === 'decision') {
      log.decisions++;
      await page.locator('.option-btn').first().click();
    } else {
      if (log.turns >= maxDesks) return log;
      const box = page.locator('.orders input[type=checkbox]:not(:disabled)').first();
      if (await box.count()) {
        await box.check();
        log.orders++;
      }
      await page.click('[data-action=send]');
      log.turns++;
      // The desk is replaced once the orders are taken.
      await page.waitForSelector('[data-action=send]', { state: 'detached', timeout: 30_000 }).catch(() => undefined);
    }
  }
  throw new Error('the game did not end');
}

/** Load a save from the game screen and play it on to its end screen, giving the first option of every decision. */
export async function loadAndPlayToEnd(page: Page, name: string, body: string, untilDate: string): Promise<void> {
  await page.setInputFiles('[data-action=load-input]', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await page.waitForFunction(d => document.querySelector('.topbar .date')?.textContent?.includes(d), untilDate, { timeout: 60_000 });
  for (let s = await nextScreen(page); s !== 'end'; s = await nextScreen(page)) {
    if (s === 'desk') await page.click('[data-action=send]');
    else if (s === 'reports') await page.click('dialog[open] .continue');
    else if (s === 'decision') await page.locator('.option-btn').first().click();
    else throw new Error(`unexpected screen ${s} before the end`);
  }
}

/** The date in the top bar. */
export const topDate = (page: Page) => page.locator('.topbar .date').innerText();

/**
 * Clicks one of the top bar's buttons (`selector`, e.g. '[data-action=exit]'), opening the bar's
 * More menu first where the button is behind it (game.ts, fitTop: what fits depends on the width).
 */
export async function clickTopButton(page: Page, selector: string): Promise<void> {
  const button = page.locator(`.topbar ${selector}`);
  if (!(await button.isVisible())) await page.click('.topbar [data-action=menu]');
  await button.click();
}
