// Warming the computer players up before their first question, in the browser's Web Worker while
// the board starts and the person reads the opening. A cold worker took 3-5 times as long over its
// first move as over later ones (search:4 in 1927: 0.8-1.4 s of CPU against 0.1-0.25 s; most of it
// V8 compiling the playout code, the rest tables built per scenario on first use). Each step is one
// decision made on the opening of a game of the worker's own (its own seed and dice, never this
// match's, and fresh players), so nothing of it reaches the match: it only leaves the JIT's compiled
// code and the per-scenario tables (caches keyed by the scenario, which hold no player's memory)
// ready. The steps are short, so a question that comes meanwhile waits for one step at most.
import { AI_VIEW, aiRng, nextMove, type PlayerName, parsePlayerName, playerFor } from '../ai/index';
import { compile, createGame, seatView } from '../engine/index';
import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';

/** The seed of the worker's own game, and the root of its warm-up players' dice. */
export const WARM_UP_SEED = 'warm-up';
/**
 * Decisions a search player warms up on, at level 1: the same code as every level, in slices of
 * 20-250 ms of CPU on a busy machine. In Node at load 11, search:4's first move in 1927 took 0.94 s of
 * process CPU cold, 0.43 s after three steps, 0.27-0.33 s after six, against 0.1-0.2 s warm.
 */
export const SEARCH_WARM_UP_STEPS = 6;

/** The name a seat warms up as: a search player at level 1 (with its fidelity, if any), any other as itself. */
const warmUpName = (name: PlayerName): PlayerName => name.replace(/^search:\d+/, 'search:1');

/** The warm-up of the players at `seats`, one decision a step, the seats taking turns. Run them in order, or stop at any step. */
export function warmUpSteps(sc: Scenario, seats: Partial<Record<Side, PlayerName>>): (() => void)[] {
  const c = compile(sc);
  const s = createGame(sc, WARM_UP_SEED);
  const each = (Object.entries(seats) as [Side, PlayerName][]).flatMap(([side, name]) => {
    const spec = parsePlayerName(name);
    if (!spec.ok) return [];
    const player = playerFor(warmUpName(name), sc, side);
    const view = seatView(c, s, side, AI_VIEW);
    const n = spec.value.kind === 'search' ? SEARCH_WARM_UP_STEPS : 1;
    return [Array.from({ length: n }, (_, k) => () => void nextMove(c, view, player, aiRng(`${WARM_UP_SEED}/${k}`, side)))];
  });
  const steps: (() => void)[] = [];
  for (let k = 0; each.some(e => k < e.length); k++) for (const e of each) if (k < e.length) steps.push(e[k]!);
  return steps;
}
