// The fidelity dial: how closely a computer player keeps to history, from 0 (it takes the recorded
// option at every decision and gives the orders the scenario records for the dates, as the
// historical player does) to 1 (it plays freely). In between it takes history's move unless its own
// free move is better by more than a margin that shrinks as fidelity rises:
//
//   margin(f) = MARGIN_AT_HALF x (1 - f) / f   points of the side's objective score (out of 100)
//
// so 5 points at 0.5, 15 at 0.25, 1.7 at 0.75, nothing at 1, and no margin is enough at 0. "Better"
// is measured as the search player measures it: both moves played out in the same sampled worlds
// with the same dice (common random numbers), from the seat's view alone, and the free move wins
// only if its mean advantage less one standard error clears the margin. Deterministic given the
// player's dice, like every player.
import type { CEvent } from '../engine/compile';
import { sideInSentence } from '../engine/labels';
import type { Move, Order } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { makeHistoricalPlayer } from './historical';
import type { Ctx, Player } from './player';
import { ptsGiveOrTake, type Reasons } from './reasons';
import { ordersLabel } from './search/candidates';
import { personaPolicy } from './search/playout';
import { type Budget, paired, weigh } from './search/weigh';

/** The margin at fidelity 0.5, in points of objective score. */
export const MARGIN_AT_HALF = 5;

/** Points the free move must gain over history's to be played, at fidelity f (Infinity at 0). */
export const fidelityMargin = (f: number): number => (f >= 1 ? 0 : f <= 0 ? Infinity : (MARGIN_AT_HALF * (1 - f)) / f);

/** What the comparison of the two moves may spend: a modest search (see search/index.ts, level 2). */
const BUDGET: Budget = { turns: 1500, minWorlds: 8, maxWorlds: 24 };

/** Same move? Orders compared as sets. */
function same(a: Move, b: Move): boolean {
  if (a.type === 'decide' || b.type === 'decide') return a.type === b.type && a.type === 'decide' && b.type === 'decide' && a.option === b.option;
  const key = (os: readonly Order[]) =>
    os
      .map(o => JSON.stringify(o))
      .sort()
      .join('|');
  return key(a.orders) === key(b.orders);
}

/** `base` held to history by fidelity `f` (0 to 1). At 1 it is `base` itself. */
export function withFidelity(sc: Scenario, base: Player, f: number): Player {
  if (!(f >= 0 && f <= 1)) throw new Error(`fidelity must be between 0 and 1 (got ${f})`);
  if (f >= 1) return base;
  const policy = personaPolicy(sc);
  const margin = fidelityMargin(f);
  const historicalPlayer = makeHistoricalPlayer();
  let last: Reasons | undefined;
  const pick = (ctx: Ctx, free: Move, hist: Move, label: (m: Move) => string): Move => {
    const inner = base.why?.();
    if (same(free, hist)) {
      last = inner && { ...inner, summary: `${inner.summary} History made the same move.` };
      return hist;
    }
    // Where history's move is made, the factors are the record's (historical.ts), not those its own choice was weighed by.
    const record = () => historicalPlayer.why?.()?.factors ?? [];
    if (margin === Infinity) {
      last = { summary: `${sideInSentence(sc, ctx.side, true)} held to history (fidelity 0): ${label(hist)}, in place of its own choice, ${label(free)}.`, factors: record(), rejected: [] };
      return hist;
    }
    const w = weigh(policy, ctx.view, [hist, free], ctx.rng, BUDGET, [1]);
    const e = paired(w.tallies[1]!, w.tallies[0]!);
    const freeWins = e.diff - e.se > margin;
    const sum = `its own move did ${ptsGiveOrTake(e.diff, e.se, 'points')} against history’s over ${e.n} possible futures; fidelity ${f} asks for more than ${margin.toFixed(1)}, beyond that give or take`;
    last = {
      summary: `${sideInSentence(sc, ctx.side, true)} ${freeWins ? `left history (${sum}): ${label(free)}` : `kept to history (${sum}): ${label(hist)}`}.`,
      factors: freeWins ? (inner?.factors ?? []) : record(),
      rejected: [{ label: label(freeWins ? hist : free), score: 0, why: sum }],
    };
    return freeWins ? free : hist;
  };
  return {
    kind: `${base.kind}@${f}`,
    decide(ctx: Ctx, ev: CEvent): string {
      const free: Move = { type: 'decide', side: ctx.side, event: ev.id, option: base.decide(ctx, ev) };
      const hist: Move = { type: 'decide', side: ctx.side, event: ev.id, option: historicalPlayer.decide(ctx, ev) };
      const label = (m: Move) => (m.type === 'decide' ? (ev.decision!.options.find(o => o.id === m.option)?.label ?? m.option) : '');
      const m = pick(ctx, free, hist, label);
      return m.type === 'decide' ? m.option : hist.option;
    },
    orders(ctx: Ctx): Order[] {
      const mine = base.orders(ctx);
      // History's orders for the dates. At fidelity 0 its answers to notes too (it refuses them, as
      // both governments did); above 0, the free player's answers and note go with them, since
      // history records none for a note it never saw.
      const recorded = historicalPlayer.orders(ctx);
      let hist = margin === Infinity ? recorded : [...recorded.filter(o => o.kind === 'action'), ...mine.filter(o => o.kind !== 'action')];
      const { c, side } = ctx;
      const cost = hist.reduce((t, o) => t + (o.kind === 'action' ? c.actions[c.actionIndex.get(o.id)!]!.cost : o.kind === 'offer' ? c.negotiation.offerCost : 0), 0);
      if (cost > ctx.state.fig[c.side[side].iCapital]! + 1e-9) hist = hist.filter(o => o.kind !== 'offer');
      const label = (m: Move) => (m.type === 'orders' ? ordersLabel(ctx.c, m.side, m.orders) : '');
      const m = pick(ctx, { type: 'orders', side: ctx.side, orders: mine }, { type: 'orders', side: ctx.side, orders: hist }, label);
      const out = m.type === 'orders' ? m.orders : hist;
      // The answers to notes are the free player's or history's, whichever set went: so are their reasons.
      const answersOf = (os: readonly Order[]) => JSON.stringify(os.filter(o => o.kind === 'reply'));
      const answers = answersOf(out) === answersOf(mine) ? base.why?.()?.answers : historicalPlayer.why?.()?.answers;
      if (last) last = { summary: last.summary, factors: last.factors, rejected: last.rejected, ...(answers ? { answers } : {}) };
      return out;
    },
    why: () => last,
  };
}
