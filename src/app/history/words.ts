// Moves in words, from the scenario's own texts: event titles, option and action labels, the
// negotiation's terms. The timeline, the divergence names, the diff and the explorer's lists all
// say a move the same way. Also: whether a move is what the sources record (the historical option,
// or the orders the historical player gives for those dates).

import { AI_VIEW, aiRng, historicalBaseline, historicalPlayer, nextMove } from '../../ai/index';
import { type Compiled, type GameState, longDate, type Move, noteName, type Order, other, SIDES, type Side, seatView, type Terms } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { playerText } from '../playerWords';
import type { NodePlayers } from './types';

export const sideName = (c: Compiled, side: Side): string => c.sc.sides[side].name;

/** "the Cabinet" or "the Politburo": who decides for a side. */
export const bodyName = (side: Side): string => (side === 'britain' ? 'the Cabinet' : 'the Politburo');

export const cap = (t: string): string => (t ? t[0]!.toUpperCase() + t.slice(1) : t);

/** A game's dice in words: "on history's own dice" for history's seed (whose name means nothing to a reader), else "game number 55". */
export const diceText = (sc: Scenario, seed: string): string => (seed === historicalBaseline(sc).seed ? 'on history’s own dice' : `game number ${seed}`);

/** A term's label inside a sentence: a leading article drops its capital ("the Lena Goldfields claim"); the rest keep theirs, being names ("British shipping"). */
const midSentence = (label: string): string => (/^(The|A|An) /.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** A note's terms in words: "Propaganda and the Comintern: Reciprocal non-interference; ...". */
export function termsText(c: Compiled, terms: Terms): string {
  const parts: string[] = [];
  for (const t of c.terms) {
    const o = terms[t.id];
    if (o === undefined) continue;
    parts.push(`${midSentence(t.label)}: ${t.options.find(x => x.id === o)?.label ?? o}`);
  }
  return parts.join('; ');
}

/** One order in words, as a clause ("ordered \"Brief the press\"", "sent a note offering ..."). */
export function orderText(c: Compiled, side: Side, o: Order): string {
  if (o.kind === 'action') return `“${c.actions[c.actionIndex.get(o.id)!]?.label ?? o.id}”`;
  if (o.kind === 'offer') return `a note offering ${termsText(c, o.terms)}`;
  return `${o.accept ? 'accepting' : 'turning down'} ${noteName(other(side), o.offer)}`;
}

/** The option a decision move took, with its event. */
export function decisionOf(c: Compiled, m: Extract<Move, { type: 'decide' }>) {
  const ev = c.events[c.eventIndex.get(m.event)!]!;
  const opt = ev.decision!.options.find(o => o.id === m.option)!;
  return { ev, opt };
}

/** A move in one line: "Britain, at “A tip about Arcos”: Approve the search" or "Britain's orders: ...". */
export function describeMove(c: Compiled, _before: GameState, m: Move): string {
  if (m.type === 'decide') {
    const { ev, opt } = decisionOf(c, m);
    return `${sideName(c, m.side)}, at “${ev.title}”: ${opt.label}`;
  }
  if (m.orders.length === 0) return `${sideName(c, m.side)} gives no orders`;
  return `${sideName(c, m.side)}'s orders: ${m.orders.map(o => orderText(c, m.side, o)).join(', ')}`;
}

/** An event a teacher introduced (engine inject.ts), in words: "The teacher introduced “The Arcos raid”". */
export function teacherText(c: Compiled, event: string): string {
  const k = c.eventIndex.get(event);
  return `The teacher introduced “${k === undefined ? event : c.events[k]!.title}”`;
}

/** The orders the sources record for this side at this state (the historical player's), as a key set. */
export function historicalOrders(c: Compiled, s: GameState, side: Side): Order[] {
  const m = nextMove(c, seatView(c, s, side, AI_VIEW), historicalPlayer, aiRng(s.seed, side));
  return m?.type === 'orders' ? m.orders : [];
}

export const orderKey = (o: Order): string =>
  o.kind === 'action'
    ? `a:${o.id}`
    : o.kind === 'offer'
      ? `o:${Object.entries(o.terms)
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}`
      : `r:${o.offer}:${o.accept}`;

/** A move as a canonical text key: equal keys, equal moves (whatever order an object's fields came in). */
export const moveKey = (m: Move): string => (m.type === 'decide' ? `d:${m.side}:${m.event}:${m.option}` : `o:${m.side}:${m.orders.map(orderKey).join('|')}`);

/** Whether a move is the one the sources record: the historical option, or history's orders. */
export function isHistoricalMove(c: Compiled, before: GameState, m: Move): boolean {
  if (m.type === 'decide') return decisionOf(c, m).opt.historical;
  const want = new Set(historicalOrders(c, before, m.side).map(orderKey));
  const got = new Set(m.orders.map(orderKey));
  return want.size === got.size && [...want].every(k => got.has(k));
}

/** The differences between two sides' orders for the same moment, as clauses. */
export function ordersDifference(c: Compiled, side: Side, mine: readonly Order[], theirs: readonly Order[], theirName: string): string[] {
  const mk = new Set(mine.map(orderKey));
  const tk = new Set(theirs.map(orderKey));
  const added = mine.filter(o => !tk.has(orderKey(o)));
  const dropped = theirs.filter(o => !mk.has(orderKey(o)));
  const out: string[] = [];
  const actions = added.filter(o => o.kind === 'action');
  if (actions.length) out.push(`ordered ${actions.map(o => orderText(c, side, o)).join(' and ')}`);
  for (const o of added) if (o.kind === 'offer') out.push(`sent ${orderText(c, side, o)}`);
  for (const o of added) if (o.kind === 'reply') out.push(`answered by ${orderText(c, side, o)}`);
  const droppedActions = dropped.filter(o => o.kind === 'action');
  if (droppedActions.length) out.push(`did not order ${droppedActions.map(o => orderText(c, side, o)).join(' or ')} as ${theirName} did`);
  for (const o of dropped) if (o.kind === 'offer') out.push(`sent no note offering ${termsText(c, o.terms)} as ${theirName} did`);
  return out;
}

export const dateText = (day: number): string => longDate(day);

export { PLAYER_WORDS, playerText } from '../playerWords';

/** Who played a branch, side by side ("Britain: a person; Soviet Union: …"), or plainly that it was not recorded. */
export function playersText(sc: Scenario, players: NodePlayers): string {
  if (!players) return 'not recorded (the code or file it came from did not say who played it)';
  return SIDES.map(side => `${sc.sides[side].name}: ${playerText(players[side])}`).join('; ');
}
