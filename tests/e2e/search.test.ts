// The computer thinking ahead, in the browser: chosen on the new-game screen with its strength and
// the fidelity dial, it plays from the Web Worker, and its reasons show under "Why?" in the reports.
// Photographed as search-setup-<width> and search-why.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { playInPage } from './play';

describeBrowser('the search player', browser => {
  it('is chosen with a strength and a fidelity, plays, and says why it moved', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    await page.click('[data-action=new]');
    await page.waitForSelector('[data-action=start]');
    await page.check('input[name=scenario][value="1927"]');
    await page.check('input[name=side][value=ussr]');
    await page.check('input[name=opponent][value=search]');
    await page.selectOption('#strength', '1');
    await page.fill('#fidelity', '0.8');
    expect(await page.textContent('#fidelity-value')).toBe('0.80');
    await page.evaluate(() => document.querySelector('#fidelity')?.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'search-setup-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'search-setup-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.fill('#seed', '5');
    await page.click('[data-action=start]');
    // A few turns, then the reports tab: the computer's reasons for its moves the Soviet side may know of.
    const end = await playInPage(page, { maxDesks: 6 });
    expect(end.screen).toBe('desk');
    await page.keyboard.press('r');
    await page.waitForSelector('.reasons-list .reasons summary', { timeout: 30_000 });
    const summary = await page.textContent('.reasons-list .reasons summary');
    expect(summary).toMatch(/Why\?/);
    expect(summary).toMatch(/Britain/);
    await screenshot(page, 'search-why');
    // The game is saved with who played Britain, strength and fidelity in the name.
    const sides = await page.evaluate(() =>
      Object.entries(localStorage)
        .map(([, v]) => v)
        .join('\n'),
    );
    expect(sides).toContain('search:1@0.8');
    tp.expectNoConsoleErrors();
  }, 240_000);
});
