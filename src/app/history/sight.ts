// Whose sight a history screen may use for a game: one rule for the watch, the compare screen and
// a branch's title. What each sight holds is the seat view's business (engine/seat.ts); this only
// says which sights a screen may offer, given who plays the game and whether it is over.
//
// - A game over, or one no person plays (history, the computer on both sides, a branch whose
//   players were not recorded): every sight, the historian's included. Nobody is playing it, so
//   nobody's private moves are kept from anyone.
// - A game still in play with one person's seat: that side's sight only. The person is at the
//   screen; the other side's private moves stay the other side's, as in the game itself.
// - A game still in play with two people at one screen: none. Each column of a watch, and any title
//   naming one side's private move, would show it to the other person; the game is watched once over.

import { SIDES, type Side } from '../../engine/index';
import type { HistoryTree } from './tree';
import type { NodeId, NodePlayers, Point } from './types';

/** A sight: one side's (its seat views), what both sides knew ('public'), or everything ('all', the historian's). */
export type Sight = Side | 'public' | 'all';

export interface SightRule {
  /** The sides whose own views may be shown. */
  sides: Side[];
  /** Whether the historian's sight (both sides, every private move) may be shown. */
  historian: boolean;
  /** Whether a game still in play: a screen then stops before its open turn (no sealed move of it shows). */
  inPlay: boolean;
  /** Why nothing may be shown, when nothing may. */
  refused: string | null;
  /** The sight a branch's title is built with: the one person's side, else what both sides knew. */
  title: Sight;
}

/** The sights a screen may use for a game with these players, over (`ended`) or not. */
export function sightRule(players: NodePlayers, ended: boolean): SightRule {
  const people = players ? SIDES.filter(s => players[s] === 'human') : [];
  // A title is kept in the tree for everyone using it: it never names a computer side's private move.
  const title: Sight = people.length === 1 ? people[0]! : 'public';
  if (ended || people.length === 0) return { sides: [...SIDES], historian: true, inPlay: false, refused: null, title };
  if (people.length === 1) return { sides: people, historian: false, inPlay: true, refused: null, title };
  return {
    sides: [],
    historian: false,
    inPlay: true,
    refused: 'two people are playing this game at one screen, so it is watched once it is over: each side’s private moves would show to the other',
    title,
  };
}

/** The rule for a node of the tree: its players, and whether its game is over. */
export function nodeSight(tree: HistoryTree, id: NodeId): SightRule {
  return sightRule(tree.node(id)?.players ?? null, tree.state(id).ended !== null);
}

/**
 * The last point of a node's path a screen may show: its end, or for a game still in play the start
 * of its open turn (the watch's cut, Recording.resolved), so no sealed order or decision of that
 * turn shows, nor what it set off.
 */
export function shownPoint(tree: HistoryTree, id: NodeId): Point {
  const end = { node: id, at: tree.length(id) };
  return nodeSight(tree, id).inPlay ? (tree.turnStarts(id).at(-1) ?? end) : end;
}

/**
 * The moves a screen may count on a node's path: to its shown point, so a game in play counts none of
 * its open turn (a count that took in the computer's sealed move of it would tell the person it had
 * moved); `own`, of those, the node's own (after it left its parent).
 */
export function shownMoves(tree: HistoryTree, id: NodeId): { moves: number; own: number } {
  const at = shownPoint(tree, id).at;
  return { moves: at, own: Math.max(0, at - (tree.node(id)?.at ?? 0)) };
}

/**
 * The sights two nodes may be compared with: a side's where both rules give it, the historian's
 * where both do; none when no one sight is allowed for both (two people playing one of them, or
 * each played by a person of another side).
 */
export function compareSights(tree: HistoryTree, a: NodeId, b: NodeId): (Side | 'all')[] {
  const rules = [a, b].map(id => nodeSight(tree, id));
  return [...SIDES.filter(x => rules.every(r => r.sides.includes(x))), ...(rules.every(r => r.historian) ? (['all'] as const) : [])];
}

/**
 * What the explorer and the measure of decisions play on from, and why neither is open on a game a
 * person still plays (its rule has no historian): the other side's secrets are in it.
 */
export const WHOLE_POSITION = 'the whole position, hidden figures and private moves included';
