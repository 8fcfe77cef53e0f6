// History mode's conductor in the browser: one session (the branch tree) per scenario, kept in
// the browser's storage; the watch screen on any node; the timeline tree; and branches played on
// in the ordinary game screen, their moves written back into the tree as they are made.

import { checkShared, HistoryTree, type Line, type NodeId, nodeSight, parseShared, sightRule, TRUNK_ID, TreeStore, WHOLE_POSITION } from '../../../app/history/index';
import { checkTakeBack, takeBackCount } from '../../../app/history/takeBack';
import type { Match } from '../../../app/match';
import { type AppSave, type Controller, makeAppSave, readSave, saveScenario } from '../../../app/saveFile';
import { loadScenario, needsRoles } from '../../../app/scenarios';
import type { KV } from '../../../app/storage';
import { type BranchLink, HistorySession, linkBranch, Recording, type Target } from '../../../app/watch/index';
import { type BySide, err, ok, other, type Result, type Side } from '../../../engine/index';
import { fill, h } from '../h';
import { momentDialog } from './inGame';
import { importDialog, shareBox } from './share';
import { type PlayOnChoice, TreeScreen } from './tree';
import { type BranchRequest, type WatchOptions, WatchScreen } from './watch';

export interface ModeDeps {
  root: HTMLElement;
  kv: KV;
  /** Back to the title, with a message if something went wrong. */
  exit(message?: { error: boolean; text: string }): void;
  /** A match restored from a save, stored in the browser under the game slot `id`. */
  restore(save: AppSave, id: string): Promise<Result<Match>>;
  /** Show a match in the game screen; `id` is the browser's slot it is kept in. */
  play(m: Match, id: string): void;
  /** Close the game screen (to show a history screen in its place). */
  leaveGame(): void;
  /** Whether single-key shortcuts are on (the display setting, as the game screen reads it). */
  letterKeys(): boolean;
}

/** Something on screen that must be torn down before the next. */
interface Shown {
  destroy(): void;
}

export class HistoryMode {
  private readonly sessions = new Map<string, HistorySession>();
  private shown: Shown | null = null;
  /** A notice for the next screen (a stored tree that could not be read, a refused code). */
  private notice: { error: boolean; text: string } | null = null;
  private unfollow: (() => void) | null = null;
  /** The match being recorded into the tree, and where. */
  private followed: { m: Match; scenario: string; node: NodeId | null; target: Target; from: number } | null = null;
  private readonly store: TreeStore;

  constructor(private readonly deps: ModeDeps) {
    this.store = new TreeStore(deps.kv);
  }

  destroy(): void {
    this.shown?.destroy();
    this.shown = null;
  }

  /** The session of a scenario, its tree read from storage (or started from history). */
  async session(scenario: string, quiet = false): Promise<Result<HistorySession>> {
    const hit = this.sessions.get(scenario);
    if (hit) return { ok: true, value: hit };
    const sc = await loadScenario(scenario);
    if (!sc.ok) return sc;
    // Over a running game (quiet), the game stays on screen while history is replayed.
    if (!quiet) fill(this.deps.root, h('main', { class: 'watch-screen' }, h('p', { role: 'status', class: 'notice' }, `Replaying the history of ${sc.value.title}…`)));
    // Let the notice paint before the replay (a few hundred milliseconds) runs.
    await new Promise(r => setTimeout(r, 0));
    const loaded = this.store.load(sc.value);
    // A damaged stored tree is not lost: it is set aside (under its own key) once this tree changes.
    const damaged = !loaded.ok && loaded.error.kind === 'damaged';
    if (!loaded.ok) this.notice = { error: true, text: `${cap(loaded.error.message)}. A new tree starts from history; the old one is kept aside when you first branch.` };
    const tree = (loaded.ok ? loaded.value : null) ?? HistoryTree.create(sc.value);
    const s = new HistorySession(tree);
    tree.onChange(() => {
      const r = this.store.save(tree, { setAsideDamaged: damaged });
      if (!r.ok) this.say({ error: true, text: `${cap(r.error)}.` });
    });
    this.sessions.set(scenario, s);
    return { ok: true, value: s };
  }

