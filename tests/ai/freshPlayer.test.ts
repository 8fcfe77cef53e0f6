// A computer player that bargains keeps nothing between moves: what it knows of the talks (the notes
// sent and received, the answers, the clock, its model of the other cabinet, its utilities) it reads
// off its seat view at each move. So a player made afresh at any move of a game, shown that move's
// view and given the same dice, makes the move the player that played the whole game made. The
// history tree, share codes and restored saves all rest on this: they make a player afresh, or set
// its dice without asking it the game's past moves again.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, type PlayerKind, toMove } from '../../src/ai/index';
import { applyMove, compile, createGame, type Move, type SeatView, seatView } from '../../src/engine/index';
import { openRng, type RngState } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

interface Asked {
  view: SeatView;
  dice: RngState;
  move: Move;
}

/** A whole game with one player object per side all game, each move with the view and dice it was asked with. */
function playHeld(id: string, seed: string, kinds: { britain: PlayerKind; ussr: PlayerKind }): Asked[] {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const players = { britain: makePlayer(kinds.britain, sc, 'britain'), ussr: makePlayer(kinds.ussr, sc, 'ussr') };
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  const out: Asked[] = [];
  let s = createGame(sc, seed);
  while (!s.ended) {
    const side = SIDES.find(x => toMove(s, x))!;
    const view = seatView(c, s, side, AI_VIEW);
    const dice = rngs[side].state();
    const move = nextMove(c, view, players[side], rngs[side])!;
    out.push({ view, dice, move });
    const r = applyMove(sc, s, move);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return out;
}

/** The orders moves where the talks are under way (notes in the view): where memory would show. */
const talking = (game: Asked[]) => game.filter(a => a.move.type === 'orders' && a.view.offers.length > 0);

describe('a bargaining player made afresh from a seat view', () => {
  // Seeds where the talks open (in 1929 they may not: the Cabinet must first decide to explore renewal).
  const cases: { id: string; seed: string; britain: PlayerKind; ussr: PlayerKind }[] = [
    { id: '1929', seed: 'fresh/2', britain: 'negotiator', ussr: 'boulware' },
    { id: '1929', seed: 'fresh/1', britain: 'conceder', ussr: 'titfortat' },
    { id: '1929', seed: 'fresh/1', britain: 'hardliner', ussr: 'negotiator' },
    { id: '1932', seed: 'fresh/1', britain: 'boulware', ussr: 'conceder' },
    { id: '1932', seed: 'fresh/1', britain: 'titfortat', ussr: 'negotiator' },
  ];
  it.each(cases)(
    '$id: $britain against $ussr, at moves all through the talks, makes the move the player that played the game made',
    ({ id, seed, britain, ussr }) => {
      const sc = loadScenarioFile(id);
      const c = compile(sc);
      const kinds = { britain, ussr };
      const game = playHeld(id, seed, kinds);
      const talks = talking(game);
      // The talks must have gone some way for the test to mean anything: notes both ways, answered.
      expect(talks.length).toBeGreaterThanOrEqual(6);
      expect(new Set(talks.flatMap(a => a.view.offers.map(o => o.from))).size).toBe(2);
      expect(talks.some(a => a.view.offers.some(o => o.status === 'rejected' || o.status === 'ratified' || o.status === 'failed'))).toBe(true);
      // Every move of the talks (for the slower 1932, every other one), and a few before they began.
      const before = game.filter(a => a.move.type === 'orders' && a.view.offers.length === 0);
      const step = id === '1932' ? 2 : 1;
      const picks = [...before.filter((_, k) => k % 10 === 5), ...talks.filter((_, k) => k % step === 0)];
      for (const a of picks) {
        const side = a.view.side;
        const fresh = makePlayer(kinds[side], sc, side);
        expect(nextMove(c, a.view, fresh, openRng(a.dice)), `${kinds[side]} as ${side} at turn ${a.view.turn}`).toEqual(a.move);
      }
    },
    600_000,
  );
});
