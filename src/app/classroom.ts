// Pass-and-play for a classroom, as rules the screens follow (no DOM, tested in Node): who sits at
// a side's desk (the student at its lead's role), which students vote on a move before it is sent
// (the side's other seated ministers in office), on which items (those of the move that go to the
// cabinet), and which sides a class setup leaves to the computer. A student seated at a role whose
// seat passes to a successor (a term of office) plays the successor from then on. Items a minister or group forces
// onto the agenda are not known before the turn resolves, so students do not vote on them here.

import type { Ballot, Compiled, CRole, Move, SeatView, Side } from '../engine/index';
import { noteCause, noteName, other, roleNow, SIDES, seatState } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import type { ClassSeats, SeatHolder } from './handIn';
import type { BallotLine } from './match';
import type { Controller } from './saveFile';

/** The student at a role, with the role. */
export interface Seated {
  role: CRole;
  player: string;
}

/**
 * Each seated student with the role they play: the role they were seated at, or, on view `v`, the
 * role that has succeeded it in the seat (a term of office: 1929's change of government).
 */
const seatedOf = (c: Compiled, seats: readonly SeatHolder[], v?: SeatView): Seated[] =>
  seats.flatMap(x => {
    const k = c.roleIndex.get(x.role);
    if (k === undefined) return [];
    return [{ role: v ? roleNow(c, seatState(v), x.role) : c.roles[k]!, player: x.player }];
  });

/** The student at the desk of `side`: the one playing its lead now, or null if no student plays the lead. */
export function atDesk(c: Compiled, v: SeatView, seats: readonly SeatHolder[]): Seated | null {
  const lead = v.lead[v.side];
  return seatedOf(c, seats, v).find(x => x.role.side === v.side && x.role.minister === lead) ?? null;
}

/** The students who vote on `side`'s cabinet items: its seated ministers in office, not its lead. */
export function voters(c: Compiled, v: SeatView, seats: readonly SeatHolder[]): Seated[] {
  const lead = v.lead[v.side];
  return seatedOf(c, seats, v).filter(x => x.role.side === v.side && x.role.minister >= 0 && x.role.minister !== lead && v.figures[c.ministers[x.role.minister]!.iOffice] === 1);
}

/** The items of a move that go to its side's cabinet (the ballots' `item`s), with what each is. */
export function votedItems(c: Compiled, move: Move): { item: string; label: string }[] {
  if (move.type === 'decide') {
    const e = c.events[c.eventIndex.get(move.event)!]!;
    const o = e.decision!.options.find(x => x.id === move.option)!;
    return o.vote?.cabinet ? [{ item: o.cause, label: `${e.title}: ${o.label}` }] : [];
  }
  const out: { item: string; label: string }[] = [];
  for (const o of move.orders) {
    if (o.kind === 'action') {
      const a = c.actions[c.actionIndex.get(o.id)!]!;
      if (a.vote?.cabinet) out.push({ item: a.cause, label: a.label });
    } else if (o.kind === 'reply' && o.accept) out.push({ item: noteCause(other(move.side), o.offer), label: `Ratify the agreement in ${noteName(other(move.side), o.offer)}` });
  }
  return out;
}

/** A move with the students' ballots added (none: the move as it was). */
export const withVotes = (move: Move, votes: readonly Ballot[]): Move => (votes.length ? { ...move, votes: [...votes] } : move);

/**
 * Who plays each side in a class setup: a side with at least one student is played at this screen,
 * a side with none by the computer's persona. Refused (with the reason) when no side has a student,
 * or a side with students has none at its lead's role (someone must give its orders).
 */
export function classSides(sc: Scenario, c: Compiled, cls: ClassSeats): { ok: true; sides: Record<Side, Controller> } | { ok: false; error: string } {
  const sides = {} as Record<Side, Controller>;
  const seated = seatedOf(c, cls.seats);
  for (const side of SIDES) {
    const mine = seated.filter(x => x.role.side === side);
    sides[side] = mine.length ? 'human' : 'persona';
    const lead = c.ministers.findIndex(m => m.id === sc.sides[side].lead);
    if (mine.length && !mine.some(x => x.role.minister === lead))
      return { ok: false, error: `${sc.sides[side].name} has students but none plays its lead, ${c.ministers[lead]!.name}: someone must give its orders` };
  }
  if (sides.britain !== 'human' && sides.ussr !== 'human') return { ok: false, error: 'name at least one student: the lead of Britain or of the Soviet Union' };
  return { ok: true, sides };
}

/**
 * What a lead reads under an option of a decision about the ministers' ballots on it so far (a
 * classroom on students' own devices): who is for and who against, and the advice apart.
 */
export function ballotText(line: BallotLine): string {
  const names = (l: readonly string[]) => l.join(', ') || 'none';
  const votes = line.for.length || line.against.length ? `Ministers' votes so far: for, ${names(line.for)}; against, ${names(line.against)}.` : 'No minister has voted on it yet.';
  return line.advice ? `${votes} Advice for, ${names(line.advice.for)}; against, ${names(line.advice.against)}.` : votes;
}
