// Undo inside a running game: the person takes back their own last move, under the tree's undo
// rule (tree.ts): every move from theirs to the end (the computer's answers that followed it) must
// be one that drew no dice, did not resolve its turn and did not end the game. A game that is a
// branch of the tree is checked by the tree (which also keeps a branch taken after it whole); any
// other game is checked here from its seed and moves.

import { applyMove, type BySide, err, type GameState, type Injection, type Move, ok, type Result, type Side } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import type { Controller } from '../saveFile';
import { atPoint, lineStart } from './line';
import { nodeSight } from './sight';
import { answered, type HistoryTree, teacherStands, undoRule } from './tree';
import type { Line, NodeId, UndoCheck } from './types';

/**
 * How many moves from the end take back the last move the person at `seat` made (theirs and the
 * computer's after it); refused when they have not moved, or another person has moved since.
 */
export function takeBackCount(moves: readonly Move[], sides: BySide<Controller>, seat: Side): Result<number> {
  for (let k = moves.length - 1; k >= 0; k--) {
    const by = moves[k]!.side;
    if (by === seat) return ok(moves.length - k);
    if (sides[by] === 'human') return err('the other player has moved since, and only the last move made at this screen can be taken back');
  }
  return err('you have made no move yet in this game');
}

/**
 * How many moves the tree card's "Take back the last move" takes from a node's end. In a game one
 * person still plays, the card shows the path only to the start of the open turn (sight.ts), so the
 * computer's sealed move of that turn is no "last move" the person has seen: what goes is the
 * person's own last move and the computer's after it, as the game's Undo takes. Elsewhere the last move.
 */
export function cardTakeBack(tree: HistoryTree, id: NodeId): Result<number> {
  const rule = nodeSight(tree, id);
  const players = tree.node(id)?.players;
  if (!rule.inPlay || !players || rule.sides.length !== 1) return ok(1);
  return takeBackCount(tree.moves(id), players, rule.sides[0]!);
}

/**
 * The undo rule over a game held outside the tree: its last `count` moves, replayed from the seed
 * with the teacher's events (a restored classroom game's); one given after the move stands in the way.
 */
export function checkTakeBack(sc: Scenario, seed: string, moves: readonly Move[], count: number, injected: readonly Injection[] = []): UndoCheck & { state?: GameState } {
  if (count < 1 || count > moves.length) return { ok: false, reason: 'empty', message: 'there is no such move to take back' };
  const keep = moves.length - count;
  const teacher = injected.find(x => x.at > keep);
  if (teacher) return teacherStands(sc, teacher.event);
  const line: Line = { scenario: sc.id, scenarioVersion: sc.version, seed, moves: [...moves], reseeds: [], injected: [...injected] };
  const states: GameState[] = [];
  let s: GameState;
  try {
    s = lineStart(sc, line);
  } catch (e) {
    return { ok: false, reason: 'empty', message: `the game does not replay: ${(e as Error).message}` };
  }
  for (const [k, m] of moves.entries()) {
    if (k > 0) {
      const p = atPoint(sc, line, s, k);
      if (!p.ok) return { ok: false, reason: 'empty', message: `the game does not replay: ${p.error}` };
      s = p.value;
    }
    if (k === keep) states.push(s);
    const r = applyMove(sc, s, m);
    if (!r.ok) return { ok: false, reason: 'empty', message: `the game does not replay: move ${k + 1} is illegal (${r.error})` };
    s = r.value;
    if (k >= keep) states.push(s);
  }
  for (let k = moves.length - 1; k >= keep; k--) {
    const u = undoRule(states[k - keep]!, states[k - keep + 1]!, moves[k]!);
    if (!u.ok) return k === keep ? u : answered(u, moves[keep]!, moves[k]!);
  }
  return { ok: true, move: moves[keep]!, state: states[0]! };
}
