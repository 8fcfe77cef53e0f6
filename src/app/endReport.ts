// The end of a game held against history: each side's objectives and score beside the historical
// baseline, the scenario's outcomes in this game and in the replayed history, and the decisions a
// side took beside the ones history took.

import { type Comparison, compareWithHistory, historicalBaseline } from '../ai/index';
import { type BySide, compile, type GameState, type Move, type Side, score, shownDay } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { type Controller, type KeptPath, playersOn } from './saveFile';

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

/** A decision no one else is recorded as taking: the seat's own. */
export const OWN_DECISION: DecidedBy = { before: false, who: 'you' };

/** What the end screen says under a list of decisions where some were taken before the branch began. */
export const BEFORE_BRANCH_NOTE = 'A decision “before this branch began” was taken on the path this branch kept, not by you in it: history’s, or the game the branch left.';

/**
 * One decision of "Your path beside history" in words, said as whoever took it, for both front
 * ends: `said` ("you chose “Refuse” (before this branch began)"), and beside it what history did
 * (null: nothing to add; `asHistory`: the same as history, which a front end shows as good news).
 * `quote` puts an option's label in the front end's quotation marks.
 */
export function decisionSaid(d: EndReport['decisions'][Side][number], by: DecidedBy, quote: (s: string) => string): { said: string; before: boolean; beside: string | null; asHistory: boolean } {
  const subject = { you: 'you chose', history: 'history chose', computer: 'the computer chose', none: 'the choice made was' }[by.who ?? 'none'];
  const said = `${subject} ${quote(d.chose)}${by.before ? ' (before this branch began)' : ''}`;
  if (by.who === 'history') return { said, before: by.before, beside: d.same ? null : `the sources record ${quote(d.history)}`, asHistory: false };
  return { said, before: by.before, beside: d.same ? 'as history did' : `history chose ${quote(d.history)}`, asHistory: d.same };
}

/** Who took each decision of a branch's game from what its save keeps: its seat's players from where it began, the kept path's before. */
export function keptDecidedBy(moves: readonly Move[], sides: BySide<Controller>, kept: KeptPath): Map<string, DecidedBy> {
  return decidedBy(moves, kept.from, k => (k >= kept.from ? sides : playersOn(kept.players, k)));
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
