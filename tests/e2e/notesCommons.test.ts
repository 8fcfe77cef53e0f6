// The notes table tells the player every step a package must pass: both cabinets, then the Commons
// with its odds; each term's figure says how it sways the cabinet on the whole package; and a package
// the player's own cabinet would refuse carries a warning before it is sent. Photographed at a
// laptop's and a phone's size.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, playInPage } from './play';
import { viewportShot } from './screenshot';

describeBrowser('the notes table and the Commons', browser => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ])
    it(`shows the Commons step, each term's pull and the warning at ${size.width}x${size.height}`, async () => {
      const tp = await browser.open('/', { viewport: size });
      const page = tp.page;
      // 1927, game 1: the channel for notes opens at the fourth desk (as in screens.test.ts).
      await newGame(page, { side: 'britain', opponent: 'persona', seed: '1' });
      await playInPage(page, { tick: false, maxDesks: 30, stopWhen: { tab: '#tab-notes', selector: '.compose select', back: '#tab-orders' } });
      expect(await page.locator('.compose select').count()).toBeGreaterThan(1);
      const table = () => page.locator('.draft .acceptance').innerText();
      expect(await table()).toMatch(/The Commons\s+\d+% chance it approves, after both cabinets ratify; .*\(pressure \d+\) oppose any agreement/s);
      for (const t of await page.locator('.compose .term .share').allInnerTexts())
        expect(t).toMatch(/^(wins \d+% of the cabinet|turns \d+% of the cabinet against|counts (in favour|against); sways no vote alone|counts for nothing)$/);
      // The default draft takes each term's best option for Britain: the Cabinet backs it, no warning.
      expect(await page.locator('.draft .warn').count()).toBe(0);
      // Each term's worst option for Britain: the Cabinet will refuse it, and says so before it is sent.
      const ids = await page.locator('.compose select').evaluateAll(els => els.map(e => (e as HTMLSelectElement).dataset.term!));
      for (const id of ids) {
        const values = await page.locator(`select[data-term="${id}"] option`).evaluateAll(els => els.map(e => (e as HTMLOptionElement).value));
        let worst = { v: Infinity, o: values[0]! };
        for (const o of values) {
          await page.selectOption(`select[data-term="${id}"]`, o);
          const worth = await page.locator(`select[data-term="${id}"]`).locator('xpath=ancestor::div[contains(@class,"term")]').locator('.values').innerText();
          const v = Number(/Worth ([+−-]?[\d.]+)/.exec(worth)![1]!.replace('−', '-').replace('+', ''));
          if (v < worst.v) worst = { v, o };
        }
        await page.selectOption(`select[data-term="${id}"]`, worst.o);
      }
      const warn = page.locator('.draft .warn');
      expect(await warn.innerText()).toMatch(/^Your own cabinet will probably not ratify this package: only \d+% chance\. .*You may still send it\.$/);
      await page.locator('.draft .acceptance').scrollIntoViewIfNeeded();
      await (size.width < 600 ? viewportShot(page, `notes-commons-${size.width}`) : screenshot(page, `notes-commons-${size.width}`));
      // Still the player's choice: the note can be added.
      await page.click('[data-action=add-note]');
      await page.waitForSelector('[data-action=drop-note]');
      expect(await warn.count()).toBe(1);
      tp.expectNoConsoleErrors();
    });

  it('warns before the player accepts a note his own cabinet will probably refuse, and names the Commons in the answer', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    // 1927, game 1: the Soviet Union's first note, which the Cabinet will not bear, awaits an answer by turn 17.
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '1' });
    await playInPage(page, { tick: false, maxDesks: 38, stopWhen: { tab: '#tab-notes', selector: '.incoming', back: '#tab-orders' } });
    const note = page.locator('.incoming .note').first();
    expect(await note.locator('.acceptance').innerText()).toMatch(/The Commons\s+\d+% chance it approves/);
    expect(await note.locator('.reply').innerText()).toContain('Accept (both cabinets, then the Commons, must ratify)');
    expect(await note.locator('.warn').count()).toBe(0);
    await note.locator('input[value=accept]').check();
    expect(await page.locator('.incoming .note .warn').first().innerText()).toMatch(
      /^Your own cabinet will probably not ratify this package: only \d+% chance\. If you accept it, .*You may still accept it\.$/,
    );
    await screenshot(page, 'notes-accept-warning');
    tp.expectNoConsoleErrors();
  });
});
