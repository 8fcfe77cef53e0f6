// The branch tree of history mode, like version control: history's own path is the trunk (the
// scenario played by the historical players on the scenario's history seed), and every game is a
// branch holding its parent, the move index where it leaves it, and its own moves. The state at
// any point is rebuilt from scenario, seed and moves; a checkpoint cache (a field of the tree,
// not of the module) keeps a state every CHECKPOINT moves so a rebuild replays only a few moves.
//
// Undo, in this engine's turn pipeline: a turn is decisions (each side answers the events put to
// it), then each side's sealed orders; when the second side's orders arrive the turn resolves
// (cabinet votes, notes, ratifications, reactions, incidents, trade) and the next turn's events
// fire, drawing dice throughout. A move can be taken back only while nothing random has come of
// it: the node's own last move, still in the same turn (it did not resolve the turn), that drew
// no dice (no cabinet vote on a decision), did not end the game, and that no branch was taken
// after. So a decision without a vote and the first side's sealed orders can be undone; a vote,
// a resolved turn and anything before them cannot. Branching from an earlier point is always
// allowed, but the seed fixes the dice: the same moves meet the same dice again.
//
// A teacher's injected event (engine inject.ts) is part of a node's log: the node records it with
// the path index where it fell, and the state at that point has it queued. A branch taken at that
// point or later keeps it, as it keeps the moves before it.
//
// A game played on another seed (a game number of its own, not history's) cannot branch off the
// trunk, since its dice differ from the first roll; it is kept as a root of its own beside the
// trunk (a node with no parent and its own `seed`), and its branches keep that seed.

import { AI_VIEW, aiRng, historicalBaseline, historicalPlayer, nextMove, playerFor, runGame, toMove } from '../../ai/index';
import {
  applyMove,
  type BySide,
  compile,
  createGame,
  err,
  type GameState,
  type Injection,
  injectEvent,
  legacyHash,
  type Move,
  namesNote,
  ok,
  type Result,
  renumberMove,
  SIDE_LABEL,
  SIDES,
  type Side,
  seatView,
  stateHash,
  versionWords,
} from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { type Controller, isController, playersOn } from '../saveFile';
import { reseeded } from './line';
import { type HistoryNode, type Line, type NodeId, type NodePlayers, type Point, type Segment, type Step, TREE_FORMAT, TREE_VERSION, type TreeData, type UndoCheck } from './types';
import { describeMove, isHistoricalMove, moveKey, teacherText } from './words';

export const TRUNK_ID: NodeId = 'trunk';
/** A state is cached every this many moves along a node's path. */
const CHECKPOINT = 8;
/** The players of a new branch when none are named: a person for Britain against the persona. */
const DEFAULT_PLAYERS: BySide<Controller> = { britain: 'human', ussr: 'persona' };
const HISTORY_PLAYERS: BySide<Controller> = { britain: 'historical', ussr: 'historical' };

export interface BranchOptions {
  label?: string;
  /** Default: a person for Britain against the persona; null: not recorded (a branch taken in, see NodePlayers). */
  players?: NodePlayers;
  /** Re-roll the dice from the branch point on with this seed (see HistoryNode.reseed). */
  reseed?: string;
  /** Moves to play on the new branch at once (each checked; the branch is not made if one is illegal). */
  moves?: readonly Move[];
  /** The teacher's events on the new branch, each at a path index from the branch point to the end of `moves`. */
  injected?: readonly Injection[];
}

/** A teacher's injected event on a path, placed and said in words. */
export interface Injected extends Injection {
  /** Engine day number of the turn it was given in. */
  day: number;
  /** "The teacher introduced “The Arcos raid”". */
  text: string;
}

/** The node's own injections at path index k. */
const ownAt = (n: HistoryNode, k: number): Injection[] => (n.injected ?? []).filter(x => x.at === k);

export class HistoryTree {
  readonly sc: Scenario;
  /** The trunk's seed, which every branch keeps unless re-rolled. */
  readonly seed: string;
  private readonly byId = new Map<NodeId, HistoryNode>();
  /** Checkpoints by node: absolute path index -> state after that many moves. */
  private readonly cache = new Map<NodeId, Map<number, GameState>>();
  private serial = 0;
  private readonly listeners = new Set<() => void>();

  private constructor(sc: Scenario, seed: string, nodes: readonly HistoryNode[]) {
    this.sc = sc;
    this.seed = seed;
    for (const n of nodes) {
      this.byId.set(n.id, n);
      this.serial = Math.max(this.serial, n.serial);
    }
  }

  /** A new tree holding only the trunk: history's path on the scenario's history seed. */
  static create(sc: Scenario): HistoryTree {
    const h = historyLine(sc);
    const trunk: HistoryNode = { id: TRUNK_ID, parent: null, at: 0, moves: [...h.moves], label: '', players: HISTORY_PLAYERS, serial: 0 };
    return new HistoryTree(sc, h.seed, [trunk]);
  }

