// A side's goals as both front ends show them: each objective with its weight, its share of the
// score, what it means and how it is scored, and (in a game) the engine's live outlook from the
// seat's view. Before a game (the new-game screen) there is no view, so no outlook. Nothing here
// reads history's score or the objectives' `history` notes: those belong to the end screen.
import { type Compiled, type ObjectiveOutlook, type OutlookFacts, type OutlookStatus, objectiveOutlook, type SeatView, type Side, seen } from '../engine/index';
import type { EndReport } from './endReport';
import { figInSentence } from './names';
import { num, pct } from './numbers';

export interface GoalRow {
  id: string;
  label: string;
  weight: number;
  /** The weight as a share of the side's whole score (0..1). */
  share: number;
  /** What the objective means (the scenario's description), or ''. */
  about: string;
  /** How it is scored, in words. */
  scoring: string;
  kind: 'condition' | 'measure';
  /** In a game: the live outlook, with the figure's value now for a measure (null once the game is over: `final` says how it ended). */
  outlook: (ObjectiveOutlook & { now: number | null }) | null;
  /** Once the game is over: how far it was achieved (0..1, the end report's score), with the figure's value at the end for a measure. */
  final: { status: FinalStatus; achieved: number; now: number | null } | null;
}

/** How an objective ended: in full, in part (a measure between its marks), or not at all. */
export type FinalStatus = 'met' | 'partly met' | 'not met';

/** A finished game's score for a side, as the end report gives it: the total, and each objective's share achieved, in order. */
export interface FinalScore {
  total: number;
  achieved: readonly number[];
}

export interface Goals {
  side: Side;
  sideName: string;
  rows: GoalRow[];
  /** In a game: the score the seat would get if the game ended now, by what it can see (0..100); null before a game. */
  scoreNow: number | null;
  /** Once the game is over: the side's score (0..100), the end report's; null while it runs. */
  final: number | null;
  /** How many objectives' outcome turns on figures the seat cannot see. */
  unknown: number;
}

/** How the outlook statuses read, in both front ends. */
export const STATUS_TEXT: Record<OutlookStatus, string> = {
  'on course': 'on course',
  'at risk': 'at risk',
  lost: 'lost',
  unknown: 'hidden from you',
};

/** What the statuses say once the game is over, under the goals list. */
export const FINAL_LEGEND = 'How each objective ended, scored as in the result: met, partly met (a measure between its marks, by how far it came) or not met.';

/** A finished game's score for `side` from its end report (none while the game runs): the player's own, never history's. */
export function finalScoreOf(report: EndReport | null, side: Side): FinalScore | undefined {
  const mine = report?.sides[side];
  return mine ? { total: mine.total.yours, achieved: mine.objectives.map(o => o.yours) } : undefined;
}

/** The goals' last line once the game is over, in both front ends; `em` marks the score (bold in the terminal). */
export const finalScoreLine = (total: number, em = (t: string) => t): string => `The game is over: your score is ${em(total.toFixed(1))} out of 100 (history's is in the result).`;

/** The status an objective ended with, from the share of it achieved. */
export const finalStatus = (achieved: number): FinalStatus => (achieved >= 1 ? 'met' : achieved > 0 ? 'partly met' : 'not met');

/** One line for the outlook: "on course · 64% now (pressure 67)"; once the game is over, how it ended: "partly met · 64% (at 67)". */
export function outlookText(r: GoalRow): string {
  const f = r.final;
  if (f) return r.kind === 'measure' ? `${f.status} · ${pct(f.achieved)}${f.now !== null ? ` (at ${num(f.now)})` : ''}` : f.status;
  const o = r.outlook;
  if (!o) return '';
  const parts = [STATUS_TEXT[o.status]];
  if (o.fraction !== null) parts.push(`${pct(o.fraction)} now${o.now !== null ? ` (at ${num(o.now)})` : ''}`);
  else if (o.status === 'at risk') parts.push('not met now');
  else if (o.status === 'lost') parts.push('can no longer be met');
  return parts.join(' · ');
}

/**
 * The goals of `side`. With a view (of that side), each row carries the live outlook; `facts` is
 * the engine's reading of the scenario for the outlook, which a caller may keep between turns.
 * `final`: the game is over, and this is the side's score (the end report's): each row says how the
 * objective ended instead of an outlook, which would still read "on course" or "at risk".
 */
export function goalsModel(c: Compiled, side: Side, view: SeatView | null = null, facts?: OutlookFacts, final?: FinalScore): Goals {
  const objs = c.objectives[side];
  const total = objs.reduce((a, o) => a + o.weight, 0);
  const setup = c.sc.objectives[side];
  const outlook = view && !final ? objectiveOutlook(c, view, side, facts) : null;
  let got = 0,
    unknown = 0;
  const rows = objs.map((o, k): GoalRow => {
    const m = o.measure;
    let scoring: string;
    if (m) {
      const dir = m.full > m.zero ? 'or more' : 'or less';
      scoring = `Scored by ${figInSentence(c, m.fig, side)}: nothing at ${num(m.zero)}, in full at ${num(m.full)} ${dir}.`;
    } else scoring = 'All or nothing: scores its full weight if it holds when the game ends.';
    const ol = outlook?.[k] ?? null;
    if (ol) {
      if (ol.status === 'unknown') unknown++;
      got += o.weight * (ol.fraction ?? (ol.holds ? 1 : 0));
    }
    return {
      id: o.id,
      label: o.label,
      weight: o.weight,
      share: total ? o.weight / total : 0,
      about: setup[k]?.description ?? '',
      scoring,
      kind: m ? 'measure' : 'condition',
      outlook: ol ? { ...ol, now: m ? seen(view!, m.fig) : null } : null,
      final: final ? { status: finalStatus(final.achieved[k] ?? 0), achieved: final.achieved[k] ?? 0, now: m && view ? seen(view, m.fig) : null } : null,
    };
  });
  return { side, sideName: c.sc.sides[side].name, rows, scoreNow: final ? final.total : view && total ? (100 * got) / total : null, unknown, final: final ? final.total : null };
}

/** What each status means, under the goals list in both front ends. */
export const STATUS_LEGEND =
  'On course: met now, or a measure at least half-way. At risk: not met now, or a measure below half-way. Lost: it can no longer be met under the rules. Hidden from you: it turns on figures you cannot see. Estimated from what you can see; history’s score is shown only at the end.';

/** Where each front end shows the goals, and the key that opens them. */
const GOALS_PLACE = { browser: 'The Goals tab (G)', terminal: 'The goals screen (g)' } as const;

/** What objectives are and how the score works: one text for the help in both front ends, each naming its own key. */
export const goalsHelp = (frontEnd: keyof typeof GOALS_PLACE): readonly string[] => [
  'Each side has objectives, each with a weight. Your score, out of 100, is the weighted share of them you achieve by the end of the scenario.',
  'A condition objective (“no back-bench revolt”) is all or nothing: it scores its full weight if it holds when the game ends. A measure objective (“keep your standing”) scores in proportion to a figure: nothing at one mark, in full at the other.',
  `${GOALS_PLACE[frontEnd]} shows each objective with the engine’s estimate from what you can see: on course (met now, or a measure at least half-way), at risk (not met now, or below half-way), lost (it can no longer be met under the rules), or hidden from you (it turns on figures you cannot see).`,
  'At the end, history is played out by the same rules: the recorded choices and orders on both sides. Each objective and your total are then called better than history, as history or worse than history. History’s score is shown only then.',
];
