// The bargaining computer opponent in the browser: chosen on the new-game screen, it plays in the
// worker like the persona, and in 1932, once talks open, its notes reach the player's desk; at the
// end it is named as the bargaining computer.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, playInPage } from './play';

describeBrowser('the bargaining opponent', browser => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    it(`is offered on the new-game screen at ${viewport.width}x${viewport.height}`, async () => {
      const { page, expectNoConsoleErrors } = await browser.open('/', { viewport });
      await page.click('[data-action=new]');
      const choice = page.locator('input[name=opponent][value=negotiator]');
      await choice.waitFor({ state: 'attached' });
      await page.check('input[name=opponent][value=negotiator]');
      expect(await page.locator('label.option', { has: choice }).innerText()).toMatch(/bargaining/);
      await screenshot(page, `new-game-negotiator-${viewport.width}`);
      expectNoConsoleErrors();
    });

  it('plays 1932 against the player, and its note arrives once talks open', async () => {
    const { page, expectNoConsoleErrors } = await browser.open('/');
    await newGame(page, { scenario: '1932', side: 'britain', opponent: 'negotiator', seed: '8' });
    // Play on until the computer's note is delivered to the desk (talks open after Ottawa).
    const r = await playInPage(page, { stopWhen: { tab: '#tab-notes', selector: '.incoming .note', back: '#tab-orders' } });
    expect(r.screen).toBe('desk');
    await page.locator('.incoming .note').first().waitFor();
    expect(r.turns).toBeGreaterThan(5);
    await screenshot(page, 'negotiator-1932-note');
    // At the end the other side is named as the player chose it (it was called "at random").
    await page.click('#tab-orders');
    expect((await playInPage(page)).screen).toBe('end');
    const heads = await page.locator('.end-dialog h2').allInnerTexts();
    expect(heads).toContain('Britain (you)');
    expect(heads).toContain('Soviet Union — the computer, bargaining over every package');
    expectNoConsoleErrors();
  });
});
