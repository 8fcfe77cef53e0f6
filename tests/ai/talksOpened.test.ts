// The tournament's referee judges whether an agreement was possible from the first state where talks
// were open and a note could still be answered: a game that ends (or whose talks close) before a note
// sent then could arrive had no agreement to miss. The reply time is the engine's own: checked against
// the notes of real games, each answered no earlier than the window allows.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { talksOpened } from '../../src/ai/tournament';
import { applyMove, compile, createGame, type GameState } from '../../src/engine/index';
import { negotiationOpen } from '../../src/engine/negotiation';
import { loadScenarioFile } from '../loadScenario';

/** A persona game's states, one for each move made on it, and its scenario compiled. */
function played(id: string, seed: string) {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const s0 = createGame(sc, seed, { record: false });
  const run = runGame(sc, s0, { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
  const states: GameState[] = [];
  let s = s0;
  for (const m of run.moves) {
    states.push(s);
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return { c, states };
}

describe("the referee's window on the talks", () => {
  for (const [id, seed] of [
    ['1929', 'window-a'],
    ['1932', 'window-b'],
  ] as const) {
    const { c, states } = played(id, seed);
    const first = states.findIndex(s => negotiationOpen(c, s));

    it(`${id}: a game that goes on judges from the turn talks open`, () => {
      expect(first).toBeGreaterThanOrEqual(0);
      expect(talksOpened(c, states)).toBe(states[first]);
    });

    it(`${id}: a game that ends before a note sent then could be answered had nothing to miss`, () => {
      const opening = states[first]!.turn;
      // Ended on the turn talks opened (as Chamberlain's fall can end 1932): no window.
      expect(talksOpened(c, states.slice(0, first + 1))).toBeNull();
      expect(
        talksOpened(
          c,
          states.filter(s => s.turn <= opening),
        ),
      ).toBeNull();
      // The first turn on which a note sent at the opening is answerable: the game cut just before it has no window, cut at it has one.
      const due = c.days[opening]! + c.negotiation.replyDays;
      const answerable = states.findIndex(s => c.days[s.turn]! >= due);
      expect(answerable).toBeGreaterThan(first);
      expect(talksOpened(c, states.slice(0, answerable))).toBeNull();
      expect(talksOpened(c, states.slice(0, answerable + 1))).toBe(states[first]);
    });

    it(`${id}: each note is answerable on the very turn the window counts`, () => {
      const notes = states.at(-1)!.offers;
      let checked = 0;
      for (const o of notes) {
        const sent = states.find(s => s.offers.some(x => x.n === o.n))!;
        const answered = states.find(s => s.offers.some(x => x.n === o.n && x.status === 'delivered'));
        if (!answered) continue;
        // The note went out with the orders of the turn before the first state that holds it.
        const sentTurn = sent.turn - 1;
        expect(c.days[sentTurn]).toBe(o.sentDay);
        // ... and is answerable on the first turn the window counts, no later.
        const due = o.sentDay + c.negotiation.replyDays;
        expect(answered).toBe(states.find(s => s.turn > sentTurn && c.days[s.turn]! >= due));
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
