// Browser-test harness: the built app (built and served once per run by tests/e2e/globalSetup.ts)
// in headless Chromium through playwright-core.
//
//   describeBrowser('title screen', browser => {
//     it('shows the title', async () => {
//       const { page, expectNoConsoleErrors } = await browser.open('/', { reducedMotion: 'reduce' });
//       await page.waitForSelector('h1');
//       await screenshot(page, 'title');
//       expectNoConsoleErrors();
//     });
//   });
//
// With no Chromium (CHROMIUM_PATH, else /usr/bin/chromium) the suite is skipped, and says why.
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumPath, launchChromium, noChromiumReason } from './chromium';
import { screenshot } from './screenshot';

export { CHROMIUM_ARGS, chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where globalSetup serves the built app ('' when browser tests are skipped). */
    e2eBaseUrl: string;
    /** Why the app could not be built ('' if it was): every browser test fails with it. */
    e2eBuildError: string;
    /** The built app's directory ('' when the app is served from E2E_BASE_URL or tests are skipped). */
    e2eDistDir: string;
  }
}

export { SCREENSHOT_DIR, screenshot, viewportShot } from './screenshot';

export interface OpenOptions {
  /** Emulated prefers-reduced-motion (default 'no-preference'). */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Default 1280 x 800. */
  viewport?: { width: number; height: number };
  /** Console errors matching one of these are not counted (the favicon 404 never is). */
  allowErrors?: RegExp[];
  /** Anything else for the browser context (locale, colorScheme, deviceScaleFactor ...). */
  context?: BrowserContextOptions;
  /**
   * Frames a second the page may draw at most (default FRAME_CAP; 0 leaves it free). Without a
   * GPU the board's WebGL is drawn in software, and Phaser draws every frame whether anything moved
   * or not: at 60 a second that takes one to one and a half cores, which on a small machine starves
   * the page, the computer's worker and everything else. Animations take as long, in fewer steps.
   */
  maxFps?: number;
  /** Wait for this load state after navigating (default 'load'). */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors so far, in order. */
  errors: string[];
  /** Fails the test, listing them, if the page has logged an error or thrown. */
  expectNoConsoleErrors(): void;
  close(): Promise<void>;
}

export interface BrowserSuite {
  /** The launched browser (valid inside tests and hooks). */
  readonly browser: Browser;
  /** The app's base URL, e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** A fresh context (cold cache, no storage) with a page at `urlPath` of the built app. */
  open(urlPath?: string, options?: OpenOptions): Promise<TestPage>;
}

const IGNORED_ERRORS = [/\/favicon\.ico$/];

/** Frames a second a test page draws at most: each costs the GPU process about 0.1 s of CPU here, and a few a second are enough to see every screen settle. */
export const FRAME_CAP = 4;

/**
 * Caps the page's requestAnimationFrame (what Phaser's loop runs on) at `fps` frames a second,
 * `cancelAnimationFrame` included (the board sleeps while the computer thinks). Playwright's own
 * waits run in another JavaScript world and keep the real one.
 */
function capFrames(fps: number): void {
  const gap = 1000 / fps;
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const pending = new Map<number, { timer: number; frame?: number }>();
  let next = 1;
  let last = -Infinity;
  window.requestAnimationFrame = cb => {
    const id = next++;
    const p: { timer: number; frame?: number } = {
      timer: window.setTimeout(
        () => {
          p.frame = raf(t => {
            pending.delete(id);
            last = performance.now();
            cb(t);
          });
        },
        Math.max(0, last + gap - performance.now()),
      ),
    };
    pending.set(id, p);
    return id;
  };
  window.cancelAnimationFrame = id => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (p.frame !== undefined) caf(p.frame);
  };
}

function describeMessage(msg: ConsoleMessage): string {
  const loc = msg.location();
  return loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text();
}

async function track(context: BrowserContext, options: OpenOptions): Promise<TestPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = [...IGNORED_ERRORS, ...(options.allowErrors ?? [])];
  page.on('console', msg => {
    if (msg.type() !== 'error') return;
    const text = describeMessage(msg);
    if (!allowed.some(re => re.test(text) || re.test(msg.location().url))) errors.push(`console.error: ${text}`);
  });
  page.on('pageerror', err => errors.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  return {
    page,
    context,
    errors,
    expectNoConsoleErrors() {
      expect(errors, `console errors on ${page.url()}:\n${errors.join('\n')}`).toEqual([]);
    },
    close: () => context.close(),
  };
}

/**
 * A describe() block for browser tests: launches Chromium once for the block and closes every
 * page a test opened after it (screenshotting them first as FAILED-<test> if the test failed).
 * Skipped, with the reason in the suite name and a warning, when there is no Chromium.
 */
