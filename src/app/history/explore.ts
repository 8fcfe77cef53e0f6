// The what-if explorer's core: N continuations of a line, and the outcome distribution they make.
//
// What a continuation is, when the seed fixes the dice: the game's seed decides every roll, so
// replaying the same moves from the same point always meets the same luck. A continuation keeps
// the past (the line's moves, replayed exactly) and replaces the seed from that point on with its
// own, derived from a seed key and its index k (continuationSeed): the future dice, and the
// computer players' own dice, differ from one continuation to the next; nothing before the point
// does. The key defaults to one derived from the line, and can be shared between two starting
// points so that both meet the same N futures (common random numbers: a difference between them
// is the choice, not the luck).
//
// Each continuation comes back as a GameSummary (a few numbers); the distribution is built from
// the summaries in index order, so however the work is split across workers, the same inputs give
// the same distribution to the last digit.

import { historicalBaseline } from '../../ai/index';
import { copyState } from '../../engine/draft';
import { applyMove, type BySide, type Compiled, compile, type GameState, isoOf, SIDES, score, WAR_DANGER_BANDS, warDangerBand } from '../../engine/index';
import { ofSide } from '../../engine/vocab';
import type { Scenario } from '../../scenario/schema';
import { playOut } from './fastHistorical';
import { lineStart, replayLine, reseeded } from './line';
import { FINAL, K, layout, type PackedSummaries, PEAK, packSummaries, REASON, RUPTURE, SCORE_BRITAIN, SCORE_USSR, TRADE } from './packSummaries';
import { type Distribution, type ExploreSpec, type GameSummary, type Histogram, type Line, MAX_GAMES, type Stat } from './types';

/** The seed of continuation k of a family. */
export const continuationSeed = (key: string, k: number): string => `${key}/k${k}`;

/** The default seed key of a line: its last seed and its length, so each point has its own futures. */
export function defaultSeedKey(line: Line): string {
  const last = line.reseeds.length ? line.reseeds[line.reseeds.length - 1]!.seed : line.seed;
  return `${last}/after${line.moves.length}`;
}

/** Check a spec from outside (a screen, the command line); null if good. */
export function checkSpec(spec: ExploreSpec): string | null {
  if (!Number.isInteger(spec.games) || spec.games < 1 || spec.games > MAX_GAMES) return `the number of continuations must be a whole number from 1 to ${MAX_GAMES} (got ${String(spec.games)})`;
  return null;
}

/** Tallies kept while a game runs: the first rupture and the highest war danger. */
class Tracker {
  ruptureDay = -1;
  peak = 0;
  constructor(
    private readonly c: Compiled,
    start: GameState,
  ) {
    this.peak = start.fig[c.iTension]!;
    if (isBroken(start)) this.ruptureDay = c.days[start.turn]!;
  }
  see = (s: GameState): void => {
    const t = s.fig[this.c.iTension]!;
    if (t > this.peak) this.peak = t;
    if (this.ruptureDay < 0 && isBroken(s)) this.ruptureDay = this.c.days[s.turn]!;
  };
}
const isBroken = (s: GameState) => s.relations === 'ruptured' || s.relations === 'protecting';

/** A finished game's summary (k = continuation index, or -1 for history). */
export function summarize(c: Compiled, s: GameState, tr: Tracker | { ruptureDay: number; peak: number }, k: number): GameSummary {
  let trade = 0;
  for (const m of s.trade) trade += m.balance;
  const sc = { britain: score(c, s, 'britain'), ussr: score(c, s, 'ussr') };
  return {
    k,
    outcomes: c.outcomes.map(o => (o.when(s) ? 1 : 0)),
    ruptureDay: tr.ruptureDay,
    peakTension: tr.peak,
    finalTension: s.fig[c.iTension]!,
    tradeBalance: trade,
    objectives: { britain: sc.britain.objectives.map(o => o.achieved), ussr: sc.ussr.objectives.map(o => o.achieved) },
    score: { britain: sc.britain.total, ussr: sc.ussr.total },
    endReason: s.ended?.reason ?? 'unfinished',
    endDay: s.ended?.day ?? c.days[s.turn]!,
  };
}

