// The big moments in the browser: in a 1927 game as Britain, breaking off relations at the first desk
// brings a headline dialog of its own before the ordinary report, in big type, with the focus on its
// button (Enter closes it), and the live region announces it. Screenshot at 1280x720.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, nextScreen } from './play';

describeBrowser('headlines', browser => {
  it('breaking off relations in 1927 brings a headline dialog, announced and closed by keyboard', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const { page } = tp;
    // Against the historical player, seed 2: the Cabinet approves a break ordered at the first desk.
    await newGame(page, { scenario: '1927', side: 'britain', opponent: 'historical', seed: '2' });
    for (let guard = 0; guard < 20; guard++) {
      const s = await nextScreen(page);
      if (s === 'desk') break;
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
      else throw new Error(`unexpected screen ${s}`);
    }
    await page.check('[data-action-id=break-relations]');
    await page.click('[data-action=send]');

    const dialog = page.locator('dialog.headline-dialog', { hasText: 'relations broken off' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await dialog.locator('.dialog-head h2').innerText()).toMatch(/diplomatic relations/i);
    expect(await dialog.locator('.headline-text').innerText()).toBe('Relations broken off.');
    // big type: larger than the body's 16 px
    const size = await dialog.locator('.headline-text').evaluate(el => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    // the focus is on its button, and the live region has announced it
    expect(await page.evaluate(() => document.activeElement?.classList.contains('continue') && !!document.activeElement.closest('.headline-dialog'))).toBe(true);
    expect(await page.locator('#live').innerText()).toContain('Headline, Diplomatic relations: Relations broken off.');
    // it fits the page: no sideways scroll at 1280x720, the whole dialog on screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const box = (await dialog.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    const file = await screenshot(page, 'headline-relations-1280x720');
    expect(file).toMatch(/headline-relations-1280x720\.png$/);

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // No other headline repeats it; the game goes on to the next screen.
    expect(await page.locator('dialog.headline-dialog', { hasText: 'relations broken off' }).count()).toBe(0);
    expect(['reports', 'decision', 'desk']).toContain(await nextScreen(page));
    tp.expectNoConsoleErrors();
  });
});
