import { describe, expect, it } from 'vitest';
import { makePersona, type Player, personaFor, randomPlayer, runGame } from '../../src/ai/index';
import { type Compiled, compile, createGame, explain, ledgerFor, seatView } from '../../src/engine/index';
import { describeCause } from '../../src/engine/ledger';
import { actionAvailable, canOffer } from '../../src/engine/legal';
import type { GameState, Order } from '../../src/engine/types';
import type { Scenario } from '../../src/scenario/schema';
import { act, ledger, mini, Play, variant } from './helpers';

/** Sends the pledge whenever it may, accepts every note, and spends what is left at random. */
const dealer: Player = {
  kind: 'dealer',
  decide: (ctx, ev) => randomPlayer.decide(ctx, ev),
  orders({ c, side, state: s, view, rng }) {
    let capital = s.fig[c.side[side].iCapital]!;
    const out: Order[] = [];
    for (const o of view.offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: true });
    if (canOffer(c, s, side) && capital >= c.negotiation.offerCost) {
      capital -= c.negotiation.offerCost;
      out.push({ kind: 'offer', terms: { propaganda: 'pledge' } });
    }
    for (const a of c.actions)
      if (a.cost <= capital && actionAvailable(c, s, side, a) && rng.next() < 0.3) {
        capital -= a.cost;
        out.push({ kind: 'action', id: a.id });
      }
    return out;
  },
};

// The fixture plus a lobbying order, a restraint and a restoring order, so that third parties,
// incidents and agreements all leave entries.
const rich = variant(raw => {
  raw.actions.push({
    id: 'lobby',
    side: 'britain',
    label: 'Lobby Paris',
    description: 'd',
    category: 'lobby',
    cost: 1,
    effects: [{ fig: 'align.france', add: 30, why: 'lobbying' }],
    sources: ['test lobby'],
  });
  raw.actions.push({
    id: 'calm',
    side: 'ussr',
    label: 'Calm',
    description: 'd',
    category: 'diplomacy',
    cost: 1,
    issue: 'conciliation',
    direction: 1,
    incident: { response: 'restrain' },
    effects: [{ fig: 'warScare', add: -5 }],
    sources: ['test calm'],
  });
  raw.negotiation.terms[0].options[1].effects.push({ fig: 'warScare', add: -10 });
});

function games(sc: Scenario, n: number): GameState[] {
  const persona = (side: 'britain' | 'ussr'): Player => makePersona(personaFor(sc, side));
  const pairs: { britain: Player; ussr: Player }[] = [
    { britain: randomPlayer, ussr: randomPlayer },
    { britain: persona('britain'), ussr: persona('ussr') },
    { britain: randomPlayer, ussr: persona('ussr') },
    { britain: dealer, ussr: dealer },
  ];
  const out: GameState[] = [];
  for (let k = 0; k < n; k++) out.push(runGame(sc, createGame(sc, `ledger-${k}`), pairs[k % pairs.length]!, false).state);
  return out;
}

function checkLedger(c: Compiled, s: GameState): void {
  const entries = ledger(s);
  const sum = new Array<number>(c.figs.length).fill(0);
  const last = c.initialFig.slice();
  for (const e of entries) {
    expect(e.cause).toMatch(/^(action|event|option|rule|term|offer):./);
    expect(Number.isFinite(e.delta)).toBe(true);
    expect(e.delta).not.toBe(0);
    // each entry follows on from the one before it
    expect(e.value).toBeCloseTo(last[e.fig]! + e.delta, 9);
    last[e.fig] = e.value;
    sum[e.fig]! += e.delta;
  }
  for (let i = 0; i < c.figs.length; i++) {
    // every change is recorded: the deltas add up to the whole movement, and the last value is the value now
    expect(sum[i]!, c.figs[i]!.id).toBeCloseTo(s.fig[i]! - c.initialFig[i]!, 6);
    expect(last[i], c.figs[i]!.id).toBe(s.fig[i]);
  }
}