  /**
   * A tree from its stored form: every field checked, every node replayed and its end state
   * matched against the recorded hash. A refusal says what is wrong; nothing is repaired.
   */
  static fromData(sc: Scenario, data: unknown): Result<HistoryTree> {
    const shape = checkShape(sc, data);
    if (!shape.ok) return shape;
    const d = shape.value;
    // Before format 3 notes were numbered in one series for both sides: each move that names a note
    // is renumbered in the state it was made in (parents come first, so their moves already are),
    // and the end states are checked against the hashes they had in that numbering.
    const old = d.formatVersion < 3;
    const nodes = old ? d.nodes.map(n => ({ ...n, moves: [...n.moves] })) : d.nodes;
    const tree = new HistoryTree(sc, d.seed, nodes);
    for (const n of nodes) {
      for (let k = 0; old && k < n.moves.length; k++) {
        if (!namesNote(n.moves[k]!)) continue;
        const s = tree.tryStateAt({ node: n.id, at: n.at + k });
        const m = s.ok ? renumberMove(s.value, n.moves[k]!) : s;
        if (!m.ok) return err(`branch "${tree.title(n.id)}" does not replay: ${s.ok ? `move ${n.at + k + 1} is illegal: ` : ''}${m.error}`);
        n.moves[k] = m.value;
      }
      const r = tree.tryStateAt({ node: n.id, at: tree.length(n.id) });
      if (!r.ok) return err(`branch "${tree.title(n.id)}" does not replay: ${r.error}`);
      const h = old ? legacyHash(r.value) : stateHash(r.value);
      if (h !== d.hashes[n.id]) return err(`branch "${tree.title(n.id)}" has been altered: its moves lead to state ${h}, but the tree records ${d.hashes[n.id]}`);
    }
    return ok(tree);
  }

  /** The stored form: plain JSON data, with each node's end-state hash. */
  toData(): TreeData {
    const nodes = this.nodes().map(n => ({ ...n, moves: [...n.moves], players: n.players && { ...n.players }, ...(n.injected?.length ? { injected: n.injected.map(x => ({ ...x })) } : {}) }));
    const hashes: Record<NodeId, string> = {};
    for (const n of nodes) hashes[n.id] = stateHash(this.stateAt({ node: n.id, at: this.length(n.id) }));
    return { format: TREE_FORMAT, formatVersion: TREE_VERSION, scenario: this.sc.id, scenarioVersion: this.sc.version, seed: this.seed, nodes, hashes };
  }

