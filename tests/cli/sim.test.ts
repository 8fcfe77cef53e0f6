// `sim`, run as a child process of `tsx src/cli/main.ts` against the mini fixture.
import { describe, expect, it } from 'vitest';
import { cli, MINI } from './helpers';

describe('sim', () => {
  const ARGS = ['sim', '--scenario', MINI, '--players', 'historical,persona', '--games', '40', '--seed', '1', '--json'];
  let base: { outcomes: { id: string; rate: number }[] };

  it('--json prints one object whose counts add up', () => {
    const r = cli(ARGS);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.games).toBe(40);
    expect(x.players).toEqual({ britain: 'historical', ussr: 'persona' });
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(x.endReasons)).toBe(40);
    expect(sum(x.relationsAtEnd)).toBe(40);
    for (const o of x.outcomes) {
      expect(o.count).toBeGreaterThanOrEqual(0);
      expect(o.count).toBeLessThanOrEqual(40);
      expect(o.rate).toBeCloseTo(o.count / 40);
    }
    const historical = x.outcomes.filter((o: { historical: boolean }) => o.historical);
    expect(x.historyReproduced.count).toBeLessThanOrEqual(Math.min(...historical.map((o: { count: number }) => o.count)));
    for (const s of ['britain', 'ussr']) {
      expect(x.scores[s].min).toBeLessThanOrEqual(x.scores[s].mean + 1e-9);
      expect(x.scores[s].mean).toBeLessThanOrEqual(x.scores[s].max + 1e-9);
    }
    expect(x.gamesPerSecond).toBeGreaterThan(0);
    base = x;
  });

  it('--branch moves the odds, and a bad branch is refused', () => {
    const branched = JSON.parse(cli([...ARGS, '--branch', 'tip.refuse']).out);
    const rupture = (x: { outcomes: { id: string; rate: number }[] }) => x.outcomes.find(o => o.id === 'rupture')!.rate;
    expect(branched.branches).toEqual({ tip: 'refuse' });
    expect(rupture(branched)).toBeLessThan(rupture(base));
    const bad = cli(['sim', '--scenario', MINI, '--games', '2', '--branch', 'tip.maybe']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"tip" has no option "maybe"');
  });

  it("--fidelity holds each side to history: at 0 a player makes the historical player's games, at 1 its own", () => {
    const run = (...extra: string[]) => JSON.parse(cli(['sim', '--scenario', MINI, '--games', '6', '--seed', '3', '--json', ...extra]).out);
    // The Soviet side of the mini scenario, where the random player and history part.
    const held = run('--players', 'persona,random', '--fidelity', '1,0');
    expect(held.players).toEqual({ britain: 'persona', ussr: 'random@0' });
    const historical = run('--players', 'persona,historical');
    expect(held.outcomes).toEqual(historical.outcomes);
    expect(held.scores).toEqual(historical.scores);
    const free = run('--players', 'persona,random', '--fidelity', '1,1');
    expect(free.players).toEqual({ britain: 'persona', ussr: 'random' });
    expect(free.scores.ussr.mean).not.toBe(historical.scores.ussr.mean);
  }, 180_000);

  it('--fidelity is refused, or said to leave a side as it is, where the dial does nothing (the historical player)', () => {
    const base = ['sim', '--scenario', MINI, '--games', '2', '--seed', '3', '--json'];
    // One figure for both: the side it acts on is held, the historical side left as it is, and the note says so.
    const one = cli([...base, '--players', 'historical,persona', '--fidelity', '0.5']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out).players).toEqual({ britain: 'historical', ussr: 'persona@0.5' });
    expect(one.err).toContain('note: --fidelity leaves britain as it is: the historical player makes history’s every move already');
    // A figure for the historical side alone, one that acts on neither side, or "@F" on the historical player: refused.
    for (const [players, fid] of [
      ['historical,persona', '0.5,1'],
      ['historical,historical', '0.3'],
      ['historical@0.5,persona', undefined],
    ] as const) {
      const r = cli([...base, '--players', players, ...(fid ? ['--fidelity', fid] : [])]);
      expect(r.code, `${players} ${fid}`).toBe(2);
      expect(r.err).toMatch(/a fidelity does nothing here: the historical player makes history’s every move already/);
    }
    // 1 (free) for the historical side is no hold at all: accepted without a word.
    const free = cli([...base, '--players', 'historical,persona', '--fidelity', '1,0.5']);
    expect(free.code).toBe(0);
    expect(free.err).toBe('');
  }, 120_000);

  it('prints a readable report', () => {
    const r = cli(['sim', '--scenario', MINI, '--games', '5']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('How the games ended');
    expect(r.out).toContain('History reproduced');
    expect(r.out).toMatch(/games\/s/);
  });
});
