// History mode's session for one scenario: the branch tree (history as the trunk, every branch
// taken off it) and the bridges between the tree and the rest of the app. A node of the tree is
// watched as a Recording; a branch is started as a save the match restores from; and the match's
// moves are written back into the branch as they are made, so the tree holds every game played
// from it. The tree itself is histcore's (app/history); this file only connects it.

import { historicalBaseline } from '../../ai/baseline';
import { type BySide, err, ok, other, type Result, type Side } from '../../engine/index';
import { describeDivergence, type HistoryTree, type NodeId, type Point, type Sight, TRUNK_ID } from '../history/index';
import type { Match } from '../match';
import type { AppSave, Controller } from '../saveFile';
import { makeAppSave } from '../saveFile';
import { Recording } from './recording';

export class HistorySession {
  private readonly recordings = new Map<string, Recording>();

  constructor(readonly tree: HistoryTree) {
    // A move taken back and another made leaves a node as long as before: its recording is stale.
    tree.onChange(() => this.recordings.clear());
  }

  get sc() {
    return this.tree.sc;
  }

  /**
   * A node's name for screens: its label, else history, else its divergence in words, as `sight`
   * may know it (by default the tree's own name, which its players' sight allows: history/sight.ts).
   */
  title(id: NodeId, sight?: Sight): string {
    const n = this.tree.node(id);
    if (!n) return id;
    if (n.label) return n.label;
    if (id === TRUNK_ID) return 'History';
    return describeDivergence(this.tree, id, sight).text;
  }

  /** Whether a node's path can be held in a save (no re-rolled dice on the way): only then can it be played on. */
  playable(id: NodeId): boolean {
    return this.tree.ancestry(id).every(n => n.reseed === undefined);
  }

  /** A node's path, to watch: every state rebuilt by the tree, handed out as seat views only. */
  recording(id: NodeId): Recording {
    const len = this.tree.length(id);
    const key = `${id}@${len}`;
    let r = this.recordings.get(key);
    if (!r) {
      const states = Array.from({ length: len + 1 }, (_, at) => this.tree.stateAt({ node: id, at }));
      const origin =
        id === TRUNK_ID
          ? ({ kind: 'history', reproduced: historicalBaseline(this.sc).reproduced } as const)
          : ({ kind: 'branch', node: id, title: this.title(id), playable: this.playable(id) } as const);
      r = Recording.of(this.sc, this.tree.seedOf(id), this.tree.moves(id), states, origin, this.tree.injectedOn(id));
      this.recordings.set(key, r);
    }
    return r;
  }

  /** The save a match restores to play a node on from its end, with who plays each side. */
  saveOf(id: NodeId, sides: BySide<Controller>): Result<AppSave> {
    if (!this.playable(id)) return err('this branch re-rolled the dice part-way, so it can be watched and explored but not played on');
    return ok(makeAppSave(this.sc, this.tree.seedOf(id), this.tree.moves(id), this.tree.state(id), sides, this.tree.injectedOn(id)));
  }

  /**
   * A branch to start at a point, the person taking `side`: the save to play it from, and the target
   * for `follow`. The node itself is made with the first move played on it, so a branch left before
   * anyone moved leaves nothing in the tree.
   */
  branch(at: Point, side: Side, opponent: Controller, label = ''): Result<{ save: AppSave; target: Target }> {
    const players = { [side]: 'human', [other(side)]: opponent } as BySide<Controller>;
    if (!this.playable(at.node)) return err('this branch re-rolled the dice part-way, so it can be watched and explored but not played on');
    let state: ReturnType<HistoryTree['stateAt']>;
    try {
      state = this.tree.stateAt(at);
    } catch (e) {
      return err((e as Error).message);
    }
    if (state.ended) return err('the game had ended there: there is nothing to play');
    const injected = this.tree.line(at.node, at.at).injected ?? [];
    const save = makeAppSave(this.sc, this.tree.seedOf(at.node), this.tree.moves(at.node).slice(0, at.at), state, players, injected);
    return ok({ save, target: { kind: 'new', at, players, label } });
  }

  /** The target for playing an existing node on from its end, with its players. */
  targetOf(id: NodeId, players: BySide<Controller>): Target {
    const n = this.tree.node(id)!;
    // A node with no move of its own is made again at the first move (see follow).
    if (n.parent !== null && n.moves.length === 0 && n.reseed === undefined) return { kind: 'new', at: { node: n.parent, at: n.at }, players, label: n.label, replaces: id };
    return { kind: 'node', id };
  }

  /**
   * Write a match's moves into the tree as they are made: into the node, or, for a new branch, into
   * a node made at the first move (reported through `onNode`). The match must have started from the
   * target's path (its save). A move the tree refuses stops the following and is reported. Returns
   * the unsubscribe function.
   */
  follow(m: Match, target: Target, on: { node?(id: NodeId): void; error(message: string): void }): () => void {
    let id: NodeId | null = target.kind === 'node' ? target.id : null;
    const base = target.kind === 'node' ? 0 : target.at.at;
    const sync = () => {
      const moves = m.save().moves;
      if (id === null) {
        if (moves.length <= base || target.kind !== 'new') return;
        if (target.replaces && this.tree.node(target.replaces)) this.tree.remove(target.replaces);
        const n = this.tree.branch(target.at, { label: target.label, players: target.players, moves: moves.slice(base) });
        if (!n.ok) return fail(`the branch could not be recorded: ${n.error}`);
        id = n.value.id;
        on.node?.(id);
        return;
      }
      for (let k = this.tree.length(id); k < moves.length; k++) {
        const r = this.tree.play(id, moves[k]!);
        if (!r.ok) return fail(`the branch could not record move ${k + 1}: ${r.error}`);
      }
    };
    const fail = (message: string) => {
      stop();
      on.error(message);
    };
    const stop = m.on(e => {
      if (e.type === 'moved') sync();
    });
    sync();
    return stop;
  }
}

/** Where a match's moves go: an existing node, or a branch made at its first move. */
export type Target = { kind: 'node'; id: NodeId } | { kind: 'new'; at: Point; players: BySide<Controller>; label: string; replaces?: NodeId };