  /** Watch a node of a scenario's tree (history itself by default). */
  async watch(scenario: string, node: NodeId = TRUNK_ID, opts?: WatchOptions): Promise<void> {
    const s = await this.session(scenario);
    if (!s.ok) return this.deps.exit({ error: true, text: s.error });
    const session = s.value;
    const n = session.tree.node(node);
    if (!n) return this.tree(scenario);
    // What this watch may show: a branch still in play with a person's seat, that side's sight only,
    // up to its last resolved turn; one two people are playing, nothing until it is over.
    const sight = nodeSight(session.tree, node);
    if (sight.refused) {
      this.notice = { error: false, text: `This branch is not shown turn by turn: ${sight.refused}.` };
      return this.tree(scenario, node);
    }
    const rec = sight.inPlay ? session.recording(node).resolved() : session.recording(node);
    this.destroy();
    const screen = new WatchScreen(
      this.deps.root,
      rec,
      {
        exit: () => this.deps.exit(),
        letterKeys: this.deps.letterKeys,
        branch: req => void this.branch(session, node, req),
        tree: () => void this.tree(scenario, node),
        explore: pos => void this.explore(scenario, node, pos),
      },
      { ...opts, sight },
    );
    this.shown = screen;
    screen.start();
    this.flushNotice(screen);
  }

  /**
   * Watch a game someone played (a saved game), to branch from any of its moves. A branch taken
   * from it puts the game in the timeline tree (a branch of history on history's dice, else a game
   * of its own beside the trunk) and the new branch off it, as "Branch here…" does in a game.
   */
  async watchGame(data: unknown): Promise<void> {
    const id = saveScenario(data);
    if (!id.ok) return this.deps.exit({ error: true, text: `That game cannot be replayed: ${id.error}` });
    const sc = await loadScenario(id.value, { roles: needsRoles(data) });
    if (!sc.ok) return this.deps.exit({ error: true, text: sc.error });
    const r = readSave(sc.value, data);
    if (!r.ok) return this.deps.exit({ error: true, text: `That game cannot be replayed: ${r.error}` });
    const { save } = r.value;
    const rec = Recording.replay(sc.value, save.seed, save.moves, { kind: 'game', sides: save.app.sides }, save.injected ?? []);
    if (!rec.ok) return this.deps.exit({ error: true, text: `That game cannot be replayed: ${rec.error}` });
    // A game still in play is watched as the person playing it sees it, up to its last resolved turn.
    const sight = sightRule(save.app.sides, rec.value.endedAt(rec.value.end));
    if (sight.refused) return this.deps.exit({ error: false, text: `That game is not shown turn by turn: ${sight.refused}.` });
    this.destroy();
    const recording = sight.inPlay ? rec.value.resolved() : rec.value;
    const screen = new WatchScreen(
      this.deps.root,
      recording,
      {
        exit: () => this.deps.exit(),
        letterKeys: this.deps.letterKeys,
        // The game goes on the tree whole (a branch from it keeps only the moves before its point).
        branch: req => void this.branchGame(rec.value, req),
      },
      { sight },
    );
    this.shown = screen;
    screen.start();
  }

