// The terminal's goals: the opening screen lists the side's objectives with their weights, and `g`
// (or `goals`) prints every objective with its weight, how it is scored and its status now, with
// no word of how history fared.
import { describe, expect, it } from 'vitest';
import { endReport } from '../../src/app/endReport';
import { finalScoreOf, goalsModel } from '../../src/app/goals';
import { goalsLines } from '../../src/cli/screens';
import { compile, createGame, seatView } from '../../src/engine/index';
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

  // Session 22: the terminal's goals gave no word of the final score once the game was over (the
  // rows' outlook is null then, and only the outlook was printed), where the browser says met,
  // partly met or not met. The same model, given the end report's score, prints how each ended.
  it('once the game is over, says how each objective ended and the score, as the browser does', () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    const s = createGame(sc, 'goals-final');
    const ended = { ...s, ended: { reason: 'test', day: c.days[0]! } };
    const report = endReport(sc, ended);
    const text = flat(goalsLines(goalsModel(c, 'ussr', seatView(c, ended, 'ussr'), undefined, finalScoreOf(report, 'ussr')), 100).join('\n'));
    const ends = text.match(/Ended: (met|partly met|not met)/g) ?? [];
    expect(ends).toHaveLength(c.objectives.ussr.length);
    expect(new Set(ends).size).toBeGreaterThan(1);
    expect(text).not.toMatch(/Now: |If the game ended now|on course/);
    expect(text).toContain(`The game is over: your score is ${report.sides.ussr.total.yours.toFixed(1)} out of 100`);
    expect(text).toMatch(/How each objective ended/);
    // While the game runs there is no end report, and the outlook is given as before.
    expect(finalScoreOf(null, 'ussr')).toBeUndefined();
  });
});
