// Shared by the history tests: many games of the historical players, with branches forced.
import { historicalPlayer, parseBranches, type SimStats, simulate, withBranches } from '../../src/ai/index';
import type { Scenario } from '../../src/scenario/schema';

/** The historical players on both sides, taking the given `event.option` branches instead. */
export function historical(sc: Scenario, branches: string[] = [], games = 300): SimStats {
  const p = withBranches(historicalPlayer, parseBranches(sc, branches));
  return simulate(sc, { britain: p, ussr: p }, games, 'history-test');
}

export const rate = (s: SimStats, id: string): number => {
  const o = s.outcomes.find(x => x.id === id);
  if (!o) throw new Error(`no outcome "${id}"`);
  return o.rate;
};

export const report = (name: string, s: SimStats): string =>
  `${name}, historical players, ${s.games} seeds:\n${s.outcomes.map(o => `${o.historical ? '*' : ' '} ${o.label}: ${(o.rate * 100).toFixed(1)}%`).join('\n')}\nevery * outcome together: ${(s.historyReproduced.rate * 100).toFixed(1)}%`;
