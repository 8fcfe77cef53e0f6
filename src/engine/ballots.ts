// Students' ballots in the moves: checking them when a move is made, and reading the ones on an
// item when its cabinet votes. A ballot belongs to a role that plays a minister of the moving side
// and names an item of that move (types.ts, Ballot); how it weighs is cabinet.ts's rule (votePull).
import type { Votes } from './cabinet';
import type { Compiled } from './compiled';
import { noteName, noteOfCause, SIDE_LABEL } from './labels';
import type { Ballot, GameState, Move } from './types';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The ballots on one item as a cabinet reads them (minister -> vote), or undefined if none. */
export function votesOn(c: Compiled, ballots: readonly Ballot[] | null | undefined, item: string): Votes | undefined {
  if (!ballots || ballots.length === 0) return undefined;
  let out: Map<number, 1 | -1> | undefined;
  for (const b of ballots) if (b.item === item) (out ??= new Map()).set(c.roles[c.roleIndex.get(b.role)!]!.minister, b.vote);
  return out;
}

/** Why a move's ballots are refused, or null if they are good (or there are none). Run after the rest of the move is checked. */
export function checkBallots(c: Compiled, s: GameState, move: Move): string | null {
  const votes: unknown = move.votes;
  if (votes === undefined) return null;
  if (!Array.isArray(votes)) return 'votes must be a list of ballots';
  const seen = new Set<string>();
  for (const b of votes as unknown[]) {
    if (!isObj(b) || typeof b.role !== 'string' || typeof b.item !== 'string') return 'a ballot names a role and an item';
    if (b.vote !== 1 && b.vote !== -1) return `the ballot of "${b.role}" on ${b.item} must vote 1 (for) or -1 (against)`;
    const k = c.roleIndex.get(b.role);
    if (k === undefined) return `there is no role "${b.role}"`;
    const r = c.roles[k]!;
    if (r.side !== move.side) return `${r.name} (role "${r.id}") plays for ${SIDE_LABEL[r.side]}, not ${SIDE_LABEL[move.side]}`;
    if (r.minister < 0) return `${r.name} (${r.office}) is not a minister and has no vote in the cabinet`;
    if (s.fig[c.ministers[r.minister]!.iOffice] !== 1) return `${r.name} is not in office and cannot vote`;
    const key = `${b.role} ${b.item}`;
    if (seen.has(key)) return `${r.name} votes twice on ${b.item}`;
    seen.add(key);
    const bad = itemProblem(c, s, move, b.item);
    if (bad) return `${r.name}'s ballot: ${bad}`;
  }
  return null;
}

/** Why a ballot's item is not one this move puts to the cabinet, or null. */
function itemProblem(c: Compiled, s: GameState, move: Move, item: string): string | null {
  if (move.type === 'decide') {
    const want = `option:${move.event}.${move.option}`;
    if (item !== want) return `a decision's ballots are on its option ("${want}"), not "${item}"`;
    const o = c.events[c.eventIndex.get(move.event)!]!.decision!.options.find(x => x.id === move.option)!;
    return o.vote?.cabinet ? null : `"${o.label}" does not go to a cabinet vote`;
  }
  if (item.startsWith('action:')) {
    const id = item.slice(7);
    const k = c.actionIndex.get(id);
    if (k === undefined || c.actions[k]!.side !== move.side) return `there is no action "${id}" for ${SIDE_LABEL[move.side]}`;
    const a = c.actions[k]!;
    if (!a.vote?.cabinet) return `"${a.label}" does not go to a cabinet vote`;
    const ordered = move.orders.some(o => o.kind === 'action' && o.id === id);
    // An item nobody ordered may still be forced onto the agenda by a minister or group.
    const forceable = (move.side === 'britain' ? c.demanders.britain : c.demanders.ussr).some(x => x.action === k);
    return ordered || forceable ? null : `"${a.label}" is neither ordered nor an item that can be forced onto the agenda`;
  }
  if (item.startsWith('offer:')) {
    const note = noteOfCause(item);
    if (!note) return `"${item}" names no note (offer:britain:N or offer:ussr:N)`;
    const { from, n } = note;
    if (from !== move.side && move.orders.some(o => o.kind === 'reply' && o.offer === n && o.accept)) return null;
    // The side's own note, awaiting the other side's answer: if it is accepted this turn, this
    // cabinet ratifies it too, and its students vote on that in advance with its orders.
    const own = from === move.side ? s.offers.find(o => o.n === n && o.from === from) : undefined;
    if (own && (own.status === 'sent' || own.status === 'delivered')) return null;
    return `${noteName(from, n)} is neither accepted in these orders nor a note from ${SIDE_LABEL[move.side]} awaiting an answer, so there is no ratification to vote on`;
  }
  return `"${item}" names no item (action:ID, option:EVENT.OPTION or offer:SIDE:N)`;
}
