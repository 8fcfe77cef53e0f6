// A search player does not give up an order for a note unless the order is worth no more than the
// note leaves: its playouts answer notes as the other side's persona would, so a note looks worth
// what an acceptance brings, while the order it displaces is worth its value whatever the answer.
// The position: 1932, seed c, Britain (its persona) against the historical player, turn 15, with too
// little capital for both its persona's orders and a note. Search level 4 weighs the note set that
// drops "Shorten the guarantees again" as better by some 18 points, but without the note those orders
// are clearly worse than the persona's, so it keeps the persona's orders and says why. Before
// (search version 6) it sent the note and dropped the order; against a side that refused every note
// such trades lost 3 points a game (docs/tournament.md, session 11). At the last turn a note can be
// answered in time there is no later turn to send it with capital to spare, and the note goes as before.
import { describe, expect, it } from 'vitest';
import { makePlayer, makeSearchPlayer } from '../../src/ai/index';
import { lastNoteTurn } from '../../src/ai/search/weigh';
import { compile, seatState } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { loadScenarioFile } from '../loadScenario';
import { eachMove, type Visit } from './eachMove';

describe('the search player pays for a note with no order worth more', () => {
  it('1932 seed c, Britain at turn 15: keeps its order and sends no note, saying why', { timeout: 120_000 }, () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    let at: Visit | undefined;
    eachMove(sc, 'c', { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') }, v => {
      if (v.side === 'britain' && v.view.turn === 15 && !v.view.pending.length) at = v;
    });
    expect(at, "Britain's orders at turn 15").toBeDefined();
    const { view, dice } = at!;
    expect(view.canOffer, 'talks are open').toBe(true);
    const search = makeSearchPlayer(sc, 'britain', 4);
    const orders = search.orders({ c, side: 'britain', view, state: seatState(view), rng: openRng(dice) });
    const why = search.why?.()?.summary ?? '';
    // The note set was the challenger, clear of the noise with the note, and held back without it.
    expect(why).toMatch(/send a note; a private order looked \+\d+\.\d better, but its note would be worth that only if accepted/);
    expect(orders.some(o => o.kind === 'offer')).toBe(false);
    expect(orders.some(o => o.kind === 'action' && o.id === 'shorten-credit')).toBe(true);
  });

  it('holds back no note at the last turn a note can be answered: 1932 turn 36 of 38', () => {
    const c = compile(loadScenarioFile('1932'));
    const last = c.days[c.days.length - 1]!;
    // A note sent at turn 37 would arrive after the last day; one sent at turn 36 arrives in time.
    expect(c.days[37]! + c.negotiation.replyDays).toBeGreaterThan(last);
    expect(c.days[36]! + c.negotiation.replyDays).toBeLessThanOrEqual(last);
    expect([34, 35, 36, 37, 38].map(t => lastNoteTurn(c, t))).toEqual([false, false, true, true, true]);
  });
});
