// The end of a game held against history: each side's objectives and score beside the historical
// baseline, the scenario's outcomes in this game and in the replayed history, and the decisions a
// side took beside the ones history took.

import { type Comparison, compareWithHistory, historicalBaseline } from '../ai/index';
import { type BySide, compile, type GameState, type Move, type Side, score, shownDay } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import type { Controller } from './saveFile';

export interface EndReport {
  reason: string;
  day: number;
  relations: GameState['relations'];
  /** Per side: each objective's kind, and its note on how history fared (the scenario's `history`, or ''). */
  sides: Record<Side, Comparison & { kinds: ('met' | 'measure')[]; notes: string[] }>;
  baseline: { seed: string; reproduced: boolean };
  outcomes: { label: string; historical: boolean; thisGame: boolean; history: boolean }[];
  /** Decisions a side took, with the historical choice (`id`: the event's). */
  decisions: Record<Side, { day: number; id: string; event: string; chose: string; history: string; same: boolean }[]>;
  finalScores: Record<Side, number>;
}

export function endReport(sc: Scenario, s: GameState): EndReport {
  const c = compile(sc);
  const base = historicalBaseline(sc);
  const side = (sd: Side) => ({
    ...compareWithHistory(sc, s, sd),
    kinds: c.objectives[sd].map(o => (o.when !== null ? ('met' as const) : ('measure' as const))),
    notes: sc.objectives[sd].map(o => o.history ?? ''),
  });
  // In the order they were put to the side.
  const decisions = (sd: Side) =>
    c.events
      .flatMap(e => {
        const k = s.chosen[e.i]!;
        if (!e.decision || e.decision.side !== sd || k < 0) return [];
        const mine = e.decision.options[k]!;
        const hist = e.decision.options.find(o => o.historical) ?? mine;
        return [{ day: shownDay(e, s.fired[e.i]!), id: e.id, event: e.title, chose: mine.label, history: hist.label, same: mine.i === hist.i }];
      })
      .sort((a, b) => a.day - b.day);
  return {
    reason: s.ended?.reason ?? 'unfinished',
    day: s.ended?.day ?? c.days[s.turn]!,
    relations: s.relations,
    sides: { britain: side('britain'), ussr: side('ussr') },
    baseline: { seed: base.seed, reproduced: base.reproduced },
    outcomes: c.outcomes.map(o => ({ label: o.label, historical: o.historical, thisGame: o.when(s), history: o.when(base.state) })),
    decisions: { britain: decisions('britain'), ussr: decisions('ussr') },
    finalScores: { britain: score(c, s, 'britain').total, ussr: score(c, s, 'ussr').total },
  };
}

/** Who took a decision the end report lists: the end screen says so, so that no one is credited with another's choice. */
export interface DecidedBy {
  /** Taken before this game's own play began: on the path a branch kept (history's, or the game it left). */
  before: boolean;
  /** 'you': a person held the side; 'history': the historical players; 'computer': a computer player; null: not recorded. */
  who: 'you' | 'history' | 'computer' | null;
}

/**
 * Who took each decision in a game's moves, by event id (a decision put again is the later one's,
 * as the state keeps it). `from`: the first move of this game's own play (where a branch began; 0
 * for a game played from the start); `players(k)`: who played move k (null: not recorded).
 */
export function decidedBy(moves: readonly Move[], from: number, players: (k: number) => BySide<Controller> | null): Map<string, DecidedBy> {
  const out = new Map<string, DecidedBy>();
  moves.forEach((m, k) => {
    if (m.type !== 'decide') return;
    const p = players(k)?.[m.side];
    out.set(m.event, { before: k < from, who: p === undefined ? null : p === 'human' ? 'you' : p === 'historical' ? 'history' : 'computer' });
  });
  return out;
}