  /** Called after every change (branch, move, undo, rename, removal). Returns the unsubscribe. */
  onChange(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
  private changed(): void {
    for (const f of this.listeners) f();
  }

  // ---- reading ----------------------------------------------------------------------------

  /** Every node, trunk first, then in order of creation. */
  nodes(): HistoryNode[] {
    return [...this.byId.values()].sort((a, b) => a.serial - b.serial);
  }
  node(id: NodeId): HistoryNode | undefined {
    return this.byId.get(id);
  }
  private must(id: NodeId): HistoryNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`there is no branch "${id}" in the tree`);
    return n;
  }
  children(id: NodeId): HistoryNode[] {
    return this.nodes().filter(n => n.parent === id);
  }
  /** The nodes from the trunk down to this one. */
  ancestry(id: NodeId): HistoryNode[] {
    const out: HistoryNode[] = [];
    for (let n: HistoryNode | undefined = this.must(id); n; n = n.parent === null ? undefined : this.byId.get(n.parent)) out.unshift(n);
    return out;
  }
  /** Moves on the node's full path. */
  length(id: NodeId): number {
    const n = this.must(id);
    return n.at + n.moves.length;
  }
  /** The node's full path of moves (the parent's first `at`, then its own). */
  moves(id: NodeId): Move[] {
    const n = this.must(id);
    return n.parent === null ? [...n.moves] : [...this.moves(n.parent).slice(0, n.at), ...n.moves];
  }
  /** The line (scenario, seed, moves, re-rolls) that rebuilds the node's path up to `at` (default: all of it). */
  line(id: NodeId, at = this.length(id)): Line {
    const reseeds: Line['reseeds'] = [];
    for (const n of this.ancestry(id)) if (n.reseed !== undefined && n.at <= at) reseeds.push({ at: n.at, seed: n.reseed });
    // A deeper node's re-roll at the same point wins: keep the last one at each index.
    const last = new Map(reseeds.map(r => [r.at, r.seed]));
    const line: Line = {
      scenario: this.sc.id,
      scenarioVersion: this.sc.version,
      seed: this.seedOf(id),
      moves: this.moves(id).slice(0, at),
      reseeds: [...last].map(([a, seed]) => ({ at: a, seed })).sort((x, y) => x.at - y.at),
    };
    const injected = this.injectedOn(id).filter(x => x.at <= at);
    if (injected.length) line.injected = injected;
    return line;
  }

  /** The teacher's injections on the node's path, in order: each ancestor's up to where the path leaves it, then its own. */
  injectedOn(id: NodeId): Injection[] {
    const path = this.ancestry(id);
    return path.flatMap((n, i) => (n.injected ?? []).filter(x => i + 1 === path.length || x.at <= path[i + 1]!.at).map(x => ({ event: x.event, at: x.at })));
  }

  /** The injections on the node's path with their dates and words, for the tree, the timeline and the diff. */
  injections(id: NodeId): Injected[] {
    const c = compile(this.sc);
    return this.injectedOn(id).map(x => ({ ...x, day: c.days[this.stateAt({ node: id, at: x.at }).turn]!, text: teacherText(c, x.event) }));
  }
  /** The seed a node's path is played on: its root's (history's for the trunk and its branches). */
  seedOf(id: NodeId): string {
    return this.ancestry(id)[0]!.seed ?? this.seed;
  }
  /** The roots other than the trunk: games played on seeds of their own. */
  roots(): HistoryNode[] {
    return this.nodes().filter(n => n.parent === null && n.id !== TRUNK_ID);
  }

  /** A node's name: its label, or its divergence is for screens (divergence.ts); here the id for the trunk. */
  title(id: NodeId): string {
    const n = this.must(id);
    return n.label || (n.id === TRUNK_ID ? 'History' : n.parent === null ? `Game number ${n.seed}` : `Branch ${n.serial}`);
  }

  /** The state after the first `at` moves of a node's path. Throws for a point off the path. */
  stateAt(p: Point): GameState {
    const r = this.tryStateAt(p);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }
  /** The state at a node's end. */
  state(id: NodeId): GameState {
    return this.stateAt({ node: id, at: this.length(id) });
  }

  private tryStateAt(p: Point): Result<GameState> {
    const n = this.byId.get(p.node);
    if (!n) return err(`there is no branch "${p.node}" in the tree`);
    const len = n.at + n.moves.length;
    if (!Number.isInteger(p.at) || p.at < 0 || p.at > len) return err(`point ${p.at} is off the path of "${this.title(n.id)}" (0 to ${len})`);
    if (p.at < n.at || (p.at === n.at && n.reseed === undefined && n.parent !== null && ownAt(n, n.at).length === 0)) return this.tryStateAt({ node: n.parent!, at: p.at });
    let cache = this.cache.get(n.id);
    if (!cache) this.cache.set(n.id, (cache = new Map()));
    const hit = cache.get(p.at);
    if (hit) return ok(hit);
    // Start from the nearest checkpoint at or before the point, or from the divergence point.
    let from = n.at;
    for (const k of cache.keys()) if (k <= p.at && k > from) from = k;
    let s = cache.get(from);
    if (!s) {
      if (n.parent === null) s = createGame(this.sc, n.seed ?? this.seed);
      else {
        const base = this.tryStateAt({ node: n.parent, at: n.at });
        if (!base.ok) return base;
        s = base.value;
      }
      if (n.reseed !== undefined) s = reseeded(s, n.reseed);
      const i = this.injectAt(n, n.at, s);
      if (!i.ok) return i;
      s = i.value;
      cache.set(n.at, s);
    }
    for (let k = from; k < p.at; k++) {
      const r = applyMove(this.sc, s, n.moves[k - n.at]!);
      if (!r.ok) return err(`move ${k + 1} is illegal: ${r.error}`);
      const i = this.injectAt(n, k + 1, r.value);
      if (!i.ok) return i;
      s = i.value;
      if ((k + 1) % CHECKPOINT === 0 || k + 1 === len || ownAt(n, k + 1).length) cache.set(k + 1, s);
    }
    return ok(s);
  }

  /** The state at path index k of node n with the node's own injections there queued. */
  private injectAt(n: HistoryNode, k: number, s: GameState): Result<GameState> {
    let out = s;
    for (const x of ownAt(n, k)) {
      const r = injectEvent(this.sc, out, x.event);
      if (!r.ok) return err(`the teacher's introduction of "${x.event}" after move ${k} is refused: ${r.error}`);
      out = r.value;
    }
    return ok(out);
  }

  /** Every move of the node's path, with its turn, date, words and whether it drew dice. */
  steps(id: NodeId): Step[] {
    const n = this.must(id);
    const c = compile(this.sc);
    const moves = this.moves(id);
    const out: Step[] = [];
    // The state each move was made in is stateAt(k): a re-roll is part of the state at its point.
    let before = this.stateAt({ node: id, at: 0 });
    for (let k = 0; k < moves.length; k++) {
      const after = this.stateAt({ node: id, at: k + 1 });
      const m = moves[k]!;
      out.push({
        index: k,
        move: m,
        turn: before.turn,
        day: c.days[before.turn]!,
        side: m.side,
        text: describeMove(c, before, m),
        historical: isHistoricalMove(c, before, m),
        drewDice: drewDice(before, after),
        own: k >= n.at,
      });
      before = after;
    }
    return out;
  }

  /** The first point of each turn on the node's path (where "branch at this turn" starts). */
  turnStarts(id: NodeId): Point[] {
    const out: Point[] = [{ node: id, at: 0 }];
    let turn = this.stateAt({ node: id, at: 0 }).turn;
    const len = this.length(id);
    for (let k = 1; k <= len; k++) {
      const t = this.stateAt({ node: id, at: k }).turn;
      if (t !== turn) out.push({ node: id, at: k });
      turn = t;
    }
    return out;
  }

  /** The first point of the node's path whose date is on or after `day` (the end if none). */
  pointAtDay(id: NodeId, day: number): Point {
    const c = compile(this.sc);
    for (const p of this.turnStarts(id)) if (c.days[this.stateAt(p).turn]! >= day) return p;
    return { node: id, at: this.length(id) };
  }

  // ---- changing ---------------------------------------------------------------------------

  /**
   * Branch at a point of any node: a new node keeping the path up to it. The point is moved to the
   * ancestor that owns it, so a branch's parent is the line it really leaves.
   */
  branch(from: Point, opts: BranchOptions = {}): Result<HistoryNode> {
    const at = this.tryStateAt(from);
    if (!at.ok) return at;
    const owner = this.owner(from);
    const node: HistoryNode = {
      id: `b${this.serial + 1}`,
      parent: owner,
      at: from.at,
      moves: [],
      label: opts.label ?? '',
      players: opts.players === undefined ? { ...DEFAULT_PLAYERS } : opts.players && { ...opts.players },
      serial: this.serial + 1,
    };
    if (opts.reseed !== undefined) node.reseed = opts.reseed;
    const moves = opts.moves ?? [];
    const injected = [...(opts.injected ?? [])];
    for (const [k, x] of injected.entries())
      if (x.at < from.at || x.at > from.at + moves.length || x.at < (injected[k - 1]?.at ?? 0))
        return err(`the teacher's introduction ${k + 1} ("${x.event}") is placed after move ${x.at}, off the branch's moves or out of order`);
    if (injected.length) node.injected = injected.map(x => ({ event: x.event, at: x.at }));
    // Check the moves before the node exists, so a refused branch leaves the tree as it was.
    let s = at.value;
    if (opts.reseed !== undefined) s = reseeded(s, opts.reseed);
    const i0 = this.injectAt(node, from.at, s);
    if (!i0.ok) return i0;
    s = i0.value;
    for (const [k, m] of moves.entries()) {
      if (s.ended) return err(`move ${k + 1} comes after the game has ended`);
      const r = applyMove(this.sc, s, m);
      if (!r.ok) return err(`move ${k + 1} is illegal: ${r.error}`);
      const i = this.injectAt(node, from.at + k + 1, r.value);
      if (!i.ok) return i;
      s = i.value;
      node.moves.push(m);
    }
    this.serial++;
    this.byId.set(node.id, node);
    this.changed();
    return ok(node);
  }

  /** The ancestor whose own line holds the point (see branch). */
  private owner(p: Point): NodeId {
    const path = this.ancestry(p.node);
    for (let i = 0; i < path.length - 1; i++) {
      const next = path[i + 1]!;
      if (p.at < next.at || (p.at === next.at && next.reseed === undefined && ownAt(next, next.at).length === 0)) return path[i]!.id;
    }
    return p.node;
  }

  /**
   * Take a line (a share code's, a file's, a played game's) into the tree: it joins the node that
   * shares the longest stretch of its path (same moves, same re-rolls, and no other players where
   * both are known), as one new branch per re-roll and per change of players after that. A line
   * the tree already holds returns that node; no existing node is changed. Who played: `segments`
   * (a code's or file's, see Segment), else `players` for every new branch (a played game's), else
   * not recorded (null).
   */
  adopt(line: Line, opts: { label?: string; players?: BySide<Controller>; segments?: readonly Segment[] } = {}): Result<HistoryNode> {
    if (line.scenario !== this.sc.id || line.scenarioVersion !== this.sc.version)
      return err(`the branch is for ${line.scenario} version ${line.scenarioVersion}, not ${this.sc.id} version ${this.sc.version}`);
    const segments = opts.segments ? normalSegments(opts.segments) : null;
    const playersAt = (k: number): NodePlayers => (segments ? playersOn(segments, k) : (opts.players ?? null));
    // Where the line's players change: a new branch starts there, as one did where it was made.
    const changes = (segments ?? []).map(x => x.at).filter(a => a > 0 && a < line.moves.length);
    // What besides the moves makes two paths' states differ up to a point: re-rolls and the teacher's events.
    const rerolls = (l: Line, upTo: number) => JSON.stringify([l.reseeds.filter(r => r.at <= upTo), (l.injected ?? []).filter(x => x.at <= upTo)]);
    const injectedIn = (from: number, to: number, first: boolean) => (line.injected ?? []).filter(x => (first ? x.at >= from : x.at > from) && x.at <= to);
    // Only a node on the same seed can share any of its path.
    const same = this.nodes().filter(n => this.seedOf(n.id) === line.seed);
    if (same.length === 0) {
      // A game on a seed of its own: a new root, up to its first re-roll or change of players; the rest as branches of it.
      const cut = Math.min(line.reseeds.find(r => r.at > 0)?.at ?? line.moves.length, changes[0] ?? line.moves.length);
      if (line.reseeds.some(r => r.at === 0)) return err('a game of its own seed cannot start with its dice re-rolled');
      const root = this.addRoot(line.seed, line.moves.slice(0, cut), {
        label: cut === line.moves.length ? (opts.label ?? '') : '',
        players: playersAt(0),
        injected: injectedIn(0, cut, true),
      });
      if (!root.ok || cut === line.moves.length) return root;
      const rest = this.adopt(line, opts);
      if (!rest.ok) this.remove(root.value.id);
      return rest;
    }
    // The re-roll and teacher's events queued at exactly point k (before move k).
    const atPoint = (l: Line, k: number) => JSON.stringify([l.reseeds.filter(r => r.at === k), (l.injected ?? []).filter(x => x.at === k)]);
    const NONE = JSON.stringify([[], []]);
    // The first of a node's first k moves that the line says other players made (players change only where a branch or segment starts).
    const agreeUpTo = (id: NodeId, k: number) => {
      if (!segments) return k;
      const path = this.ancestry(id);
      const starts = [...new Set([0, ...path.map(n => n.at), ...segments.map(x => x.at)])].filter(a => a < k).sort((x, y) => x - y);
      const mine = (i: number) => [...path].reverse().find(n => n.at <= i)!.players;
      return starts.find(i => !agree(mine(i), playersAt(i))) ?? k;
    };
    // No node shares even the start (a re-roll or the teacher's event at 0): a branch of the first root at 0 that carries them.
    let best: { id: NodeId; at: number; shared: boolean; carry: boolean } = { id: same[0]!.id, at: 0, shared: false, carry: true };
    for (const n of same) {
      const mine = this.line(n.id);
      let k = 0;
      while (k < mine.moves.length && k < line.moves.length && moveKey(mine.moves[k]!) === moveKey(line.moves[k]!)) k++;
      k = agreeUpTo(n.id, k);
      // The shared stretch ends before the first re-roll they do not share. Moves 0..k-1 are played
      // alike when what is queued before each (at < k) matches; a branch taken at k then inherits
      // what the node has at k itself, so that must be the line's too, or nothing (the branch
      // carries the line's own: a line re-rolled at k joins the node at k, not at k-1).
      const joins = (k: number) => k === 0 || rerolls(mine, k - 1) === rerolls(line, k - 1);
      const fits = (k: number) => atPoint(mine, k) === atPoint(line, k) || atPoint(mine, k) === NONE;
      while (k > 0 && !(joins(k) && fits(k))) k--;
      if (!fits(k)) continue;
      if (k === line.moves.length && k === mine.moves.length && rerolls(mine, k) === rerolls(line, k)) return ok(n);
      if (k > best.at || !best.shared || (k === best.at && this.length(n.id) === k)) best = { id: n.id, at: k, shared: true, carry: atPoint(mine, k) !== atPoint(line, k) };
    }
    // One branch per re-roll and per change of players beyond the shared stretch; the last carries the label.
    const reseedCuts = line.reseeds.filter(r => r.at > best.at).map(r => r.at);
    const beyond = [...reseedCuts, ...changes.filter(a => a > best.at && !reseedCuts.includes(a))].sort((x, y) => x - y);
    const cuts = [best.at, ...beyond, line.moves.length];
    let from: Point = { node: best.id, at: best.at };
    let made: HistoryNode | null = null;
    for (let j = 0; j + 1 < cuts.length; j++) {
      // The first branch carries what the line queues at its point when the node it joins has none of it there.
      const first = j === 0 && best.carry;
      const reseed = line.reseeds.find(r => r.at === cuts[j] && (r.at > best.at || first))?.seed;
      const last = j + 2 === cuts.length;
      const injected = injectedIn(cuts[j]!, cuts[j + 1]!, first || cuts[j]! > best.at);
      const r = this.branch(from, {
        label: last ? (opts.label ?? '') : '',
        players: playersAt(cuts[j]!),
        moves: line.moves.slice(cuts[j], cuts[j + 1]),
        ...(reseed !== undefined ? { reseed } : {}),
        ...(injected.length ? { injected } : {}),
      });
      if (!r.ok) {
        if (made) this.remove(made.id);
        return r;
      }
      made ??= r.value;
      from = { node: r.value.id, at: cuts[j + 1]! };
      if (last) return ok(r.value);
    }
    return err('the branch has nothing to add');
  }

  /**
   * A game played on a seed of its own, kept beside the trunk as a root (see the header). Its moves
   * are checked first, so a refused game leaves the tree as it was.
   */
  addRoot(seed: string, moves: readonly Move[], opts: { label?: string; players: NodePlayers; injected?: readonly Injection[] }): Result<HistoryNode> {
    if (seed === this.seed) return err("a game on history's seed is a branch of the trunk, not a root of its own");
    const node: HistoryNode = {
      id: `g${this.serial + 1}`,
      parent: null,
      at: 0,
      moves: [...moves],
      label: opts.label ?? '',
      players: opts.players && { ...opts.players },
      serial: this.serial + 1,
      seed,
    };
    if (opts.injected?.length) node.injected = opts.injected.map(x => ({ event: x.event, at: x.at }));
    let s = createGame(this.sc, seed);
    for (let k = 0; ; k++) {
      const i = this.injectAt(node, k, s);
      if (!i.ok) return i;
      s = i.value;
      if (k === moves.length) break;
      if (s.ended) return err(`move ${k + 1} comes after the game has ended`);
      const r = applyMove(this.sc, s, moves[k]!);
      if (!r.ok) return err(`move ${k + 1} is illegal: ${r.error}`);
      s = r.value;
    }
    this.serial++;
    this.byId.set(node.id, node);
    this.changed();
    return ok(node);
  }

  /** Play a move at the end of a node (not the trunk: history is not changed). */
  play(id: NodeId, move: Move): Result<GameState> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    if (id === TRUNK_ID) return err('history itself cannot be changed: branch from it to play another way');
    const s = this.state(id);
    if (s.ended) return err('the game on this branch has ended');
    const r = applyMove(this.sc, s, move);
    if (!r.ok) return r;
    n.moves.push(move);
    const len = this.length(id);
    // A branch with no moves of its own read its states from its parent, so it may have no cache yet.
    let cache = this.cache.get(id);
    if (!cache) this.cache.set(id, (cache = new Map()));
    cache.set(len, r.value);
    this.changed();
    return r;
  }

  /**
   * The teacher's injection at the end of a node (not the trunk): event `id` queued for the next
   * turn (engine inject.ts), recorded where it fell; refused with the engine's reason.
   */
  inject(id: NodeId, event: string): Result<GameState> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    if (id === TRUNK_ID) return err('history itself cannot be changed: branch from it to introduce an event');
    const r = injectEvent(this.sc, this.state(id), event);
    if (!r.ok) return r;
    const len = this.length(id);
    n.injected = [...(n.injected ?? []), { event, at: len }];
    let cache = this.cache.get(id);
    if (!cache) this.cache.set(id, (cache = new Map()));
    cache.set(len, r.value);
    this.changed();
    return r;
  }

  /**
   * Let the computer players of the node move until a person must (a seat played by 'human'), or
   * the game ends. Their dice come from the game's seed and the point, so the same branch played on
   * twice gets the same moves. Returns the number of moves played.
   */
  playComputers(id: NodeId, limit = 100000): Result<number> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    if (id === TRUNK_ID) return err('history itself cannot be changed: branch from it to play another way');
    const players = n.players;
    if (!players) return err('who played this branch was not recorded, so no computer player is known to play it on');
    const c = compile(this.sc);
    let played = 0;
    while (played < limit) {
      const s = this.state(id);
      if (s.ended) break;
      const side = computerToMove(s, players);
      if (side === null) break;
      const kind = players[side];
      if (kind === 'human') break;
      const m = nextMove(c, seatView(c, s, side, AI_VIEW), playerFor(kind, this.sc, side), aiRng(`${s.seed}@${this.length(id)}`, side));
      if (!m) break;
      const r = this.play(id, m);
      if (!r.ok) return err(`the ${kind} player for ${SIDE_LABEL[side]} made an illegal move: ${r.error}`);
      played++;
    }
    return ok(played);
  }

  /**
   * Whether the node's last `count` moves can be taken back together, and why not (see the header):
   * each must be the node's own and pass the rule, and no branch may start after the first of them.
   */
  canUndo(id: NodeId, count = 1): UndoCheck {
    const n = this.must(id);
    if (id === TRUNK_ID) return { ok: false, reason: 'empty', message: 'history itself cannot be changed' };
    if (n.moves.length === 0) return { ok: false, reason: 'empty', message: 'this branch has no move of its own to take back' };
    if (n.moves.length < count) return { ok: false, reason: 'empty', message: 'that move was made before this branch left its parent' };
    const len = this.length(id);
    const child = this.nodes().find(x => x.parent === id && x.at > len - count);
    if (child) return { ok: false, reason: 'child', message: `the branch "${this.title(child.id)}" was taken after this move; it would lose its start` };
    const teacher = (n.injected ?? []).find(x => x.at > len - count);
    if (teacher) return teacherStands(this.sc, teacher.event);
    for (let k = len - 1; k >= len - count; k--) {
      const u = undoRule(this.stateAt({ node: id, at: k }), this.stateAt({ node: id, at: k + 1 }), n.moves[k - n.at]!);
      if (!u.ok) return k === len - count ? u : answered(u, n.moves[len - count - n.at]!, n.moves[k - n.at]!);
    }
    return { ok: true, move: n.moves[len - count - n.at]! };
  }

  /** Take back the node's last `count` moves, if canUndo allows it; gives the first move taken back. */
  undo(id: NodeId, count = 1): Result<Move> {
    const u = this.canUndo(id, count);
    if (!u.ok) return err(u.message);
    const n = this.must(id);
    const len = this.length(id);
    n.moves.length -= count;
    for (let k = len - count + 1; k <= len; k++) this.cache.get(id)?.delete(k);
    this.changed();
    return ok(u.move);
  }

  rename(id: NodeId, label: string): Result<void> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    n.label = label.trim().slice(0, 120);
    this.changed();
    return ok(undefined);
  }

  /** Change who plays each side when the branch is played on. */
  setPlayers(id: NodeId, players: BySide<Controller>): Result<void> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    if (id === TRUNK_ID) return err('history is played by the historical players');
    n.players = { ...players };
    this.changed();
    return ok(undefined);
  }

  /** Remove a branch and every branch taken from it. The trunk stays. */
  remove(id: NodeId): Result<NodeId[]> {
    const n = this.byId.get(id);
    if (!n) return err(`there is no branch "${id}" in the tree`);
    if (id === TRUNK_ID) return err('history itself cannot be removed');
    const gone: NodeId[] = [];
    const drop = (x: NodeId) => {
      for (const ch of this.children(x)) drop(ch.id);
      this.byId.delete(x);
      this.cache.delete(x);
      gone.push(x);
    };
    drop(id);
    this.changed();
    return ok(gone);
  }
}