/**
 * Continuations from..to-1 of a line, in this process: the work one worker does. `start` may be
 * given when the caller already holds the line's end state (built without the ledger, or not).
 */
export function runContinuations(sc: Scenario, line: Line, spec: ExploreSpec, from: number, to: number, start?: GameState): GameSummary[] {
  const c = compile(sc);
  let s0 = start;
  if (!s0) {
    const r = replayLine(sc, line, { record: false });
    if (!r.ok) throw new Error(`the starting point does not replay: ${r.error}`);
    s0 = r.value;
  }
  if (s0.record) {
    s0 = copyState(s0);
    s0.record = false;
    s0.ledger = null;
    s0.news = null;
  }
  const key = spec.seedKey ?? defaultSeedKey(line);
  const out: GameSummary[] = [];
  for (let k = from; k < to; k++) {
    let g0 = reseeded(s0, continuationSeed(key, k));
    if (spec.first) {
      const r = applyMove(sc, g0, spec.first);
      if (!r.ok) throw new Error(`the first move is illegal here: ${r.error}`);
      g0 = r.value;
    }
    const tr = new Tracker(c, g0);
    const state = g0.ended ? g0 : playOut(sc, g0, spec.players, tr.see);
    out.push(summarize(c, state, tr, k));
  }
  return out;
}

const historyCache = new WeakMap<Scenario, GameSummary>();
/** History's own game summarised the same way: the marks on every chart. */
export function historySummary(sc: Scenario): GameSummary {
  let h = historyCache.get(sc);
  if (h) return h;
  const c = compile(sc);
  const b = historicalBaseline(sc);
  const line: Line = { scenario: sc.id, scenarioVersion: sc.version, seed: b.seed, moves: [], reseeds: [] };
  const s0 = lineStart(sc, line, { record: false });
  const tr = new Tracker(c, s0);
  const kinds = { britain: 'historical', ussr: 'historical' } as const;
  const state = playOut(sc, s0, kinds, tr.see);
  h = summarize(c, state, tr, -1);
  historyCache.set(sc, h);
  return h;
}

// ---- the distribution ----------------------------------------------------------------------

function stat(xs: number[]): Stat {
  const n = xs.length || 1;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  const sorted = ascending(xs);
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
  return { mean, sd: Math.sqrt(v / n), min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, p10: q(0.1), p50: q(0.5), p90: q(0.9) };
}

/**
 * The numbers in ascending order, as [...xs].sort((a, b) => a - b) orders them: through a typed
 * array's sort, several times quicker on ten thousand numbers. That sort puts -0 before 0 where
 * the comparator keeps them in their first order (and a NaN has no order), so with a -0 or a NaN
 * among them the comparator sorts.
 */
function ascending(xs: readonly number[]): number[] {
  for (const x of xs) if ((x === 0 && 1 / x < 0) || Number.isNaN(x)) return [...xs].sort((a, b) => a - b);
  return Array.from(Float64Array.from(xs).sort());
}

function histogram(xs: number[], edges: number[]): Histogram {
  const counts = edges.map(() => 0);
  for (const x of xs) {
    let i = edges.length - 1;
    while (i > 0 && x < edges[i]!) i--;
    counts[i]!++;
  }
  return { edges, counts };
}

/** Ten equal bins over the values' range, rounded outward to a round step. */
function niceEdges(xs: number[]): number[] {
  if (!xs.length) return [0];
  let lo = Math.min(...xs),
    hi = Math.max(...xs);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / 10;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(f => f * mag).find(x => x >= raw)!;
  lo = Math.floor(lo / step) * step;
  const edges: number[] = [];
  for (let e = lo; e <= hi; e += step) edges.push(e);
  return edges;
}

/**
 * The distribution of a set of continuations, in index order, with history's marks. The
 * summaries come packed (packSummaries.ts), as workers send them, and are read column by column
 * from one list of numbers: building ten thousand summary objects again and reading each of their
 * lists once per figure took the page's thread a large part of the explorer's time. Every sum
 * runs in index order from 0, so the figures are those of the summaries as objects.
 */
