// The explorer's packed results (packSummaries.ts): a worker's chunk packed and unpacked is the
// same summaries to the last digit; chunks merged keep every summary and renumber the end reasons
// each chunk numbered from 0; and the distribution read from packed chunks, as a pool hands them
// over, is the distribution of the summaries as objects, whatever the chunks.
import { describe, expect, it } from 'vitest';
import { distribution, runContinuations, TRUNK_ID } from '../../../src/app/history/index';
import { replayLine } from '../../../src/app/history/line';
import { mergePacked, packSummaries, unpackSummaries } from '../../../src/app/history/packSummaries';
import type { GameSummary } from '../../../src/app/history/types';
import { sc1927, tree1927 } from './helpers';

const line = tree1927().line(TRUNK_ID, 0);
const spec = { games: 60, players: { britain: 'historical', ussr: 'persona' } } as const;
const games = runContinuations(sc1927, line, spec, 0, spec.games);
const start = (() => {
  const r = replayLine(sc1927, line, { record: false });
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

/** A summary with its end reason changed, so chunks disagree on which reason is number 0. */
const withReason = (g: GameSummary, endReason: string): GameSummary => ({ ...g, endReason });

describe('packed summaries', () => {
  it('unpack to the very summaries packed', () => {
    const p = packSummaries(games);
    expect(p.data.length).toBeGreaterThan(0);
    const back = unpackSummaries(p);
    expect(back).toEqual(games);
    // Every number is the same double, -0 and fractions included.
    const odd = { ...games[0]!, peakTension: -0, tradeBalance: 0.1 + 0.2, score: { britain: 1 / 3, ussr: -1e-300 } };
    const again = unpackSummaries(packSummaries([odd]))[0]!;
    expect(Object.is(again.peakTension, -0)).toBe(true);
    expect(again.tradeBalance).toBe(0.1 + 0.2);
    expect(again.score).toEqual(odd.score);
  });

  it('merge in order, each chunk’s end reasons renumbered', () => {
    const a = games.slice(0, 20).map(g => withReason(g, 'first reason'));
    const b = games.slice(20, 45).map((g, j) => (j % 2 ? withReason(g, 'second reason') : withReason(g, 'first reason')));
    const c = games.slice(45);
    const merged = mergePacked([packSummaries(b.length ? [b[1]!, ...b.slice(0, 1), ...b.slice(2)] : b), packSummaries(a), packSummaries(c)]);
    const back = unpackSummaries(merged);
    expect(back.map(g => g.endReason)).toEqual([b[1]!, ...b.slice(0, 1), ...b.slice(2), ...a, ...c].map(g => g.endReason));
    expect(new Set(merged.reasons).size).toBe(merged.reasons.length);
  });

  it('give the distribution of the summaries as objects, whatever the chunks and their order', () => {
    const whole = distribution(sc1927, line, spec, games, start);
    const chunks = [games.slice(40), games.slice(0, 13), games.slice(13, 40)].map(packSummaries);
    expect(distribution(sc1927, line, spec, mergePacked(chunks), start)).toEqual(whole);
    // Summaries out of index order are read in index order.
    expect(distribution(sc1927, line, spec, [...games].reverse(), start)).toEqual(whole);
    expect(whole.games).toBe(spec.games);
    // And the figures are the plain sums over the objects, in index order.
    const n = games.length;
    whole.outcomes.forEach((o, j) => expect(o.count).toBe(games.filter(g => g.outcomes[j] === 1).length));
    for (const side of ['britain', 'ussr'] as const)
      whole.objectives[side].forEach((o, j) => {
        expect(o.mean).toBe(games.map(g => g.objectives[side][j]!).reduce((x, y) => x + y, 0) / n);
        expect(o.full).toBe(games.filter(g => g.objectives[side][j]! >= 1).length / n);
      });
    for (const b of whole.rupture.byDate) expect(b.rate).toBe(games.filter(g => g.ruptureDay >= 0 && g.ruptureDay <= b.day).length / n);
    expect(whole.scores.ussr.p50).toBe([...games.map(g => g.score.ussr)].sort((x, y) => x - y)[Math.floor(0.5 * n)]);
  });
});
