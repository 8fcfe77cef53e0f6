// Strength runs joined into one table (bench/strengthRuns.ts): a cell played again with more seeds
// is one cell with every seed; a seed played twice must have scored the same both times.
import { describe, expect, it } from 'vitest';
import { joinRuns, type StrengthCell } from '../../bench/strengthRuns';

const cell = (opponent: string, seeds: [number, number, number][]): StrengthCell => ({
  level: 4,
  opponent,
  id: '1929',
  side: 'ussr',
  seeds: seeds.map(([g, search, persona]) => ({ seed: `strength-1929-ussr-${g}`, search, persona })),
});

describe('joinRuns', () => {
  it('joins the seeds of a cell played in two runs, and keeps other cells apart, in the order first met', () => {
    const r = joinRuns([
      {
        file: 'a.json',
        cells: [
          cell('hardliner', [
            [0, 80, 70],
            [1, 60, 65],
          ]),
          cell('negotiator', [[0, 90, 85]]),
        ],
      },
      {
        file: 'b.json',
        cells: [
          cell('hardliner', [
            [24, 75, 75],
            [25, 82, 70],
          ]),
        ],
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.cells.map(c => c.opponent)).toEqual(['hardliner', 'negotiator']);
    expect(r.cells[0]!.seeds.map(s => s.seed)).toEqual(['strength-1929-ussr-0', 'strength-1929-ussr-1', 'strength-1929-ussr-24', 'strength-1929-ussr-25']);
    expect(r.cells[1]!.seeds).toHaveLength(1);
  });

  it('counts a seed found in two runs with the same scores once', () => {
    const r = joinRuns([
      { file: 'a.json', cells: [cell('hardliner', [[0, 80, 70]])] },
      {
        file: 'b.json',
        cells: [
          cell('hardliner', [
            [0, 80, 70],
            [1, 50, 55],
          ]),
        ],
      },
    ]);
    expect(r.ok && r.cells[0]!.seeds.map(s => [s.search, s.persona])).toEqual([
      [80, 70],
      [50, 55],
    ]);
  });

  it('refuses a seed that scored differently in two runs, naming the file, the seed and the cell', () => {
    const r = joinRuns([
      { file: 'a.json', cells: [cell('hardliner', [[0, 80, 70]])] },
      { file: 'b.json', cells: [cell('hardliner', [[0, 81, 70]])] },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^b\.json: seed strength-1929-ussr-0 of 1929 ussr v hardliner scored 81 .*80 .*different code/);
  });
});
