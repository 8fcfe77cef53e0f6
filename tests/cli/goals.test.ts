// The terminal's goals: the opening screen lists the side's objectives with their weights, and `g`
// (or `goals`) prints every objective with its weight, how it is scored and its status now, with
// no word of how history fared.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';
import { cli } from './helpers';

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('goals in the terminal', () => {
  for (const [id, side] of [
    ['1927', 'britain'],
    ['1932', 'ussr'],
  ] as const) {
    it(`${id} as ${side}: the first screen lists the objectives and g prints each with weight and status`, () => {
      const objectives = loadScenarioFile(id).objectives[side];
      const r = cli(['play', '--scenario', id, '--side', side, '--seed', '5', '--opponent', 'historical'], 'g\ngoals\nh\nq\n');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const [opening, rest] = r.out.split('Your goals:') as [string, string];
      for (const o of objectives) expect(flat(opening)).toMatch(new RegExp(`${o.label.replace(/[()]/g, '.')}\\s+${o.weight}\\b`));
      const goals = flat(rest.split('Your goals:')[0]!);
      const statuses = goals.match(/Now: (on course|at risk|lost|hidden from you)/g) ?? [];
      expect(statuses).toHaveLength(objectives.length);
      for (const o of objectives) expect(goals).toContain(`${o.label} — weight ${o.weight} (`);
      // Before the end nothing tells how history did.
      expect(goals).not.toMatch(/Historically/);
      expect(goals).not.toMatch(/history\s+\d/i);
      // Help says what objectives are and how history is held against you.
      expect(flat(r.out)).toMatch(/Objectives and the score.*weighted share.*better than history/);
      // `goals` is the same command spelt out.
      expect(r.out.split('Your goals:')).toHaveLength(3);
    });
  }
});
