// A branch's divergence named in words from the scenario's own texts: where it first does
// something its parent did not ("At “A tip about Arcos” (11 May 1927) Britain chose “Refuse: a
// police search is not worth the diplomatic cost” where history chose “Approve the search”").
// Moves that merely come in another order (one side's orders before the other's) are not a
// divergence; a re-roll of the dice is one, said as such, and so is an event the teacher introduced
// on the branch (engine inject.ts): "the teacher introduced “The Arcos raid” on 12 May 1927".

import { type Compiled, compile, type Move, type Side, sideInSentence } from '../../engine/index';
import { type HistoryTree, TRUNK_ID } from './tree';
import type { Divergence, NodeId, Step } from './types';
import { cap, dateText, decisionOf, orderKey, ordersDifference } from './words';

/** How the node departs from its parent, in words. The trunk "is history". */
export function describeDivergence(tree: HistoryTree, id: NodeId): Divergence {
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
  const d = movesDivergence(c, n.at, steps, parentSteps, parentName);
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
  if (n.parent === null) return { node: id, text: `${reroll}; every choice so far as history made it`, day: null, side: null, index: 0 };
  if (reroll) return { node: id, text: `${reroll}, the same choices played on`, day: pointDay, side: null, index: n.at };
  const text = n.moves.length === 0 ? `Branched from ${parentName} on ${dateText(pointDay)}; nothing played yet` : `Plays as ${parentName} did from ${dateText(pointDay)}`;
  return { node: id, text: cap(text), day: null, side: null, index: n.at };
}

/** The first move of a node's own that differs from its parent's, in words. */
function movesDivergence(c: Compiled, at: number, steps: readonly Step[], parentSteps: readonly Step[], parentName: string): { text: string; day: number; side: Side; index: number } | null {
  for (let k = at; k < steps.length; k++) {
    const st = steps[k]!;
    // The parent's move by the same side, of the same kind (and event), in the same turn.
    const twin = parentSteps.find(p => p.index >= at && p.turn === st.turn && p.side === st.side && sameSlot(p.move, st.move));
    if (twin && sameMove(twin.move, st.move)) continue;
    const when = dateText(st.day);
    let what: string;
    const m = st.move;
    if (m.type === 'decide') {
      const { ev, opt } = decisionOf(c, m);
      const theirs = twin?.move.type === 'decide' ? decisionOf(c, twin.move).opt : null;
      what = theirs
        ? `At “${ev.title}” (${when}) ${sideInSentence(c.sc, m.side)} chose “${opt.label}” where ${parentName} chose “${theirs.label}”`
        : `At “${ev.title}” (${when}) ${sideInSentence(c.sc, m.side)} chose “${opt.label}”, a decision ${parentName} never faced`;
    } else {
      const theirs = twin?.move.type === 'orders' ? twin.move.orders : [];
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