  /**
   * A branch from a played game: the game is kept in the tree and the branch made off it there. A
   * game the tree cannot hold (a classroom game whose moves carry students' votes, which the tree's
   * scenario without roles cannot replay) is played on as a new game outside the tree instead.
   */
  private async branchGame(rec: Recording, req: BranchRequest): Promise<void> {
    if (rec.origin.kind === 'game') {
      const s = await this.session(rec.sc.id, true);
      const line: Line = {
        scenario: rec.sc.id,
        scenarioVersion: rec.sc.version,
        seed: rec.seed,
        moves: [...rec.moves],
        reseeds: [],
        ...(rec.injected.length ? { injected: rec.injected.map(x => ({ ...x })) } : {}),
      };
      const a = s.ok ? s.value.tree.adopt(line, { players: rec.origin.sides }) : null;
      if (s.ok && a?.ok) {
        const b = s.value.branch({ node: a.value.id, at: req.pos }, req.side, req.opponent);
        if (!b.ok) return this.deps.exit({ error: true, text: `The branch could not start: ${b.error}` });
        return this.start(s.value, b.value.target, b.value.save);
      }
    }
    const save = rec.saveAt(req.pos, { [req.side]: 'human', [other(req.side)]: req.opponent } as BySide<Controller>);
    const id = `replay-${rec.sc.id}-${Date.now().toString(36)}`;
    const m = await this.deps.restore(save, id);
    if (!m.ok) return this.deps.exit({ error: true, text: `The branch could not start: ${m.error}` });
    // Not in the tree, but still a branch: the moves before it were the watched game's players'.
    const before = rec.origin.kind === 'game' ? rec.origin.sides : rec.origin.kind === 'history' ? ({ britain: 'historical', ussr: 'historical' } as const) : null;
    m.value.keepPath({ from: req.pos, players: [{ at: 0, players: before && { ...before } }] });
    this.destroy();
    this.deps.play(m.value, id);
  }

  /** The timeline tree of a scenario, with a node selected. */
  async tree(scenario: string, selected: NodeId = TRUNK_ID): Promise<void> {
    const s = await this.session(scenario);
    if (!s.ok) return this.deps.exit({ error: true, text: s.error });
    const session = s.value;
    this.destroy();
    const screen: TreeScreen = new TreeScreen(this.deps.root, session, {
      exit: () => this.deps.exit(),
      watch: id => void this.watch(scenario, id),
      playOn: (id, as) => void this.playOn(session, id, as),
      explore: id => void this.explore(scenario, id),
      compare: (a, b) => void this.compare(scenario, a, b),
      share: id => (id === TRUNK_ID ? null : shareBox(session.tree, id, session.title(id), t => screen.announce(t))),
      importer: () => h('button', { type: 'button', class: 'btn small', 'data-action': 'import', onclick: () => importDialog((text, from) => this.importShared(text, from)) }, 'Load a code or file…'),
    });
    this.shown = screen;
    screen.start(session.tree.node(selected) ? selected : TRUNK_ID);
    this.flushNotice(screen);
  }

  /** A message on the screen shown now, or on the next. */
  private say(n: { error: boolean; text: string }): void {
    if (this.shown && 'showNotice' in this.shown) (this.shown as { showNotice(x: typeof n): void }).showNotice(n);
    else this.notice = n;
  }

  private flushNotice(screen: { showNotice(n: { error: boolean; text: string }): void }): void {
    if (!this.notice) return;
    screen.showNotice(this.notice);
    this.notice = null;
  }

  /** Two nodes compared (the chart library loads with the screen, in its own chunk). */
  async compare(scenario: string, a: NodeId, b: NodeId): Promise<void> {
    const s = await this.session(scenario);
    if (!s.ok) return this.deps.exit({ error: true, text: s.error });
    const { DiffScreen } = await import('./diff');
    this.destroy();
    const screen = new DiffScreen(this.deps.root, s.value, a, b, { back: () => void this.tree(scenario, b), exit: () => this.deps.exit() });
    this.shown = screen;
    screen.start();
  }

