// Warming the computer players up before their first question, in the browser's Web Worker while
// the board starts and the person reads the opening. A cold worker spends two to three times as much
// CPU on its first moves as on later ones, and V8's compiler threads as much again beside it (the
// bench:web trace of search:4 in 1927, move 1: 0.2 s on the worker thread, 0.5 s compiling). Each
// step is one decision made on the opening of a game of the worker's own (its own seed and dice,
// never this match's, and fresh players), so nothing of it reaches the match: it only leaves the
// JIT's compiled code and the per-scenario tables (caches keyed by the scenario, which hold no
// player's memory) ready. A question that comes meanwhile waits for the step under way at most.
import { AI_VIEW, aiRng, nextMove, type PlayerName, parsePlayerName, playerFor } from '../ai/index';
import { compile, createGame, seatView } from '../engine/index';
import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';

/** The seed of the worker's own game, and the root of its warm-up players' dice. */
export const WARM_UP_SEED = 'warm-up';
/**
 * Decisions a search player warms up on, at its own level: V8 optimises fully only code run as
 * long as the real decisions run it. Measured in Chromium (bench:web traces, search:4, 1927, two
 * runs each at load 9-10): moves 1 and 2 took 128-143 and 95-100 ms of the worker thread's CPU after
 * three steps, 207-216 and 151-152 ms with none; six steps at level 1 made no difference. Three
 * steps cost about 0.5 s of CPU there, done before the board had started.
 */
export const SEARCH_WARM_UP_STEPS = 3;

/** The warm-up of the players at `seats`, one decision a step, the seats taking turns. Run them in order, or stop at any step. */
export function warmUpSteps(sc: Scenario, seats: Partial<Record<Side, PlayerName>>): (() => void)[] {
  const c = compile(sc);
  const s = createGame(sc, WARM_UP_SEED);
  const each = (Object.entries(seats) as [Side, PlayerName][]).flatMap(([side, name]) => {
    const spec = parsePlayerName(name);
    if (!spec.ok) return [];
    const player = playerFor(name, sc, side);
    const view = seatView(c, s, side, AI_VIEW);
    const n = spec.value.kind === 'search' ? SEARCH_WARM_UP_STEPS : 1;
    return [Array.from({ length: n }, (_, k) => () => void nextMove(c, view, player, aiRng(`${WARM_UP_SEED}/${k}`, side)))];
  });
  const steps: (() => void)[] = [];
  for (let k = 0; each.some(e => k < e.length); k++) for (const e of each) if (k < e.length) steps.push(e[k]!);
  return steps;
}
