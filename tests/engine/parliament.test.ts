import { describe, expect, it } from 'vitest';
import { compile, createGame } from '../../src/engine/index';
import { commonsChance } from '../../src/engine/parliament';
import { act, ledgerSince, Play, quiet, variant, withFigs } from './helpers';

const soft = quiet(raw => {
  raw.actions.push({ id: 'conciliate', side: 'britain', label: 'Conciliate', description: 'd', category: 'diplomacy', cost: 0, issue: 'rupture', direction: -1, effects: [], sources: ['test'] });
});
const c = compile(soft);

describe('group reaction', () => {
  it('pressure falls when the side carries out an action the group wants, and rises when it goes against it', () => {
    const g = new Play(soft);
    const before = g.s;
    g.turn({ britain: act('raid') });
    expect(g.fig('pressure.diehards')).toBeCloseTo(70 - 12 * 0.9, 9);
    expect(g.fig('pressure.labour')).toBeCloseTo(40 + 12 * 0.8, 9);
    expect(g.fig('pressure.opposition')).toBe(50); // the other side's groups do not react
    const r = ledgerSince(before, g.s).filter(e => e.cause === 'rule:party-reaction');
    expect(r.map(e => c.figs[e.fig]!.id).sort()).toEqual(['pressure.diehards', 'pressure.labour']);

    const h = new Play(soft);
    h.turn({ britain: act('conciliate') });
    expect(h.fig('pressure.diehards')).toBeCloseTo(70 + 12 * 0.9, 9);
    expect(h.fig('pressure.labour')).toBeCloseTo(40 - 12 * 0.8, 9);
  });

  it('Soviet groups react to Soviet orders', () => {
    const g = new Play(soft);
    g.turn({ ussr: act('divert') }); // conciliation, direction -1; the opposition is against conciliation
    expect(g.fig('pressure.opposition')).toBeCloseTo(50 - 12 * 0.6, 9);
    expect(g.fig('pressure.diehards')).toBe(70);
  });

  it('an order without an issue moves no group', () => {
    const g = new Play(soft);
    const before = g.s;
    g.turn({ britain: act('press') });
    expect(ledgerSince(before, g.s).some(e => e.cause === 'rule:party-reaction')).toBe(false);
  });

  it('an item the cabinet rejected is not carried out, and no group reacts to it', () => {
    const hard = quiet(raw => {
      raw.actions.find((a: { id: string }) => a.id === 'break').difficulty = 100;
    });
    const ch = compile(hard);
    let rejected = 0;
    for (let k = 0; k < 20; k++) {
      const g = new Play(hard, `rej-${k}`);
      g.turn({ britain: act('raid') });
      const before = g.s;
      g.turn({ britain: act('break') });
      if (g.s.taken[ch.actionIndex.get('break')!]! >= 0) continue;
      rejected++;
      expect(ledgerSince(before, g.s).some(e => e.cause === 'rule:party-reaction')).toBe(false);
    }
    expect(rejected).toBeGreaterThan(10);
  });

  it('a decision option on an issue moves the groups too', () => {
    const sc = quiet(raw => {
      const tip = raw.events.find((e: { id: string }) => e.id === 'tip');
      tip.decision.issue = 'rupture';
      tip.decision.direction = 1;
    });
    const g = new Play(sc);
    g.until('1927-05-11');
    const p = g.fig('pressure.diehards');
    const before = g.s;
    g.move({ type: 'decide', side: 'britain', event: 'tip', option: 'approve' });
    expect(g.fig('pressure.diehards')).toBeCloseTo(p - 12 * 0.9, 9);
    const e = ledgerSince(before, g.s).find(x => c.figs[x.fig]!.id === 'pressure.diehards')!;
    expect(e.cause).toBe('rule:party-reaction');
    expect(e.why).toContain('"Approve"');
  });
});

