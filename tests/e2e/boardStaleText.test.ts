// No text on the board is drawn with another font's metrics (playtest of session 23): a redraw
// reuses its text objects (draw.ts, Bag), and one given a new font kept the old font's metrics,
// Phaser measuring a font only when a text is made or its style set with an update, so from the
// second turn on some cards showed an office or a mood stretched and set low ("Dep. Commissar"
// under Piatakov, "Counsellor" under Bogomolov, "mood 55"). The board reports such texts
// (#board data-stale-text, boardGame.ts staleTexts); here over four turns, and the other cabinet.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { clickTopButton, newGame, playInPage, topDate } from './play';

describeBrowser('board texts keep their own fonts’ metrics', browser => {
  it('1932 as the Soviet Union: no stale text over four turns and the other cabinet', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const { page } = tp;
    await newGame(page, { scenario: '1932', side: 'ussr', opponent: 'historical', seed: '7' });
    const stale: string[] = [];
    const read = async () => {
      const said = await page
        .waitForFunction(() => {
          const v = document.querySelector<HTMLElement>('#board')?.dataset.staleText;
          return v === undefined ? null : { v };
        })
        .then(h => h.jsonValue().then(o => o!.v));
      const date = (await topDate(page)).split('\n')[0];
      if (said) stale.push(...said.split(' | ').map(t => `${date}: ${t}`));
    };
    for (let turn = 0; turn < 4; turn++) {
      const s = await playInPage(page, { maxDesks: turn ? 1 : 0, tick: false });
      expect(s.screen).toBe('desk');
      await read();
    }
    await clickTopButton(page, '[data-action=toggle-cabinet]');
    await page.waitForTimeout(300);
    await read();
    await screenshot(page, 'board-stale-text-1932');
    expect(stale).toEqual([]);
    tp.expectNoConsoleErrors();
  }, 240_000);
});
