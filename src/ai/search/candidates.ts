// The moves a search player weighs. At a decision: every option. At orders: the persona's own set
// (the default it departs from only when the numbers say so), the orders history records for these
// dates, the negotiator's set (its best package as a note and its answers to notes, with the
// persona's other orders), doing nothing, each answer to a note turned the other way, the persona's set without its
// note or with one order dropped or added, and single orders on their own, the likeliest first by
// their objective value; each with the persona's answers to notes unless the variant changes them.
import type { CEvent, Compiled } from '../../engine/compiled';
import { noteName } from '../../engine/labels';
import type { Move, Order } from '../../engine/types';
import { ofSide, other, type Side } from '../../engine/vocab';
import { historicalPlayer } from '../historical';
import type { Ctx, Player } from '../player';
import { effectValue, gradient } from '../values';

export interface Candidate {
  /** What a person reads, e.g. "Break off relations" or "Orders: Press briefing; refuse note 2". */
  readonly label: string;
  readonly move: Move;
  /** The persona's own move, history's, the negotiator's, or a variation on them. */
  readonly origin: 'persona' | 'history' | 'negotiator' | 'variant';
  /** The scenario sources of the event or orders behind it. */
  readonly sources: readonly string[];
}

/** Every option of a pending decision; the persona's pick and history's marked as such. */
export function decisionCandidates(side: Side, ev: CEvent, personaPick: string): Candidate[] {
  const hist = ev.decision!.options.find(o => o.historical)!.id;
  const all = ev.decision!.options.map(o => ({
    label: o.label,
    move: { type: 'decide' as const, side, event: ev.id, option: o.id },
    origin: o.id === personaPick ? ('persona' as const) : o.id === hist ? ('history' as const) : ('variant' as const),
    sources: ev.sources,
  }));
  // The persona's pick first: the search keeps it to the end, as the default.
  return [...all.filter(x => x.origin === 'persona'), ...all.filter(x => x.origin !== 'persona')];
}

/**
 * A short label for a set of orders. Reasons are written to be shown to the other side, so a
 * private order (lobbying, intelligence, Comintern work) is named only as such.
 */
export function ordersLabel(c: Compiled, side: Side, orders: readonly Order[]): string {
  const parts: string[] = [];
  let hidden = 0;
  for (const o of orders) {
    if (o.kind === 'action') {
      const a = c.actions[c.actionIndex.get(o.id)!]!;
      if (a.public) parts.push(a.label);
      else hidden++;
    } else parts.push(o.kind === 'offer' ? 'send a note' : `${o.accept ? 'accept' : 'refuse'} ${noteName(other(side), o.offer)}`);
  }
  if (hidden) parts.push(hidden === 1 ? 'a private order' : `${hidden} private orders`);
  return parts.length ? parts.join('; ') : 'no orders';
}

/** The sources of the public orders in a set (a private order's would name it). */
function ordersSources(c: Compiled, orders: readonly Order[]): string[] {
  const out = new Set<string>();
  for (const o of orders) if (o.kind === 'action' && c.actions[c.actionIndex.get(o.id)!]!.public) for (const s of c.actions[c.actionIndex.get(o.id)!]!.sources) out.add(s);
  return [...out];
}

const key = (orders: readonly Order[]): string =>
  orders
    .map(o => (o.kind === 'action' ? `a:${o.id}` : o.kind === 'offer' ? 'o' : `r:${o.offer}:${o.accept}`))
    .sort()
    .join('|');

/**
 * At most `max` order sets for the seat, the persona's own first. `bargainer`, when given, is asked
 * for its orders too: its note (the package it judges best that both cabinets would ratify) and its
 * answers go in as candidates like any other, weighed by the same playouts.
 */
export function orderCandidates(ctx: Ctx, persona: Player, max: number, bargainer?: Player): Candidate[] {
  const { c, side, view } = ctx;
  const base = persona.orders(ctx);
  const bargain = bargainer?.orders(ctx) ?? [];
  const capital = ctx.state.fig[ofSide(c.side, side).iCapital]!;
  const actions = base.filter(o => o.kind === 'action');
  const replies = base.filter(o => o.kind === 'reply');
  const offer = base.filter(o => o.kind === 'offer');
  const cost = (os: readonly Order[]) => os.reduce((t, o) => t + (o.kind === 'action' ? c.actions[c.actionIndex.get(o.id)!]!.cost : o.kind === 'offer' ? c.negotiation.offerCost : 0), 0);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (orders: Order[], origin: Candidate['origin']) => {
    if (out.length >= max || cost(orders) > capital + 1e-9) return;
    const k = key(orders);
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ label: ordersLabel(c, side, orders), move: { type: 'orders', side, orders }, origin, sources: ordersSources(c, orders) });
  };
  add(base, 'persona');
  const hist = historicalPlayer.orders(ctx).filter(o => o.kind === 'action');
  add([...hist, ...replies], 'history');
  // The bargainer's whole set (the persona's actions, less any the note's capital needs), and the
  // persona's set with the bargainer's answers where they differ: a good package is proposed, and a
  // note good for the side accepted, whenever the playouts bear it out.
  const bargainReplies = bargain.filter(o => o.kind === 'reply');
  if (bargain.some(o => o.kind === 'offer')) add(bargain, 'negotiator');
  if (bargainReplies.length) add([...actions, ...bargainReplies, ...offer], 'negotiator');
  add([...replies], 'variant');
  for (let j = 0; j < replies.length; j++) {
    const flipped = replies.map((r, i) => (i === j && r.kind === 'reply' ? { ...r, accept: !r.accept } : r));
    add([...actions, ...flipped, ...offer], 'variant');
  }
  if (offer.length) add([...actions, ...replies], 'variant');
  // Single orders by their value to the side's objectives, best first.
  const g = gradient(c, side);
  const singles = view.available
    .map(k => c.actions[k]!)
    .filter(a => a.cost <= capital)
    .map(a => ({ a, v: effectValue(c, g, a.linked) + (g.took.get(a.id) ?? 0) }))
    .sort((x, y) => y.v - x.v);
  for (const o of actions) add([...actions.filter(x => x !== o), ...replies, ...offer], 'variant');
  for (const { a } of singles) {
    // An order that undoes one already in the set is no candidate (the engine refuses the pair).
    const clashes = actions.some(o => o.kind === 'action' && a.contradicts.includes(c.actionIndex.get(o.id)!));
    if (!clashes && !actions.some(o => o.kind === 'action' && o.id === a.id)) add([...actions, { kind: 'action', id: a.id }, ...replies, ...offer], 'variant');
    add([{ kind: 'action', id: a.id }, ...replies], 'variant');
  }
  return out;
}
