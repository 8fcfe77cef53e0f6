// Many games from one start: the outcome distribution that `npm run sim` prints, the tests check,
// and the what-if explorer will show.

import { compile } from '../engine/compile';
import { createGame } from '../engine/game';
import { score } from '../engine/scoring';
import { type BySide, SIDES } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import type { Player } from './player';
import { runGame } from './player';

/** A player that takes the given options at the given events, and plays as `base` otherwise. */
export function withBranches(base: Player, branches: Record<string, string>): Player {
  if (Object.keys(branches).length === 0) return base;
  return {
    kind: `${base.kind}+branches`,
    decide(ctx, ev) {
      const forced = branches[ev.id];
      return forced !== undefined && ev.decision!.options.some(o => o.id === forced) ? forced : base.decide(ctx, ev);
    },
    orders: ctx => base.orders(ctx),
  };
}

/** Parse "event.option" strings, checking them against the scenario. */
export function parseBranches(sc: Scenario, specs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const [ev, opt] = spec.split('.');
    const e = sc.events.find(x => x.id === ev);
    if (!e?.decision) throw new Error(`--branch ${spec}: there is no decision event "${ev}"`);
    if (!e.decision.options.some(o => o.id === opt)) throw new Error(`--branch ${spec}: "${ev}" has no option "${opt}" (options: ${e.decision.options.map(o => o.id).join(', ')})`);
    out[ev!] = opt!;
  }
  return out;
}

export interface SimStats {
  scenario: string;
  version: number;
  games: number;
  outcomes: { id: string; label: string; historical: boolean; count: number; rate: number }[];
  /** Games in which every historical outcome held. */
  historyReproduced: { count: number; rate: number };
  endReasons: Record<string, number>;
  relationsAtEnd: Record<string, number>;
  scores: BySide<{ mean: number; sd: number; min: number; max: number }>;
  /** Mean value at the end of each figure asked for (war danger by default). */
  figures: Record<string, number>;
}

export function simulate(sc: Scenario, players: BySide<Player>, games: number, seed: string, figures: readonly string[] = ['tension']): SimStats {
  const c = compile(sc);
  const figIdx = figures.map(f => {
    const i = c.figIndex.get(f);
    if (i === undefined) throw new Error(`unknown figure "${f}"`);
    return i;
  });
  const figSum = figures.map(() => 0);
  const counts = c.outcomes.map(() => 0);
  let reproduced = 0;
  const endReasons: Record<string, number> = {};
  const relationsAtEnd: Record<string, number> = {};
  const totals: BySide<number[]> = { britain: [], ussr: [] };
  for (let k = 0; k < games; k++) {
    const { state } = runGame(sc, createGame(sc, `${seed}-${k}`, { record: false }), players, false);
    let all = true;
    c.outcomes.forEach((o, j) => {
      const holds = o.when(state);
      if (holds) counts[j]!++;
      else if (o.historical) all = false;
    });
    if (all) reproduced++;
    const reason = state.ended?.reason ?? 'unfinished';
    endReasons[reason] = (endReasons[reason] ?? 0) + 1;
    relationsAtEnd[state.relations] = (relationsAtEnd[state.relations] ?? 0) + 1;
    for (const side of SIDES) totals[side].push(score(c, state, side).total);
    figIdx.forEach((i, j) => {
      figSum[j]! += state.fig[i]!;
    });
  }
  const stat = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length || 1));
    return { mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
  };
  return {
    scenario: sc.id,
    version: sc.version,
    games,
    outcomes: c.outcomes.map((o, j) => ({ id: o.id, label: o.label, historical: o.historical, count: counts[j]!, rate: counts[j]! / games })),
    historyReproduced: { count: reproduced, rate: reproduced / games },
    endReasons,
    relationsAtEnd,
    scores: { britain: stat(totals.britain), ussr: stat(totals.ussr) },
    figures: Object.fromEntries(figures.map((f, j) => [f, figSum[j]! / games])),
  };
}
