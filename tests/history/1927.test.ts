// History is a reachable path: with the historical players on both sides the year unfolds as it
// did in most seeds, and the branch points move the odds the way the sources argue.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';
import { historical, rate, report } from './helpers';

const sc = loadScenarioFile('1927');

describe('1927: the historical path', () => {
  const s = historical(sc, [], 1000);

  it('reproduces the year in most of 1000 seeds', () => {
    console.log(report('1927', s));
    expect(rate(s, 'raid')).toBeGreaterThan(0.95);
    expect(rate(s, 'rupture-may')).toBeGreaterThan(0.7); // the break in late May
    expect(rate(s, 'missions-leave')).toBeGreaterThan(0.75);
    expect(rate(s, 'only-canada')).toBeGreaterThan(0.65); // Canada alone follows (thesis L4184-4195)
    expect(rate(s, 'european-follower')).toBeLessThan(0.05);
    expect(rate(s, 'no-war')).toBeGreaterThan(0.98);
    expect(rate(s, 'deadlock')).toBeGreaterThan(0.75); // still broken at the year's end, no agreement
    expect(s.historyReproduced.rate).toBeGreaterThan(0.5);
  });

  it('but not in every seed: chance and the cabinets can still turn it', () => {
    expect(s.historyReproduced.rate).toBeLessThan(0.98);
    expect(rate(s, 'rupture-may')).toBeLessThan(1);
  });
});

describe('1927: branches move the odds as the sources argue', () => {
  const base = historical(sc);

  it('refusing the raid on 11 May makes a May rupture far less likely (thesis L3826-3840)', () => {
    const b = historical(sc, ['arcos-tip.refuse']);
    expect(rate(b, 'rupture-may')).toBeLessThan(rate(base, 'rupture-may') - 0.3);
    // ... and the back benches take it badly: a revolt becomes likelier (L3944-3948)
    expect(rate(b, 'revolt')).toBeGreaterThan(rate(base, 'revolt'));
  });

  it("Percy's option on 19 May (expel the Trade Delegation, leave the break to Moscow) avoids a May rupture more often (L3380-3384)", () => {
    expect(rate(historical(sc, ['cabinet-19-may.percy']), 'rupture-may')).toBeLessThan(rate(base, 'rupture-may') - 0.3);
  });

  it('Soviet restraint after Voikov lowers the war danger and keeps British Labour closer (L4299-4338)', () => {
    const r = historical(sc, ['ogpu-reprisals.restrain']);
    expect(rate(r, 'executions')).toBeLessThan(rate(base, 'executions'));
    expect(r.figures.tension!).toBeLessThan(base.figures.tension! - 3);
    expect(rate(r, 'arjc-ended')).toBeLessThanOrEqual(rate(base, 'arjc-ended'));
  });

  it('seeking a bloc at Geneva instead of reassurance risks a European power following Britain (L4207-4211, L4250-4264)', () => {
    expect(rate(historical(sc, ['geneva-six-powers.seek-bloc']), 'european-follower')).toBeGreaterThan(rate(base, 'european-follower') + 0.15);
  });

  it('refusing to recall Rakovsky risks France breaking too (L4510-4526)', () => {
    expect(rate(historical(sc, ['rakovsky-recall.refuse']), 'european-follower')).toBeGreaterThan(rate(base, 'european-follower') + 0.1);
  });
});
