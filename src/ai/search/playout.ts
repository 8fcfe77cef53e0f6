// Playouts: a move tried in a sampled world, and the rest of the game played out by the personas on
// both sides, each from its own seat's view of that world. Worlds are drawn once per decision and
// shared by every candidate move, with the same dice for the playouts (common random numbers), so
// two candidates are compared on the same futures and the difference between them is the move's,
// not the dice's. Each move's dice are keyed to the move (its turn and decision) from the world's
// dice, and a persona's draw for an order to the order (KeyedDice), not drawn on from one stream: a
// candidate that opens or closes an order changed how many draws its side's persona made, and with
// one stream every later draw of the playout then fell differently from the other candidates'
// (tests/ai/playout.test.ts). Session 25 measured the standard deviation of candidates' paired
// differences at about half what it was (0.4-0.9 of it, by scenario and seat).
import { type CEvent, type Compiled, compile } from '../../engine/compile';
import { ownedCopy } from '../../engine/draft';
import { playInPlace } from '../../engine/game';
import { canOffer } from '../../engine/legal';
import { KeyedDice, type Rng, type RngState } from '../../engine/rng';
import { sampleState } from '../../engine/sample';
import { availableActions, type SeatState, type SeatView, seatView, visibleOffers } from '../../engine/seat';
import { seesOtherCabinet } from '../../engine/secrets';
import type { GameState, Move } from '../../engine/types';
import { type BySide, ofSide, other, type Side } from '../../engine/vocab';
import type { Scenario } from '../../scenario/schema';
import { makeSidePersona } from '../persona';
import { AI_VIEW, type Ctx, type Player, toMove } from '../player';

/** One sampled world and the dice its playouts use. */
export interface World {
  readonly state: GameState;
  readonly dice: BySide<RngState>;
}

/** Draw `n` worlds consistent with the seat's view, with `rng`. */
export function drawWorlds(c: Compiled, view: SeatView, rng: Rng, n: number): World[] {
  const out: World[] = [];
  for (let k = 0; k < n; k++) {
    const state = sampleState(c, view, rng);
    const dice = (): RngState => ({ c: 1, s0: rng.next(), s1: rng.next(), s2: rng.next() });
    out.push({ state, dice: { britain: dice(), ussr: dice() } });
  }
  return out;
}

/** The rollout policy: the personas of both sides of one scenario. */
export interface Policy {
  readonly sc: Scenario;
  readonly c: Compiled;
  readonly players: BySide<Player>;
}

export function personaPolicy(sc: Scenario): Policy {
  return { sc, c: compile(sc), players: { britain: makeSidePersona(sc, 'britain'), ussr: makeSidePersona(sc, 'ussr') } };
}

/** Where a playout ends, and how many turns it played. */
export interface PlayoutEnd {
  state: GameState;
  turns: number;
}

/**
 * A seat's view of a playout's world, built as far as it is read. The few fields a playout player
 * reads at every move (the orders open to it, the notes it sees, whether it may send one, whether
 * it reads the other cabinet) are
 * computed directly, as seatView computes them; any other field builds the full view once. A view
 * is asked for at every playout move, and building all of it was a seventh of a playout's time.
 * The state it is asked with is the world's own: a playout player reads its own side's figures,
 * which its view shows as they are (tests/ai/playout.test.ts checks the moves are the same).
 */
