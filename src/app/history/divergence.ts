// A branch's divergence named in words from the scenario's own texts: where it first does
// something its parent did not ("At “A tip about Arcos” (11 May 1927) Britain chose “Refuse: a
// police search is not worth the diplomatic cost” where history chose “Approve the search”").
// Moves that merely come in another order (one side's orders before the other's) are not a
// divergence; a re-roll of the dice is one, said as such, and so is an event the teacher introduced
// on the branch (engine inject.ts): "the teacher introduced “The Arcos raid” on 12 May 1927".
// A name is said with a sight (sight.ts): it names only moves that sight may know, as the seat views
// hold them (engine/seat.ts): a side's own, and of the other side's only what that side saw carried
// out once the turn was resolved. A tree's own name for a branch uses the sight its players allow,
// so it never names a computer side's private move, nor, in a game of two people, either's.

import { type Compiled, compile, type Move, other, type Side, seatView, sideInSentence } from '../../engine/index';
import { type Sight, sightRule } from './sight';
import { type HistoryTree, TRUNK_ID } from './tree';
import type { Divergence, NodeId, Step } from './types';
import { cap, dateText, decisionOf, orderKey, ordersDifference } from './words';

/** The sight a branch's name on the tree is said with: its players' (sight.ts). */
export const titleSight = (tree: HistoryTree, id: NodeId): Sight => sightRule(tree.node(id)?.players ?? null, false).title;

/**
 * How the node departs from its parent, in words, as `sight` may know it (by default the tree's
 * name for it: titleSight). The trunk "is history".
 */
export function describeDivergence(tree: HistoryTree, id: NodeId, sight: Sight = titleSight(tree, id)): Divergence {
  const n = tree.node(id);
  if (!n) throw new Error(`there is no branch "${id}" in the tree`);
  const c = compile(tree.sc);
  if (id === TRUNK_ID) return { node: id, text: 'What happened: the historical players on the history seed', day: null, side: null, index: 0 };
  // A game of its own seed is held against history itself: its dice differ from the first roll,
  // so what is named is the first choice history did not make.
  const base = n.parent ?? TRUNK_ID;
  const parentName = base === TRUNK_ID ? 'history' : `“${tree.title(base)}”`;
  const steps = tree.steps(id);
  const parentSteps = tree.steps(base);
  const pointDay = c.days[tree.stateAt({ node: id, at: n.at }).turn]!;
  const reroll = n.reseed !== undefined ? `The dice fell anew from ${dateText(pointDay)}` : n.parent === null ? `Game number ${n.seed}, on dice of its own` : '';
  const teacher = tree.injections(id).filter(x => x.at >= n.at && (n.injected ?? []).some(y => y.at === x.at && y.event === x.event));
  const said = (x: (typeof teacher)[number]) => `${lower(x.text)} on ${dateText(x.day)}`;
  const d = movesDivergence(c, tree, { id, steps }, { id: base, steps: parentSteps }, n.at, parentName, sight);
  // The teacher's first event, when it came before (or without) a different choice, is the divergence.
  const t = teacher[0];
  if (t && (!d || t.at <= d.index)) {
    const rest = [...teacher.slice(1).map(said), ...(d ? [lower(d.text)] : [])];
    const text = `${reroll ? `${reroll}; then ` : ''}${reroll ? said(t) : cap(said(t))}${rest.length ? `; then ${rest.join('; ')}` : ''}`;
    return { node: id, text, day: t.day, side: null, index: t.at };
  }
  if (d) {
    const later = teacher.filter(x => x.at > d.index).map(said);
    const text = `${reroll ? `${reroll}; then ${lower(d.text)}` : d.text}${later.length ? `; later ${later.join('; ')}` : ''}`;
    return { node: id, text, day: d.day, side: d.side, index: d.index };
  }
  // A difference this sight may not know of is not named, nor dated: only that there is one.
  if (sight !== 'all' && movesDivergence(c, tree, { id, steps }, { id: base, steps: parentSteps }, n.at, parentName, 'all')) {
    const who = sight === 'public' ? 'both sides' : sideInSentence(c.sc, sight);
    // Not "nothing differs": a private move may have had public effects (a rupture voted in secret).
    const text = reroll ? `${reroll}; then another course, by a move not yet known to ${who}` : `Takes another course from ${dateText(pointDay)}, by a move not yet known to ${who}`;
    return { node: id, text, day: null, side: null, index: n.at };
  }
  if (n.parent === null) return { node: id, text: `${reroll}; every choice so far as history made it`, day: null, side: null, index: 0 };
  if (reroll) return { node: id, text: `${reroll}, the same choices played on`, day: pointDay, side: null, index: n.at };
  const text = n.moves.length === 0 ? `Branched from ${parentName} on ${dateText(pointDay)}; nothing played yet` : `Plays as ${parentName} did from ${dateText(pointDay)}`;
  return { node: id, text: cap(text), day: null, side: null, index: n.at };
}

