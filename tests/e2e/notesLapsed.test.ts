// A note that lapsed on its way, on screen at its sender's seat (tests/app/noteWords.test.ts has the
// words): a 1929 game of two negotiators in which Britain sends a note and, in the same orders,
// accepts Moscow's, whose ratification closes the talks before Britain's arrives. Loaded at
// Britain's seat, the notes tab lists it as never received by the other side and no longer says
// there are "no talks yet", and its text overlaps nothing. Photographed at 1280x720 and 390x844
// as notes-lapsed-*.
import { expect, it } from 'vitest';
import { makeNegotiator } from '../../src/ai/index';
import { AI_VIEW, aiRng, nextMove, toMove } from '../../src/ai/player';
import { makeAppSave } from '../../src/app/saveFile';
import { answerable, applyMove, compile, createGame, type Move, seatView } from '../../src/engine/index';
import { defaultDraft } from '../../src/ui/dom/orders';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot, viewportShot } from './harness';
import { textOverlaps } from './overlap';
import { nextScreen, playInPage } from './play';

/** The 1929 save, Britain to move, just after its note lapsed on its way (the first seed that gives one). */
function lapsedSave(): string {
  const sc = loadScenarioFile('1929');
  const c = compile(sc);
  for (let k = 0; k < 40; k++) {
    const seed = `lapse-${k}`;
    const players = { britain: makeNegotiator(sc, 'britain'), ussr: makeNegotiator(sc, 'ussr') };
    const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
    let s = createGame(sc, seed);
    const moves: Move[] = [];
    while (!s.ended && !s.offers.some(o => o.unread)) {
      const side = toMove(s, 'britain') ? 'britain' : 'ussr';
      let m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
      // Britain answers Moscow's note with a note of its own sent first, then the acceptance.
      const n = side === 'britain' && m.type === 'orders' ? answerable(s, 'britain')[0]?.n : undefined;
      if (n !== undefined) {
        const both: Move = {
          type: 'orders',
          side,
          orders: [
            { kind: 'offer', terms: defaultDraft(c, 'britain') },
            { kind: 'reply', offer: n, accept: true },
          ],
        };
        if (applyMove(sc, s, both).ok) m = both;
      }
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      moves.push(m);
    }
    if (!s.ended) return JSON.stringify(makeAppSave(sc, seed, moves, s, { britain: 'human', ussr: 'negotiator' }));
  }
  throw new Error('no 1929 game of two negotiators in which a note lapsed on its way');
}

describeBrowser('a note that lapsed on its way', browser => {
  const body = lapsedSave();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ])
    it(`is listed at its sender's seat as never received, at ${size.width}x${size.height}`, async () => {
      const tp = await browser.open('/', { viewport: size });
      const page = tp.page;
      await page.waitForSelector('[data-action=new]');
      await page.setInputFiles('#load-file', { name: 'lapsed.json', mimeType: 'application/json', buffer: Buffer.from(body) });
      await nextScreen(page);
      expect((await playInPage(page, { maxDesks: 0, tick: false })).screen).toBe('desk');
      await page.click('#tab-notes');
      const record = page.locator('.notes .record li');
      expect(await record.allInnerTexts()).toContain('British note 1: lapsed before it arrived, so the Soviet Union never received it');
      expect(await page.locator('.notes .draft .empty').innerText()).toBe('The talks are over: a settlement has been ratified. No more notes can be sent.');
      expect(await textOverlaps(page, '.notes')).toEqual([]);
      await page.locator('.notes .record').scrollIntoViewIfNeeded();
      await (size.width < 600 ? viewportShot(page, `notes-lapsed-${size.width}`) : screenshot(page, `notes-lapsed-${size.width}`));
      tp.expectNoConsoleErrors();
    }, 180_000);
});
