// The search player: looks ahead from its seat's view alone. For each move it lists candidates
// (candidates.ts), draws worlds consistent with what it knows (engine/sample.ts), plays every
// candidate out in the same worlds with the personas on both sides (the other side as it reads it:
// opponent.ts; playout.ts), and keeps the one
// whose expected objective score is best by a margin clear of the noise (weigh.ts). Its levels
// differ only in what they may spend, never in what they see. Its reasons come from the same
// numbers (explain.ts).
import type { CEvent } from '../../engine/compile';
import { noteName, sideInSentence } from '../../engine/labels';
import type { Move, Order } from '../../engine/types';
import { ofSide, other, type Side } from '../../engine/vocab';
import type { Scenario } from '../../scenario/schema';
import { type BargainOptions, DEFAULT_BARGAIN, Desk } from '../bargain';
import { makeHistoricalPlayer } from '../historical';
import { makeNegotiator } from '../negotiator';
import { makeSidePersona } from '../persona';
import type { Ctx, Player } from '../player';
import type { Reasons } from '../reasons';
import { type Candidate, decisionCandidates, orderCandidates } from './candidates';
import { explain } from './explain';
import { barAt, type Reading, type RefusalBar, readOpponent, refusalBar, WaryPlayer } from './opponent';
import { type Policy, personaPolicy } from './playout';
import { type Budget, weigh } from './weigh';

export const SEARCH_LEVELS = [1, 2, 3, 4] as const;
export type SearchLevel = (typeof SEARCH_LEVELS)[number];

/**
 * What each level may spend: candidates weighed and playout turns. Nothing else differs. The budget
 * goes mostly to more worlds per candidate rather than to more candidates: the first few candidates
 * (the persona's, history's, doing nothing, a note's answer turned) hold most of the gain, and
 * weighing many variations on few worlds each mostly finds the ones lucky in those worlds.
 */
export const LEVEL_BUDGET: Record<SearchLevel, Budget & { candidates: number }> = {
  1: { candidates: 4, turns: 600, minWorlds: 2, maxWorlds: 12 },
  2: { candidates: 5, turns: 1500, minWorlds: 3, maxWorlds: 24 },
  3: { candidates: 6, turns: 4000, minWorlds: 4, maxWorlds: 48 },
  4: { candidates: 8, turns: 9000, minWorlds: 6, maxWorlds: 96 },
};

/**
 * The negotiator's playouts per package when it works out what its note should be: one, not its
 * own three. Its table only proposes; the search's own playouts judge the note. With three, a table
 * made afresh put the search's p95 decision time at 350 ms of CPU (bench/search.bench.ts, load 16);
 * with one, 269 ms.
 */
const BARGAIN: BargainOptions = { ...DEFAULT_BARGAIN, rollouts: 1 };

/**
 * Packages of each rank a negotiator in the futures keeps on its shortlist (negotiator.ts,
 * shortlisted): with its concessions and the ends of its aspiration, a few dozen in all.
 */
const FUTURES_SHORTLIST = 24;

/**
 * Reasons for the answers alone, fit to show when the orders with them are private: the persona's
 * reading of each note (its cabinet's share and the terms' worth, from the note alone), and whether
 * the playouts kept or turned that answer. No number from the playouts goes in, since those depend
 * on the other orders in the set; whether the answer was turned the answer itself already shows.
 */
function answerReasons(who: string, side: Side, reading: Reasons, persona: Move, chosen: readonly Order[]): Reasons {
  const answers = chosen.flatMap(o => (o.kind === 'reply' ? [o] : []));
  const before = persona.type === 'orders' ? persona.orders : [];
  const turned = answers.filter(a => before.some(b => b.kind === 'reply' && b.offer === a.offer && b.accept !== a.accept));
  const given = answers.map(a => `${a.accept ? 'accepts' : 'refuses'} ${noteName(other(side), a.offer)}`).join(', ');
  // The reading's own words first where the answer stands (they say the answer and why once); where
  // the playouts turned it, the answer given first and the reading after it, said to be overturned.
  if (!turned.length)
    return { summary: `${reading.summary} Played out in simulated games with the rest of its turn’s orders, that answer still came out best.`, factors: reading.factors, rejected: reading.rejected };
  const notes = turned.map(a => noteName(other(side), a.offer)).join(', ');
  return {
    summary: `${who} ${given}. Its first reading of ${notes} answered otherwise, but played out in simulated games with the rest of its turn’s orders, this answer came out better. The first reading was: ${reading.summary}`,
    factors: reading.factors,
    rejected: [],
  };
}

