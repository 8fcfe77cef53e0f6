// Scoring by objectives: `when` objectives score their weight if true at the end; `measure`
// objectives score linearly between zero and full. The result is out of 100.
import type { Compiled } from './compiled';
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
  let got = 0,
    all = 0;
  const objectives = c.objectives[side].map(o => {
    let achieved: number;
    if (o.when) achieved = o.when(s) ? 1 : 0;
    else {
      const m = o.measure!;
      const x = (s.fig[m.fig]! - m.zero) / (m.full - m.zero);
      achieved = x < 0 ? 0 : x > 1 ? 1 : x;
    }
    got += achieved * o.weight;
    all += o.weight;
    return { id: o.id, label: o.label, weight: o.weight, achieved };
  });
  return { side, total: all === 0 ? 0 : (100 * got) / all, objectives };
}
