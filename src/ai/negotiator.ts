// The negotiator: a player that bargains. Its orders other than notes are its side's persona's.
// For notes it values every package of the scenario by the objectives (playouts from its own
// seat; what a package is worth to the other side, from worlds as that side would draw them:
// Desk.both), weighs each by the chance both cabinets (and the Commons, where it votes) would ratify it
// (its own cabinet read exactly, the other through a model built from intelligence and replies),
// and concedes as the clock runs (a time-dependent tactic, after Faratin, Sierra and Jennings 1998):
// the expected gain it asks for falls over the scenario's negotiation clock from the best it could
// hope for to the Nash point of what both cabinets would ratify, and as the clock runs the chance of
// agreement weighs more against the size of the gain in choosing among what it may ask. It sends a note whenever a package
// both cabinets would ratify exists and gains its side something (unless its last note was refused
// and every such package gives the other side less than that one, while its own cabinet would still
// ratify that one), keeps the capital that note
// needs, counters a note it refuses, and says why.
// Its model of the other cabinet and its utilities are worked out from its seat view at each move,
// not carried from one move to the next: a negotiator made afresh for a move plays as one that has
// played the whole game.
// Since its utilities are made afresh at each move from a few playouts, it sends its last note
// (read off the view) again while that note scores within the table's noise of the best the clock allows;
// once that note is refused, it concedes: its next is one the other side values more, and never one
// they value less, which a cabinet that refused the richer note would not take.
// Cut down for cost (NegotiatorOptions), it is also how the search plays a side that bargains in its
// futures: on the search's table, weighing a shortlist of packages, planning once per position of the talks.
import type { CEvent } from '../engine/compiled';
import { noteName, sideInSentence } from '../engine/labels';
import { seesOtherCabinet } from '../engine/secrets';
import type { Offer, Order, Terms } from '../engine/types';
import { other, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { answerable, type BargainOptions, canAffordNote, DEFAULT_BARGAIN, Desk, lastNote, pct, pts } from './bargain';
import { describePackage, indexOf, packageOpen, termsOf } from './packages';
import type { Ctx, Player } from './player';
import { ownChances, RatificationModel } from './ratify';
import { type Alternative, type Factor, ptsGiveOrTake, type Reasons } from './reasons';
import { packageSe, type Worth } from './worth';

/** Least gain, in objective points, that makes a package worth a note (below it, playout noise). */
export const MIN_GAIN = 0.5;
/** What a note in hand is worth against a counter that must still travel and be answered. */
const COUNTER_DISCOUNT = 0.85;
/** How much, late in the clock, the chance of agreement outweighs the size of the gain. */
const CONCESSION = 3;
/**
 * The concession curve's exponent e: what it asks for falls as 1 - t^(1/e) of the way from its best
 * to the Nash point. 1 gives ground evenly over the clock (the literature's Boulware is e < 1, its
 * Conceder e > 1); a note takes three reply periods to cycle, so the clock holds only a few notes.
 */
const CONCESSION_E = 1;

/** A move's answers and note, with what it says of them (its answers' reasons also on their own). */
interface Plan {
  replies: Order[];
  note: Terms | null;
  said: Reasons[];
  answers: Reasons | undefined;
}

interface Scored {
  i: number;
  gain: number;
  theirs: number;
  pOwn: number;
  pThem: number;
  pAgree: number;
  /** Expected gain for this side: its gain times the chance the package binds. */
  expected: number;
  /** Expected gain for the other side as that side reckons it, by this side's playouts (Desk.both). */
  offered: number;
  /** The note's worth for the clock: the chance of agreement weighs more as the clock runs. */
  score: number;
}

/**
 * The expected gain this side asks for at clock t (0-1): from the best candidate's down to the
 * candidates' Nash point (the most of our expected gain times theirs, both gaining), reached when
 * the clock runs out. With no package both sides gain from, nothing lies to concede toward.
 */
function aspiration(cands: readonly Scored[], t: number): number {
  const { hi, nash } = ends(cands);
  const top = hi?.expected ?? -Infinity;
  const lo = nash?.expected ?? top;
  return lo + (top - lo) * (1 - t ** (1 / CONCESSION_E));
}

/** The two ends of the aspiration: the candidate of most expected gain, and the Nash point's (the most of our expected gain times theirs, both gaining). */
function ends(cands: readonly Scored[]): { hi: Scored | undefined; nash: Scored | undefined } {
  let hi: Scored | undefined, nash: Scored | undefined;
  for (const x of cands) {
    if (!hi || x.expected > hi.expected) hi = x;
    if (x.offered > 0 && x.expected * x.offered > (nash ? nash.expected * nash.offered : 0)) nash = x;
  }
  return { hi, nash };
}

/**
 * How a negotiator may be cut down to play the other side in a search's futures, where it is asked
 * at every move of hundreds of simulated games (search/index.ts).
 */
export interface NegotiatorOptions {
  /**
   * The table of what every package is worth to each side, used at every move in place of one made
   * from its own view (a search's futures: the search's own table for the decision).
   */
  readonly table?: (ctx: Ctx) => Worth;
  /**
   * K: at the first move asked about, it scores every package as usual and keeps only those it
   * could come to send in the moves ahead (shortlisted), so later moves weigh some dozens of
   * packages, not the whole space; and it plans its answers and note once for each turn, notes
   * and answers, and means to send a note, that it meets (planned).
   */
  readonly shortlist?: number;
}

/**
 * A candidate's score at clock t: the chance of agreement weighs more as the clock runs; among
 * packages equally good for us, one that is better for them passes their government more easily.
 */
const scoreAt = (x: Scored, t: number): number => x.gain * x.pAgree ** (1 + CONCESSION * t) + 0.05 * Math.max(0, x.theirs);

/**
 * The packages among `cands` (scored at one move) a negotiator could come to propose later in a
 * game: at each tenth of the clock, the best scored that the clock's aspiration allows (its note
 * while no refusal has moved it); the `k` best scored now and as the clock runs out; the
 * concessions it could make after a refusal, now and late (after a note worth v to the other side
 * is refused, it turns to the best scored of those they value more: so, of the packages ranked by
 * score, each valued more by them than every one ranked above it); the two ends of its aspiration
 * (the most expected gain, and the Nash point it concedes toward); and `also`.
 */
function shortlisted(cands: readonly Scored[], k: number, theirTable: Float64Array, also: readonly number[]): Int32Array {
  const keep = new Set<number>(also);
  for (let tenth = 0; tenth <= 10; tenth++) {
    const t = tenth / 10;
    const asked = aspiration(cands, t);
    let best: Scored | undefined;
    for (const x of cands) if (x.expected <= asked + 1e-9 && (!best || scoreAt(x, t) > scoreAt(best, t) || (scoreAt(x, t) === scoreAt(best, t) && x.i < best.i))) best = x;
    if (best) keep.add(best.i);
  }
  for (const t of [undefined, 1]) {
    const score = (x: Scored) => (t === undefined ? x.score : scoreAt(x, t));
    const ranked = cands.slice().sort((a, b) => score(b) - score(a) || a.i - b.i);
    for (const x of ranked.slice(0, k)) keep.add(x.i);
    let floor = -Infinity;
    for (const x of ranked)
      if (theirTable[x.i]! > floor) {
        keep.add(x.i);
        floor = theirTable[x.i]!;
      }
  }
  const { hi, nash } = ends(cands);
  for (const x of [hi, nash]) if (x) keep.add(x.i);
  return Int32Array.from([...keep].sort((a, b) => a - b));
}

/** A standard error times a chance `f` (an error of nothing times nothing is nothing, even from one playout). */
const scaled = (se: number, f: number): number => (f === 0 ? 0 : se * Math.abs(f));

/** Several reasons as one: the summaries in turn, the first three factors of each, and the first three alternatives. */
const merge = (said: readonly Reasons[]): Reasons => ({
  summary: said.map(r => r.summary).join(' '),
  // The first three of each: an answer's must not crowd out the factors of the note sent with it.
  factors: said.flatMap(r => r.factors.slice(0, 3)),
  rejected: said.flatMap(r => r.rejected).slice(0, 3),
});

export function makeNegotiator(sc: Scenario, side: Side, opts: BargainOptions = DEFAULT_BARGAIN, { table, shortlist }: NegotiatorOptions = {}): Player {
  const desk = new Desk(sc, side, opts);
  const model = new RatificationModel(desk.ps, side);
  /** What it said of its answers and note at its last orders, and the orders it sent; the reasons are made of them when asked. */
  let told: { said: Reasons | undefined; sent: Order[] } | undefined;
  let reasons: Reasons | undefined;
  /** Whether the move was the persona's alone (a decision, or orders with the channel shut): its reasons are the persona's. */
  let personas = false;

  /**
   * The packages a table lets it weigh: those worth MIN_GAIN or more to this side by the table (no
   * other can be a candidate), kept with the table since they depend on nothing else; cut to the
   * shortlist, if it keeps one, at the first move that asks (see NegotiatorOptions.shortlist).
   */
  const pools = new WeakMap<Worth, Int32Array>();

  function pool(ctx: Ctx, w: Worth): Int32Array {
    let p = pools.get(w);
    if (!p) {
      const gains: number[] = [];
      for (let i = 0; i < desk.ps.size; i++) if (w[side][i]! >= MIN_GAIN) gains.push(i);
      p = Int32Array.from(gains);
      if (shortlist !== undefined) {
        const mine = lastNote(ctx, side);
        p = shortlisted(scoreAll(ctx, w, desk.clock(ctx), p), shortlist, desk.ps.table[model.them], mine ? [indexOf(desk.ps, mine.terms)].filter(i => i >= 0) : []);
      }
      pools.set(w, p);
    }
    return p;
  }

  /** Every package this side gains from that both cabinets would more likely than not ratify, scored for the clock. */
  function candidates(ctx: Ctx, w: Worth, tau: number): Scored[] {
    return scoreAll(ctx, w, tau, pool(ctx, w));
  }

  /** Those of packages `from` that both cabinets would more likely than not ratify and that are on offer, scored for the clock. */
  function scoreAll(ctx: Ctx, w: Worth, tau: number, from: Int32Array): Scored[] {
    const own = ownChances(desk.ps, ctx.state, side);
    const commons = desk.commons(ctx.state);
    const out: Scored[] = [];
    for (const i of from) {
      const gain = w[side][i]!;
      if (!packageOpen(desk.ps, i, ctx.state)) continue;
      const pOwn = own(i);
      if (pOwn < 0.5) continue;
      const pThem = model.chance(i);
      if (model.cabinetChance(desk.ps.table[model.them][i]!) < 0.5) continue;
      const pAgree = pOwn * pThem * commons;
      const theirs = w[model.them][i]!;
      const x = { i, gain, theirs, pOwn, pThem, pAgree, expected: gain * pAgree, offered: theirs * pAgree, score: 0 };
      x.score = scoreAt(x, tau);
      out.push(x);
    }
    return out.sort((a, b) => b.score - a.score || a.i - b.i);
  }

  /** Whether package i can no longer be sent by this side for reasons of its own: its cabinet would not ratify it now, or its terms are no longer on offer (both read exactly, not from a noisy table). */
  function withdrawn(ctx: Ctx, i: number): boolean {
    return !packageOpen(desk.ps, i, ctx.state) || ownChances(desk.ps, ctx.state, side)(i) < 0.5;
  }

  /**
   * The note to propose, asking no more expected gain than `asked` (the clock's aspiration). After
   * the other side refused this side's last note P, a concession: the best scored of the packages
   * they value more than P (by the model's reading of their terms) that asks no more than the clock
   * (or, if each asks more, the best scored of them), so the notes move toward them as refusals
   * come; P is sent again only when no such package is a candidate (its last word), and if P is no
   * longer a candidate either, none (whatever else it could send gives them less than they refused),
   * unless this side itself can no longer send P (its own cabinet or the terms on offer moved): then
   * the best scored that the clock allows, so a refusal does not silence it for the rest of the game. Otherwise the
   * best scored that the clock allows, unless this side's last note is still a candidate, the clock
   * allows it and it scores within the table's noise of the best: proposals then move when the talks
   * move (a refusal, the clock, a package no longer on offer), not with the noise of each move's table.
   */
  function standing(ctx: Ctx, cands: Scored[], tau: number, asked: number): Scored | undefined {
    const allowed = (x: Scored) => x.expected <= asked + 1e-9;
    const best = cands.find(allowed) ?? cands[0];
    if (!best) return undefined;
    const mine = lastNote(ctx, side);
    if (!mine) return best;
    const i = indexOf(desk.ps, mine.terms);
    const theirs = desk.ps.table[model.them];
    const held = cands.find(x => x.i === i);
    // With nothing left to concede, its refused note stands as its last word; if it is no longer a
    // candidate, no note: anything else would offer them less than a note they refused.
    if (mine.status === 'rejected') {
      const concessions = cands.filter(x => theirs[x.i]! > theirs[i]!);
      const conceded = concessions.find(allowed) ?? concessions[0] ?? held;
      if (conceded) return conceded;
      // Its last word withdrawn by its own side (its cabinet would now throw P out, or P's terms are
      // off the table): the refusal no longer binds, since standing on it would leave the talks
      // silent to the end while the clock moves them. What the refusal said of their cabinet the
      // model has taken in; the note goes by the clock.
      return withdrawn(ctx, i) ? best : undefined;
    }
    if (!held) return best;
    // Within noise: two spreads of gain (the best of thousands of noisy figures stands about that
    // far above where the same package would stand in another table), at the chance the best's score weighs it by.
    const noise = 2 * desk.spread * best.pAgree ** (1 + CONCESSION * tau);
    return held.score >= best.score - noise && held.expected <= asked + noise ? held : best;
  }

  /** Package i's worth to `who` by this table's playouts, as a reason states it: with its error, times `f` (a chance) if given. */

  function noteFactors(x: Scored, w: Worth): Factor[] {
    const drivers = desk.worthFactors(x.i, w).slice(0, 2);
    return [
      ...drivers,
      {
        label: `Risk that ${model.them === 'ussr' ? 'the Politburo' : 'the Cabinet'} refuses or fails to ratify (read from intelligence and ${model.replies.length} ${model.replies.length === 1 ? 'reply' : 'replies'})`,
        weight: x.gain,
        value: x.gain * (x.pThem - 1),
        se: scaled(packageSe(w, desk.ps, x.i, side), 1 - x.pThem),
        sources: [],
      },
    ];
  }

  /**
   * The words its reasons are said in. They are read by the other side: each side is named, figures
   * are said plainly ("about +4.3 points to Britain's objectives (give or take 2.1)"), and its own
   * cabinet's chances (worked from ministers the reader may not see: engine/seat.ts), and so any
   * chance of an agreement binding, are given only where the reader's intelligence sees that cabinet.
   */
  function speech(ctx: Ctx, w: Worth) {
    const shown = seesOtherCabinet(desk.c, ctx.state, other(side));
    return {
      us: side === 'britain' ? 'London' : 'Moscow',
      cabinet: side === 'britain' ? 'the Cabinet' : 'the Politburo',
      shown,
      worth: (k: number, f = 1, who: Side = side): string =>
        `about ${ptsGiveOrTake(w[who][k]! * f, scaled(packageSe(w, desk.ps, k, who), f), 'points')} to ${sideInSentence(desk.c.sc, who)}’s objectives`,
      likely: (p: number): string => (shown ? `, ${pct(p)} likely to be agreed and ratified` : ''),
    };
  }

  function decideReply(ctx: Ctx, o: Offer, w: Worth, best: Scored | undefined): { accept: boolean; why: Reasons } {
    const i = indexOf(desk.ps, o.terms);
    const gain = w[side][i]!;
    const pOwn = ownChances(desk.ps, ctx.state, side)(i);
    const pThem = model.cabinetChance(desk.ps.table[model.them][i]!);
    const pAgree = pOwn * pThem * desk.commons(ctx.state);
    const inHand = gain * pAgree;
    // A counter must travel and be answered, and the clock is running: worth less the later it is.
    const delayed = best ? best.pAgree * COUNTER_DISCOUNT * (1 - 0.5 * desk.clock(ctx)) : 0;
    const counter = best ? best.gain * delayed : 0;
    const accept = gain >= MIN_GAIN && pOwn >= 0.5 && inHand >= counter;
    const { us, cabinet, shown, worth, likely } = speech(ctx, w);
    const because = !(gain >= MIN_GAIN)
      ? `it is worth ${worth(i)}, short of the ${pts(MIN_GAIN)} points an agreement must be worth`
      : pOwn < 0.5
        ? shown
          ? `${cabinet} would ratify it only ${pct(pOwn)} of the time`
          : `${cabinet} would not ratify it`
        : accept
          ? `it is worth ${worth(i)}${likely(pAgree)}, ${best ? 'more than a counter-offer would be after the delay of another note' : `and ${us} has no note to counter with`}`
          : `a counter-offer is worth more, after the delay of another note: ${worth(best!.i)}${likely(best!.pAgree)}, against ${worth(i)}${likely(pAgree)} for this note`;
    // Named for the note they weigh: the turn's reasons may weigh our own note's terms beside them.
    const drivers = desk
      .worthFactors(i, w)
      .slice(0, 2)
      .map(f => ({ ...f, label: `${noteName(o.from, o.n)} — ${f.label}` }));
    const rejected: Alternative[] = [];
    if (accept && best)
      rejected.push({
        label: `Counter with: ${describePackage(desk.ps, best.i)}`,
        score: counter,
        why: `expected to be worth ${worth(best.i, delayed)} after the delay of another note, less than ${worth(i, pAgree)} from accepting now`,
      });
    if (!accept) rejected.push({ label: `Accept ${noteName(o.from, o.n)}`, score: inHand, why: `not chosen, since ${because}` });
    return {
      accept,
      why: {
        summary: `${us} ${accept ? 'accepts' : 'refuses'} ${noteName(o.from, o.n)}: ${because}.`,
        factors: [
          ...drivers,
          // A risk to a gain only (a note worth less than nothing loses nothing by failing), and only for a reader that sees the cabinet.
          ...(shown && gain > 0
            ? [{ label: `Risk that ${cabinet} fails to ratify ${noteName(o.from, o.n)}`, weight: gain, value: gain * (pOwn - 1), se: scaled(packageSe(w, desk.ps, i, side), 1 - pOwn), sources: [] }]
            : []),
        ],
        rejected,
      },
    };
  }

  /** Its answers and note for a move on table `w`, with what it says of them. */
  function plan(ctx: Ctx, w: Worth): Plan {
    // Rebuilt from this view alone (observe keeps nothing from the views before it).
    model.observe(ctx.view, ctx.state);
    const tau = desk.clock(ctx);
    const cands = candidates(ctx, w, tau);
    const asked = aspiration(cands, tau);
    const best = standing(ctx, cands, tau, asked);
    const replies: Order[] = [];
    const said: Reasons[] = [];
    let agreed = false;
    for (const o of answerable(ctx, side)) {
      const r = decideReply(ctx, o, w, best);
      replies.push({ kind: 'reply', offer: o.n, accept: r.accept && !agreed });
      agreed ||= r.accept;
      said.push(r.why);
    }
    // The answers' reasons on their own: they rest on the notes, the utilities and the model, not on the other orders.
    const answers = said.length ? merge(said) : undefined;
    let note: Terms | null = null;
    if (!agreed && best && canAffordNote(ctx, desk.c, side)) {
      note = termsOf(desk.ps, best.i);
      const { cabinet, worth, likely } = speech(ctx, w);
      const both = (k: number) => `${worth(k)} and ${worth(k, 1, model.them)}${likely(cands.find(x => x.i === k)?.pAgree ?? 0)}`;
      const others = cands
        .filter(x => x !== best)
        .slice(0, 2)
        .map(x => ({
          label: describePackage(desk.ps, x.i),
          score: x.score,
          why: `not chosen: ${both(x.i)}; the note sent is ${both(best.i)}`,
        }));
      const mine = lastNote(ctx, side);
      const again = mine !== undefined && indexOf(desk.ps, mine.terms) === best.i;
      const how =
        mine?.status === 'rejected'
          ? again
            ? '; the note they refused again, as nothing they would value more is left to concede'
            : desk.ps.table[model.them][best.i]! > desk.ps.table[model.them][indexOf(desk.ps, mine.terms)]!
              ? '; a concession on the note they refused'
              : `; ${cabinet} would no longer ratify ${noteName(mine.from, mine.n)}, which the other side refused, or its terms are off the table, so the note the time left asks for`
          : again
            ? `; ${mine.status === 'failed' ? 'the note that failed ratification, sent again' : mine.status === 'lapsed' ? 'the note that lapsed unanswered, sent again' : 'the note already on the table'}, still what the time left asks for, within the playouts’ noise`
            : best === cands[0]
              ? ''
              : `; it asks for less as the time for talks runs out, now a note expected to be worth ${pts(asked)} points to ${sideInSentence(desk.c.sc, side)}’s objectives`;
      said.push({
        // The package comes last, after "Terms:", so no term's label is spliced mid-sentence.
        summary: `Proposes a note worth ${both(best.i)}${likely(best.pAgree) && desk.c.negotiation.commonsVote ? ' (by both cabinets and the Commons)' : ''}, with ${Math.round(tau * 100)}% of the time for talks gone${how}. Terms: ${describePackage(desk.ps, best.i)}.`,
        factors: noteFactors(best, w),
        rejected: others,
      });
    } else if (!agreed && !best && ctx.view.canOffer) {
      const mine = lastNote(ctx, side);
      said.push({
        summary: cands.length
          ? `Sends no note: they refused ${noteName(mine!.from, mine!.n)}, worth ${desk.ps.table[model.them][indexOf(desk.ps, mine!.terms)]!.toFixed(0)} to their cabinet by its terms, and every package both cabinets would ratify that gains us ${MIN_GAIN} objective points or more is worth no more to it.`
          : `Sends no note: no package both cabinets would ratify gains us ${MIN_GAIN} objective points or more (their cabinet’s threshold reckoned at ${model.threshold.toFixed(0)}).`,
        factors: [],
        rejected: [],
      });
    }
    return { replies, note, said, answers };
  }

  /**
   * With a shortlist (in a search's futures): the plan made the first time a move with the same
   * turn, notes and answers, and means for a note, was asked about with table `w`, kept for the
   * rest of that decision's futures. The cabinets and the Commons of that first future stand in
   * for the others': they differ little between futures of one decision, and planning afresh at every
   * move of every future would cost more than the rest of the move.
   */
  const plans = new WeakMap<Worth, Map<string, Plan>>();
  function planned(ctx: Ctx, w: Worth): Plan {
    const { view } = ctx;
    let key = `${view.turn}${view.canOffer ? '+' : '-'}${canAffordNote(ctx, desk.c, side) ? '+' : '-'}`;
    for (const o of view.offers) key += `|${o.from}${o.n}${o.status}${indexOf(desk.ps, o.terms)}`;
    let byKey = plans.get(w);
    if (!byKey) plans.set(w, (byKey = new Map()));
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = plan(ctx, w)));
    return p;
  }

  return {
    kind: 'negotiator',
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
      const w = table ? table(ctx) : desk.both(ctx);
      if (shortlist !== undefined) {
        const p = planned(ctx, w);
        return desk.compose(ctx, actions, p.replies, p.note);
      }
      const { replies, note, said, answers } = plan(ctx, w);
      const sent = desk.compose(ctx, actions, replies, note);
      // The note's reasons on their own (the last said, if a note goes): like the answers', they rest on the note, the utilities and the model.
      const noteWhy = note ? said.at(-1) : undefined;
      told = { said: said.length ? { ...merge(said), ...(answers ? { answers } : {}), ...(noteWhy ? { note: noteWhy } : {}) } : undefined, sent };
      return sent;
    },
    // The persona's reasons are read off the state of its last move, so they are asked for only here.
    why: () => (personas ? desk.persona.why?.() : told && (reasons ??= desk.turnReasons(told.said, told.sent))),
  };
}
