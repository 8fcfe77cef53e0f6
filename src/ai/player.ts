// A computer player sees only its side's view and the legal actions the engine lists, and
// answers with moves. Its own randomness is seeded from the game seed, so a game of computer
// players is as repeatable as any other.
import type { CEvent, Compiled } from '../engine/compile';
import { playerView, type PlayerView } from '../engine/view';
import { applyMove } from '../engine/game';
import { openRng, seedRng, type Rng } from '../engine/rng';
import type { GameState, Move, Order } from '../engine/types';
import { ofSide, SIDES, type BySide, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { compile } from '../engine/compile';

export interface Ctx { readonly c: Compiled; readonly side: Side; readonly view: PlayerView; readonly state: Readonly<GameState>; readonly rng: Rng }

/** The context a player is asked in; the view is built only if the player looks at it. */
class LazyCtx implements Ctx {
  #view: PlayerView | undefined;
  constructor(readonly c: Compiled, readonly side: Side, readonly state: Readonly<GameState>, readonly rng: Rng) {}
  get view(): PlayerView { return (this.#view ??= playerView(this.c, this.state as GameState, this.side)); }
}

export interface Player {
  readonly kind: string;
  decide(ctx: Ctx, ev: CEvent): string;
  orders(ctx: Ctx): Order[];
}

export const aiRng = (seed: string, side: Side): Rng => openRng(seedRng(`${seed}/ai/${side}`));

/**
 * The next move for a side, or null if it has nothing to do. `state` is passed so the player can
 * ask the engine for legal actions; a player must read the game only through `view`.
 */
export function nextMove(c: Compiled, s: GameState, side: Side, p: Player, rng: Rng): Move | null {
  if (s.ended) return null;
  const pending = ofSide(s.pending, side);
  if (!pending.length && ofSide(s.orders, side) !== null) return null;
  const ctx = new LazyCtx(c, side, s, rng);
  if (pending.length) {
    const ev = c.events[pending[0]!]!;
    return { type: 'decide', side, event: ev.id, option: p.decide(ctx, ev) };
  }
  return { type: 'orders', side, orders: p.orders(ctx) };
}

export interface GameRun { state: GameState; moves: Move[] }

/** Play a whole game between two computer players. */
export function runGame(sc: Scenario, s0: GameState, players: BySide<Player>, record = true): GameRun {
  const c = compile(sc);
  const rngs = { britain: aiRng(s0.seed, 'britain'), ussr: aiRng(s0.seed, 'ussr') };
  const moves: Move[] = [];
  let s = s0;
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    let moved = false;
    for (const side of SIDES) {
      const m = nextMove(c, s, side, ofSide(players, side), ofSide(rngs, side));
      if (!m) continue;
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(`${players[side].kind} player made an illegal move: ${r.error}`);
      s = r.value;
      if (record) moves.push(m);
      moved = true;
      break;
    }
    if (!moved) throw new Error('no side can move but the game has not ended');
  }
  return { state: s, moves };
}
