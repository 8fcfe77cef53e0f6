// The explorer's trusted fast path. A continuation between computer players is played at the
// authority, like `sim`: nothing leaves it but the summary. The historical player needs no seat
// view to choose (its option is the recorded one; its orders depend only on its own capital, the
// actions it may order and the notes delivered to it), so here it chooses from the state directly,
// through the same recordedOrders function the player calls with its view. Building a view per move
// was a third of a continuation's time. tests/app/history/fastPath.test.ts checks, game by game,
// that playOut reaches exactly the state runGame (which asks every player through its view) reaches.

import { historicalOption, recordedOrders } from '../../ai/historical';
import { AI_VIEW, aiRng, makePlayer, nextMove, type Player, type PlayerKind, toMove } from '../../ai/index';
import { ownedCopy } from '../../engine/draft';
import { actionAvailable, type BySide, type Compiled, canOffer, compile, type GameState, type Move, playInPlace, type Side, seatView, type Terms } from '../../engine/index';
import { checkMove } from '../../engine/legal';
import { optionOpen } from '../../engine/negotiation';
import type { Scenario } from '../../scenario/schema';

/** The historical player's next move for a side, from the state (null if it has none). */
export function fastHistoricalMove(c: Compiled, s: GameState, side: Side): Move | null {
  if (s.ended) return null;
  const pending = s.pending[side];
  if (pending.length) {
    const ev = c.events[pending[0]!]!;
    return { type: 'decide', side, event: ev.id, option: historicalOption(ev) };
  }
  if (s.orders[side] !== null) return null;
  const mayOffer = (terms: Terms) => canOffer(c, s, side) && c.terms.every(t => optionOpen(t.options.find(o => o.id === terms[t.id])!, s));
  const orders = recordedOrders(c, side, s.turn, s.fig[c.side[side].iCapital]!, k => actionAvailable(c, s, side, c.actions[k]!), s.offers, mayOffer);
  return { type: 'orders', side, orders };
}

const made = new WeakMap<Scenario, Map<string, Player>>();
/**
 * A computer player, made once per scenario, kind and side (a persona builds its tables when made).
 * One object serves every continuation: no player kind keeps anything from one move to the next
 * (the bargainers read the talks off each move's view; tests/ai/freshPlayer.test.ts).
 */
function playerFor(sc: Scenario, kind: PlayerKind, side: Side): Player {
  let m = made.get(sc);
  if (!m) made.set(sc, (m = new Map()));
  let p = m.get(`${kind}/${side}`);
  if (!p) m.set(`${kind}/${side}`, (p = makePlayer(kind, sc, side)));
  return p;
}

/**
 * Play a game to its end as runGame does (the first side with something to do moves next; players'
 * own dice seeded from the game's seed), with the historical player on the fast path. `each` sees
 * every state after a move.
 */
export function playOut(sc: Scenario, s0: GameState, kinds: BySide<PlayerKind>, each?: (s: GameState) => void): GameState {
  const c = compile(sc);
  const players = { britain: playerFor(sc, kinds.britain, 'britain'), ussr: playerFor(sc, kinds.ussr, 'ussr') };
  // The players' own dice, seeded as runGame seeds them; the historical player rolls none, so its
  // side's stream is not seeded at all (seeding hashes the seed text, twice a continuation).
  const rngs = { britain: kinds.britain === 'historical' ? null : aiRng(s0.seed, 'britain'), ussr: kinds.ussr === 'historical' ? null : aiRng(s0.seed, 'ussr') };
  // The game's own copy of the start, played in place (engine/game.ts, playInPlace): `each` only reads.
  let s = ownedCopy(s0);
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const side: Side | null = toMove(s, 'britain') ? 'britain' : toMove(s, 'ussr') ? 'ussr' : null;
    if (side === null) throw new Error('no side can move but the game has not ended');
    const m = kinds[side] === 'historical' ? fastHistoricalMove(c, s, side) : nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side]!);
    if (!m) throw new Error(`the ${kinds[side]} player for ${side} has no move`);
    const why = checkMove(c, s, m);
    if (why) throw new Error(`the ${kinds[side]} player for ${side} made an illegal move: ${why}`);
    s = playInPlace(sc, s, m);
    each?.(s);
  }
  return s;
}
