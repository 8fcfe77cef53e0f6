// The search's reasons when it reads the other side as a bargainer (search/opponent.ts): a 1932 game
// loaded at Britain's seat just after the person's first note reached Moscow, a note the British
// persona would not send (here the negotiator's). The computer (search:1) answers it, and its reasons
// in the reports say how its futures played Britain: giving ground as it has begun to, its answers
// played two ways. Photographed at 1280x720 as why-bargaining-reading and on a phone (390x844).
import { expect, it } from 'vitest';
import { makeNegotiator, makeSidePersona } from '../../src/ai/index';
import { AI_VIEW, aiRng, nextMove, toMove } from '../../src/ai/player';
import { readOpponent } from '../../src/ai/search/opponent';
import { makeAppSave } from '../../src/app/saveFile';
import { applyMove, compile, createGame, type Move, seatState, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser } from './harness';
import { nextScreen, playInPage } from './play';
import { reasonsTurn } from './reasonsTurn';

/** The save: a negotiator's Britain against the Soviet persona, up to Britain's first orders after Moscow reads it as bargaining. */
function bargainingSave(): string {
  const sc = loadScenarioFile('1932');
  const c = compile(sc);
  const seed = 'bargains-0';
  const players = { britain: makeNegotiator(sc, 'britain'), ussr: makeSidePersona(sc, 'ussr') };
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed);
  const moves: Move[] = [];
  while (!s.ended) {
    const side = toMove(s, 'britain') ? 'britain' : 'ussr';
    if (side === 'britain' && !s.pending.britain.length) {
      const v = seatView(c, s, 'ussr', AI_VIEW);
      if (readOpponent(c, v, seatState(v)) === 'negotiator') return JSON.stringify(makeAppSave(sc, seed, moves, s, { britain: 'human', ussr: 'search:1' }));
    }
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    moves.push(m);
    s = r.value;
  }
  throw new Error('the Soviet seat never read Britain as bargaining');
}

describeBrowser("the search's reasons against a side that bargains", browser => {
  it('say how its futures played that side, its answers two ways', async () => {
    const body = bargainingSave();
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await page.waitForSelector('[data-action=new]');
    await page.setInputFiles('#load-file', { name: 'bargaining.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await nextScreen(page);
    expect((await playInPage(page, { maxDesks: 0, tick: false })).screen).toBe('desk');
    const { text, phoneWidth, overlaps } = await reasonsTurn(page, t => t.includes('are played two ways'), 'why-bargaining-reading', 3);
    expect(text, 'a computer move read Britain as bargaining').toContain(
      'In those futures Britain bargains as it has begun to, with notes of its own: it gives ground after a refusal and as the time for talks runs out. Its answers to notes from the Soviet Union are played two ways, in half the futures each: weighed against a counter of its own, or taken when its cabinet would ratify them and they are worth something to it by the terms’ values',
    );
    expect(phoneWidth).toBeLessThanOrEqual(390);
    expect(overlaps).toEqual([]);
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 600_000);
});
