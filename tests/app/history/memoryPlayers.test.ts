// The history tree makes a computer player afresh for every move it plays. The bargaining players
// (Boulware, Conceder, and the others that bargain) read what they know of the talks off their seat
// view at each move, so the tree plays them as a game does: Boulware and Conceder, which differ only
// in how fast they give ground over the negotiation clock, play different games on the tree (when
// they forgot the clock at every move they played the same one), and each plays the very game that
// players kept for the whole game play with the same dice. The match controller, which keeps its
// players all game, plays the same game with players made afresh for each question.
import { describe, expect, it } from 'vitest';
import { aiRng, makePlayer, nextMove, type PlayerKind } from '../../../src/ai/index';
import { AI_VIEW } from '../../../src/ai/player';
import { HistoryTree, TRUNK_ID } from '../../../src/app/history/index';
import { computerToMove } from '../../../src/app/history/tree';
import { moveKey } from '../../../src/app/history/words';
import { Match } from '../../../src/app/match';
import { AiPlayers, type AiTransportFactory, inProcessAi } from '../../../src/app/transport';
import { applyMove, compile, type Move, seatView } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
import { drive } from '../matchDriver';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const SEED = 'memory/1';

/** The kind on both sides of a 1929 branch off the trunk's start, played by the tree to the end. */
function treeGame(kind: PlayerKind): { moves: Move[]; seed: string } {
  const t = HistoryTree.create(sc);
  const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: SEED, players: { britain: kind, ussr: kind } });
  if (!b.ok) throw new Error(b.error);
  const r = t.playComputers(b.value.id);
  if (!r.ok) throw new Error(r.error);
  expect(t.state(b.value.id).ended).not.toBeNull();
  return { moves: t.moves(b.value.id), seed: t.state(b.value.id).seed };
}

/** The same game with one player object per side kept all game, asked with the tree's dice (from the point). */
function heldGame(kind: PlayerKind, first: Move[]): Move[] {
  const t = HistoryTree.create(sc);
  const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: SEED, players: { britain: kind, ussr: kind } });
  if (!b.ok) throw new Error(b.error);
  let s = t.state(b.value.id);
  const players = { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') };
  const moves: Move[] = [];
  while (!s.ended) {
    const side = computerToMove(s, { britain: kind, ussr: kind })!;
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], aiRng(`${s.seed}@${moves.length}`, side))!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    moves.push(m);
    if (moves.length > first.length) break;
  }
  return moves;
}

describe('bargaining players on the history tree', () => {
  it('Boulware and Conceder play different games from each other, each the game players kept all game play with the same dice', () => {
    const boulware = treeGame('boulware');
    const conceder = treeGame('conceder');
    // The talks went some way: notes were sent on both branches.
    for (const g of [boulware, conceder]) expect(g.moves.filter(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer')).length).toBeGreaterThanOrEqual(4);
    const notes = (g: { moves: Move[] }) => g.moves.flatMap(m => (m.type === 'orders' ? m.orders.filter(o => o.kind === 'offer').map(o => JSON.stringify(o)) : []));
    expect(notes(boulware)).not.toEqual(notes(conceder));
    expect(boulware.moves.map(moveKey)).toEqual(heldGame('boulware', boulware.moves).map(moveKey));
    expect(conceder.moves.map(moveKey)).toEqual(heldGame('conceder', conceder.moves).map(moveKey));
  }, 600_000);
});

/** The in-process players, but a player made afresh for every question, as the tree makes them. */
const freshEachAsk: AiTransportFactory = (s, seats) => ({
  ask: (view, rng) => Promise.resolve(new AiPlayers(s, seats).ask(view, rng)),
  dispose: () => {},
});

describe('the match controller', () => {
  it.each([
    ['boulware', 'conceder'],
    ['negotiator', 'titfortat'],
  ] as const)(
    'plays %s against %s the same with players made afresh for every question as with players kept all game',
    async (britain, ussr) => {
      const play = async (ai: AiTransportFactory) => {
        const r = Match.create(sc, { scenario: '1929', seed: SEED, sides: { britain, ussr } }, { ai });
        if (!r.ok) throw new Error(r.error);
        await drive(r.value);
        return r.value;
      };
      const kept = await play(inProcessAi);
      const fresh = await play(freshEachAsk);
      expect(kept.save().moves.filter(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer')).length).toBeGreaterThanOrEqual(4);
      expect(fresh.save()).toEqual(kept.save());
    },
    600_000,
  );
});