describe('pressure costs standing', () => {
  it('each point over 60 costs weight × points/40 × 0.5 standing a week', () => {
    const g = new Play(soft);
    const before = g.s;
    g.turn(); // a 7-day turn; die-hards at 70, weight 3
    const cost = ledgerSince(before, g.s).filter(e => e.cause === 'rule:pressure-cost');
    expect(cost).toHaveLength(1);
    expect(cost[0]!.fig).toBe(c.side.britain.iStanding);
    expect(cost[0]!.delta).toBeCloseTo(-((3 * 10) / 40) * 0.5, 9);
    expect(g.fig('standing.ussr')).toBe(55); // the opposition at 50 costs nothing
  });

  it('the cost grows with weight and with pressure, and is nil at or below 60', () => {
    const cost = (pressure: number, weight: number) => {
      const sc = quiet(raw => {
        const d = raw.groups.find((x: { id: string }) => x.id === 'diehards');
        d.pressure = pressure;
        d.weight = weight;
      });
      const g = new Play(sc);
      g.turn();
      return 60 - g.fig('standing.britain');
    };
    expect(cost(60, 3)).toBe(0);
    expect(cost(50, 3)).toBe(0);
    expect(cost(80, 3)).toBeCloseTo(2 * cost(70, 3), 9);
    expect(cost(70, 6)).toBeCloseTo(2 * cost(70, 3), 9);
    expect(cost(100, 3)).toBeGreaterThan(cost(80, 3));
  });

  it("the cost is by the turn's length: a daily turn costs a seventh of a weekly one", () => {
    const g = new Play(soft);
    g.until('1927-05-12');
    const before = g.s;
    g.turn();
    const e = ledgerSince(before, g.s).find(x => x.cause === 'rule:pressure-cost')!;
    const over = before.fig[c.figIndex.get('pressure.diehards')!]! - 60;
    expect(e.delta).toBeCloseTo((-((3 * over) / 40) * 0.5) / 7, 9);
  });

  it('sustained pressure can bring the lead down, ending the game', () => {
    const sc = quiet(raw => {
      raw.sides.britain.standing = 3;
      const d = raw.groups.find((x: { id: string }) => x.id === 'diehards');
      d.pressure = 100;
      d.weight = 10;
    });
    const g = new Play(sc);
    g.turn();
    expect(g.fig('standing.britain')).toBe(0);
    expect(g.s.ended?.reason).toBe('Foreign Sec falls from office');
  });
});

describe('pressure eases', () => {
  it("monthly, pressure moves back toward the group's usual level without overshooting", () => {
    const g = new Play(soft);
    g.turn({ britain: act('raid') }); // die-hards 59.2, labour 49.6
    const before = g.s;
    g.finish();
    const eases = ledgerSince(before, g.s).filter(e => e.cause === 'rule:pressure-eases');
    expect(eases.length).toBeGreaterThan(0);
    for (const e of eases) {
      const grp = c.groups.find(x => x.iPressure === e.fig)!;
      const old = e.value - e.delta;
      expect(Math.sign(e.delta)).toBe(Math.sign(grp.rest - old));
      expect(Math.abs(e.value - grp.rest)).toBeLessThan(Math.abs(old - grp.rest));
    }
    expect(g.fig('pressure.diehards')).toBeGreaterThan(59.2);
    expect(g.fig('pressure.diehards')).toBeLessThan(70);
  });
});

describe('Commons vote', () => {
  const s0 = createGame(soft, 'commons');
  const R = c.issueIndex.get('rupture')!;

  it('falls as a party group opposed to the measure presses harder (a revolt)', () => {
    let last = 2;
    for (let p = 0; p <= 100; p += 10) {
      const q = commonsChance(c, withFigs(c, s0, { 'pressure.diehards': p }), R, -1);
      expect(q).toBeLessThan(last);
      last = q;
    }
    expect(commonsChance(c, withFigs(c, s0, { 'pressure.diehards': 0 }), R, -1)).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
    expect(commonsChance(c, withFigs(c, s0, { 'pressure.diehards': 100 }), R, -1)).toBeCloseTo(1 / (1 + Math.exp(-(4 - 2 * 3 * 0.9))), 12);
  });

  it("no revolt when the measure goes the party's way, and non-party groups do not count", () => {
    const calm = commonsChance(c, s0, R, 1);
    expect(calm).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
    expect(commonsChance(c, withFigs(c, s0, { 'pressure.labour': 100 }), R, 1)).toBe(calm);
    const press = variant(raw => {
      raw.groups.find((x: { id: string }) => x.id === 'diehards').kind = 'press';
    });
    const cp = compile(press);
    expect(commonsChance(cp, createGame(press, 'x'), R, -1)).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
  });
});
