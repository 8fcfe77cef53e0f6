// The fidelity dial (and the strength) on the new-game screen acts only where the computer can leave history: for a
// second person or the computer as history it is disabled, and its help says why; a game begun
// against history is saved without a fidelity it never had. Photographed at 1280x720 and on a
// phone's 390x844 as fidelity-idle-WxH (disabled) and fidelity-acts-WxH, the dial in view.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, viewportShot } from './harness';

const dial = async (page: Page) => ({
  disabled: await page.isDisabled('#fidelity'),
  help: (await page.textContent('#fidelity-help'))!,
  value: await page.isVisible('#fidelity-value'),
});

describeBrowser('the fidelity dial', browser => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`acts only on a computer that can leave history, and says why it is idle (${viewport.width}x${viewport.height})`, async () => {
      const tp = await browser.open('/', { viewport, reducedMotion: 'reduce' });
      const page = tp.page;
      await page.click('[data-action=new]');
      await page.waitForSelector('[data-action=start]');
      // The persona, the bargainer and the search player can each be held to history.
      for (const opp of ['persona', 'negotiator', 'search']) {
        await page.check(`input[name=opponent][value=${opp}]`);
        const d = await dial(page);
        expect(d.disabled, opp).toBe(false);
        expect(d.value, opp).toBe(true);
        expect(d.help).toMatch(/^At 0 the computer makes the historical choice/);
        // The strength acts only on the computer thinking ahead.
        expect(await page.isDisabled('#strength'), opp).toBe(opp !== 'search');
        expect(await page.textContent('#strength-help'), opp).toMatch(opp === 'search' ? /^Only how long it may think/ : /^Not used with this opponent: only the computer thinking ahead/);
      }
      await page.fill('#fidelity', '0.4');
      await page.evaluate(() => document.querySelector('#fidelity')?.scrollIntoView({ block: 'center' }));
      await viewportShot(page, `fidelity-acts-${viewport.width}x${viewport.height}`);
      // History's own player and a second person: nothing for the dial to hold.
      await page.check('input[name=opponent][value=hotseat]');
      expect(await dial(page)).toEqual({ disabled: true, value: false, help: 'Not used with this opponent: a person plays that side, and the dial holds only a computer player to history.' });
      await page.check('input[name=opponent][value=historical]');
      expect(await dial(page)).toEqual({ disabled: true, value: false, help: 'Not used with this opponent: the historical player makes history’s every move already.' });
      expect(await page.isDisabled('#strength')).toBe(true);
      await page.evaluate(() => document.querySelector('#fidelity')?.scrollIntoView({ block: 'center' }));
      await viewportShot(page, `fidelity-idle-${viewport.width}x${viewport.height}`);
      // Begun against history with the dial left at 0.4: saved as the historical player, with no "@0.4".
      await page.fill('#seed', '3');
      await page.click('[data-action=start]');
      await page.waitForFunction(() => Object.values(localStorage).some(v => v.includes('"historical')), null, { timeout: 60_000 });
      const saved = await page.evaluate(() => Object.values(localStorage).join('\n'));
      expect(saved).toContain('"historical"');
      expect(saved).not.toContain('historical@');
      tp.expectNoConsoleErrors();
      await tp.close();
    }, 180_000);
  }
});
