// A decision option that moves no figure at once but sets later events in train says so, at the
// width the defect was found at (1366 x 768): 1929's "Invite an envoy to settle preliminaries",
// which opens the way to the talks, read "No direct change to a figure you can see" (session 22).
import { expect, it } from 'vitest';
import { historicalPlayer } from '../../src/ai/index';
import { runGame } from '../../src/ai/player';
import { makeAppSave } from '../../src/app/saveFile';
import { createGame, replay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';
import { newGame, nextScreen, playInPage } from './play';

/** A 1929 save played by the historical players up to the Cabinet's decision of 21 June, left to Britain. */
function beforeJune(): { name: string; body: string } {
  const sc = loadScenarioFile('1929');
  const run = runGame(sc, createGame(sc, 'preview'), { britain: historicalPlayer, ussr: historicalPlayer });
  const cut = run.moves.findIndex(m => m.type === 'decide' && m.side === 'britain' && m.event === 'cabinet-21-june');
  if (cut < 0) throw new Error('the history game never reached the decision of 21 June');
  const moves = run.moves.slice(0, cut);
  const r = replay(sc, 'preview', moves);
  if (!r.ok) throw new Error(r.error);
  return { name: 'june-1929.json', body: JSON.stringify(makeAppSave(sc, 'preview', moves, r.value, { britain: 'human', ussr: 'historical' })) };
}

describeBrowser('previews of what sets events in train', browser => {
  it('the envoy option says it sets later events in train, not that it changes nothing', async () => {
    const save = beforeJune();
    const tp = await browser.open('/', { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1929', side: 'britain', opponent: 'historical', seed: '1' });
    await playInPage(page, { tick: false, maxDesks: 0 });
    await page.setInputFiles('[data-action=load-input]', { name: save.name, mimeType: 'application/json', buffer: Buffer.from(save.body) });
    // The loaded game opens on its news or on the decision, not on the desk left behind.
    await page.waitForSelector('dialog[open] .continue, .option-btn', { timeout: 60_000 });
    for (let s = await nextScreen(page); s !== 'decision'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('dialog[open] .continue');
      else throw new Error(`unexpected screen ${s}`);
    }
    const option = page.locator('[data-option=preliminaries]');
    await option.scrollIntoViewIfNeeded();
    const effects = await option.locator('.effects').first().innerText();
    expect(effects).toBe('No figure moves at once; it sets later events in train.');
    // An option that moves figures still lists them.
    expect(await page.locator('[data-option=unconditional] .effects').first().innerText()).toMatch(/^Expected: /);
    await screenshot(page, 'preview-in-train-1366');
  });
});