/** A node's path: its id and its steps. */
interface Path {
  id: NodeId;
  steps: readonly Step[];
}

/**
 * The part of the move at step `k` of a path that `sight` may know: all of it for the historian or
 * the side that made it; for the other side (or both: 'public'), what that side's seat view shows
 * once the turn is resolved: a decision it is not kept from, the orders it saw carried out, a note
 * that reached it, an answer to its own note. Null while the turn is open (the move is sealed).
 */
function seenMove(c: Compiled, tree: HistoryTree, path: Path, k: number, sight: Sight): Move | null {
  const st = path.steps[k]!;
  const m = st.move;
  if (sight === 'all' || m.side === sight) return m;
  const them: Side = sight === 'public' ? other(m.side) : sight;
  const next = path.steps.findIndex((p, i) => i > k && p.turn > st.turn);
  const after = tree.stateAt({ node: path.id, at: next >= 0 ? next : path.steps.length });
  if (after.turn === st.turn && !after.ended) return null;
  const v = seatView(c, after, them, { ledger: false });
  if (m.type === 'decide') return v.chosen[c.eventIndex.get(m.event)!]! >= 0 ? m : null;
  // A note is seen once it arrives, which may be after the turn: the path's end says.
  const end = seatView(c, tree.state(path.id), them, { ledger: false });
  const orders = m.orders.filter(o =>
    o.kind === 'action'
      ? v.taken[c.actionIndex.get(o.id)!] === st.day
      : o.kind === 'offer'
        ? end.offers.some(x => x.from === m.side && x.sentDay === st.day && orderKey({ kind: 'offer', terms: x.terms }) === orderKey(o))
        : true,
  );
  return { ...m, orders };
}

/** The first move of a node's own that differs from its parent's, as `sight` may know them, in words. */
function movesDivergence(c: Compiled, tree: HistoryTree, path: Path, parent: Path, at: number, parentName: string, sight: Sight): { text: string; day: number; side: Side; index: number } | null {
  const { steps } = path;
  for (let k = at; k < steps.length; k++) {
    const st = steps[k]!;
    // The parent's move by the same side, of the same kind (and event), in the same turn.
    const twin = parent.steps.find(p => p.index >= at && p.turn === st.turn && p.side === st.side && sameSlot(p.move, st.move));
    if (twin && sameMove(twin.move, st.move)) continue;
    const m = seenMove(c, tree, path, k, sight);
    if (!m) continue;
    const theirMove = twin ? seenMove(c, tree, parent, twin.index, sight) : null;
    if (theirMove && sameMove(theirMove, m)) continue;
    // Only part of the move is known to this sight: nothing of it known, nothing to name.
    const partial = sight !== 'all' && m.side !== sight;
    if (partial && m.type === 'orders' && m.orders.length === 0 && !(theirMove?.type === 'orders' && theirMove.orders.length)) continue;
    const when = dateText(st.day);
    let what: string;
    if (m.type === 'decide') {
      const { ev, opt } = decisionOf(c, m);
      const theirs = theirMove?.type === 'decide' ? decisionOf(c, theirMove).opt : null;
      what = theirs
        ? `At “${ev.title}” (${when}) ${sideInSentence(c.sc, m.side)} chose “${opt.label}” where ${parentName} chose “${theirs.label}”`
        : `At “${ev.title}” (${when}) ${sideInSentence(c.sc, m.side)} chose “${opt.label}”, a decision ${parentName} never faced`;
    } else {
      const theirs = theirMove?.type === 'orders' ? theirMove.orders : [];
      const diff = ordersDifference(c, m.side, m.orders, theirs, parentName);
      what = `On ${when} ${sideInSentence(c.sc, m.side)} ${diff.length ? diff.join('; ') : 'gave its orders'}`;
    }
    return { text: what, day: st.day, side: st.side, index: k };
  }
  return null;
}

const lower = (t: string) => (t.startsWith('At ') || t.startsWith('On ') || t.startsWith('The teacher') ? t[0]!.toLowerCase() + t.slice(1) : t);

/** Two moves answer the same call: same side, same kind, and for a decision the same event. */
const sameSlot = (a: Move, b: Move): boolean => a.side === b.side && a.type === b.type && (a.type !== 'decide' || (b.type === 'decide' && a.event === b.event));

function sameMove(a: Move, b: Move): boolean {
  if (a.type === 'decide' && b.type === 'decide') return a.event === b.event && a.option === b.option;
  if (a.type === 'orders' && b.type === 'orders') {
    const ka = a.orders.map(orderKey).sort().join('|');
    return ka === b.orders.map(orderKey).sort().join('|');
  }
  return false;
}
