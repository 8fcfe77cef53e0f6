// What every bargaining player shares: its side's persona for the orders that are not notes, the
// package space with utilities from its own seat (playouts from worlds drawn from its view,
// refreshed as the game moves on), the
// negotiation clock, and the composing of a turn's orders so that a note it means to send always
// has the capital it needs (the persona's lowest-ranked orders give way).
import { compile } from '../engine/compile';
import type { Compiled } from '../engine/compiled';
import { commonsChance } from '../engine/parliament';
import { openRng, seedRng } from '../engine/rng';
import { sampleState } from '../engine/sample';
import type { SeatState } from '../engine/seat';
import type { Offer, Order, Terms } from '../engine/types';
import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { digit, type PackageSpace, packageSpace } from './packages';
import { makeSidePersona } from './persona';
import type { Ctx, Player } from './player';
import { packageWorth, type Worth } from './worth';

export interface BargainOptions {
  /** Playouts per package evaluated when utilities are worked out. */
  readonly rollouts: number;
  /** Turns after which the utilities are worked out afresh. */
  readonly refreshTurns: number;
}
export const DEFAULT_BARGAIN: BargainOptions = { rollouts: 3, refreshTurns: 8 };

/** A player's working table for one game: utilities from its seat and when they were made. */
export class Desk {
  readonly ps: PackageSpace;
  readonly c: Compiled;
  readonly persona: Player;
  private worth: Worth | null = null;
  private worthTurn = -1;
  /** The turn the channel was first seen open this game (the start of the negotiation clock). */
  openTurn = -1;

  constructor(
    readonly sc: Scenario,
    readonly side: Side,
    readonly opts: BargainOptions = DEFAULT_BARGAIN,
  ) {
    this.c = compile(sc);
    this.ps = packageSpace(this.c);
    this.persona = makeSidePersona(sc, side);
  }

  /** A new game (a player object may be reused for several): forget what the last one taught. */
  reset(): void {
    this.worth = null;
    this.worthTurn = -1;
    this.openTurn = -1;
  }

  /** Utilities of every package from the seat's current beliefs, worked out afresh every `refreshTurns`. */
  utilities(ctx: Ctx): Worth {
    if (!this.worth || ctx.view.turn - this.worthTurn >= this.opts.refreshTurns || ctx.view.turn < this.worthTurn) {
      // Seeded by the turn, not drawn from the player's dice: whether the table was still fresh must
      // not change what the dice give the rest of the move.
      const seed = `bargain/${this.side}/${ctx.view.turn}`;
      // The figures it cannot see drawn afresh for each playout (the determinization sampler), not
      // set to their starting values: what it does not know is spread, not guessed once.
      const draw = openRng(seedRng(`${seed}/worlds`));
      const worlds = Array.from({ length: this.opts.rollouts }, () => sampleState(this.c, ctx.view, draw));
      this.worth = packageWorth(this.sc, worlds, { rollouts: this.opts.rollouts, seed }, this.side);
      this.worthTurn = ctx.view.turn;
    }
    return this.worth;
  }

  /** Whether the channel is open to this seat now (it may send, or has a note to answer). */
  channelOpen(ctx: Ctx): boolean {
    const open = ctx.view.canOffer || answerable(ctx, this.side).length > 0;
    if (open && (this.openTurn < 0 || ctx.view.turn < this.openTurn)) this.openTurn = ctx.view.turn;
    return open;
  }

  /** How far through the negotiation clock the game is: 0 when the channel opened, 1 at the last turn a note can still be answered. */
  clock(ctx: Ctx): number {
    const start = this.openTurn < 0 ? ctx.view.turn : this.openTurn;
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

  /** The term options that add most to this side's utility in package i, as (label, points, sources). */
  drivers(i: number, w: Worth, side: Side = this.side): { label: string; value: number; sources: string[] }[] {
    return this.c.terms
      .map((t, k) => {
        const o = digit(this.ps, i, k);
        return { label: `${t.label}: ${t.options[o]!.label}`, value: w.parts[side][k]![o]!, sources: this.sc.negotiation.terms[k]!.sources ?? [] };
      })
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  }
}

/** The other side's notes awaiting this seat's answer. */
export const answerable = (ctx: Ctx, side: Side): Offer[] => ctx.view.offers.filter(o => o.from !== side && o.status === 'delivered');

/** Whether this seat can afford a note this turn (before any action is ordered). */
export const canAffordNote = (ctx: Ctx, c: Compiled, side: Side): boolean => ctx.view.canOffer && ctx.state.fig[c.side[side].iCapital]! >= c.negotiation.offerCost;

export { pct, pts } from './reasons';