class PlayoutView implements SeatView {
  #full: SeatView | undefined;
  #available: readonly number[] | undefined;
  /**
   * The list `available` is made in, refilled at each move rather than made anew: a playout player
   * reads it only during its own move (the persona: the orders it weighs), and the view is pointed
   * at the next move's state before anyone reads it again.
   */
  readonly #list: number[] = [];
  constructor(
    private readonly c: Compiled,
    private s: GameState,
    readonly side: Side,
  ) {}
  /** The view of the next move's state: a playout keeps one view per side and points it at each move. */
  reset(s: GameState): void {
    this.s = s;
    this.#full = undefined;
    this.#available = undefined;
  }
  private get full(): SeatView {
    return (this.#full ??= seatView(this.c, this.s, this.side, AI_VIEW));
  }
  get available(): readonly number[] {
    return (this.#available ??= availableActions(this.c, this.s, this.side, this.#list));
  }
  get offers(): SeatView['offers'] {
    return visibleOffers(this.s.offers, other(this.side));
  }
  get canOffer(): boolean {
    return canOffer(this.c, this.s, this.side);
  }
  get pending(): SeatView['pending'] {
    return ofSide(this.s.pending, this.side);
  }
  get orders(): SeatView['orders'] {
    return ofSide(this.s.orders, this.side);
  }
  get turn(): number {
    return this.s.turn;
  }
  get scenario(): SeatView['scenario'] {
    return this.full.scenario;
  }
  get version(): SeatView['version'] {
    return this.full.version;
  }
  get day(): SeatView['day'] {
    return this.full.day;
  }
  get figures(): SeatView['figures'] {
    return this.full.figures;
  }
  get hidden(): SeatView['hidden'] {
    return this.full.hidden;
  }
  // Read by the persona at every move: worked out as seatView works it out, without the whole view.
  get seesOther(): SeatView['seesOther'] {
    return seesOtherCabinet(this.c, this.s, this.side);
  }
  get sight(): SeatView['sight'] {
    return this.full.sight;
  }
  get flags(): SeatView['flags'] {
    return this.full.flags;
  }
  get relations(): SeatView['relations'] {
    return this.full.relations;
  }
  get lead(): SeatView['lead'] {
    return this.full.lead;
  }
  get fired(): SeatView['fired'] {
    return this.full.fired;
  }
  get chosen(): SeatView['chosen'] {
    return this.full.chosen;
  }
  get taken(): SeatView['taken'] {
    return this.full.taken;
  }
  get failed(): SeatView['failed'] {
    return this.full.failed;
  }
  get scheduled(): SeatView['scheduled'] {
    return this.full.scheduled;
  }
  get agreed(): SeatView['agreed'] {
    return this.full.agreed;
  }
  get trade(): SeatView['trade'] {
    return this.full.trade;
  }
  get month(): SeatView['month'] {
    return this.full.month;
  }
  get pipeline(): SeatView['pipeline'] {
    return this.full.pipeline;
  }
  get news(): SeatView['news'] {
    return this.full.news;
  }
  get ledger(): SeatView['ledger'] {
    return this.full.ledger;
  }
  get ended(): SeatView['ended'] {
    return this.full.ended;
  }
}

/**
 * A playout player's context. Its state is the world's own: in a playout the seat's belief is the
 * sampled world itself. It is passed as a SeatState without the `seat` mark, which nothing reads;
 * copying the state to add it was a tenth of a playout's time.
 */
class PlayoutCtx implements Ctx {
  readonly view: PlayoutView;
  constructor(
    readonly c: Compiled,
    readonly side: Side,
    private s: GameState,
    public rng: Rng,
  ) {
    this.view = new PlayoutView(c, s, side);
  }
  get state(): SeatState {
    return this.s as SeatState;
  }
  /** The context of the next move's state, with its view (see PlayoutView.reset) and its dice. */
  reset(s: GameState, rng: Rng): this {
    this.s = s;
    this.view.reset(s);
    this.rng = rng;
    return this;
  }
}

/** Where `side`'s move in state `s` falls: its turn, and the decision pending (0: none, its orders). */
const place = (s: GameState, side: Side): number => (ofSide(s.pending, side)[0] ?? -1) + 1;

/** The dice of `side`'s move in state `s` of a playout on world dice `d`: keyed to the move, and each order's to the order (KeyedDice). */
export const moveDice = (d: RngState, s: GameState, side: Side): KeyedDice => new KeyedDice(d, s.turn, place(s, side));

/** A playout player's move for `side` in world state `s` (it must have one to make). */
export function playoutMove(p: Policy, s: GameState, side: Side, rng: Rng): Move {
  return moveIn(p, new PlayoutCtx(p.c, side, s, rng));
}

/** The move of the side of `ctx`, asked of its playout player. */
function moveIn(p: Policy, ctx: PlayoutCtx): Move {
  const side = ctx.side,
    s = ctx.state;
  const player = ofSide(p.players, side);
  const pending = ofSide(s.pending, side);
  if (pending.length) {
    const ev: CEvent = p.c.events[pending[0]!]!;
    return { type: 'decide', side, event: ev.id, option: player.decide(ctx, ev) };
  }
  return { type: 'orders', side, orders: player.orders(ctx) };
}

/**
 * Apply `move` (legal in the world: the caller fits it) to the world's state and play the game out.
 * The playout's moves come from the engine's own lists, so they are applied unchecked, in the
 * playout's own copy of the world's state (playInPlace).
 */
export function playout(p: Policy, w: World, move: Move | null): PlayoutEnd {
  // The playout's own copy of the world, played in place: the world is shared by every candidate.
  let s = ownedCopy(w.state);
  if (move) s = playInPlace(p.sc, s, move);
  const start = s.turn;
  // One context (and view) per side for the whole playout, pointed at the state at each move: the
  // players keep nothing of it between moves.
  // Each side's dice too, rekeyed to each of its moves (KeyedDice.rekey makes no new object).
  const dice = { britain: moveDice(w.dice.britain, s, 'britain'), ussr: moveDice(w.dice.ussr, s, 'ussr') };
  const britain = new PlayoutCtx(p.c, 'britain', s, dice.britain),
    ussr = new PlayoutCtx(p.c, 'ussr', s, dice.ussr);
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const ctx = toMove(s, 'britain') ? britain : toMove(s, 'ussr') ? ussr : null;
    if (!ctx) break;
    const side = ctx.side;
    s = playInPlace(p.sc, s, moveIn(p, ctx.reset(s, ofSide(dice, side).rekey(ofSide(w.dice, side), s.turn, place(s, side)))));
  }
  return { state: s, turns: s.turn - start + 1 };
}
