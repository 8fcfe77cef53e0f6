// Driving a match from Node as the browser and the terminal drive it, for the match tests: a person
// who takes what is offered first, and a loop that lets the computer and the person move in turn.
import type { Match } from '../../src/app/match';
import { type Move, type Side, seen } from '../../src/engine/index';

/** A person who takes the first option shown and the first order they can afford, from the affordances alone. */
export function personMove(m: Match, seat: Side): Move {
  const a = m.affordances(seat);
  if (a.decision) return { type: 'decide', side: seat, event: a.decision.event.id, option: a.decision.options[0]!.option.id };
  const cap = seen(a.view, m.c.side[seat].iCapital)!;
  return {
    type: 'orders',
    side: seat,
    orders: a.legal
      .filter(x => x.cost <= cap)
      .slice(0, 1)
      .map(x => x.order),
  };
}

/** Plays on until the game ends or `stopAfter` moves are in the log. */
export async function drive(m: Match, stopAfter = Infinity): Promise<void> {
  for (let guard = 0; guard < 5000 && m.moveCount < stopAfter; guard++) {
    const n = m.next();
    if (n.kind === 'ended') return;
    if (n.kind === 'stuck') throw new Error(n.reason);
    if (n.kind === 'computer') {
      const r = await m.advance();
      if (!r.ok) throw new Error(r.error);
      continue;
    }
    if (n.kind === 'handover') {
      m.handOver(n.seat);
      continue;
    }
    const r = m.submit(n.seat, personMove(m, n.seat));
    if (!r.ok) throw new Error(r.error);
  }
}
