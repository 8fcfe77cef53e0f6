// What every bargaining player shares: its side's persona for the orders that are not notes, the
// package space with utilities from its own seat (playouts from worlds drawn from its view), the
// negotiation clock, and the composing of a turn's orders so that a note it means to send always
// has the capital it needs (the persona's lowest-ranked orders give way).
//
// Nothing here is remembered from one move to the next: the utilities are worked out from the view
// at each move, and the clock's start is read off the view (the notes in it, and the days its flags
// were set and its events fired). So a player made afresh for a move (the history tree makes one for
// every move) plays exactly as one that has played the whole game, and a restored match need not ask
// it its past moves again.
import { compile } from '../engine/compile';
import type { Compiled } from '../engine/compiled';
import { sideInSentence } from '../engine/labels';
import { commonsChance } from '../engine/parliament';
import { openRng, seedRng } from '../engine/rng';
import { sampleState } from '../engine/sample';
import { type SeatState, type SeatView, seatView } from '../engine/seat';
import type { Offer, Order, Terms } from '../engine/types';
import { other, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { carrierSources, carriers, carrierWords, clearOfNoise } from './carriers';
import { digit, type PackageSpace, packageSpace } from './packages';
import { makeSidePersona, type PersonaPlayer } from './persona';
import { AI_VIEW, type Ctx } from './player';
import { type Factor, pts, ptsGiveOrTake, type Reasons } from './reasons';
import { joinWorth, middleOption, packageWorth, type Worth } from './worth';

export interface BargainOptions {
  /** Playouts per package evaluated when utilities are worked out. */
  readonly rollouts: number;
}
export const DEFAULT_BARGAIN: BargainOptions = { rollouts: 3 };

/**
 * Spread of one package's gain between tables made from one view with one playout a package, in
 * objective points (1929 Britain at turn 20, six seeds: 9.1 on average; 2.8 with three playouts).
 */
const GAIN_SPREAD = 9;

/** A player's working table: the scenario's package space, and its utilities for the view last asked about. */
export class Desk {
  readonly ps: PackageSpace;
  readonly c: Compiled;
  readonly persona: PersonaPlayer;
  /** The utilities worked out for one view (the same view may be asked about twice in a move), and that view. */
  private worth: { view: SeatView; w: Worth } | null = null;
  /** The same from the other side's standpoint (theirs), and the two joined (both), for the view in `worth`. */
  private seen: { theirs: Worth; both: Worth } | null = null;

  constructor(
    readonly sc: Scenario,
    readonly side: Side,
    readonly opts: BargainOptions = DEFAULT_BARGAIN,
  ) {
    this.c = compile(sc);
    this.ps = packageSpace(this.c);
    this.persona = makeSidePersona(sc, side);
  }

  /**
   * Utilities of every package from the seat's beliefs now, worked out from this view alone (a
   * table kept from an earlier move would be memory a player made afresh does not have). Its column
   * for the other side is what the other side would gain in this seat's futures, not what that side
   * reckons it would: for that, asTheySee.
   */
  utilities(ctx: Ctx): Worth {
    if (this.worth?.view !== ctx.view) {
      // Seeded by the turn, not drawn from the player's dice: working the table out must not change
      // what the dice give the rest of the move.
      const seed = `bargain/${this.side}/${ctx.view.turn}`;
      // The figures it cannot see drawn afresh for each playout (the determinization sampler), not
      // set to their starting values: what it does not know is spread, not guessed once.
      const draw = openRng(seedRng(`${seed}/worlds`));
      const worlds = Array.from({ length: this.opts.rollouts }, () => sampleState(this.c, ctx.view, draw));
      this.worth = { view: ctx.view, w: packageWorth(this.sc, worlds, { rollouts: this.opts.rollouts, seed }, this.side) };
      this.seen = null;
    }
    return this.worth.w;
  }

  /**
   * The table as the other side would make it: playouts from worlds drawn as that side would draw
   * them from its view of a world this seat drew (this seat's own hidden business, its capital, its
   * cabinet where that side cannot read it, its private orders and decisions, drawn or unknown as they
   * are to that side). What a package is worth to the other side, as that side reckons it, is what it
   * answers by: in this seat's own futures business only this seat knows of can make an agreement
   * worth little to the other side, where that side, not knowing of it, would count it worth much
   * (1929, strength-1929-britain-5 at turn 26: Moscow's gain over the packages 3 points on average in
   * London's own futures, where ambassadors and a commercial agreement came with or without it; 23 in
   * these; 23 by Moscow's own table).
   */
  asTheySee(ctx: Ctx): Worth {
    return this.seenFrom(ctx).theirs;
  }

  /** This seat's column of utilities (utilities) beside the other side's as that side reckons it (asTheySee). */
  both(ctx: Ctx): Worth {
    return this.seenFrom(ctx).both;
  }

  private seenFrom(ctx: Ctx): { theirs: Worth; both: Worth } {
    const mine = this.utilities(ctx);
    if (!this.seen) {
      const them = other(this.side);
      const seed = `bargain/${this.side}/${ctx.view.turn}/${them}`;
      const draw = openRng(seedRng(`${seed}/worlds`));
      const worlds = Array.from({ length: this.opts.rollouts }, () => sampleState(this.c, seatView(this.c, sampleState(this.c, ctx.view, draw), them, AI_VIEW), draw));
      const theirs = packageWorth(this.sc, worlds, { rollouts: this.opts.rollouts, seed }, this.side);
      this.seen = { theirs, both: joinWorth(mine, theirs, this.side) };
    }
    return this.seen;
  }

  /**
   * Spread of a package's gain between two tables made afresh from one view: what a figure of the
   * table may move with nothing changed (the table is made afresh at every move).
   */
  get spread(): number {
    return GAIN_SPREAD / Math.sqrt(this.opts.rollouts);
  }

  /** Whether the channel is open to this seat now (it may send, or has a note to answer). */
  channelOpen(ctx: Ctx): boolean {
    return ctx.view.canOffer || answerable(ctx, this.side).length > 0;
  }

  /**
   * The turn the channel first opened this game, as far as the view shows it: the turn of the first
   * note sent either way that the seat has seen, or the first turn at which the scenario's condition
   * for talks held on the flags and events the view dates (each read as it stood at that turn's
   * date), or this turn if neither is earlier. The view dates a flag by when it was last set and an
   * event by when it last fired, so an opening that has closed again with no note sent may be read
   * later than it was; a note sent in it is not missed.
   */
  openTurn(ctx: Ctx): number {
    const { view } = ctx;
    const days = this.c.days;
    const turnOf = (day: number) => {
      let k = 0;
      while (k + 1 < days.length && days[k + 1]! <= day) k++;
      return k;
    };
    const when = this.c.negotiation.when;
    if (when === null) return 0;
    let first = view.turn;
    for (const o of view.offers) first = Math.min(first, turnOf(o.sentDay));
    const asOf = (xs: readonly number[], day: number) => xs.map(d => (d > day ? -1 : d));
    for (let k = 0; k < first; k++) {
      const day = days[k]!;
      if (when({ ...ctx.state, turn: k, flags: asOf(view.flags, day), fired: asOf(view.fired, day) })) return k;
    }
    return first;
  }

  /** How far through the negotiation clock the game is: 0 when the channel opened, 1 at the last turn a note can still be answered. */
  clock(ctx: Ctx): number {
    const start = this.openTurn(ctx);
    // A note must arrive and be answered: the last useful turn is a reply period before the end.
    const days = this.c.days;
    const lastDay = days[days.length - 1]! - 2 * this.c.negotiation.replyDays;
    let last = days.length - 1;
    while (last > start && days[last]! > lastDay) last--;
    if (last <= start) return 1;
    return Math.min(1, Math.max(0, (ctx.view.turn - start) / (last - start)));
  }

  /** Chance the Commons approves an agreement (1 where the scenario asks for no vote). */
  commons(believed: SeatState): number {
    if (!this.c.negotiation.commonsVote) return 1;
    const p = commonsChance(this.c, believed, this.c.negotiation.issue.britain, -1);
    return Number.isNaN(p) ? 0.5 : p;
  }

  /** The persona's orders for the turn, with its note and replies left out (the bargainer gives its own). */
  personaActions(ctx: Ctx): Order[] {
    return this.persona.orders(ctx).filter(o => o.kind === 'action');
  }

  /**
   * The turn's orders: the actions, the replies, and the note if any, the lowest-ranked actions
   * dropped until the capital covers the note.
   */
  compose(ctx: Ctx, actions: Order[], replies: Order[], note: Terms | null): Order[] {
    const out = actions.slice();
    if (note) {
      const capital = ctx.state.fig[this.c.side[this.side].iCapital]!;
      const cost = (xs: Order[]) => xs.reduce((a, o) => a + (o.kind === 'action' ? this.c.actions[this.c.actionIndex.get(o.id)!]!.cost : 0), 0);
      while (out.length && cost(out) + this.c.negotiation.offerCost > capital) out.pop();
      if (cost(out) + this.c.negotiation.offerCost <= capital) out.push({ kind: 'offer', terms: note });
    }
    return [...out, ...replies];
  }

  /**
   * The reasons for a turn's orders this player composed (compose), read when asked: what it said
   * of its answers and its note (`said`, if anything), then its persona's reasons for the actions
   * sent with them, as the persona gives them when talks are shut (those the note's capital took said
   * to have made way for it). So every order sent carries the reasons of the numbers that chose it.
   */
  turnReasons(said: Reasons | undefined, sent: readonly Order[]): Reasons | undefined {
    const orders = this.persona.whyOrders(sent, this.c.negotiation.offerCost);
    if (!said || !orders) return said ?? orders;
    return {
      summary: `${said.summary} ${orders.summary}`,
      factors: [...said.factors, ...orders.factors],
      rejected: [...said.rejected, ...orders.rejected],
      ...(said.answers ? { answers: said.answers } : {}),
      ...(said.note ? { note: said.note } : {}),
    };
  }

  /**
   * What package i is worth to this side, taken apart as reasons' factors, the weightiest first:
   * an agreement bound on the middle option of every term (the reference each term's part is
   * counted from), and each term's option against its middle one, each with its points to the side's
   * objectives by playouts, the objectives those points come from (with their shares) and their
   * sources, then the term's own. Parts the playouts cannot tell from noise come after those they can.
   */
  worthFactors(i: number, w: Worth, side: Side = this.side): Factor[] {
    const n = this.opts.rollouts;
    const b = w.base[side];
    const all = [
      { ...worthFactor(this.c, side, 'Reaching an agreement at all (every term at its middle option)', n, '', b.value, b.se, b.byObjective, b.byObjectiveSe, []), clear: clearOfNoise(b.value, b.se) },
    ];
    this.c.terms.forEach((t, k) => {
      const o = digit(this.ps, i, k);
      const value = w.parts[side][k]![o]!,
        se = w.partsSe[side][k]![o]!;
      // The middle option is what the agreement's own part is measured with: nothing of its own to say.
      if (o === middleOption(t.options.length)) {
        // No figure of its own (unit none): a "+0.0 points" would read as worth nothing.
        all.push({
          label: `${t.label}: ${t.options[o]!.label} (the term’s middle option, already counted in the worth of reaching an agreement)`,
          weight: 1,
          value: 0,
          unit: 'none' as const,
          sources: (this.sc.negotiation.terms[k]!.sources ?? []).slice(),
          clear: false,
        });
        return;
      }
      const f = worthFactor(
        this.c,
        side,
        `${t.label}: ${t.options[o]!.label}`,
        n,
        ' compared with the term’s middle option',
        value,
        se,
        w.byObjective[side][k]![o]!,
        w.byObjectiveSe[side][k]![o]!,
        this.sc.negotiation.terms[k]!.sources ?? [],
      );
      all.push({ ...f, clear: clearOfNoise(value, se) });
    });
    return all.sort((a, b) => Number(b.clear) - Number(a.clear) || Math.abs(b.value) - Math.abs(a.value)).map(({ clear: _, ...f }) => f);
  }
}

/**
 * A worth measured by playouts as a reason's factor, saying no more than the playouts can tell: the
 * objectives that carry it where they stand clear of the playouts' noise (carriers.ts), else that no
 * objective stands out; and where the worth itself does not clear its noise, that it is not clear of
 * it (worth about nothing to us, where it is within one error of nothing), with the figure and its
 * error. `n` playouts a package measured it; `against` says what a term's part is counted from.
 */
function worthFactor(
  c: Compiled,
  side: Side,
  label: string,
  n: number,
  against: string,
  value: number,
  se: number,
  parts: readonly number[],
  partsSe: readonly number[],
  own: readonly string[],
): Factor {
  // Said plainly for the other side to read: the side named, "give or take" for the error, "luck" for noise.
  const whose = `${sideInSentence(c.sc, side)}’s objectives`;
  const by = `by ${n} playout${n === 1 ? '' : 's'} (simulated games)`;
  // One playout a package (the search's quick table) leaves the noise unmeasured: no objective can be named from it.
  if (!Number.isFinite(se)) return { label: `${label}: worth ${pts(value)} points to ${whose}${against} ${by}; one playout cannot tell it from luck`, weight: 1, value, se, sources: own.slice() };
  const figure = ptsGiveOrTake(value, se, 'points');
  if (!clearOfNoise(value, se))
    return {
      label:
        Math.abs(value) <= se || Math.abs(value) < 0.05
          ? `${label}: worth about nothing to ${whose}${against} ${by}: ${figure}, within their luck`
          : `${label}: worth ${figure} to ${whose}${against} ${by}, too close to luck to say which objective it comes from`,
      weight: 1,
      value,
      se,
      sources: own.slice(),
    };
  const cs = carriers(parts, 3, partsSe);
  const from = cs.length ? carrierWords(c, side, cs) : 'no one objective stands out from their luck';
  return { label: `${label}: worth ${figure} to ${whose}${against} ${by}; ${from}`, weight: 1, value, se, sources: carrierSources(c, side, cs, own) };
}

/** The other side's notes awaiting this seat's answer. */
export const answerable = (ctx: Ctx, side: Side): Offer[] => ctx.view.offers.filter(o => o.from !== side && o.status === 'delivered');

/** The note this seat sent last, as its view shows it (the one on the table, or the last answered). */
export const lastNote = (ctx: Ctx, side: Side): Offer | undefined => ctx.view.offers.filter(o => o.from === side).sort((a, b) => b.n - a.n)[0];

/** Whether this seat can afford a note this turn (before any action is ordered). */
export const canAffordNote = (ctx: Ctx, c: Compiled, side: Side): boolean => ctx.view.canOffer && ctx.state.fig[c.side[side].iCapital]! >= c.negotiation.offerCost;

export { pct, pts, ptsSe } from './reasons';