/**
 * A path's segments as adopt and the codes use them: in order of `at`, the last at each point (a
 * branch taken where its parent starts owns that point), neighbours with the same players merged.
 */
export function normalSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const x of [...segments].sort((a, b) => a.at - b.at)) {
    if (out.at(-1)?.at === x.at) out.pop();
    if (!out.length || !samePlayers(out.at(-1)!.players, x.players)) out.push({ at: x.at, players: x.players && { ...x.players } });
  }
  return out;
}

/** Whether two records of who played are the same (both not recorded, or the same players). */
export const samePlayers = (a: NodePlayers, b: NodePlayers): boolean => a === b || (a !== null && b !== null && a.britain === b.britain && a.ussr === b.ussr);
/** Two records of who played agree unless both are known and differ. */
const agree = (a: NodePlayers, b: NodePlayers): boolean => a === null || b === null || samePlayers(a, b);

/** Who played move k of a path by its segments: saveFile's (a save keeps the path a branch kept in the same shape). */
export { playersOn };

const historyCache = new WeakMap<Scenario, Line>();
/** History's path: the historical players on the scenario's history seed (ai/baseline.ts). Built once per scenario. */
export function historyLine(sc: Scenario): Line {
  let h = historyCache.get(sc);
  if (!h) {
    const seed = historicalBaseline(sc).seed;
    const run = runGame(sc, createGame(sc, seed), { britain: historicalPlayer, ussr: historicalPlayer }, true);
    h = { scenario: sc.id, scenarioVersion: sc.version, seed, moves: run.moves, reseeds: [] };
    historyCache.set(sc, h);
  }
  return h;
}