  /** The what-if explorer from a node's end (its charts load with it, in their own chunk). */
  async explore(scenario: string, node: NodeId, at?: number): Promise<void> {
    const s = await this.session(scenario);
    if (!s.ok) return this.deps.exit({ error: true, text: s.error });
    // Its continuations start from the whole position, both sides' secrets in it: not while a person plays it.
    if (s.value.tree.node(node) && !nodeSight(s.value.tree, node).historian) {
      this.notice = { error: false, text: `What if… is not open on this branch while it is in play: it plays on from ${WHOLE_POSITION}.` };
      return this.tree(scenario, node);
    }
    const { ExploreScreen } = await import('./explore');
    this.destroy();
    const screen = new ExploreScreen(
      this.deps.root,
      s.value,
      { node, at: at ?? s.value.tree.length(node) },
      { back: () => void this.tree(scenario, node), exit: () => this.deps.exit(), from: pos => void this.explore(scenario, node, pos) },
    );
    this.shown = screen;
    screen.start();
  }

  /**
   * A shared code or file: parsed, its scenario's tree opened, checked against it, and added as a
   * branch (shown selected). Resolves with the reason if refused; nothing is changed then.
   */
  private async importShared(text: string, from: string): Promise<string | null> {
    const p = parseShared(text);
    if (!p.ok) return p.error.message;
    const sc = await loadScenario(p.value.scenario);
    if (!sc.ok) return `it is for a scenario this game does not have (${p.value.scenario})`;
    const checked = await checkShared(sc.value, p.value);
    if (!checked.ok) return checked.error.message;
    const s = await this.session(sc.value.id);
    if (!s.ok) return s.error;
    const node = s.value.tree.adopt(checked.value.line, { label: checked.value.label, segments: checked.value.segments });
    if (!node.ok) return node.error;
    await this.tree(sc.value.id, node.value.id);
    this.say({ error: false, text: `${from === 'The code' ? 'The shared branch' : from} is added to the tree: ${s.value.title(node.value.id)}.` });
    return null;
  }

  /** A branch from a watched node: a new node in the tree, played on in the game screen. */
  private async branch(session: HistorySession, node: NodeId, req: BranchRequest): Promise<void> {
    const b = session.branch({ node, at: req.pos }, req.side, req.opponent);
    if (!b.ok) return this.deps.exit({ error: true, text: `The branch could not start: ${b.error}` });
    await this.start(session, b.value.target, b.value.save);
  }

  /**
   * Play a node on from its end, with the players it was last played with. Where they were not
   * recorded, a new branch from its end with the players the person chose (`as`), so the moves made
   * are not put down to players nobody recorded.
   */
  private async playOn(session: HistorySession, id: NodeId, as: PlayOnChoice = { side: 'britain', opponent: 'persona' }): Promise<void> {
    const n = session.tree.node(id);
    if (!n) return;
    const players = n.players;
    if (!players) return this.branch(session, id, { pos: session.tree.length(id), side: as.side, opponent: as.opponent, label: '' });
    const save = session.saveOf(id, players);
    if (!save.ok) return this.deps.exit({ error: true, text: save.error });
    await this.start(session, session.targetOf(id, players), save.value);
  }

  private async start(session: HistorySession, target: Target, save: AppSave, gameId = `branch-${session.sc.id}-${Date.now().toString(36)}`): Promise<void> {
    const m = await this.deps.restore(save, gameId);
    if (!m.ok) return this.deps.exit({ error: true, text: `The branch could not start: ${m.error}` });
    this.destroy();
    this.follow(session, m.value, target, gameId);
    this.deps.play(m.value, gameId);
  }

  // ---- inside a running game ----------------------------------------------------------------

  /**
   * Take back the last move of the person at `seat` in a running game (and the computer's answers
   * after it), under the tree's undo rule; the game goes on from before it in the same slot. A game
   * that is a branch of the tree is changed in the tree too. Resolves with the reason if refused.
   */
  async undoInGame(m: Match, gameId: string, seat: Side): Promise<string | null> {
    const plan = await this.takeBack(m, seat);
    return plan.ok ? plan.value(gameId) : plan.error;
  }

  /** Why Undo would take nothing back now (null: it would), checked as Undo checks, changing nothing. */
  async undoRefusal(m: Match, seat: Side): Promise<string | null> {
    const plan = await this.takeBack(m, seat);
    return plan.ok ? null : plan.error;
  }

