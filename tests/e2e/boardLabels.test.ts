// No label on the board is cut with an ellipsis in the other years either: the 1929 and 1932 games,
// as each side, with each cabinet on show, at a projector's 1280x720. The board reports what it
// had to cut (#board data-cut-text, src/ui/board/boardGame.ts), and no bar runs through a text
// (data-crossed-text); the layout test covers 1927.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { clickTopButton, newGame, nextScreen, playInPage, topDate } from './play';

describeBrowser('board labels in 1929 and 1932', browser => {
  for (const [scenario, side] of [
    ['1929', 'britain'],
    ['1932', 'ussr'],
  ] as const) {
    it(`${scenario} as ${side}: every office and group on the board is whole or in its short form`, async () => {
      const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const { page } = tp;
      await newGame(page, { scenario, side, opponent: 'historical', seed: '3' });
      for (let guard = 0; guard < 20; guard++) {
        const s = await nextScreen(page);
        if (s === 'desk') break;
        if (s === 'reports') await page.click('dialog[open] .continue');
        else if (s === 'decision') await page.locator('.option-btn').first().click();
        else throw new Error(`unexpected screen ${s}`);
      }
      const cut: string[] = [];
      const crossed: string[] = [];
      for (const which of ['own', 'other']) {
        if (which === 'other') {
          await clickTopButton(page, '[data-action=toggle-cabinet]');
          await page.waitForTimeout(300);
        }
        await screenshot(page, `board-labels-${scenario}-${side}-${which}`);
        const said = await page.evaluate(() => document.querySelector<HTMLElement>('#board')?.dataset.cutText ?? null);
        expect(said, 'the board reports its cut texts').not.toBeNull();
        if (said) cut.push(...said.split(' | '));
        // No bar is drawn through a name or a figure (1929's ten pressure rows ran their bars along the names).
        const through = await page.evaluate(() => document.querySelector<HTMLElement>('#board')?.dataset.crossedText ?? null);
        expect(through, 'the board reports the texts its bars cross').not.toBeNull();
        if (through) crossed.push(...through.split(' | '));
      }
      expect(cut).toEqual([]);
      expect(crossed).toEqual([]);
      tp.expectNoConsoleErrors();
    }, 180_000);
  }

  // An incident's callout on the map is wrapped whole: capped at two lines, the week of Voikov's
  // murder (7 June 1927) showed "Voikov murdered in Warsaw; a bomb in" and dropped "Leningrad".
  it('1927 as britain: every incident callout on the map up to mid-June is whole', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const { page } = tp;
    await newGame(page, { scenario: '1927', side: 'britain', opponent: 'historical', seed: '3' });
    const cut: string[] = [];
    let date = '';
    for (let guard = 0; guard < 60 && !/\b(1[1-9]|2\d|30) June 1927/.test(date); guard++) {
      const s = await playInPage(page, { maxDesks: guard ? 1 : 0, stopAt: ['decision'], tick: false });
      if (s.screen === 'decision') {
        await page.locator('.option-btn').first().click();
        continue;
      }
      expect(s.screen).toBe('desk');
      date = await topDate(page);
      // The board is drawn once Phaser has loaded, after the first desk shows.
      const said = await page
        .waitForFunction(() => {
          const v = document.querySelector<HTMLElement>('#board')?.dataset.cutText;
          return v === undefined ? null : { v };
        })
        .then(h => h.jsonValue().then(o => o!.v));
      if (said) cut.push(...said.split(' | ').map(c => `${date.split('\n')[0]}: ${c}`));
    }
    expect(date).toMatch(/June 1927/);
    await screenshot(page, 'board-labels-1927-june');
    expect(cut).toEqual([]);
    tp.expectNoConsoleErrors();
  }, 240_000);
});
