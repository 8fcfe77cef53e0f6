// The board's WebGL contexts are freed once done with, not left to the garbage collector, whose
// sweep frees a context with a wait for the GPU process at any moment (the long main-thread task on
// the computer's first move that `npm run bench:web` found): Phaser's own test context as soon as
// Phaser has loaded (src/ui/board/webglRelease.ts), the board's own when the game is left. The
// board draws on WebGL2, which the computer's turn fences to wait for the GPU (boardGame.ts drawn()).
import { expect, it } from 'vitest';
import { describeBrowser } from './harness';
import { clickTopButton, nextScreen } from './play';

/** Every WebGL context the page makes, in order, for the test to ask whether it is lost. */
const RECORD_CONTEXTS = `(() => {
  const made = [];
  window.__webgl = made;
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, options) {
    const ctx = original.call(this, type, options);
    if (ctx && /webgl/.test(type)) made.push({ type, ctx, size: this.width + 'x' + this.height });
    return ctx;
  };
})();`;

type Made = { type: string; lost: boolean; size: string }[];
const contexts = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    (window as unknown as { __webgl: { type: string; ctx: WebGLRenderingContext; size: string }[] }).__webgl.map(m => ({ type: m.type, lost: m.ctx.isContextLost(), size: m.size })),
  ) as Promise<Made>;

describeBrowser('the board’s WebGL contexts', browser => {
  it('frees Phaser’s test context on loading and the board’s on leaving the game; the board draws on WebGL2', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.addInitScript(RECORD_CONTEXTS);
    await page.reload();
    await page.click('[data-action=new]');
    await page.check('input[name=side][value=britain]');
    await page.check('input[name=opponent][value=persona]');
    await page.fill('#seed', '3');
    await page.click('[data-action=start]');
    await nextScreen(page);
    await page.waitForFunction(() => document.querySelector('#board canvas'));
    const inGame = await contexts(page);
    // Phaser's 1x1 test context, lost at once; the board's WebGL2 context, drawing.
    expect(inGame).toEqual([
      { type: 'webgl', lost: true, size: '1x1' },
      { type: 'webgl2', lost: false, size: expect.any(String) },
    ]);
    await page.keyboard.press('Escape');
    await clickTopButton(page, '[data-action=exit]');
    await page.waitForSelector('[data-action=new]');
    await page.waitForFunction(() => (window as unknown as { __webgl: { ctx: WebGLRenderingContext }[] }).__webgl.every(m => m.ctx.isContextLost()), null, { timeout: 10_000 });
    expect((await contexts(page)).map(m => m.lost)).toEqual([true, true]);
    tp.expectNoConsoleErrors();
  }, 120_000);
});