  /** Undo's checks; if they pass, the taking back itself, to run with the game's slot. */
  private async takeBack(m: Match, seat: Side): Promise<Result<(gameId: string) => Promise<string | null>>> {
    const sides = m.setup.sides;
    const count = takeBackCount(m.moves, sides, seat);
    if (!count.ok) return err(`nothing taken back: ${count.error}`);
    const f = this.followed?.m === m ? this.followed : null;
    if (f) {
      const s = await this.session(f.scenario, true);
      if (!s.ok) return err(s.error);
      const node = f.node;
      if (node === null) return err('nothing taken back: that move was made before this branch began (Branch here… chooses again there)');
      const tree = s.value.tree;
      const u = tree.canUndo(node, count.value);
      if (!u.ok) return err(`nothing taken back: ${u.message}`);
      return ok(async gameId => {
        const done = tree.undo(node, count.value);
        if (!done.ok) return `nothing taken back: ${done.error}`;
        const save = s.value.saveOf(node, sides);
        if (!save.ok) return save.error;
        await this.start(s.value, { kind: 'node', id: node }, save.value, gameId);
        return null;
      });
    }
    const { injected } = m.record();
    const chk = checkTakeBack(m.sc, m.seed, m.moves, count.value, injected);
    if (!chk.ok) return err(`nothing taken back: ${chk.message}`);
    return ok(async gameId => {
      const keep = m.moves.length - count.value;
      const save = makeAppSave(
        m.sc,
        m.seed,
        m.moves.slice(0, keep),
        chk.state!,
        sides,
        injected.filter(x => x.at <= keep),
      );
      const r = await this.deps.restore(save, gameId);
      if (!r.ok) return r.error;
      // Still the same branch, if what was taken back was played in it.
      r.value.keepPath(m.kept);
      this.deps.play(r.value, gameId);
      return null;
    });
  }

  /**
   * "Branch here…" in a running game: the game is kept in the tree (a branch of history on
   * history's seed, else a root of its own beside it) and goes on writing its moves there; the
   * person picks one of their earlier moments and plays it again in a new branch off this game.
   */
  async branchInGame(m: Match, gameId: string, seat: Side): Promise<string | null> {
    if (m.moves.length === 0) return 'nothing has been played yet: there is no earlier moment to branch from';
    const s = await this.session(m.sc.id, true);
    if (!s.ok) return s.error;
    const session = s.value;
    const tree = session.tree;
    const f = this.followed?.m === m ? this.followed : null;
    let node: NodeId;
    if (f && f.node !== null) node = f.node;
    else if (f && f.target.kind === 'new') node = f.target.at.node;
    else {
      const a = tree.adopt(matchLine(m), { players: m.setup.sides });
      if (!a.ok) return `this game could not be kept in the timeline tree: ${a.error}`;
      node = a.value.id;
      // From now on the game's moves go on into its node (or, while it is history itself, into a new branch).
      // Its moves so far were all played in it, though the tree shares those that match history's.
      this.follow(session, m, node === TRUNK_ID ? { kind: 'new', at: { node, at: m.moves.length }, players: { ...m.setup.sides }, label: '' } : { kind: 'node', id: node }, gameId, 0);
    }
    const n = tree.node(node)!;
    const where =
      node === TRUNK_ID
        ? 'history itself so far (every choice as the sources record)'
        : n.parent === null
          ? `a game of its own beside history (game number ${n.seed}: its dice are not history's)`
          : 'a branch of history';
    const steps = tree.steps(node).filter(x => x.index < m.moves.length);
    momentDialog(steps, seat, m.sc.sides[seat].name, where, pick => {
      const b = session.branch({ node, at: pick.at }, seat, m.setup.sides[other(seat)]);
      if (!b.ok) return this.deps.exit({ error: true, text: `The branch could not start: ${b.error}` });
      void this.start(session, b.value.target, b.value.save);
    });
    return null;
  }

