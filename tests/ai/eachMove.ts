// Plays a game between two computer players and shows each move with the view it was made from and
// the dice as they stood before it: for tests that ask a player again about a position it met in play.
import { AI_VIEW, aiRng, nextMove, type Player, toMove } from '../../src/ai/index';
import { applyMove, compile, createGame, type GameState, type Move, type SeatView, seatView } from '../../src/engine/index';
import type { RngState } from '../../src/engine/rng';
import { type BySide, SIDES, type Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';

export interface Visit {
  readonly side: Side;
  readonly view: SeatView;
  readonly dice: RngState;
  readonly move: Move;
  /** The referee's state the move was made in. */
  readonly state: GameState;
}

export function eachMove(sc: Scenario, seed: string, players: BySide<Player>, visit: (v: Visit) => void): GameState {
  const c = compile(sc);
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed, { record: false });
  while (!s.ended) {
    const side = SIDES.find(x => toMove(s, x))!;
    const view = seatView(c, s, side, AI_VIEW);
    const dice = rngs[side].state();
    const move = nextMove(c, view, players[side], rngs[side])!;
    visit({ side, view, dice, move, state: s });
    const r = applyMove(sc, s, move);
    if (!r.ok) throw new Error(`${players[side].kind} made an illegal move: ${r.error}`);
    s = r.value;
  }
  return s;
}

/** A player that gives its orders but sends no note and answers none: talks stay open and nothing is said in them. */
export const silent = (p: Player): Player => ({
  kind: `silent ${p.kind}`,
  decide: (ctx, ev) => p.decide(ctx, ev),
  orders: ctx => p.orders(ctx).filter(o => o.kind === 'action'),
});
