// Determinization: a full game state drawn from what one seat knows. A computer player that looks
// ahead cannot play on from its view (the view has no dice and hides the other side's business),
// so it plays on from states like this one instead: every fact the view shows is kept as it is;
// what the view hides is drawn from plausible ranges with the player's own dice:
// - the other side's political capital: any whole amount it could hold (0 to its maximum);
// - the other cabinet's stances and moods, when the seat's intelligence cannot read them: each near
//   the value the scenario starts it at, spread by a fifth of its range either way;
// - fresh dice for the game's chance;
// - the other side's pending decisions and sealed orders: none yet (in a playout the other side
//   gives them as the playout's own player would);
// - the other side's private orders, decisions and flags, and the queue entries only its private
//   business could have made: as the view shows them (not taken, not set). The view masks them as
//   "never", and nothing public tells the seat otherwise.
// - a teacher's injected event: as the view shows it, marked as the teacher's, so the sampled future
//   fires it at the next turn whatever its trigger says, as the game will. The teacher gives it in
//   front of the class, so both seats know it from the moment it is queued (seat.ts); injections the
//   teacher has not made are unknowable, and no sample invents one (tests/ai/sampleInjected.test.ts).
// It reads the view and the compiled scenario only, so whatever else the authority holds cannot
// reach a player through it (tests/ai/sample.test.ts).
import type { Compiled } from './compiled';
import type { Rng } from './rng';
import type { SeatView } from './seat';
import type { GameState } from './types';

/** How far a hidden stance or mood is drawn from its starting value, as a share of its range either way. */
const SPREAD = 0.2;

/** One full game state consistent with the seat's view, drawn with `rng`. */
export function sampleState(c: Compiled, v: SeatView, rng: Rng): GameState {
  const fig = v.figures.slice();
  for (const i of v.hidden) {
    const f = c.figs[i]!;
    const lo = c.figMin[i]!,
      hi = c.figMax[i]!;
    let x: number;
    if (f.kind === 'capital') x = Math.floor(rng.next() * (hi - lo + 1)) + lo;
    else x = c.initialFig[i]! + (rng.next() + rng.next() - 1) * SPREAD * (hi - lo);
    fig[i] = x < lo ? lo : x > hi ? hi : x;
  }
  const mine = v.side === 'britain';
  const pending = v.pending.slice();
  const orders = v.orders === null ? null : v.orders.slice();
  return {
    scenario: v.scenario,
    version: v.version,
    seed: '',
    turn: v.turn,
    // Alea's state after seeding is a carry of 1 and three fractions: fresh dice of the same shape.
    rng: { c: 1, s0: rng.next(), s1: rng.next(), s2: rng.next() },
    rolls: 0,
    fig,
    flags: v.flags.slice(),
    relations: v.relations,
    lead: { britain: v.lead.britain, ussr: v.lead.ussr },
    fired: v.fired.slice(),
    chosen: v.chosen.slice(),
    taken: v.taken.slice(),
    failed: v.failed.slice(),
    scheduled: v.scheduled.map(x => (x.by ? { ev: x.ev, day: x.day, by: x.by } : { ev: x.ev, day: x.day })),
    pending: mine ? { britain: pending, ussr: [] } : { britain: [], ussr: pending },
    orders: mine ? { britain: orders, ussr: null } : { britain: null, ussr: orders },
    offers: v.offers.map(o => ({ ...o, terms: { ...o.terms } })),
    agreed: { ...v.agreed },
    trade: v.trade.slice(),
    pipeline: v.pipeline.slice(),
    month: v.month,
    record: false,
    ledger: null,
    news: null,
    ended: v.ended,
  };
}
