// Baseline negotiators as the automated-negotiation literature writes them, each playing over the
// same package space with its side's utilities from the objectives (times its own cabinet's chance
// of ratifying; normalised to 0-1 over the space, as that literature does), and its persona's orders for everything but notes:
// - time-dependent tactics (Faratin, Sierra and Jennings 1998): the utility aimed at falls over the
//   clock as Pmin + (Pmax - Pmin)(1 - t^(1/e)); Boulware (e = 0.2) holds firm until late,
//   Conceder (e = 2) gives ground early;
// - Hardliner: always asks for its best package and takes nothing less;
// - Tit-for-Tat (relative, after Faratin et al. and Baarslag et al.): gives up as much of its own
//   utility as the other side's notes have given it since their first.
// Each sends a note whenever it may and a package on offer is worth its reservation (the least gain
// an agreement must bring, MIN_GAIN), the persona's lowest-ranked orders making way for its cost
// (Desk.compose); it accepts a note worth at least what its own next note would ask (the "AC_next"
// rule) and never one below its reservation.
// It asks again for its last note while that note's utility is within the table's noise of the
// band it would bid from (its table is made afresh at each move from a few playouts).
// What a bargainer knows of the talks (the notes it was sent, how far the other side has come) it
// reads off its seat view at every move, valued by its utilities now: it keeps nothing between
// moves, so a bargainer made afresh for a move plays as one that has played the whole game.
import type { CEvent } from '../engine/compiled';
import { noteName, sideInSentence } from '../engine/labels';
import { seesOtherCabinet } from '../engine/secrets';
import type { Order, Terms } from '../engine/types';
import { other, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { answerable, type BargainOptions, canAffordNote, DEFAULT_BARGAIN, Desk, lastNote, pct, ptsSe } from './bargain';
import { MIN_GAIN } from './negotiator';
import { describePackage, indexOf, packageOpen, span, termsOf } from './packages';
import type { Ctx, Player } from './player';
import { ownChances } from './ratify';
import { err, type Factor, ptsGiveOrTake, type Reasons } from './reasons';
import { packageSe } from './worth';

/** How a baseline sets the utility (0-1) its next note asks for. */
interface Tactic {
  readonly kind: string;
  /** `t` the clock (0-1); `conceded` how much the other side's notes have given this side (0-1) since their first. */
  target(t: number, reservation: number, conceded: number): number;
  describe(t: number): string;
}

export const timeDependent = (kind: string, e: number): Tactic => ({
  kind,
  target: (t, pmin) => pmin + (1 - pmin) * (1 - t ** (1 / e)),
  describe: t => `e = ${e}, ${Math.round(t * 100)}% through the clock`,
});
export const hardliner: Tactic = { kind: 'hardliner', target: () => 1, describe: () => 'never concedes' };
export const titForTat: Tactic = {
  kind: 'titfortat',
  target: (_t, pmin, conceded) => Math.max(pmin, 1 - conceded),
  describe: () => 'concedes as much as the other side has',
};

/** Width of the band of utility (0-1) a bid is drawn from. */
const BAND = 0.02;

export function makeBargainer(sc: Scenario, side: Side, tactic: Tactic, opts: BargainOptions = DEFAULT_BARGAIN): Player {
  const desk = new Desk(sc, side, opts);
  /** What it said of its answers and note at its last orders, and the orders it sent; the reasons are made of them when asked. */
  let told: { said: Reasons | undefined; sent: Order[] } | undefined;
  let reasons: Reasons | undefined;
  /** Whether the move was the persona's alone (a decision, or orders with the channel shut): its reasons are the persona's. */
  let personas = false;

  return {
    kind: tactic.kind,
    decide(ctx: Ctx, ev: CEvent) {
      reasons = told = undefined;
      personas = true;
      return desk.persona.decide(ctx, ev);
    },
    orders(ctx: Ctx): Order[] {
      reasons = told = undefined;
      const actions = desk.personaActions(ctx);
      personas = !desk.channelOpen(ctx);
      if (personas) return actions;
      // Its utility: the objective gain of a package times the chance its own cabinet ratifies it
      // (a package its cabinet throws out gains it nothing), which a seat reads exactly.
      const w = desk.utilities(ctx);
      const own = ownChances(desk.ps, ctx.state, side);
      const u = w[side].map((x, i) => x * own(i));
      const { min, max } = span(u);
      const norm = (x: number) => (max > min ? (x - min) / (max - min) : 0);
      // The reservation: the least gain worth an agreement (below it, playout noise), as a share of the range.
      const reservation = Math.min(1, Math.max(0, norm(MIN_GAIN)));
      // The other side's notes this game (the view holds every one that has arrived), by their
      // utility to this side now, oldest first.
      const received = new Map<number, number>();
      for (const o of [...ctx.view.offers].sort((a, b) => a.n - b.n)) if (o.from !== side) received.set(o.n, norm(u[indexOf(desk.ps, o.terms)]!));
      const theirs = [...received.values()];
      const conceded = theirs.length ? Math.max(0, theirs[theirs.length - 1]! - theirs[0]!) : 0;
      const t = desk.clock(ctx);
      const target = tactic.target(t, reservation, conceded);
      // The note it would send next: a package from the band just above the target, picked at
      // random within the band (as the literature's time-dependent agents pick a bid).
      let lowest = Infinity,
        bestOpen = -Infinity;
      // Only packages whose every option is on offer now and that are worth its reservation: as in the
      // literature, it bids nothing below it (its target never falls below it; where no package on
      // offer reaches it, as for a cabinet that would throw out every package that gains the side
      // something, it sends no note).
      const open = (i: number) => packageOpen(desk.ps, i, ctx.state) && u[i]! >= MIN_GAIN;
      for (let i = 0; i < desk.ps.size; i++) {
        if (!open(i)) continue;
        const x = norm(u[i]!);
        if (x >= target - 1e-9 && x < lowest) lowest = x;
        if (x > bestOpen) bestOpen = x;
      }
      if (lowest === Infinity) lowest = bestOpen; // nothing on offer reaches the target: the best there is
      const band: number[] = [];
      for (let i = 0; i < desk.ps.size; i++) {
        const x = norm(u[i]!);
        if (x >= lowest - 1e-9 && x <= lowest + BAND && open(i)) band.push(i);
      }
      const drawn = band.length ? band[Math.floor(ctx.rng.next() * band.length)]! : -1;
      // Its note already on the table is asked for again while its utility is within the table's
      // noise of the band (the table is made afresh at each move): a bid moves when the target
      // does, not with each table's noise (a Hardliner asks for one package, not a new one a move).
      const mine = lastNote(ctx, side);
      const held = mine ? indexOf(desk.ps, mine.terms) : -1;
      const noise = max > min ? desk.spread / (max - min) : 0;
      const bid = drawn >= 0 && held >= 0 && open(held) && Math.abs(norm(u[held]!) - lowest) <= noise ? held : drawn;
      // With no package on offer worth its reservation it holds out for the best conceivable one.
      const bu = bid < 0 ? 1 : norm(u[bid]!);
      // A package's share as a reason states it: with its error (the playouts' error of its worth, over the range).
      const share = (i: number): string => {
        const se = max > min ? (packageSe(w, desk.ps, i, side) * own(i)) / (max - min) : 0;
        return Number.isFinite(se) ? `${pct(norm(u[i]!))} ± ${err(100 * se, 0)}%` : `${pct(norm(u[i]!))} (one playout: its noise unread)`;
      };
      // Said for the other side to read: the side named. Its shares rest on its own cabinet's chance
      // of ratifying (engine/seat.ts hides that cabinet below the reader's sight), so to a reader that
      // does not see the cabinet a package is given by its objective worth alone, as the negotiator's are.
      const shown = seesOtherCabinet(desk.c, ctx.state, other(side));
      const who = sideInSentence(desk.c.sc, side);
      const cabinet = side === 'britain' ? 'the Cabinet' : 'the Politburo';
      const points = (i: number): string => `about ${ptsGiveOrTake(w[side][i]!, packageSe(w, desk.ps, i, side), 'points')} to ${who}’s objectives`;
      const valued = (i: number): string => (shown ? `${share(i)} of the best to ${who}` : points(i));
      const next = bid < 0 ? (shown ? pct(1) : 'the best package conceivable') : shown ? share(bid) : points(bid);
      const replies: Order[] = [];
      const said: string[] = [];
      let agreed = false;
      // The least an agreement must gain the side, as the reasons say it.
      const reserve = `the ${MIN_GAIN} objective points an agreement must gain ${who} at ${cabinet}’s chance of ratifying it`;
      for (const o of answerable(ctx, side)) {
        const i = indexOf(desk.ps, o.terms);
        // Nothing below its reservation, whatever its next note would ask.
        const worth = u[i]! >= MIN_GAIN;
        const accept: boolean = !agreed && worth && received.get(o.n)! >= bu - 1e-9;
        agreed ||= accept;
        replies.push({ kind: 'reply', offer: o.n, accept });
        // Below the reservation its share of the best says nothing (the best may itself be worth less than nothing): the points do.
        said.push(
          worth
            ? `${accept ? 'Accepts' : 'Refuses'} ${noteName(o.from, o.n)}: worth ${valued(i)} against ${next} for its next note.`
            : `Refuses ${noteName(o.from, o.n)}: worth ${shown ? `${ptsSe(u[i]!, packageSe(w, desk.ps, i, side) * own(i), 'points')} to ${who}` : points(i)}, short of ${reserve}.`,
        );
      }
      let note: Terms | null = null;
      if (!agreed && bid >= 0 && canAffordNote(ctx, desk.c, side)) {
        note = termsOf(desk.ps, bid);
        said.push(`Asks for a note worth ${valued(bid)} (${tactic.kind}, ${tactic.describe(t)}). Terms: ${describePackage(desk.ps, bid)}.`);
      } else if (!agreed && bid < 0 && ctx.view.canOffer) said.push(`Sends no note: no package on offer reaches ${reserve}, and a ${tactic.kind} bids nothing below that.`);
      const aims: Factor[] = [
        // Both are shares from 0 to 1, shown as percentages (not points: reasons.ts, factorFigure);
        // the aim is a share of a utility that rests on the cabinet's chance, so only for a reader that sees it.
        ...(shown ? [{ label: `Share of the best package’s worth aimed at (${tactic.kind})`, weight: 1, value: target, unit: 'share' as const, sources: [] }] : []),
        { label: 'Share of the negotiation clock gone', weight: 1, value: t, unit: 'share' as const, sources: [] },
      ];
      // What gives a package most of its worth to us (an agreement at all, or a term), the objectives that worth comes from, and their sources.
      const mainTerm = (i: number): Factor[] => desk.worthFactors(i, w).slice(0, 1);
      const first = answerable(ctx, side)[0];
      // The answers rest on the notes, the clock and the tactic alone, not on the other orders.
      const answers = first ? [...aims, ...mainTerm(indexOf(desk.ps, first.terms))] : aims;
      const answered = said.slice(0, replies.length);
      const factors = note ? [...aims, ...mainTerm(bid)] : answers;
      const sent = desk.compose(ctx, actions, replies, note);
      told = {
        said: said.length
          ? {
              summary: said.join(' '),
              factors,
              rejected: [],
              ...(answered.length ? { answers: { summary: answered.join(' '), factors: answers, rejected: [] } } : {}),
              // The note's own reasons: the clock, the tactic and the note's worth, not the other orders.
              ...(note ? { note: { summary: said.at(-1)!, factors: [...aims, ...mainTerm(bid)], rejected: [] } } : {}),
            }
          : undefined,
        sent,
      };
      return sent;
    },
    // The persona's reasons are read off the state of its last move, so they are asked for only here.
    why: () => (personas ? desk.persona.why?.() : told && (reasons ??= desk.turnReasons(told.said, told.sent))),
  };
}

export const BARGAINERS = {
  boulware: timeDependent('boulware', 0.2),
  conceder: timeDependent('conceder', 2),
  hardliner,
  titfortat: titForTat,
} as const;