/**
 * Whether one move, from `before` to `after`, can be taken back (the rule of the header): not if it
 * ended the game, resolved its turn, or drew dice. Also used for a game held outside any tree.
 */
export function undoRule(before: GameState, after: GameState, move: Move): UndoCheck {
  if (after.ended) return { ok: false, reason: 'ended', message: 'the game ended with this move' };
  if (after.turn !== before.turn) return { ok: false, reason: 'turn', message: 'this move ended the turn, and the turn is played out: its dice are rolled and its results known' };
  if (drewDice(before, after)) return { ok: false, reason: 'dice', message: 'this decision went to a vote and the dice were rolled: it stands' };
  return { ok: true, move };
}

/** The refusal when the teacher introduced an event after the move to take back: the event stands, and the move with it. */
export const teacherStands = (sc: Scenario, event: string): UndoCheck => ({
  ok: false,
  reason: 'teacher',
  message: `${teacherText(compile(sc), event).replace('The teacher', 'the teacher')} after this move; it stands`,
});

/** A refusal caused by a move after the one to take back: said of that move, so the person knows whose it was. */
export function answered(u: Extract<UndoCheck, { ok: false }>, mine: Move, later: Move): UndoCheck {
  const whose = later.side === mine.side ? 'a later move of the same side' : later.type === 'decide' ? 'the other side’s decision, taken after yours,' : 'the other side’s orders, given after yours,';
  return { ...u, message: u.message.replace(/^this (decision|move)/, whose) };
}

