import { describe, expect, it } from 'vitest';
import { compile, legalActions, seatView, seen } from '../../src/engine/index';
import { INTEL_SIGHT } from '../../src/engine/seat';
import { act, Play, quiet } from './helpers';

const sc = quiet();
const c = compile(sc);
const idx = (id: string) => c.figIndex.get(id)!;

describe('predictions shown with the legal orders', () => {
  it("include the effects, the incident consequences and the groups' reactions", () => {
    const g = new Play(sc);
    const acts = legalActions(c, g.s, 'britain');
    const pred = (id: string) => Object.fromEntries(acts.find(a => a.id === id)!.predicted.map(p => [p.fig, p.delta]));
    expect(acts.map(a => a.id).sort()).toEqual(['press', 'publish', 'raid']);
    expect(pred('raid')).toMatchObject({ tension: 10 });
    expect(pred('raid')['pressure.diehards']).toBeCloseTo(-10.8, 9);
    expect(pred('raid')['pressure.labour']).toBeCloseTo(9.6, 9);
    expect(pred('publish')).toMatchObject({ 'intel.britain': -40, tension: 3 });
    expect(pred('publish')['standing.britain']).toBeCloseTo(4.5, 9);
    expect(acts.find(a => a.id === 'raid')!.approval).toBeNull();
  });

  it("weight effects by the cabinet's chance and leave out what the side cannot see", () => {
    const sc2 = quiet(raw => {
      raw.actions.push({
        id: 'probe',
        side: 'ussr',
        label: 'Probe',
        description: 'd',
        category: 'intelligence',
        cost: 0,
        issue: 'conciliation',
        direction: 1,
        cabinet: true,
        effects: [
          { fig: 'mood.hawk', add: -10 },
          { fig: 'warScare', add: 10 },
        ],
        sources: ['test'],
      });
    });
    const c2 = compile(sc2);
    const g = new Play(sc2);
    const probe = legalActions(c2, g.s, 'ussr').find(a => a.id === 'probe')!;
    expect(probe.approval).toBeGreaterThan(0);
    expect(probe.approval).toBeLessThan(1);
    expect(probe.predicted.map(p => p.fig)).not.toContain('mood.hawk'); // Soviet intel 30: the British cabinet is hidden
    expect(probe.predicted.find(p => p.fig === 'warScare')!.delta).toBeCloseTo(10 * probe.approval!, 9);
  });
});

describe('what each side sees', () => {
  it("the other side's capital is always hidden; its cabinet's stances and moods only without good intelligence", () => {
    const g = new Play(sc);
    const brit = seatView(c, g.s, 'britain'); // intel 70
    const sov = seatView(c, g.s, 'ussr'); // intel 30
    expect(seen(brit, idx('capital.ussr'))).toBeNull();
    expect(seen(sov, idx('capital.britain'))).toBeNull();
    expect(seen(brit, idx('capital.britain'))).toBe(3);
    expect(seen(brit, idx('stance.boss.conciliation'))).toBe(-20);
    expect(seen(brit, idx('mood.boss'))).toBe(60);
    expect(seen(sov, idx('stance.hawk.rupture'))).toBeNull();
    expect(seen(sov, idx('mood.hawk'))).toBeNull();
    // public figures stay visible to both
    for (const id of ['standing.britain', 'standing.ussr', 'tension', 'warScare', 'pressure.diehards', 'inOffice.hawk', 'trade.exports', 'align.france'])
      expect(seen(sov, idx(id)), id).toBe(g.fig(id));
  });

  it('publishing intercepts costs Britain its sight of the Soviet cabinet', () => {
    const g = new Play(sc);
    g.turn({ britain: act('publish') });
    expect(g.fig('intel.britain')).toBeLessThan(INTEL_SIGHT);
    const v = seatView(c, g.s, 'britain');
    expect(seen(v, idx('stance.boss.conciliation'))).toBeNull();
    expect(seen(v, idx('mood.dc'))).toBeNull();
    expect(seen(v, idx('stance.fs.rupture'))).toBe(-30); // its own cabinet still
  });

  it('news meant for one side is shown only to that side, and the view covers this turn and the last', () => {
    const g = new Play(sc);
    g.turn({ ussr: [{ kind: 'offer', terms: { propaganda: 'pledge' } }] });
    const arrive = 'Soviet note 1 arrives with proposals.';
    expect(seatView(c, g.s, 'britain').news.map(n => n.text)).toContain(arrive);
    expect(seatView(c, g.s, 'ussr').news.map(n => n.text)).not.toContain(arrive);
    g.until('1927-05-13');
    const old = seatView(c, g.s, 'britain').news;
    expect(old.map(n => n.text)).not.toContain(arrive);
    expect(old.every(n => n.day >= c.days[g.s.turn - 1]!)).toBe(true);
  });
});
