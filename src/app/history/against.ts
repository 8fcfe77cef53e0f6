// A branch held against history, as a screen may show it (the tree card's "against history" box):
// each scenario outcome in the branch beside history's. A game over, or one no person plays, is
// read whole (the historian's). A game a person plays against the computer is read from that
// person's seat alone, up to the start of its open turn, as the watch reads it (sight.ts): an
// outcome that rests on a figure the seat cannot see, or on the other side's private business, is
// not known there, rather than guessed from a view that reads the other side's secrets as unset.
// One two people are playing is not held against history until it is over.

import { compile, outcomeSettled, outcomeStays, outlookFacts, type Side, seatState, seatView, seenTruth } from '../../engine/index';
import { outcomesAt, pathEnd, timeline } from './diff';
import { nodeSight, shownPoint } from './sight';
import { type HistoryTree, TRUNK_ID } from './tree';
import type { NodeId, PathEnd } from './types';

export interface OutcomeAgainst {
  id: string;
  label: string;
  historical: boolean;
  /** Whether it held at history's end. */
  history: boolean;
  /** Whether it holds in the branch as far as it is shown; null where the seat cannot tell. */
  branch: boolean | null;
  /** Whether the branch's answer is final there (see diff.ts outcomesAt); false where it cannot tell. */
  reached: boolean;
}

export interface AgainstHistory {
  /** The person's side whose sight it is read with, or null for the historian's. */
  seat: Side | null;
  /** Why nothing is held against history yet (two people playing), or null. */
  refused: string | null;
  /** How far the branch is read. */
  end: PathEnd;
  outcomes: OutcomeAgainst[];
}

export function againstHistory(tree: HistoryTree, id: NodeId): AgainstHistory {
  const rule = nodeSight(tree, id);
  const hist = tree.state(TRUNK_ID);
  if (rule.historian) {
    const end = pathEnd(tree, id);
    const outcomes = outcomesAt(tree, hist, tree.state(id), { a: pathEnd(tree, TRUNK_ID), b: end });
    return { seat: null, refused: null, end, outcomes: outcomes.map(o => ({ id: o.id, label: o.label, historical: o.historical, history: o.a, branch: o.b, reached: o.reached.b })) };
  }
  const at = shownPoint(tree, id).at;
  const end = pathEnd(tree, id, at);
  const seat = rule.sides[0];
  if (seat === undefined) return { seat: null, refused: rule.refused, end, outcomes: [] };
  const c = compile(tree.sc);
  const facts = outlookFacts(c);
  const view = seatView(c, tree.stateAt({ node: id, at }), seat, { ledger: false });
  const st = seatState(view);
  const trunk = timeline(tree, TRUNK_ID);
  return {
    seat,
    refused: null,
    end,
    outcomes: c.outcomes.map(o => {
      const branch = seenTruth(c, view, o.cond);
      // As outcomesAt reads it, on what the seat knows: final once settled, or missed once history had come to it.
      const since = trunk.find(x => o.when(x.s))?.day ?? Number.POSITIVE_INFINITY;
      const reached = branch !== null && (outcomeSettled(c, st, o, facts) || (!branch && since <= end.day && outcomeStays(c, o, facts)));
      return { id: o.id, label: o.label, historical: o.historical, history: o.when(hist), branch, reached };
    }),
  };
}