export function makeSearchPlayer(sc: Scenario, side: Side, level: SearchLevel): Player {
  // The futures move the other side as the search reads it from its moves so far (opponent.ts).
  const byPersona = personaPolicy(sc);
  // Read as the persona, the other side also refuses notes of ours no better for it than those it
  // has refused (opponent.ts, WaryPlayer; its bar is set at each move from the seat's view).
  const wary = new WaryPlayer(byPersona.c, ofSide(byPersona.players, other(side)), side);
  const theirs = (p: Player): Policy => ({ ...byPersona, players: { ...byPersona.players, [other(side)]: p } as Policy['players'] });
  const byPersonaRead = theirs(wary);
  const byHistory = theirs(makeHistoricalPlayer());
  // The table of what every package is worth to each side, from this seat's view (made once a
  // decision). Its own note proposes from it, the other side's column as that side would reckon it
  // (Desk.both); a negotiator in its futures bargains by it as this seat's futures count it (with
  // that side's own reckoning there, a 1929 Soviet search took London's first note where the
  // negotiator would have come back with a better one: strength-1929-ussr-1, 94.4 -> 83.3).
  const desk = new Desk(sc, side, BARGAIN);
  const policies: Record<Reading, (ctx: Ctx, bar: RefusalBar | null) => Policy | readonly Policy[]> = {
    persona: () => byPersonaRead,
    historical: () => byHistory,
    // A negotiator of its own for each decision's futures, cut down to be asked at every move of
    // them (negotiator.ts, NegotiatorOptions). How such a side answers our notes its notes do not
    // say: the negotiator weighs a note against a counter of its own, a search player plays it out,
    // which the persona's rule with the bar of its refusals comes nearer. Half the futures each.
    negotiator: (ctx, bar) => {
      const neg = makeNegotiator(sc, other(side), BARGAIN, { table: () => desk.utilities(ctx), shortlist: FUTURES_SHORTLIST });
      const answering = new WaryPlayer(byPersona.c, neg, side, 'persona');
      answering.bar = bar;
      return [theirs(neg), theirs(answering)];
    },
  };
  const persona = makeSidePersona(sc, side);
  // Proposes the package it judges best for the side that both cabinets would ratify; its note and
  // answers are candidates, not orders: the playouts decide whether they beat the persona's.
  const bargainer = makeNegotiator(sc, side, BARGAIN, { table: ctx => desk.both(ctx) });
  const budget = LEVEL_BUDGET[level];
  const who = sideInSentence(sc, side, true);
  let last: Reasons | undefined;
  const choose = (ctx: Ctx, cands: Candidate[], what: string): Candidate => {
    const reading = readOpponent(byPersona.c, ctx.view, ctx.state);
    const bar = reading === 'historical' ? null : refusalBar(byPersona.c, ctx.view, ctx.state);
    wary.bar = reading === 'persona' ? bar : null;
    const policy = policies[reading](ctx, bar);
    const w = weigh(
      policy,
      ctx.view,
      cands.map(x => x.move),
      ctx.rng,
      budget,
    );
    last = explain(byPersona.c, ctx.side, cands, w, what, reading, bar && { ...bar, now: barAt(byPersona.c, bar, ctx.view.turn) });
    return cands[w.chosen]!;
  };
  return {
    kind: `search:${level}`,
    decide(ctx: Ctx, ev: CEvent): string {
      const cands = decisionCandidates(ctx.side, ev, persona.decide(ctx, ev));
      const m = choose(ctx, cands, `${who} on “${ev.title}”`).move;
      if (m.type !== 'decide') throw new Error('a decision candidate must be a decision');
      return m.option;
    },
    orders(ctx: Ctx): Order[] {
      const cands = orderCandidates(ctx, persona, budget.candidates, bargainer);
      // The persona's reading of the notes, taken before the playouts ask it anything else.
      const reading = persona.why?.()?.answers;
      const bargained = bargainer.why?.()?.answers;
      const pick = choose(ctx, cands, `${who}’s orders`);
      const m = pick.move;
      if (m.type !== 'orders') throw new Error('an orders candidate must be orders');
      // The answers' reasons are those of whoever gave them: the negotiator's reading when its set was chosen.
      if (last && pick.origin === 'negotiator' && bargained) last = { ...last, answers: answerReasons(who, ctx.side, bargained, pick.move, m.orders) };
      else if (last && reading) last = { ...last, answers: answerReasons(who, ctx.side, reading, cands[0]!.move, m.orders) };
      return m.orders;
    },
    why: () => last,
  };
}
