// Moves made in place (game.ts, playInPlace, on a state from draft.ts, ownedCopy) are the moves
// playMove makes: the same state after every move, to the last number, ledger and news included;
// and the state copied from, and every state playMove made, are left as they were. A playout
// plays its world this way, so a difference here would change the search player's choices.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, makePlayer, runGame } from '../../src/ai/index';
import { drawWorlds, personaPolicy, playout } from '../../src/ai/search/playout';
import { ownedCopy } from '../../src/engine/draft';
import { compile, createGame, type GameState, playInPlace, playMove, seatView, stateHash } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import { loadScenarioFile } from '../loadScenario';

/** Every field of a state as text, the ledger's and the news's linked entries as lists (too deep for JSON.stringify as they are). */
function text(s: GameState): string {
  const list = <T>(x: { e: T; n: unknown } | null): T[] => {
    const out: T[] = [];
    for (let y = x; y; y = y.n as typeof x) out.push(y.e);
    return out;
  };
  return JSON.stringify({ ...s, ledger: list(s.ledger), news: list(s.news) });
}

describe.each(['1927', '1929', '1932'])('moves in place in %s', id => {
  const sc = loadScenarioFile(id);

  it('reach the states playMove reaches, and change no state but their own copy', () => {
    for (const [seed, record, other] of [
      ['ip-1', true, 'persona'],
      ['ip-2', false, 'random'],
      ['ip-3', true, 'random'],
    ] as const) {
      const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer(other, sc, 'ussr') };
      const start = createGame(sc, seed, { record });
      const { moves } = runGame(sc, start, players, true);
      const startJson = text(start);
      const seen: { s: GameState; json: string }[] = [];
      let s = start;
      let t = ownedCopy(start);
      for (const m of moves) {
        s = playMove(sc, s, m);
        t = playInPlace(sc, t, m);
        expect(stateHash(t), `${seed} after ${JSON.stringify(m)}`).toBe(stateHash(s));
        if (seen.length % 7 === 0) seen.push({ s, json: text(s) });
      }
      expect(s.ended).not.toBeNull();
      expect(text(t)).toBe(text(s));
      expect(text(start)).toBe(startJson);
      for (const x of seen) expect(text(x.s)).toBe(x.json);
    }
  });

  it('a playout leaves its world as it was, and plays it the same each time', () => {
    const c = compile(sc);
    const p = personaPolicy(sc);
    const worlds = drawWorlds(c, seatView(c, createGame(sc, 'ip-w', { record: false }), 'ussr', AI_VIEW), openRng(seedRng('ip-w')), 4);
    for (const w of worlds) {
      const before = JSON.stringify(w.state);
      const a = stateHash(playout(p, w, null).state);
      expect(JSON.stringify(w.state)).toBe(before);
      expect(stateHash(playout(p, w, null).state)).toBe(a);
    }
  });
});
