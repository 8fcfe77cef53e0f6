// The fidelity dial: at 0 a computer player makes history's moves, at 1 its own, and in between
// history's unless its own promises more than a margin that shrinks as the dial rises.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, fidelityIdle, fidelityMargin, historicalPlayer, makePlayer, nextMove, parsePlayerName, playerFor, runGame, withFidelityName } from '../../src/ai/index';
import { applyMove, compile, createGame, type Move, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import type { Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);

describe('the fidelity dial', () => {
  it('asks for a margin that shrinks as fidelity rises: none at 1, no margin enough at 0', () => {
    expect(fidelityMargin(0)).toBe(Infinity);
    expect(fidelityMargin(1)).toBe(0);
    expect(fidelityMargin(0.5)).toBeCloseTo(5);
    for (let f = 0.05; f < 1; f += 0.05) expect(fidelityMargin(f + 0.05)).toBeLessThan(fidelityMargin(f));
  });

  it('is part of a player name, checked', () => {
    expect(parsePlayerName('search:3@0.25')).toEqual({ ok: true, value: { kind: 'search', level: 3, fidelity: 0.25 } });
    expect(withFidelityName('persona@0.3', 0.6)).toBe('persona@0.6');
    expect(withFidelityName('search:2', 1)).toBe('search:2');
    expect(parsePlayerName('persona@2').ok).toBe(false);
    expect(parsePlayerName('search:7').ok).toBe(false);
  });

  it("at 0 makes the historical player's every move", () => {
    const game = runGame(sc, createGame(sc, 'fid0', { record: false }), { britain: playerFor('persona@0', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    const hist = runGame(sc, createGame(sc, 'fid0', { record: false }), { britain: historicalPlayer, ussr: makePlayer('persona', sc, 'ussr') });
    expect(game.moves.filter(m => m.side === 'britain')).toEqual(hist.moves.filter(m => m.side === 'britain'));
  });

  it("does nothing for the historical player, whose own move is history's: the screens and the CLI say so (fidelityIdle)", () => {
    const hist = runGame(sc, createGame(sc, 'fidh', { record: false }), { britain: historicalPlayer, ussr: makePlayer('persona', sc, 'ussr') });
    for (const name of ['historical@0', 'historical@0.5']) {
      const held = runGame(sc, createGame(sc, 'fidh', { record: false }), { britain: playerFor(name, sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
      expect(held.moves, name).toEqual(hist.moves);
    }
    expect(fidelityIdle('historical@0.5')).toMatch(/historical player/);
    expect(fidelityIdle('human')).toMatch(/a person/);
    for (const name of ['persona', 'random', 'negotiator', 'boulware', 'search:1']) expect(fidelityIdle(name), name).toBeNull();
  }, 60_000);

  it('at 1 is the free player itself', () => {
    const free = runGame(sc, createGame(sc, 'fid1', { record: false }), { britain: playerFor('persona@1', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    const persona = runGame(sc, createGame(sc, 'fid1', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    expect(free.moves).toEqual(persona.moves);
  });

  it("in between makes, at each turn, either history's move or its own, the same from the same seed, and says which and why", () => {
    const side: Side = 'britain';
    const game = runGame(sc, createGame(sc, 'fidhalf', { record: false }), { britain: playerFor('persona@0.5', sc, side), ussr: makePlayer('persona', sc, 'ussr') });
    const again = runGame(sc, createGame(sc, 'fidhalf', { record: false }), { britain: playerFor('persona@0.5', sc, side), ussr: makePlayer('persona', sc, 'ussr') });
    expect(again.moves).toEqual(game.moves);
    // Replay it, asking the wrapped player and the two it chooses between at each of Britain's moves.
    const held = playerFor('persona@0.5', sc, side);
    const free = makePlayer('persona', sc, side);
    const rng = openRng(aiRng('fidhalf', side).state());
    let s = createGame(sc, 'fidhalf', { record: false });
    let kept = 0,
      left = 0;
    for (const m of game.moves) {
      if (m.side === side) {
        const v = seatView(c, s, side, AI_VIEW);
        const own = nextMove(c, v, free, openRng(rng.state()));
        const hist = nextMove(c, v, historicalPlayer, openRng(rng.state()));
        const made = nextMove(c, v, held, rng);
        expect(made).toEqual(m);
        // Moves compared by their decision, or by the orders they give (answers to notes go with either).
        const key = (x: Move | null) => JSON.stringify(x?.type === 'orders' ? x.orders.flatMap(o => (o.kind === 'action' ? [o.id] : [])).sort() : x);
        expect([key(own), key(hist)]).toContain(key(made));
        const why = held.why!()!;
        if (key(own) !== key(hist)) {
          if (/^Britain kept to history/.test(why.summary)) kept++;
          else if (/^Britain left history/.test(why.summary)) left++;
          expect(why.summary).toMatch(/fidelity 0\.5 asks for more than 5\.0/);
        }
      }
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    expect(kept + left).toBeGreaterThan(0);
  }, 120_000);
});
