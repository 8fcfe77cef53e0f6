// The what-if explorer: continuations keep the past and re-roll the future; the same inputs give
// the same distribution however the work is split (in process, chunk sizes, worker threads);
// cancel stops it; bad specs are refused; history's marks come from history's own game.
import { afterAll, describe, expect, it } from 'vitest';
import { checkSpec, EXPLORE_CANCELLED, explore, historySummary, MAX_GAMES, runContinuations, TRUNK_ID } from '../../../src/app/history/index';
import { createNodePool } from '../../../src/app/history/nodePool';
import { decisionStep, sc1927, tree1927 } from './helpers';

const t = tree1927();
const tip = decisionStep(t, 'arcos-tip');
/** Just before the tip about Arcos is decided. */
const atTip = t.line(TRUNK_ID, tip.index);
const spec = { games: 48, players: { britain: 'historical', ussr: 'persona' } } as const;
const pool = createNodePool(2);
afterAll(() => pool.dispose());

describe('continuations', () => {
  it('keep the past and re-roll the future', () => {
    const games = runContinuations(sc1927, atTip, { games: 40, players: { britain: 'historical', ussr: 'historical' } }, 0, 40);
    expect(games.map(g => g.k)).toEqual([...Array(40).keys()]);
    // History's players approve the search in every continuation: the past and the choices are the same ...
    expect(games.every(g => g.outcomes[0] === 1)).toBe(true);
    // ... but the dice differ: some break in May, some do not.
    const may = sc1927.history.outcomes!.findIndex(o => o.id === 'rupture-may');
    const rate = games.filter(g => g.outcomes[may] === 1).length / games.length;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(1);
  });

  it('a first move is played in every continuation', () => {
    const approve = runContinuations(sc1927, atTip, { ...spec, first: { type: 'decide', side: 'britain', event: 'arcos-tip', option: 'approve' } }, 0, 20);
    expect(approve.every(g => g.outcomes[0] === 1)).toBe(true);
    expect(() => runContinuations(sc1927, atTip, { ...spec, first: { type: 'decide', side: 'ussr', event: 'arcos-tip', option: 'approve' } }, 0, 1)).toThrow(/first move is illegal/);
  });
});

describe('the distribution', () => {
  it('is the same for the same inputs, whatever the chunks or the workers', async () => {
    const a = await explore(sc1927, atTip, spec);
    const b = await explore(sc1927, atTip, spec, { chunk: 7 });
    const c = await explore(sc1927, atTip, spec, { pool });
    if (!a.ok || !b.ok || !c.ok) throw new Error('explore failed');
    expect(b.value).toEqual(a.value);
    expect(c.value).toEqual(a.value);
    expect(a.value.games).toBe(48);
    // Another seed family gives another sample.
    const d = await explore(sc1927, atTip, { ...spec, seedKey: 'other' });
    expect(d.ok && JSON.stringify(d.value)).not.toBe(JSON.stringify(a.value));
  });

  it('marks history and is ready for charts', async () => {
    const r = await explore(sc1927, atTip, spec);
    if (!r.ok) throw new Error(r.error);
    const d = r.value;
    const h = historySummary(sc1927);
    expect(d.outcomes.map(o => o.history)).toEqual(h.outcomes.map(x => x === 1));
    expect(d.outcomes.find(o => o.id === 'raid')?.history).toBe(true);
    expect(d.from.moves).toBe(tip.index);
    expect(d.rupture.historyDay).toBe(h.ruptureDay);
    const rates = d.rupture.byDate.map(x => x.rate);
    expect(rates).toEqual([...rates].sort((x, y) => x - y));
    expect(rates[rates.length - 1]! + d.rupture.never).toBeCloseTo(1, 10);
    expect(d.warDanger.peakHistogram.counts.reduce((x, y) => x + y, 0)).toBe(48);
    expect(d.tradeBalance.histogram.counts.reduce((x, y) => x + y, 0)).toBe(48);
    expect(d.warDanger.bands.reduce((x, b) => x + b.rate, 0)).toBeCloseTo(1, 10);
    expect(d.objectives.britain.length).toBe(sc1927.objectives.britain.length);
  });

  it('from a finished game, every continuation is that game', async () => {
    const r = await explore(sc1927, t.line(TRUNK_ID), { games: 5, players: spec.players });
    if (!r.ok) throw new Error(r.error);
    for (const o of r.value.outcomes) expect(o.rate === 0 || o.rate === 1).toBe(true);
  });

  it('stops when cancelled, in process and across workers', async () => {
    for (const p of [undefined, pool]) {
      const ac = new AbortController();
      let seen = 0;
      const r = await explore(
        sc1927,
        atTip,
        { ...spec, games: 400 },
        {
          pool: p,
          chunk: 25,
          signal: ac.signal,
          onProgress: d => {
            seen = d;
            ac.abort();
          },
        },
      );
      expect(r).toEqual({ ok: false, error: EXPLORE_CANCELLED });
      expect(seen).toBeLessThan(400);
    }
    // The pool works again after a cancel.
    const again = await explore(sc1927, atTip, spec, { pool });
    expect(again.ok).toBe(true);
  });

  it('refuses a bad number of continuations, and a line that does not replay', async () => {
    expect(checkSpec({ ...spec, games: 0 })).toMatch(/1 to 10000/);
    expect(checkSpec({ ...spec, games: MAX_GAMES + 1 })).not.toBeNull();
    expect(checkSpec({ ...spec, games: 2.5 })).not.toBeNull();
    expect((await explore(sc1927, atTip, { ...spec, games: 0 })).ok).toBe(false);
    const bad = { ...atTip, moves: [...atTip.moves, atTip.moves[0]!] };
    const r = await explore(sc1927, bad, spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/does not replay/);
  });
});