export function describeBrowser(name: string, body: (suite: BrowserSuite) => void): void {
  const exe = chromiumPath();
  const baseUrl = exe ? (inject('e2eBaseUrl') ?? '') : '';
  const buildError = exe ? (inject('e2eBuildError') ?? '') : '';
  const skipReason = !exe ? noChromiumReason() : !baseUrl && !buildError ? 'no app URL (run through vitest with tests/e2e/globalSetup.ts)' : '';
  if (skipReason) console.warn(`browser tests skipped: ${skipReason}`);

  let browser: Browser | undefined;
  const open: TestPage[] = [];
  const suite: BrowserSuite = {
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test or hook)');
      return browser;
    },
    baseUrl,
    async open(urlPath = '/', options = {}) {
      const context = await suite.browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        reducedMotion: options.reducedMotion ?? 'no-preference',
        ...options.context,
      });
      const fps = options.maxFps ?? FRAME_CAP;
      if (fps > 0) await context.addInitScript(capFrames, fps);
      const tp = await track(context, options);
      open.push(tp);
      await tp.page.goto(new URL(urlPath, baseUrl + '/').href, { waitUntil: options.waitUntil ?? 'load' });
      return tp;
    },
  };

  describe.skipIf(!!skipReason)(skipReason ? `${name} (skipped: ${skipReason})` : name, () => {
    if (buildError) {
      // One failing test (counted as a failure) instead of the suite's own tests.
      it('the app builds', () => {
        throw new Error(`the app did not build, so no browser test can run:\n${buildError}`);
      });
      return;
    }
    beforeAll(async () => {
      browser = await launchChromium(exe);
    });
    afterEach(async ctx => {
      const failed = ctx.task.result?.state === 'fail';
      for (const [i, tp] of open.splice(0).entries()) {
        if (failed && !tp.page.isClosed()) {
          await screenshot(tp.page, `FAILED-${ctx.task.name}${i ? `-${i}` : ''}`).catch(() => undefined);
        }
        await tp.close().catch(() => undefined);
      }
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(suite);
  });
}

/** Alias of describeBrowser. */
export const browserSuite = describeBrowser;

/** Waits for a visible <h1> and returns its text. */
export async function waitForHeading(page: Page, timeout = 30_000): Promise<string> {
  const h1 = page.locator('h1').first();
  await h1.waitFor({ state: 'visible', timeout });
  return (await h1.textContent()) ?? '';
}

/** How a teacher sets up a class on the console: how many groups, the minutes a turn (0: no deadline), who deals the seats. */
export interface ClassSetup {
  groups: number;
  /** Minutes a turn; the form's own default (5) if left out. */
  pace?: number;
  /** 'assign' (the server deals seats) or 'pick' (students choose); the form's default ('assign') if left out. */
  seating?: 'assign' | 'pick';
  /** Default '1927'. */
  scenario?: string;
}

/**
 * Creates a class from the teacher's console (a page already at the classroom server's /?class), as a
 * teacher would, and returns its groups' join codes once every group's card shows one.
 */
export async function createClass(page: Page, { groups, pace, seating, scenario = '1927' }: ClassSetup): Promise<string[]> {
  await page.selectOption('#scenario', scenario);
  await page.fill('#groups', String(groups));
  if (seating !== undefined) await page.selectOption('#seating', seating);
  if (pace !== undefined) await page.fill('#pace', String(pace));
  await page.click('[data-action=create-class]');
  await page.waitForFunction(n => document.querySelectorAll('.group-card .gc-code').length === n, groups);
  return page.locator('.gc-code').allInnerTexts();
}

/** What the eye reads for each select matching `selector`: its chosen option, the text shown for it, whether that text is cut or reaches past the window, and how many lines it takes. */
export function selectsAsShown(page: Page, selector: string): Promise<{ chosen: string; shown: string | null; cut: boolean; lines: number }[]> {
  return page.evaluate(
    sel =>
      [...document.querySelectorAll<HTMLSelectElement>(sel)].map(s => {
        // The box drawn for a select shown in full (src/ui/dom/select.ts); none: the select cuts its text.
        const box = s.parentElement!.querySelector<HTMLElement>('.select-shown');
        const r = box?.getBoundingClientRect();
        return {
          chosen: s.selectedOptions[0]?.text ?? '',
          shown: box?.checkVisibility() ? box.textContent : null,
          cut: !box || !r || box.scrollWidth > box.clientWidth + 0.5 || box.scrollHeight > box.clientHeight + 0.5 || r.left < -0.5 || r.right > innerWidth + 0.5,
          lines: box ? Math.round(box.clientHeight / parseFloat(getComputedStyle(box).lineHeight)) : 0,
        };
      }),
    selector,
  );
}

/** Chooses the option of the select at `selector` with the longest text. */
export async function chooseLongest(page: Page, selector: string): Promise<void> {
  const value = await page.locator(selector).evaluate((s: HTMLSelectElement) => [...s.options].reduce((a, o) => (o.text.length > a.text.length ? o : a)).value);
  await page.selectOption(selector, value);
}
