// Scoring by objectives: `when` objectives score their weight if true at the end; `measure`
// objectives score linearly between zero and full. The result is out of 100. A side is scored on
// its objectives; a classroom role on its own secret ones, by the same rule.
import type { CObjective, Compiled } from './compiled';
import { roleAt } from './roles';
import type { GameState } from './types';
import type { Side } from './vocab';

export interface ObjectiveResult {
  id: string;
  label: string;
  weight: number;
  achieved: number;
}
export interface Score {
  side: Side;
  total: number;
  objectives: ObjectiveResult[];
}

export function score(c: Compiled, s: GameState, side: Side): Score {
  return { side, ...scoreList(c.objectives[side], s) };
}

/** A role's score on its secret objectives. */
export interface RoleScore {
  role: string;
  side: Side;
  total: number;
  objectives: ObjectiveResult[];
}

/** Score one classroom role's secret objectives (an unknown role id throws, naming it). */
export function scoreRole(c: Compiled, s: GameState, role: string): RoleScore {
  const r = roleAt(c, role);
  return { role: r.id, side: r.side, ...scoreList(r.objectives, s) };
}

/** Every role's score, in scenario order. */
export const scoreRoles = (c: Compiled, s: GameState): RoleScore[] => c.roles.map(r => scoreRole(c, s, r.id));

/** One objective's achievement, 0..1. */
export function achieved(o: CObjective, s: GameState): number {
  if (o.when) return o.when(s) ? 1 : 0;
  const m = o.measure!;
  const x = (s.fig[m.fig]! - m.zero) / (m.full - m.zero);
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function scoreList(list: readonly CObjective[], s: GameState): { total: number; objectives: ObjectiveResult[] } {
  let got = 0,
    all = 0;
  const objectives = list.map(o => {
    const a = achieved(o, s);
    got += a * o.weight;
    all += o.weight;
    return { id: o.id, label: o.label, weight: o.weight, achieved: a };
  });
  return { total: all === 0 ? 0 : (100 * got) / all, objectives };
}