export function distribution(sc: Scenario, line: Line, spec: ExploreSpec, summaries: readonly GameSummary[] | PackedSummaries, start: GameState): Distribution {
  const games = Array.isArray(summaries) ? packSummaries(summaries as readonly GameSummary[]) : (summaries as PackedSummaries);
  const c = compile(sc);
  const h = historySummary(sc);
  const d = games.data;
  const L = layout(games);
  const n = L.count || 1;
  // Row starts in index order (chunks arrive in order, so this is almost always the order given).
  const rows: number[] = [];
  for (let g = 0; g < L.count; g++) rows.push(g * L.stride);
  rows.sort((a, b) => d[a + K]! - d[b + K]!);
  const column = (at: number): number[] => rows.map(r => d[r + at]!);
  const startDay = c.days[start.turn]!;
  const days = c.days.filter(x => x >= startDay);
  const rupt = column(RUPTURE);
  const peak = column(PEAK);
  const final = column(FINAL);
  const trade = column(TRADE);
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const reason = games.reasons[d[r + REASON]!]!;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const tensionEdges = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
  // Counted in one pass each, not a filter per date or band. The counts, so the rates, are the same.
  const ruptured = rupt.filter(r => r >= 0).sort((a, b) => a - b);
  let upTo = 0;
  const byDate = days.map(x => {
    while (upTo < ruptured.length && ruptured[upTo]! <= x) upTo++;
    return { day: x, iso: isoOf(x), rate: upTo / n };
  });
  const inBand = new Map<string, number>();
  for (const x of peak) {
    const name = warDangerBand(x).name;
    inBand.set(name, (inBand.get(name) ?? 0) + 1);
  }
  /** The sum (in index order, from 0) and the count at or above `line` of the numbers at `at`. */
  const total = (at: number, line: number): { sum: number; over: number } => {
    let sum = 0,
      over = 0;
    for (const r of rows) {
      const x = d[r + at]!;
      sum += x;
      if (x >= line) over++;
    }
    return { sum, over };
  };
  const objectivesAt = { britain: L.britain, ussr: L.ussr };
  return {
    scenario: sc.id,
    scenarioVersion: sc.version,
    games: L.count,
    players: { ...spec.players },
    from: { turn: start.turn, day: startDay, iso: isoOf(startDay), moves: line.moves.length },
    outcomes: c.outcomes.map((o, j) => {
      const count = total(L.outcomes + j, 1).sum;
      return { id: o.id, label: o.label, historical: o.historical, history: h.outcomes[j] === 1, count, rate: count / n };
    }),
    rupture: {
      byDate,
      never: (rupt.length - ruptured.length) / n,
      historyDay: h.ruptureDay >= 0 ? h.ruptureDay : null,
    },
    warDanger: {
      peak: stat(peak),
      final: stat(final),
      peakHistogram: histogram(peak, tensionEdges),
      bands: WAR_DANGER_BANDS.map(b => ({ name: b.name, from: b.from, rate: (inBand.get(b.name) ?? 0) / n })),
      history: { peak: h.peakTension, final: h.finalTension },
    },
    tradeBalance: { stat: stat(trade), histogram: histogram(trade, niceEdges([...trade, h.tradeBalance])), history: h.tradeBalance },
    objectives: bySide(side =>
      c.objectives[side].map((o, j) => {
        const t = total(ofSide(objectivesAt, side) + j, 1);
        return { id: o.id, label: o.label, weight: o.weight, mean: t.sum / n, full: t.over / n, history: h.objectives[side][j]! };
      }),
    ),
    scores: bySide(side => ({ ...stat(column(side === 'britain' ? SCORE_BRITAIN : SCORE_USSR)), history: h.score[side] })),
    endReasons: [...reasons].map(([reason, count]) => ({ reason, count, rate: count / n })).sort((a, b) => b.count - a.count),
  };
}

const bySide = <T>(f: (side: 'britain' | 'ussr') => T): BySide<T> => ({ britain: f(SIDES[0]), ussr: f(SIDES[1]) });