/** Whether the dice were rolled between two states (a roll was counted, or the seed was replaced). */
export const drewDice = (before: GameState, after: GameState): boolean =>
  before.rolls !== after.rolls || before.rng.c !== after.rng.c || before.rng.s0 !== after.rng.s0 || before.rng.s1 !== after.rng.s1 || before.rng.s2 !== after.rng.s2;

/**
 * The computer seat that moves next, as the match controller orders it: decisions as soon as they
 * are due; orders only once every person's orders are sealed, so nothing waits on a person's choice.
 */
export function computerToMove(s: GameState, players: BySide<Controller>): Side | null {
  for (const side of SIDES) if (players[side] !== 'human' && s.pending[side].length > 0) return side;
  const sealed = SIDES.every(x => players[x] !== 'human' || !toMove(s, x));
  if (!sealed) return null;
  for (const side of SIDES) if (players[side] !== 'human' && toMove(s, side)) return side;
  return null;
}

/** The stored form, checked field by field before anything is replayed. */
function checkShape(sc: Scenario, data: unknown): Result<TreeData> {
  if (typeof data !== 'object' || data === null) return err('not a history tree: expected a JSON object');
  const d = data as Partial<TreeData>;
  if (d.format !== TREE_FORMAT) return err('not a history tree of this game (format field missing or foreign)');
  if (d.formatVersion !== 1 && d.formatVersion !== 2 && d.formatVersion !== TREE_VERSION) return err(`history tree format version ${String(d.formatVersion)} is not supported`);
  if (d.scenario !== sc.id) return err(`the tree is for scenario "${String(d.scenario)}", not "${sc.id}"`);
  if (d.scenarioVersion !== sc.version) return err(versionWords('the tree', sc.id, d.scenarioVersion, sc.version));
  if (typeof d.seed !== 'string') return err('the tree has no seed');
  if (!Array.isArray(d.nodes) || d.nodes.length === 0) return err('the tree has no branches');
  if (typeof d.hashes !== 'object' || d.hashes === null) return err('the tree has no state hashes');
  const ids = new Set<string>();
  for (const [k, x] of d.nodes.entries()) {
    const n = x as Partial<HistoryNode> | null;
    const where = `branch ${k + 1}`;
    if (typeof n !== 'object' || n === null) return err(`${where} is not an object`);
    if (typeof n.id !== 'string' || n.id === '' || ids.has(n.id)) return err(`${where} has a missing or repeated id`);
    // After the trunk, a node either names an earlier parent or is a root of its own seed.
    const ownRoot = k > 0 && n.parent === null && typeof n.seed === 'string' && n.seed !== '';
    if (k === 0 ? n.parent !== null || n.id !== TRUNK_ID : !ownRoot && (typeof n.parent !== 'string' || !ids.has(n.parent)))
      return err(`${where} ("${n.id}") names no earlier parent${k === 0 ? ' (the first must be the trunk)' : ''}`);
    if (n.seed !== undefined && !ownRoot) return err(`${where} ("${n.id}") has a seed of its own but is not a root`);
    if (!Number.isInteger(n.at) || (n.at as number) < 0) return err(`${where} ("${n.id}") has no valid branch point`);
    if (!Array.isArray(n.moves)) return err(`${where} ("${n.id}") has no move list`);
    if (n.reseed !== undefined && typeof n.reseed !== 'string') return err(`${where} ("${n.id}") has a re-roll seed that is not text`);
    if (typeof n.label !== 'string') return err(`${where} ("${n.id}") has no label`);
    if (
      n.injected !== undefined &&
      (!Array.isArray(n.injected) || n.injected.some(x => typeof x?.event !== 'string' || !Number.isInteger(x.at) || x.at < (n.at as number) || x.at > (n.at as number) + n.moves!.length))
    )
      return err(`${where} ("${n.id}") has a teacher's event that is not an event id placed on its own moves`);
    if (typeof n.serial !== 'number') return err(`${where} ("${n.id}") has no serial number`);
    // Format 1 named every node's players; from format 2 null says they were not recorded.
    const p = n.players as Partial<BySide<unknown>> | null | undefined;
    if (p === null ? d.formatVersion === 1 : typeof p !== 'object' || typeof p.britain !== 'string' || typeof p.ussr !== 'string') return err(`${where} ("${n.id}") does not say who plays each side`);
    for (const side of SIDES) if (p && !isController(p[side])) return err(`${where} ("${n.id}") names an unknown player for ${SIDE_LABEL[side]}: ${JSON.stringify(p[side])}`);
    if (typeof d.hashes[n.id] !== 'string') return err(`${where} ("${n.id}") has no recorded state hash`);
    ids.add(n.id);
  }
  return ok(d as TreeData);
}
