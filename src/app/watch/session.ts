// History mode's session for one scenario: the branch tree (history as the trunk, every branch
// taken off it) and the bridges between the tree and the rest of the app. A node of the tree is
// watched as a Recording; a branch is started as a save the match restores from; and the match's
// moves are written back into the branch as they are made, so the tree holds every game played
// from it. The tree itself is histcore's (app/history); this file only connects it.

import { historicalBaseline } from '../../ai/baseline';
import { type BySide, err, ok, other, type Result, type Side } from '../../engine/index';
import { describeDivergence, type HistoryTree, type NodeId, type Point, TRUNK_ID } from '../history/index';
import type { Match } from '../match';
import type { AppSave, Controller } from '../saveFile';
import { makeAppSave } from '../saveFile';
import { Recording } from './recording';

export class HistorySession {
  private readonly recordings = new Map<string, Recording>();

  constructor(readonly tree: HistoryTree) {}

  get sc() {
    return this.tree.sc;
  }

  /** A node's name for screens: its label, else history, else its divergence in words. */
  title(id: NodeId): string {
    const n = this.tree.node(id);
    if (!n) return id;
    if (n.label) return n.label;
    if (n.parent === null) return 'History';
    return describeDivergence(this.tree, id).text;
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
      r = Recording.of(this.sc, this.tree.seed, this.tree.moves(id), states, origin);
      this.recordings.set(key, r);
    }
    return r;
  }

  /** The save a match restores to play a node on from its end, with who plays each side. */
  saveOf(id: NodeId, sides: BySide<Controller>): Result<AppSave> {
    if (!this.playable(id)) return err('this branch re-rolled the dice part-way, so it can be watched and explored but not played on');
    return ok(makeAppSave(this.sc, this.tree.seed, this.tree.moves(id), this.tree.state(id), sides));
  }

  /** A new branch at a point, the person taking `side`; its save to play it from. */
  branch(at: Point, side: Side, opponent: Controller, label = ''): Result<{ node: NodeId; save: AppSave }> {
    const players = { [side]: 'human', [other(side)]: opponent } as BySide<Controller>;
    const n = this.tree.branch(at, { label, players });
    if (!n.ok) return n;
    const save = this.saveOf(n.value.id, players);
    if (!save.ok) {
      this.tree.remove(n.value.id);
      return save;
    }
    return ok({ node: n.value.id, save: save.value });
  }

  /**
   * Write a match's moves into its branch as they are made. The match must have started from the
   * branch's path (its save); a move the tree refuses (it cannot, if so) stops the following and
   * is reported. Returns the unsubscribe function.
   */
  follow(m: Match, id: NodeId, onError: (message: string) => void): () => void {
    const sync = () => {
      const moves = m.save().moves;
      const have = this.tree.length(id);
      for (let k = have; k < moves.length; k++) {
        const r = this.tree.play(id, moves[k]!);
        if (!r.ok) {
          stop();
          onError(`the branch could not record move ${k + 1}: ${r.error}`);
          return;
        }
      }
    };
    const stop = m.on(e => {
      if (e.type === 'moved') sync();
    });
    sync();
    return stop;
  }
}
