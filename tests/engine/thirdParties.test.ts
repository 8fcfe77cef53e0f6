import { describe, expect, it } from 'vitest';
import { closeDraft, openDraft } from '../../src/engine/draft';
import { compile, createGame } from '../../src/engine/index';
import { thirdPartyStep } from '../../src/engine/thirdParties';
import { act, ledgerSince, Play, quiet, withFigs } from './helpers';

const sc = quiet(raw => {
  raw.thirdParties.push({ id: 'poland', name: 'Poland', alignment: 30, sources: ['test'] });
  raw.actions.push({
    id: 'lobby',
    side: 'britain',
    label: 'Lobby Paris',
    description: 'd',
    category: 'lobby',
    cost: 1,
    effects: [
      { fig: 'align.france', add: 40 },
      { fig: 'align.poland', add: -50 },
    ],
    sources: ['test'],
  });
  raw.actions.push({ id: 'overdo', side: 'ussr', label: 'Woo Paris', description: 'd', category: 'lobby', cost: 0, effects: [{ fig: 'align.france', add: -250 }], sources: ['test'] });
});
const c = compile(sc);
const step = (fig: Record<string, number>, days: number) => {
  const d = openDraft(c, withFigs(c, createGame(sc, 'tp'), fig));
  thirdPartyStep(d, days);
  return closeDraft(d);
};
const f = (s: { fig: number[] }, id: string) => s.fig[c.figIndex.get(id)!]!;

describe('third parties', () => {
  it("each power's alignment settles 3% a week of the way back to its starting level", () => {
    const s = step({ 'align.france': 40, 'align.poland': -20 }, 30);
    const k = Math.min(1, (0.03 * 30) / 7);
    expect(f(s, 'align.france')).toBeCloseTo(40 - 40 * k, 12);
    expect(f(s, 'align.poland')).toBeCloseTo(-20 + 50 * k, 12);
    for (const e of [s.ledger!.e, s.ledger!.n!.e]) expect(e.cause).toBe('rule:alignment-settles');
  });

  it('a longer span settles further, but never past the starting level', () => {
    const one = f(step({ 'align.france': 60 }, 30), 'align.france');
    const two = f(step({ 'align.france': 60 }, 60), 'align.france');
    expect(two).toBeLessThan(one);
    expect(two).toBeGreaterThan(0);
    expect(f(step({ 'align.france': 60 }, 10_000), 'align.france')).toBe(0);
  });

  it('a power at its starting level does not move', () => {
    const s = step({}, 60);
    expect(s.ledger).toBeNull();
  });

  it('in play: lobbying moves a power, the months then bring it back, each change in the ledger', () => {
    const g = new Play(sc);
    g.turn({ britain: act('lobby') });
    expect(g.fig('align.france')).toBe(40);
    expect(g.fig('align.poland')).toBe(-20);
    const before = g.s;
    g.finish();
    const settles = ledgerSince(before, g.s).filter(e => e.cause === 'rule:alignment-settles');
    expect(settles.length).toBeGreaterThanOrEqual(4); // two months, two powers
    expect(g.fig('align.france')).toBeGreaterThan(0);
    expect(g.fig('align.france')).toBeLessThan(40);
    expect(g.fig('align.poland')).toBeGreaterThan(-20);
    expect(g.fig('align.poland')).toBeLessThan(30);
  });

  it('alignment stays within −100..100', () => {
    const g = new Play(sc);
    g.turn({ ussr: act('overdo') });
    expect(g.fig('align.france')).toBe(-100);
  });
});