  /**
   * For the end dialog: the way to see the game beside history, on the tree. A game that is not yet
   * in the tree is put there when asked (a branch of history, or a game of its own beside it).
   */
  endExtras(m: Match): HTMLElement | null {
    const f = this.followed?.m === m ? this.followed : null;
    if (m.classroom || (f && f.node === null)) return null;
    const inTree = f !== null;
    const open = async () => {
      let node = f?.node ?? null;
      if (!node) {
        const s = await this.session(m.sc.id, true);
        if (!s.ok) return this.say({ error: true, text: s.error });
        const a = s.value.tree.adopt(matchLine(m), { players: m.setup.sides });
        if (!a.ok) return this.say({ error: true, text: `This game could not be kept in the timeline tree: ${a.error}.` });
        node = a.value.id;
      }
      this.deps.leaveGame();
      await this.tree(m.sc.id, node);
    };
    return h(
      'section',
      { class: 'against' },
      h('h3', null, inTree ? 'A branch of history' : 'Beside history'),
      h(
        'p',
        null,
        inTree
          ? 'This game is a branch of the timeline tree. See it beside history there: the outcomes and scores against history, and which decisions mattered most.'
          : 'Put this game on the timeline tree to see where it left history, its outcomes and scores against history, and which decisions mattered most.',
      ),
      h('button', { type: 'button', class: 'btn', 'data-action': 'to-tree', onclick: () => void open() }, inTree ? 'See it on the timeline tree' : 'Put it on the timeline tree'),
    );
  }

  /** A branch's game resumed from the title screen: its moves go on into its branch. */
  async resumed(m: Match, link: BranchLink): Promise<void> {
    const s = await this.session(link.scenario);
    if (!s.ok || !s.value.tree.node(link.node)) return;
    const have = s.value.tree.moves(link.node);
    const moves = m.save().moves;
    // Only if the game is still the branch's path (the branch was not removed and re-made).
    if (have.length > moves.length || have.some((x, k) => JSON.stringify(x) !== JSON.stringify(moves[k]))) return;
    this.follow(s.value, m, { kind: 'node', id: link.node }, null);
  }

  /**
   * Record the match's moves into the tree; a new branch's game is linked to its node once made.
   * `from`: the first of the match's moves played in it (default: where the branch began).
   */
  private follow(session: HistorySession, m: Match, target: Target, gameId: string | null, from = target.kind === 'node' ? session.tree.node(target.id)!.at : target.at.at): void {
    this.unfollow?.();
    const link = (node: NodeId) => {
      if (gameId) linkBranch(this.deps.kv, gameId, { scenario: session.sc.id, node });
    };
    const followed = { m, scenario: session.sc.id, node: target.kind === 'node' ? target.id : null, target, from };
    this.followed = followed;
    // A branch's game keeps where its own play began and who played the path before (saved with it),
    // so that its end screen, here or in the terminal, credits no one with another's decision.
    if (from > 0) {
      const kept = target.kind === 'node' ? target.id : target.at.node;
      const players = session.tree
        .ancestry(kept)
        .filter(n => n.at < from)
        .map(n => ({ at: n.at, players: n.players && { ...n.players } }));
      m.keepPath({ from, players });
    }
    if (target.kind === 'node') link(target.id);
    this.unfollow = session.follow(m, target, {
      node: id => {
        followed.node = id;
        link(id);
      },
      error: message => this.say({ error: true, text: `${cap(message)}.` }),
    });
  }
}

const cap = (t: string) => (t ? t[0]!.toUpperCase() + t.slice(1) : t);

/** A match's game as a line for the tree: its seed, its moves, and the teacher's events of a restored hand-in. */
function matchLine(m: Match): Line {
  const { seed, moves, injected } = m.record();
  return { scenario: m.sc.id, scenarioVersion: m.sc.version, seed, moves: [...moves], reseeds: [], ...(injected.length ? { injected: injected.map(x => ({ ...x })) } : {}) };
}
