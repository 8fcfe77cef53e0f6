// The decisions that mattered most in a game, measured by the explorer. For each choice on the
// path (every decision; each side's orders for a turn when they held any order, or departed from
// the record), the explorer plays N continuations from the state before it with the choice as
// made, and N with each alternative (every other option of a decision; for orders, the recorded
// orders if these departed from them, else no orders at all), every set on the same N futures
// (one seed key per choice: common random numbers), so a difference is the choice's, not the
// luck's. A choice's weight is the largest total change in the outcome rates between it and an
// alternative; the list is sorted by it.

import { compile, err, type GameState, type Move, ok, type Result, shownDay } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { atPoint, lineStart, replayLine } from './line';
import { EXPLORE_CANCELLED, type ExploreOptions, explore } from './pool';
import type { Distribution, ExploreSpec, Line, MatteredDecision } from './types';
import { decisionOf, describeMove, historicalOrders, isHistoricalMove, orderText } from './words';

/** Continuations per alternative (default). */
export const MATTERED_GAMES = 200;

interface Candidate {
  index: number;
  day: number;
  move: Move;
  alternatives: { move: Move; label: string }[];
  historical: boolean;
  text: string;
}

/** The choices on a line worth measuring, with their alternatives. */
export function choicesOf(sc: Scenario, line: Line): Candidate[] {
  const c = compile(sc);
  const out: Candidate[] = [];
  const states: GameState[] = [lineStart(sc, line, { record: false })];
  const r = replayLine(sc, line, { record: false }, st => states.push(st));
  if (!r.ok) throw new Error(`the game does not replay: ${r.error}`);
  for (let k = 0; k < line.moves.length; k++) {
    // The state the move was made in: the previous one, re-rolled or injected if a re-roll or the teacher's event sits here.
    const p = k > 0 ? atPoint(sc, line, states[k]!, k) : ok(states[k]!);
    if (!p.ok) throw new Error(`the game does not replay: ${p.error}`);
    const s = p.value;
    const m = line.moves[k]!;
    const historical = isHistoricalMove(c, s, m);
    const base = { index: k, day: c.days[s.turn]!, move: m, historical, text: describeMove(c, s, m) };
    if (m.type === 'decide') {
      const { ev } = decisionOf(c, m);
      const alternatives = ev.decision!.options.filter(o => o.id !== m.option).map(o => ({ move: { ...m, option: o.id } as Move, label: `“${o.label}”` }));
      // Dated as its players were shown it (shownDay), as the diff and the debrief date a decision.
      out.push({ ...base, day: shownDay(ev, base.day), alternatives });
    } else {
      const rec = historicalOrders(c, s, m.side);
      if (!historical) {
        out.push({
          ...base,
          alternatives: [
            {
              move: { type: 'orders', side: m.side, orders: rec },
              label: rec.length ? `the recorded orders (${rec.map(o => orderText(c, m.side, o)).join(', ')})` : 'no orders, as the record has it',
            },
          ],
        });
      } else if (m.orders.length > 0) out.push({ ...base, alternatives: [{ move: { type: 'orders', side: m.side, orders: [] }, label: 'no orders' }] });
    }
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Measure the choices of a line (a finished game, usually). `spec.games` continuations per set
 * (default MATTERED_GAMES); progress counts every continuation played. Resolves with the choices,
 * the weightiest first; or a refusal (EXPLORE_CANCELLED if cancelled).
 */
export async function matteredDecisions(
  sc: Scenario,
  line: Line,
  spec: Omit<ExploreSpec, 'games' | 'first' | 'seedKey'> & { games?: number },
  opts: ExploreOptions & { limit?: number } = {},
): Promise<Result<MatteredDecision[]>> {
  let cands: Candidate[];
  try {
    cands = choicesOf(sc, line);
  } catch (e) {
    return err((e as Error).message);
  }
  const games = spec.games ?? MATTERED_GAMES;
  const total = cands.reduce((a, x) => a + (1 + x.alternatives.length) * games, 0);
  let done = 0;
  const out: MatteredDecision[] = [];
  for (const cand of cands) {
    const before: Line = { ...line, moves: line.moves.slice(0, cand.index), reseeds: line.reseeds.filter(r => r.at <= cand.index) };
    const seedKey = `${line.seed}/mattered/${cand.index}`;
    const run = async (first: Move): Promise<Result<Distribution>> => {
      const base = done;
      const r = await explore(sc, before, { games, players: spec.players, seedKey, first }, { ...opts, start: undefined, onProgress: d => opts.onProgress?.(base + d, total) });
      done = base + games;
      return r;
    };
    const taken = await run(cand.move);
    if (!taken.ok) return taken;
    let best: { shift: number; label: string; alt: Distribution } | null = null;
    for (const alt of cand.alternatives) {
      if (opts.signal?.aborted) return err(EXPLORE_CANCELLED);
      const d = await run(alt.move);
      if (!d.ok) return d;
      const shift = taken.value.outcomes.reduce((a, o, j) => a + Math.abs(o.rate - d.value.outcomes[j]!.rate), 0);
      if (!best || shift > best.shift) best = { shift, label: alt.label, alt: d.value };
    }
    if (!best) continue;
    const changes = taken.value.outcomes
      .map((o, j) => ({ id: o.id, label: o.label, before: best!.alt.outcomes[j]!.rate, after: o.rate }))
      .filter(x => Math.abs(x.after - x.before) >= 0.005)
      .sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before))
      .slice(0, 4);
    const said = changes.length ? changes.map(x => `${x.label} ${pct(x.before)} → ${pct(x.after)}`).join('; ') : 'no outcome moved';
    out.push({
      index: cand.index,
      day: cand.day,
      side: cand.move.side,
      text: cand.text,
      historical: cand.historical,
      shift: best.shift,
      changes,
      // The choice's text ends on its option's label, so that label closes its sentence; the
      // alternative, quoted or described ("the recorded orders (...)"), is named before a colon.
      summary: `${cand.text}. Against the alternative that moves the outcomes most, ${best.label}: ${said}.`,
    });
  }
  out.sort((a, b) => b.shift - a.shift || a.index - b.index);
  return ok(opts.limit ? out.slice(0, opts.limit) : out);
}
