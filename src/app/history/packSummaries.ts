// The explorer's results on their way from a worker to the page: a chunk of continuation
// summaries packed as one list of numbers (a Float64Array whose buffer is handed over, not copied)
// and the few distinct end reasons, instead of one object with four lists and a sentence per
// continuation. Copying ten thousand summaries as objects took the page's thread about a third of
// a second, and that thread also draws the progress bar. Every number goes through as the same
// 64-bit double, so the unpacked summaries equal the packed ones to the last digit.
import type { GameSummary } from './types';

/** A chunk of summaries, packed (packSummaries) for postMessage with `data.buffer` transferred. */
export interface PackedSummaries {
  data: Float64Array;
  /** The end reasons, each once; a summary holds its reason's index. */
  reasons: string[];
  /** List lengths, the same for every summary of a scenario: outcomes, and each side's objectives. */
  outcomes: number;
  britain: number;
  ussr: number;
}

/** Numbers per summary: k, ruptureDay, peak, final, trade, two scores, reason, endDay, and the lists. */
const FIXED = 9;
const strideOf = (p: Pick<PackedSummaries, 'outcomes' | 'britain' | 'ussr'>) => FIXED + p.outcomes + p.britain + p.ussr;

export function packSummaries(games: readonly GameSummary[]): PackedSummaries {
  const first = games[0];
  const shape = { outcomes: first?.outcomes.length ?? 0, britain: first?.objectives.britain.length ?? 0, ussr: first?.objectives.ussr.length ?? 0 };
  const stride = strideOf(shape);
  const data = new Float64Array(games.length * stride);
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  let at = 0;
  for (const g of games) {
    if (g.outcomes.length !== shape.outcomes || g.objectives.britain.length !== shape.britain || g.objectives.ussr.length !== shape.ussr)
      throw new Error('summaries of one chunk must have lists of the same lengths');
    let r = reasonIndex.get(g.endReason);
    if (r === undefined) {
      r = reasons.length;
      reasons.push(g.endReason);
      reasonIndex.set(g.endReason, r);
    }
    data[at++] = g.k;
    data[at++] = g.ruptureDay;
    data[at++] = g.peakTension;
    data[at++] = g.finalTension;
    data[at++] = g.tradeBalance;
    data[at++] = g.score.britain;
    data[at++] = g.score.ussr;
    data[at++] = r;
    data[at++] = g.endDay;
    for (const x of g.outcomes) data[at++] = x;
    for (const x of g.objectives.britain) data[at++] = x;
    for (const x of g.objectives.ussr) data[at++] = x;
  }
  return { data, reasons, ...shape };
}

export function unpackSummaries(p: PackedSummaries): GameSummary[] {
  const stride = strideOf(p);
  const d = p.data;
  const out: GameSummary[] = [];
  for (let at = 0; at + stride <= d.length; ) {
    const k = d[at++]!,
      ruptureDay = d[at++]!,
      peakTension = d[at++]!,
      finalTension = d[at++]!,
      tradeBalance = d[at++]!,
      britain = d[at++]!,
      ussr = d[at++]!,
      reason = d[at++]!,
      endDay = d[at++]!;
    const outcomes = listAt(d, at, p.outcomes);
    at += p.outcomes;
    const objB = listAt(d, at, p.britain);
    at += p.britain;
    const objU = listAt(d, at, p.ussr);
    at += p.ussr;
    out.push({
      k,
      outcomes,
      ruptureDay,
      peakTension,
      finalTension,
      tradeBalance,
      objectives: { britain: objB, ussr: objU },
      score: { britain, ussr },
      endReason: p.reasons[reason]!,
      endDay,
    });
  }
  return out;
}

/** `n` numbers from `at`, as a plain list (a loop: Array.from of a subarray is several times slower). */
function listAt(d: Float64Array, at: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) out[j] = d[at + j]!;
  return out;
}

/** Chunks packed apart, as one (in the order given), their end reasons listed once. */
export function mergePacked(chunks: readonly PackedSummaries[]): PackedSummaries {
  const first = chunks.find(p => p.data.length > 0) ?? chunks[0];
  const shape = { outcomes: first?.outcomes ?? 0, britain: first?.britain ?? 0, ussr: first?.ussr ?? 0 };
  const stride = strideOf(shape);
  let total = 0;
  for (const p of chunks) {
    if (p.data.length && strideOf(p) !== stride) throw new Error('chunks of one exploration must have summaries of the same shape');
    total += p.data.length;
  }
  const data = new Float64Array(total);
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  let at = 0;
  for (const p of chunks) {
    data.set(p.data, at);
    // Each chunk numbered its reasons from 0: renumber them in the whole list.
    const renumber = p.reasons.map(r => {
      let i = reasonIndex.get(r);
      if (i === undefined) {
        i = reasons.length;
        reasons.push(r);
        reasonIndex.set(r, i);
      }
      return i;
    });
    for (let j = at + REASON; j < at + p.data.length; j += stride) data[j] = renumber[data[j]!]!;
    at += p.data.length;
  }
  return { data, reasons, ...shape };
}

/** Where each fixed number sits in a packed summary (packSummaries writes them in this order). */
export const K = 0,
  RUPTURE = 1,
  PEAK = 2,
  FINAL = 3,
  TRADE = 4,
  SCORE_BRITAIN = 5,
  SCORE_USSR = 6,
  REASON = 7,
  END_DAY = 8;

/** The numbers per summary, and where its outcomes and each side's objectives start. */
export function layout(p: PackedSummaries): { stride: number; count: number; outcomes: number; britain: number; ussr: number } {
  const stride = strideOf(p);
  return { stride, count: stride ? p.data.length / stride : 0, outcomes: FIXED, britain: FIXED + p.outcomes, ussr: FIXED + p.outcomes + p.britain };
}
