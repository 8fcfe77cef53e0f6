// No sound before the first gesture (session 22): the page made its AudioContext as it loaded (Howler's
// first call, setting the volume), which a browser refuses until the person has pressed or typed
// something, and warns about ("The AudioContext was not allowed to start"). Now nothing touches
// Howler until the first press: the title's music, asked for at load, starts with it. Headless
// Chromium lets sound start anyway, so the test watches for the context itself.
import { expect, it } from 'vitest';
import { describeBrowser } from './harness';

/** Records each AudioContext the page makes, and whether the person had pressed or typed anything by then. */
function probeAudioContexts(): void {
  const made: { activated: boolean }[] = [];
  (window as unknown as { __contexts: typeof made }).__contexts = made;
  const Base = window.AudioContext;
  window.AudioContext = class extends Base {
    constructor(options?: AudioContextOptions) {
      super(options);
      made.push({ activated: navigator.userActivation.hasBeenActive });
    }
  };
}

const contexts = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __contexts: { activated: boolean }[] }).__contexts);

describeBrowser('sound waits for the first gesture', browser => {
  it('makes no AudioContext on the title screen until a press, then plays the title music it had asked for', async () => {
    const tp = await browser.open('/', { reducedMotion: 'reduce' });
    const page = tp.page;
    await tp.context.addInitScript(probeAudioContexts);
    await page.reload();
    await page.waitForSelector('[data-action=new]');
    // The title has settled: its fonts in, its music asked for, a few frames drawn.
    await page.waitForFunction(() => performance.getEntriesByName('title-shown').length > 0);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))));
    expect(await contexts(page), 'AudioContexts made before any gesture').toEqual([]);
    await page.click('[data-action=new]');
    await page.waitForSelector('[data-action=start]');
    expect(await contexts(page), 'made at the first press').toEqual([{ activated: true }]);
    // The music asked for before the press was kept, and starts now.
    await page.waitForFunction(() =>
      (window as unknown as { Howler?: { _howls: { playing(): boolean; _src: string | string[] }[] } }).Howler?._howls.some(h => h.playing() && String(h._src).includes('music-title')),
    );
    tp.expectNoConsoleErrors();
  });
});
