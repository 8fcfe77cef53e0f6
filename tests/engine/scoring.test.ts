import { describe, expect, it } from 'vitest';
import { randomPlayer, runGame } from '../../src/ai/index';
import { compile, createGame } from '../../src/engine/index';
import { score } from '../../src/engine/scoring';
import { validateScenario } from '../../src/scenario/load';
import { mini, miniRaw, Play, variant, withFigs } from './helpers';

const sc = mini();
const c = compile(sc);
const s0 = createGame(sc, 'score');
const setFlag = (s: typeof s0, flag: string) => {
  const flags = s.flags.slice();
  flags[c.flagIndex.get(flag)!] = 100;
  return { ...s, flags };
};

describe('objectives', () => {
  it('a `when` objective scores its weight if its condition holds at the end', () => {
    const ok = score(c, s0, 'britain').objectives.find(o => o.id === 'no-war')!;
    expect(ok).toEqual({ id: 'no-war', label: 'No war', weight: 2, achieved: 1 });
    expect(score(c, setFlag(s0, 'war'), 'britain').objectives.find(o => o.id === 'no-war')!.achieved).toBe(0);
    expect(score(c, { ...s0, relations: 'ruptured' }, 'ussr').objectives.find(o => o.id === 'relations')!.achieved).toBe(0);
    expect(score(c, withFigs(c, s0, { warScare: 41 }), 'ussr').objectives.find(o => o.id === 'calm')!.achieved).toBe(0);
    expect(score(c, withFigs(c, s0, { warScare: 40 }), 'ussr').objectives.find(o => o.id === 'calm')!.achieved).toBe(1);
  });

  it('a `measure` objective scores linearly between zero and full, clamped', () => {
    const at = (x: number) => score(c, withFigs(c, s0, { 'trade.exports': x }), 'britain').objectives.find(o => o.id === 'exports')!.achieved;
    expect(at(500)).toBe(0);
    expect(at(750)).toBeCloseTo(0.5, 12);
    expect(at(900)).toBeCloseTo(0.8, 12);
    expect(at(1000)).toBe(1);
    expect(at(100)).toBe(0);
    expect(at(5000)).toBe(1);
  });

  it('a measure with zero above full rewards a low figure', () => {
    const sc2 = variant(raw => {
      raw.objectives.ussr.push({ id: 'low-tension', label: 'Low tension', weight: 1, measure: { fig: 'tension', zero: 60, full: 20 }, sources: ['test'] });
    });
    const c2 = compile(sc2);
    const s = createGame(sc2, 'x');
    const at = (t: number) => score(c2, withFigs(c2, s, { tension: t }), 'ussr').objectives.find(o => o.id === 'low-tension')!.achieved;
    expect(at(20)).toBe(1);
    expect(at(40)).toBeCloseTo(0.5, 12);
    expect(at(60)).toBeCloseTo(0, 12);
    expect(at(80)).toBe(0);
  });

  it('the total is the weighted share out of 100', () => {
    expect(score(c, withFigs(c, s0, { 'trade.exports': 1000 }), 'britain').total).toBeCloseTo(100, 12);
    expect(score(c, withFigs(c, s0, { 'trade.exports': 750 }), 'britain').total).toBeCloseTo(((2 + 0.5) / 3) * 100, 12);
    expect(score(c, setFlag(withFigs(c, s0, { 'trade.exports': 750 }), 'war'), 'britain').total).toBeCloseTo((0.5 / 3) * 100, 12);
    expect(score(c, { ...withFigs(c, s0, { warScare: 90 }), relations: 'ruptured' }, 'ussr').total).toBe(0);
    expect(score(c, withFigs(c, s0, { warScare: 90 }), 'ussr').total).toBeCloseTo(200 / 3, 12);
    expect(score(c, s0, 'ussr').side).toBe('ussr');
  });

  it("weights count: doubling one objective's weight moves the total toward it", () => {
    const heavy = variant(raw => {
      raw.objectives.britain[1].weight = 4;
    });
    const ch = compile(heavy);
    const s = withFigs(ch, createGame(heavy, 'x'), { 'trade.exports': 750 });
    expect(score(ch, s, 'britain').total).toBeCloseTo(((2 + 0.5 * 4) / 6) * 100, 12);
  });

  it('over whole games every total lies in 0..100 and every objective in 0..1', () => {
    for (let k = 0; k < 20; k++) {
      const { state } = runGame(sc, createGame(sc, `score-${k}`), { britain: randomPlayer, ussr: randomPlayer }, false);
      for (const side of ['britain', 'ussr'] as const) {
        const r = score(c, state, side);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(100);
        for (const o of r.objectives) {
          expect(o.achieved).toBeGreaterThanOrEqual(0);
          expect(o.achieved).toBeLessThanOrEqual(1);
        }
      }
    }
    const g = new Play(sc);
    g.finish();
    expect(Number.isFinite(score(c, g.s, 'britain').total)).toBe(true);
  });

  // Scoring divides by full − zero: a measure with zero = full must be refused at load (or scored
  // as a threshold), never give NaN.
  it('a measure objective with zero = full is refused at load, or still scores a number', () => {
    const raw = miniRaw();
    raw.objectives.britain[1].measure = { fig: 'trade.exports', zero: 1000, full: 1000 };
    const r = validateScenario(raw, 'zero-full.json');
    if (!r.ok) return;
    const c2 = compile(r.value);
    const total = score(c2, createGame(r.value, 'x'), 'britain').total;
    expect(Number.isFinite(total)).toBe(true);
  });
});
