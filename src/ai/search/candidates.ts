// The moves a search player weighs. At a decision: every option. At orders: the persona's own set
// (the default it departs from only when the numbers say so), the orders history records for these
// dates, the negotiator's set (its best package as a note and its answers to notes, with the
// persona's other orders), doing nothing, each answer to a note turned the other way, the persona's set without its
// note or with one order dropped or added, and single orders on their own, the likeliest first by
// their objective value; each with the persona's answers to notes unless the variant changes them.
import type { CEvent, Compiled } from '../../engine/compiled';
import { listed, noteName } from '../../engine/labels';
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
  return parts.length ? listed(parts) : 'no orders';
}

/**
 * A set of orders told by how it differs from `base` (the move made), for a reader comparing the
 * two: "adding “X”", "dropping “X”", "“X” instead of “Y”", "accepting Soviet note 2 instead of
 * refusing it", "giving no orders at all". A private order is counted, never named (as in
 * ordersLabel): only how many more or fewer the set holds, so no more is told than its full label
 * would. Null when the two cannot be told apart so (the full label says it then).
 */
export function ordersChange(c: Compiled, side: Side, base: readonly Order[], alt: readonly Order[]): string | null {
  if (!alt.length) return base.length ? 'giving no orders at all' : null;
  const pub = (os: readonly Order[]) => os.filter(o => o.kind === 'action' && c.actions[c.actionIndex.get(o.id)!]!.public).map(o => (o.kind === 'action' ? o.id : ''));
  const hidden = (os: readonly Order[]) => os.filter(o => o.kind === 'action' && !c.actions[c.actionIndex.get(o.id)!]!.public).length;
  const name = (id: string) => `“${c.actions[c.actionIndex.get(id)!]!.label}”`;
  const a = pub(base),
    b = pub(alt);
  const added = b.filter(x => !a.includes(x)).map(name),
    dropped = a.filter(x => !b.includes(x)).map(name);
  const more = hidden(alt) - hidden(base);
  const priv = (n: number) => (n === 1 ? 'a private order' : `${n} private orders`);
  if (more > 0) added.push(priv(more));
  if (more < 0) dropped.push(priv(-more));
  const parts: string[] = [];
  // Every order of the move made left out for others: "“X” alone, in place of all 3 orders", not a list of all it replaces.
  if (added.length && a.length > 1 && !b.some(x => a.includes(x)) && more === 0 && base.every(o => o.kind === 'action' && c.actions[c.actionIndex.get(o.id)!]!.public))
    parts.push(`${listed(added)} alone, in place of ${a.length === 2 ? 'both orders' : `all ${a.length} orders`}`);
  else if (added.length && dropped.length) parts.push(`${listed(added)} instead of ${listed(dropped)}`);
  else if (added.length) parts.push(`adding ${listed(added)}`);
  else if (dropped.length) parts.push(`dropping ${listed(dropped)}`);
  const sends = (os: readonly Order[]) => os.some(o => o.kind === 'offer');
  if (sends(alt) && !sends(base)) parts.push('sending a note');
  if (!sends(alt) && sends(base)) parts.push('sending no note');
  // Both send one, on different terms: said, so two alternatives do not read alike (their terms follow in the reason).
  const terms = (os: readonly Order[]) => {
    const o = os.find(x => x.kind === 'offer');
    return o?.kind === 'offer' ? c.terms.map(t => o.terms[t.id] ?? '').join('|') : '';
  };
  if (sends(alt) && sends(base) && terms(alt) !== terms(base)) parts.push('a note on other terms');
  const answer = (os: readonly Order[], n: number) => os.find(o => o.kind === 'reply' && o.offer === n);
  const notes = [...new Set([...base, ...alt].flatMap(o => (o.kind === 'reply' ? [o.offer] : [])))].sort((x, y) => x - y);
  const verb = (o: Order | undefined) => (o?.kind === 'reply' ? (o.accept ? 'accepting' : 'refusing') : 'leaving unanswered');
  for (const n of notes) {
    const was = answer(base, n),
      now = answer(alt, n);
    if (was?.kind === 'reply' && now?.kind === 'reply' && was.accept === now.accept) continue;
    const note = noteName(other(side), n);
    if (!now) parts.push(`leaving ${note} unanswered`);
    else parts.push(`${verb(now)} ${note}${was ? ` instead of ${verb(was).replace('accepting', 'accepting it').replace('refusing', 'refusing it')}` : ''}`);
  }
  return parts.length ? listed(parts) : null;
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