describe('the ledger of causes', () => {
  it('over whole games, every change to every figure is in the ledger (sum of deltas = final − initial)', () => {
    for (const sc of [mini(), rich]) {
      const c = compile(sc);
      const states = games(sc, 24);
      let agreed = 0;
      for (const s of states) {
        checkLedger(c, s);
        if (Object.keys(s.agreed).length) agreed++;
      }
      expect(states.every(s => s.ended)).toBe(true);
      expect(agreed, 'some games should reach an agreement').toBeGreaterThan(0);
    }
  });

  it('every cause is explained with a label and the sources it rests on', () => {
    const c = compile(rich);
    const causes = new Set<string>();
    for (const s of games(rich, 24)) for (const e of ledger(s)) causes.add(e.cause);
    for (const k of ['action:', 'event:', 'option:', 'term:', 'rule:agreement', 'rule:cabinet-mood', 'rule:trade-month', 'rule:alignment-settles'])
      expect(
        [...causes].some(x => x.startsWith(k)),
        k,
      ).toBe(true);
    for (const cause of causes) {
      const d = describeCause(c, cause);
      expect(d.label, cause).not.toBe(cause);
      expect(d.label, cause).not.toMatch(/undefined/);
      if (cause.startsWith('rule:')) expect(d.label, `${cause} has no rule text`).not.toBe(`rule: ${cause.slice(5)}`);
      if (!cause.startsWith('offer:')) expect(d.sources.length, cause).toBeGreaterThan(0);
    }
  });

  it("explain() lists a figure's changes newest first, with labels, sources and reasons", () => {
    const g = new Play(rich);
    g.turn({ britain: act('publish') });
    g.turn({ britain: act('lobby') });
    g.finish();
    const c = g.c;
    const mine = seatView(c, g.s, 'britain');
    const intel = explain(c, mine, c.side.britain.iIntel);
    const cut = intel.at(-1)!;
    expect(cut.entry).toMatchObject({ cause: 'action:publish', delta: -40, why: 'the other side changes its codes' });
    expect(cut.label).toBe('order: Publish intercepts');
    expect(cut.sources).toEqual(['test']);
    for (const x of intel.slice(0, -1)) {
      expect(x.label).toBe('rule: intelligence recovers slowly');
      expect(x.sources).toEqual(['engine rule (docs/rules.md)']);
    }
    const fr = explain(c, mine, c.figIndex.get('align.france')!);
    expect(fr.at(-1)!.entry).toMatchObject({ cause: 'action:lobby', why: 'lobbying', delta: 30 });
    expect(fr.at(-1)!.sources).toEqual(['test lobby']);
    expect(fr[0]!.label).toBe('rule: third powers settle back toward their interests');
    for (let k = 1; k < fr.length; k++) expect(fr[k - 1]!.entry.day).toBeGreaterThanOrEqual(fr[k]!.entry.day);
    // the limit
    expect(explain(c, mine, c.figIndex.get('align.france')!, 1)).toHaveLength(1);
    expect(ledgerFor(mine, c.figIndex.get('align.france')!).length).toBe(fr.length);
    // Moscow sees France move, but not that a British lobbying order (private) moved it.
    const theirs = explain(c, seatView(c, g.s, 'ussr'), c.figIndex.get('align.france')!);
    expect(theirs.at(-1)!.entry).toEqual({ day: fr.at(-1)!.entry.day, fig: c.figIndex.get('align.france')!, delta: 30, value: fr.at(-1)!.entry.value, cause: 'hidden:britain' });
    expect(theirs.at(-1)!.label).toContain('business you cannot see');
    expect(JSON.stringify(seatView(c, g.s, 'ussr'))).not.toContain('action:lobby');
  });

  it('decisions, events and agreement terms are explained by name', () => {
    const c = compile(rich);
    expect(describeCause(c, 'option:tip.refuse')).toEqual({ label: 'decision: A tip — Refuse', sources: ['test'] });
    expect(describeCause(c, 'event:protest')).toEqual({ label: 'event: Soviet protest', sources: ['test'] });
    expect(describeCause(c, 'term:propaganda.pledge')).toEqual({ label: 'agreement: Propaganda — Pledge', sources: ['test'] });
    expect(describeCause(c, 'rule:pressure-cost').label).toBe('rule: pressure above 60 costs the lead standing');
  });
});
