// How far a group's game stands from history, for the teacher's console: the main public and
// declared figures against the historical path at the same turn, the decisions taken against
// history's, and how many historical events have fired here and had fired by then in history.
// The historical path is the baseline game (src/ai/baseline.ts: both sides played by the
// historical players on the seed that reproduces the recorded outcomes), replayed once per
// scenario to keep each turn's figures. This reads full game states: it runs in the server only.

import { historicalBaseline, historicalPlayer, runGame } from '../ai/index';
import type { GroupOverview } from '../class/protocol';
import { applyMove, type Compiled, compile, createGame, type GameState, SIDES, score } from '../engine/index';
import type { Scenario } from '../scenario/schema';

/** The figures the console compares: war danger, standing, trade and the declared pressures. */
const COMPARED_KINDS = new Set(['tension', 'standing', 'declared']);
const COMPARED_TRADE = new Set(['trade.exports', 'trade.imports', 'trade.orders']);

/** The indexes of the figures compared with history: public or declared, war danger, standing and trade. */
const comparedFigures = (c: Compiled): number[] => c.figs.flatMap((f, i) => (!f.owner && (COMPARED_KINDS.has(f.kind) || COMPARED_TRADE.has(f.id)) ? [i] : []));

/** The ids of the figures the console compares with history (the same for the distance and the class debrief). */
export const comparedFigureIds = (sc: Scenario): string[] => {
  const c = compile(sc);
  return comparedFigures(c).map(i => c.figs[i]!.id);
};

interface Path {
  c: Compiled;
  /** The historical state at the start of each turn. */
  byTurn: GameState[];
  /** The end of the historical game. */
  end: GameState;
  figs: number[];
}

const paths = new WeakMap<Scenario, Path>();

function historicalPath(sc: Scenario): Path {
  let p = paths.get(sc);
  if (p) return p;
  const c = compile(sc);
  const base = historicalBaseline(sc);
  const run = runGame(sc, createGame(sc, base.seed), { britain: historicalPlayer, ussr: historicalPlayer });
  let s = createGame(sc, base.seed);
  const byTurn: GameState[] = [s];
  for (const m of run.moves) {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`the historical path does not replay: ${r.error}`);
    s = r.value;
    if (s.turn >= byTurn.length) byTurn.push(s);
  }
  const figs = comparedFigures(c);
  p = { c, byTurn, end: s, figs };
  paths.set(sc, p);
  return p;
}

/** Work out the historical path now (a few hundred ms, once per scenario), not on a group's first move. */
export function warmHistory(sc: Scenario): void {
  historicalPath(sc);
}

/** The group's distance from history now. */
export function distanceFromHistory(sc: Scenario, code: string, s: GameState, moves: number): Omit<GroupOverview, 'injectable'> {
  const { c, byTurn, end, figs } = historicalPath(sc);
  const h = byTurn[Math.min(s.turn, byTurn.length - 1)]!;
  let sum = 0;
  const figures = figs.map(i => {
    const f = c.figs[i]!;
    const now = s.fig[i]!,
      history = h.fig[i]!;
    // Bounded figures by their range; money by the larger of the two, so a doubling counts the same at any scale.
    const span = f.kind === 'trade' ? Math.max(Math.abs(now), Math.abs(history), 1) : f.max - f.min || 1;
    sum += Math.min(1, Math.abs(now - history) / span);
    return { id: f.id, label: f.label, now, history };
  });
  const decisions = c.events.flatMap(e => {
    const k = s.chosen[e.i]!;
    if (!e.decision || k < 0) return [];
    const mine = e.decision.options[k]!;
    const hist = e.decision.options.find(o => o.historical) ?? mine;
    return [{ side: e.decision.side, event: e.title, chose: mine.label, history: hist.label, same: mine.i === hist.i }];
  });
  // The events of the historical path (those its whole game fired), here and by this turn there.
  const historical = c.events.filter(e => end.fired[e.i]! >= 0);
  const here = historical.filter(e => s.fired[e.i]! >= 0).length;
  const then = historical.filter(e => h.fired[e.i]! >= 0).length;
  const differ = decisions.filter(d => !d.same).length;
  // Figures count for half, decisions and events for the other half: 0 is the historical path, 1 far from it.
  const figPart = figures.length ? sum / figures.length : 0;
  const choicePart = decisions.length ? differ / decisions.length : 0;
  const eventPart = Math.abs(here - then) / Math.max(1, historical.length);
  // Kept to four places: the console shows fractions of a per cent early in a game (distanceText.ts).
  const distance = Math.round((figPart * 0.5 + choicePart * 0.3 + eventPart * 0.2) * 10_000) / 10_000;
  return {
    code,
    moves,
    figures,
    decisions,
    historicalEvents: { here, history: then },
    distance,
    scores: s.ended ? { britain: score(c, s, SIDES[0]).total, ussr: score(c, s, SIDES[1]).total } : null,
  };
}
