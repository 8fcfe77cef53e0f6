// A computer player sees only its side's view and the legal actions the engine lists, and
// answers with moves. Its own randomness is seeded from the game seed, so a game of computer
// players is as repeatable as any other.
import type { CEvent, Compiled } from '../engine/compile';
import { compile } from '../engine/compile';
import { applyMove } from '../engine/game';
import { openRng, type Rng, seedRng } from '../engine/rng';
import { type SeatState, type SeatView, seatState, seatView } from '../engine/seat';
import type { GameState, Move, Order } from '../engine/types';
import { type BySide, ofSide, SIDES, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import type { Reasons } from './reasons';

/**
 * What a player is asked with: the scenario's rules, its seat's view, the state as that seat
 * believes it (built from the view alone: the engine's rule functions run on it), and its own dice.
 */
export interface Ctx {
  readonly c: Compiled;
  readonly side: Side;
  readonly view: SeatView;
  readonly state: SeatState;
  readonly rng: Rng;
}

/** The context a player is asked in; the believed state is built only if the player looks at it. */
class SeatCtx implements Ctx {
  #state: SeatState | undefined;
  constructor(
    readonly c: Compiled,
    readonly view: SeatView,
    readonly rng: Rng,
  ) {}
  get side(): Side {
    return this.view.side;
  }
  get state(): SeatState {
    return (this.#state ??= seatState(this.view));
  }
}

export interface Player {
  readonly kind: string;
  decide(ctx: Ctx, ev: CEvent): string;
  orders(ctx: Ctx): Order[];
  /** The reasons for the move this player returned last (from decide or orders), if it gives any. */
  why?(): Reasons | undefined;
}

/** A computer player's own dice: seeded from the game's seed and its seat, kept by the match, never in a view. */
export const aiRng = (seed: string, side: Side): Rng => openRng(seedRng(`${seed}/ai/${side}`));

/** The next move for the seat whose view this is, or null if it has nothing to do. */
export function nextMove(c: Compiled, view: SeatView, p: Player, rng: Rng): Move | null {
  if (view.ended) return null;
  if (!view.pending.length && view.orders !== null) return null;
  const ctx = new SeatCtx(c, view, rng);
  if (view.pending.length) {
    const ev = c.events[view.pending[0]!]!;
    return { type: 'decide', side: view.side, event: ev.id, option: p.decide(ctx, ev) };
  }
  return { type: 'orders', side: view.side, orders: p.orders(ctx) };
}

/** How a computer player's view is asked for: without the ledger, which it does not read. */
export const AI_VIEW = { ledger: false } as const;

/** Whether a side has a move to make (a decision, or its orders for the turn). */
export const toMove = (s: GameState, side: Side): boolean => !s.ended && (ofSide(s.pending, side).length > 0 || ofSide(s.orders, side) === null);

export interface GameRun {
  state: GameState;
  moves: Move[];
}

/** Play a whole game between two computer players; `each` sees every state after a move (the explorer's tallies). */
export function runGame(sc: Scenario, s0: GameState, players: BySide<Player>, record = true, each?: (s: GameState) => void): GameRun {
  const c = compile(sc);
  const rngs = { britain: aiRng(s0.seed, 'britain'), ussr: aiRng(s0.seed, 'ussr') };
  const moves: Move[] = [];
  let s = s0;
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    let moved = false;
    for (const side of SIDES) {
      if (!toMove(s, side)) continue;
      const m = nextMove(c, seatView(c, s, side, AI_VIEW), ofSide(players, side), ofSide(rngs, side))!;
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(`${players[side].kind} player made an illegal move: ${r.error}`);
      s = r.value;
      each?.(s);
      if (record) moves.push(m);
      moved = true;
      break;
    }
    if (!moved) throw new Error('no side can move but the game has not ended');
  }
  return { state: s, moves };
}
