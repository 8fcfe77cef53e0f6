// One match: the authority over a game. It owns the game state, the move log and who controls each
// seat; applies moves (refusing them with the engine's reason, or when the seat is not to move);
// asks the computer players through a transport; says what each seat must do next; autosaves through
// a storage port after every move; and emits typed events. Adapters (the browser, the terminal, a
// network server later) get only seat views and affordances built from them, and, once the game has
// ended, the end report. The computer's orders for a turn are asked for only once every person's
// orders are sealed, so no save ever holds them early; its decisions come as soon as they are due.

import { AI_VIEW, aiRng, playsFromViewAndDice, type Reasons, toMove } from '../ai/index';
import {
  applyMove,
  type BySide,
  type CEvent,
  type Compiled,
  compile,
  createGame,
  err,
  type GameState,
  type Injection,
  injectableEvents,
  injectEvent,
  type Move,
  type NewsItem,
  ok,
  other,
  type Result,
  type RngState,
  type SeatView,
  SIDE_LABEL,
  SIDES,
  type Side,
  seatView,
} from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { type Affordances, affordances } from './affordances';
import { type DecidedBy, type EndReport, endReport, keptDecidedBy } from './endReport';
import { type ClassSeats, makeHandIn, readSeats } from './handIn';
import { Heard } from './heard';
import { type AppSave, type Controller, isController, type KeptPath, makeAppSave, readDice, readKept, readSave, readSides, type SavedDice } from './saveFile';
import { type AiSeats, type AiTransport, type AiTransportFactory, inProcessAi } from './transport';

export interface MatchSetup {
  scenario: string;
  seed: string;
  sides: BySide<Controller>;
  /** A classroom game: the group and which student plays which role (handIn.ts); saved with the game. */
  classroom?: ClassSeats;
}

/** What the match waits for now, seen from the place where people sit (one screen, or a server). */
export type Next =
  | { kind: 'decide' | 'orders'; seat: Side }
  /** Two people share one screen and the next to move is not the one who has it. */
  | { kind: 'handover'; seat: Side }
  | { kind: 'computer'; seat: Side }
  | { kind: 'ended' }
  | { kind: 'stuck'; reason: string };

/** What one seat must do now. */
export type Duty = 'decide' | 'orders' | 'wait' | 'ended';

export type MatchEvent =
  /** `reasons`: why the computer made the move, when the other side may read them (Match.shareable). */
  | { type: 'moved'; seat: Side; kind: Move['type']; by: Controller; turn: number; reasons?: Reasons }
  /** News a seat has not been given before (the view's news, as it grows). */
  | { type: 'news'; seat: Side; items: readonly NewsItem[] }
  /** Reports the seat was given before this screen (a classroom seat's page reloaded or taken back): for its Reports tab, not to open again. */
  | { type: 'reports'; seat: Side; items: readonly NewsItem[] }
  | { type: 'ended'; reason: string }
  /** A computer player failed, or the game could not be stored. */
  | { type: 'error'; where: 'computer' | 'storage'; message: string }
  /** Something the person should be told that is not news of the game (a network match's refusals, say). */
  | { type: 'notice'; text: string }
  /** The seat's move was made for it elsewhere (a classroom deadline): any open desk or decision closes, and `text` says what was given. */
  | { type: 'overtaken'; seat: Side; text: string }
  /** Why the seat's moves cannot go now changed (MatchPort.held). */
  | { type: 'held'; reason: string | null }
  /** The ministers' ballots on the seat's open items have changed (a classroom lead's, MatchPort.ballots). */
  | { type: 'ballots'; seat: Side };

/** How a side's minister students stand on one open item so far: the names of those for and against, and of those who advise. */
export interface BallotLine {
  /** The ballot's item: for a decision's option, its cause (`option:EVENT.OPTION`). */
  item: string;
  for: readonly string[];
  against: readonly string[];
  advice?: { for: readonly string[]; against: readonly string[] };
}

/**
 * What a screen drives: a match in this page (Match), or one held by the classroom server
 * (src/class/remoteMatch.ts), which answers the same questions from the seat's messages.
 */
export interface MatchPort {
  readonly c: Compiled;
  readonly humans: Side[];
  start(): void;
  dispose(): void;
  next(): Next;
  handOver(seat: Side): void;
  advance(): Promise<Result<number>>;
  affordances(seat: Side): Affordances;
  submit(seat: Side, move: Move): Result<void>;
  view(seat: Side): SeatView;
  endReport(): EndReport | null;
  opponentOf(seat: Side): Controller;
  on(listener: (e: MatchEvent) => void): () => void;
  /** Why the seat's moves cannot be sent now (a classroom game paused, or its connection down); null or absent: they can. */
  held?(): string | null;
  /** What the screen says while it waits (default: the other side is considering its moves). */
  waitText?(seat: Side): string;
  /**
   * The ministers' ballots so far on the seat's open items, where other people vote on them on their
   * own devices while this seat decides (a classroom lead's); null elsewhere. A 'ballots' event says they changed.
   */
  ballots?(seat: Side): readonly BallotLine[] | null;
  /** A classroom game on this screen (pass-and-play): its group and seats. */
  readonly classroom?: ClassSeats | undefined;
  /** The computer's reasons for its moves that this seat may know of (a match in this page). */
  reasons?(seat: Side): readonly { turn: number; kind: Move['type']; reasons: Reasons }[];
  /** Seed, moves and the teacher's injected events, for a debrief printed on this machine (a match in this page, never over the network). */
  record?(): { seed: string; moves: readonly Move[]; injected: readonly Injection[] };
}

/** Where the match keeps the game after every move; returns an error text if it could not. */
export interface SavePort {
  store(save: AppSave, at: { turn: number; day: number; ended: boolean }): string | null;
}

export interface MatchOptions {
  /** How the computer players are reached (default: in this process). */
  ai?: AiTransportFactory;
  store?: SavePort;
  /** People take turns at one screen, so a hand-over comes between them (default true). */
  sharedScreen?: boolean;
}

/** 32-bit FNV-1a of a string. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The order a decision's options are shown in: shuffled by the seed and the event, so that the
 * scenario's order (which may put the historical option first) tells the player nothing.
 */
export function optionOrder(seed: string, ev: CEvent): number[] {
  const key = (id: string) => fnv(`${seed}/${ev.id}/${id}`);
  return ev
    .decision!.options.map((o, j) => ({ j, k: key(o.id) }))
    .sort((a, b) => a.k - b.k)
    .map(x => x.j);
}

export class Match implements MatchPort {
  readonly c: Compiled;
  private s: GameState;
  private readonly log: Move[];
  /** The teacher's injected events, each with the number of moves made when it was given (saved with the game). */
  private readonly injected: Injection[] = [];
  /** Each computer player's dice, kept here and never in a view. */
  private readonly dice: Partial<Record<Side, RngState>> = {};
  private readonly ai: AiTransport | null;
  private readonly listeners = new Set<(e: MatchEvent) => void>();
  /** The seat whose person has the shared screen; null after a restore (whoever sits down is asked). */
  private screen: Side | null;
  /** News already given to each seat, counted by content (redacted items are rebuilt each view). */
  private readonly heard: Record<Side, Heard> = { britain: new Heard(), ussr: new Heard() };
  private readonly views = new Map<Side, { s: GameState; view: SeatView; aff: Affordances | null }>();
  private thinking: Promise<Result<number>> | null = null;
  private readonly sharedScreen: boolean;
  /** What to tell the person about the save this match was restored from (made with an earlier scenario version), if anything. */
  loadNotice: string | null = null;
  /** A branch's game: where its own play began and who played the path it kept (saved as `app.kept`); null for a game played from the start. */
  private keptPath: KeptPath | null = null;

  private constructor(
    readonly sc: Scenario,
    readonly setup: Readonly<MatchSetup>,
    s: GameState,
    log: Move[],
    private readonly opts: MatchOptions,
  ) {
    this.c = compile(sc);
    this.s = s;
    this.log = log;
    this.sharedScreen = opts.sharedScreen ?? true;
    this.screen = log.length ? null : (this.humans[0] ?? null);
    const seats: AiSeats = {};
    for (const side of this.computers) {
      seats[side] = setup.sides[side];
      this.dice[side] = aiRng(setup.seed, side).state();
    }
    this.ai = this.computers.length ? (opts.ai ?? inProcessAi)(sc, seats) : null;
  }

  /** A new match. Refused if the setup names another scenario or an unknown player. */
  static create(sc: Scenario, setup: MatchSetup, opts: MatchOptions = {}): Result<Match> {
    if (setup.scenario !== sc.id) return err(`the setup is for scenario ${setup.scenario}, not ${sc.id}`);
    for (const side of SIDES) if (!isController(setup.sides[side])) return err(`unknown player for ${SIDE_LABEL[side]}: ${String(setup.sides[side])}`);
    try {
      const kept: MatchSetup = { scenario: sc.id, seed: setup.seed, sides: { ...setup.sides } };
      if (setup.classroom) {
        const cs = readSeats(sc, { app: setup.classroom });
        if (!cs.ok) return cs;
        kept.classroom = cs.value;
      }
      return ok(new Match(sc, kept, createGame(sc, setup.seed), [], opts));
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * A match from a save file, replayed once and checked; a foreign, altered or broken save is refused
   * with the reason. Each computer player's dice must stand where they stood, so the game plays on
   * identically: they are set as the save recorded them (`app.dice`) for a player whose moves follow
   * from its view and dice alone (every player kind and the search player: `playsFromViewAndDice`);
   * otherwise (an older save without the dice, a save of an earlier scenario version, or another
   * player at the seat now) every computer move in the log is asked of its player again, from the
   * view it was made in.
   */
  static async restore(sc: Scenario, data: unknown, opts: MatchOptions = {}): Promise<Result<Match>> {
    const sides = readSides(data);
    if (!sides.ok) return sides;
    const cs = readSeats(sc, data);
    if (!cs.ok) return cs;
    const saved = readDice(data);
    if (!saved.ok) return saved;
    const kept = readKept(data);
    if (!kept.ok) return kept;
    // The dice recorded for the player who sits at the seat now, if they are all that player carries.
    const diceOf = (side: Side): RngState | null => {
      const d = saved.value[side];
      return d && d.player === sides.value[side] && playsFromViewAndDice(d.player) ? d.rng : null;
    };
    const asks: { before: GameState; m: Move }[] = [];
    const all: { before: GameState; m: Move }[] = [];
    // The state before the move that began the current turn (the last that moved the turn on).
    let last: GameState | null = null,
      turnBegan: GameState | null = null;
    const r = readSave(sc, data, (before, m) => {
      if (last && before.turn > last.turn) turnBegan = last;
      last = before;
      if (sides.value[m.side] === 'human') return;
      all.push({ before, m });
      if (!diceOf(m.side)) asks.push({ before, m });
    });
    if (!r.ok) return r;
    let match: Match;
    try {
      const setup: MatchSetup = { scenario: sc.id, seed: r.value.save.seed, sides: sides.value };
      if (cs.value.seats.length) setup.classroom = cs.value;
      match = new Match(sc, setup, r.value.state, [...r.value.save.moves], opts);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
    if (r.value.notice) match.loadNotice = r.value.notice;
    match.keptPath = kept.value;
    const began: GameState | null = last && r.value.state.turn > (last as GameState).turn ? last : turnBegan;
    if (began) match.heardBefore(began);
    match.injected.push(...(r.value.save.injected ?? []));
    // Under an earlier scenario version's rules the players may have drawn otherwise: ask them all again.
    const toAsk = r.value.notice ? all : asks;
    if (!r.value.notice) for (const side of match.computers) match.dice[side] = diceOf(side) ?? match.dice[side];
    for (const { before, m } of toAsk) {
      const a = await match.ask(seatView(match.c, before, m.side, AI_VIEW), m.side);
      if (!a.ok) {
        match.dispose();
        return err(`the computer player could not catch up with the save: ${a.error}`);
      }
      match.dice[m.side] = a.value.rng;
    }
    return ok(match);
  }

  // ---- who and what ------------------------------------------------------------------------------

  get humans(): Side[] {
    return SIDES.filter(s => this.setup.sides[s] === 'human');
  }
  get computers(): Side[] {
    return SIDES.filter(s => this.setup.sides[s] !== 'human');
  }
  get seed(): string {
    return this.setup.seed;
  }
  get moveCount(): number {
    return this.log.length;
  }

  /** Everything `seat` may know now: the only thing about the game the match hands out. */
  view(seat: Side): SeatView {
    return this.entry(seat).view;
  }

  /** What `seat` is offered now, from its view. */
  affordances(seat: Side): Affordances {
    const e = this.entry(seat);
    return (e.aff ??= affordances(this.c, e.view, ev => optionOrder(this.setup.seed, ev)));
  }

  private entry(seat: Side) {
    let e = this.views.get(seat);
    if (!e || e.s !== this.s) this.views.set(seat, (e = { s: this.s, view: seatView(this.c, this.s, seat), aff: null }));
    return e;
  }

  duty(seat: Side): Duty {
    if (this.s.ended) return 'ended';
    if (this.s.pending[seat].length) return 'decide';
    if (this.s.orders[seat] === null) return 'orders';
    return 'wait';
  }

  /** Whether every person has sealed this turn's orders (the computer's orders wait for that). */
  private peopleSealed(): boolean {
    return this.humans.every(h => this.s.orders[h] !== null);
  }

  /**
   * What the match waits for: a computer's decision (due at once), a person's decision or orders
   * (Britain's person first when two share a screen, with a hand-over between them), then the
   * computer's orders, which come last and resolve the turn.
   */
  next(): Next {
    if (this.s.ended) return { kind: 'ended' };
    for (const seat of this.computers) if (this.s.pending[seat].length) return { kind: 'computer', seat };
    for (const seat of this.humans) {
      const d = this.duty(seat);
      if (d !== 'decide' && d !== 'orders') continue;
      if (this.sharedScreen && this.humans.length > 1 && this.screen !== seat) return { kind: 'handover', seat };
      return { kind: d, seat };
    }
    if (this.peopleSealed()) for (const seat of this.computers) if (this.s.orders[seat] === null) return { kind: 'computer', seat };
    return { kind: 'stuck', reason: 'neither side can move, but the game has not ended' };
  }

  /** The person of `seat` has the shared screen now (after a hand-over). */
  handOver(seat: Side): void {
    this.screen = seat;
  }

  // ---- moves -------------------------------------------------------------------------------------

  /**
   * The teacher's injection (a classroom server's authority, never a seat's): one of the scenario's
   * events that has not fired and whose date has not passed fires at the start of the next turn.
   * Recorded with the save, so a restore replays it at the same place. Refused with the engine's reason.
   */
  inject(eventId: string): Result<void> {
    const r = injectEvent(this.sc, this.s, eventId);
    if (!r.ok) return r;
    this.s = r.value;
    this.injected.push({ event: eventId, at: this.log.length });
    this.autosave();
    return ok(undefined);
  }

  /** The events the teacher may inject now: id, title and date (null for an undated one). */
  injectable(): { id: string; title: string; day: number | null }[] {
    return injectableEvents(this.c, this.s).map(ev => ({ id: ev.id, title: ev.title, day: ev.day }));
  }

  /** A person's move. Refused if the seat is not a person's, is not to move, or the engine refuses it. */
  submit(seat: Side, move: Move): Result<void> {
    if (move.side !== seat) return err(`${this.name(seat)} cannot move for ${this.name(move.side)}`);
    if (this.setup.sides[seat] !== 'human') return err(`${this.name(seat)} is played by the computer`);
    if (this.s.ended) return err(`the game is over (${this.s.ended.reason})`);
    if (!toMove(this.s, seat)) return err(`${this.name(seat)} has nothing to do now: its orders are given`);
    const r = this.apply(seat, move);
    if (r.ok) this.screen = seat;
    return r;
  }

  /**
   * Let the computer players make every move due now (their decisions; their orders once every
   * person's are sealed). Resolves with the number of moves made. One run at a time.
   */
  advance(): Promise<Result<number>> {
    this.thinking ??= this.think().finally(() => {
      this.thinking = null;
    });
    return this.thinking;
  }

  private async think(): Promise<Result<number>> {
    let made = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const n = this.next();
      if (n.kind !== 'computer') return ok(made);
      const asked = this.s;
      const r = await this.ask(seatView(this.c, asked, n.seat, AI_VIEW), n.seat);
      if (!r.ok) return this.fail(`the computer player failed: ${r.error}`);
      // A person moved while it thought: ask again from the new position, its dice as they were.
      if (this.s !== asked) continue;
      if (!r.value.move) return this.fail(`the computer player for ${this.name(n.seat)} had no move to make`);
      const why = r.value.why && this.shareableReasons(r.value.move, r.value.why);
      const a = this.apply(n.seat, r.value.move, why);
      if (!a.ok) return this.fail(`the computer player (${this.setup.sides[n.seat]}) made an illegal move: ${a.error}`);
      this.dice[n.seat] = r.value.rng;
      made++;
    }
    return this.fail('the computer players made too many moves in a row');
  }

  private ask(view: SeatView, seat: Side) {
    if (!this.ai) return Promise.resolve(err<never>('no computer player is running'));
    return this.ai.ask(view, this.dice[seat]!).catch((e: unknown) => err<never>(String(e)));
  }

  private fail(message: string): Result<never> {
    this.emit({ type: 'error', where: 'computer', message });
    return err(message);
  }

  /**
   * Whether a computer's reasons for a move may be shown to the other side: a decision on a public
   * event, or orders with no private order among them (its reasons name private orders only as
   * such; see ai/search/candidates.ts). A private decision, or orders with private business, keep
   * their reasons to themselves, since the move itself is hidden.
   */
  private shareable(move: Move): boolean {
    if (move.type === 'decide') return this.c.events[this.c.eventIndex.get(move.event)!]!.privateTo === null;
    return move.orders.every(o => o.kind !== 'action' || this.c.actions[this.c.actionIndex.get(o.id)!]!.public);
  }

  /**
   * The part of a computer's reasons the other side may read: all of them if the move is shareable;
   * for orders with private business that answer a note or send one, the reasons for the answers
   * and the note alone (which the player builds from the notes, never from the other orders:
   * ai/reasons.ts); else none.
   */
  private shareableReasons(move: Move, why: Reasons): Reasons | undefined {
    if (this.shareable(move)) return why;
    if (move.type !== 'orders') return undefined;
    const parts = [...(why.answers && move.orders.some(o => o.kind === 'reply') ? [why.answers] : []), ...(why.note && move.orders.some(o => o.kind === 'offer') ? [why.note] : [])];
    if (!parts.length) return undefined;
    return { summary: parts.map(p => p.summary).join(' '), factors: parts.flatMap(p => p.factors), rejected: parts.flatMap(p => p.rejected) };
  }

  /** The computer's last shareable reasons at each seat, with the turn they were given on. */
  private readonly reasonsBy: Partial<Record<Side, { turn: number; kind: Move['type']; reasons: Reasons }[]>> = {};

  /** Why the computer at `seat` made its shareable moves this turn and the last, newest first. */
  reasons(seat: Side): readonly { turn: number; kind: Move['type']; reasons: Reasons }[] {
    return (this.reasonsBy[seat] ?? []).filter(x => x.turn >= this.s.turn - 1);
  }

  private apply(seat: Side, move: Move, reasons?: Reasons): Result<void> {
    const turn = this.s.turn;
    const r = applyMove(this.sc, this.s, move);
    if (!r.ok) return r;
    this.s = r.value;
    this.log.push(move);
    if (reasons) {
      const list = (this.reasonsBy[seat] ??= []);
      list.unshift({ turn, kind: move.type, reasons });
      list.length = Math.min(list.length, 12);
    }
    this.autosave();
    this.emit({ type: 'moved', seat, kind: move.type, by: this.setup.sides[seat], turn: this.s.turn, ...(reasons ? { reasons } : {}) });
    this.publishNews();
    if (this.s.ended) this.emit({ type: 'ended', reason: this.s.ended.reason });
    return ok(undefined);
  }

  // ---- events, news, saving -------------------------------------------------------------------

  on(listener: (e: MatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: MatchEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** Tell the listeners the news each seat has now (after subscribing), and store the game at once. */
  start(): void {
    this.autosave();
    this.publishNews();
    if (this.s.ended) this.emit({ type: 'ended', reason: this.s.ended.reason });
  }

  /**
   * A restored match gives out, as news, what was new since its turn began (`began`: the state before
   * the move that began it), as the match it was saved from did: not the previous turn's news, which
   * a seat view still carries and was given out then.
   */
  private heardBefore(began: GameState): void {
    for (const seat of SIDES) this.heard[seat].fresh(seatView(this.c, began, seat).news);
  }

  /** Each seat's news not yet given out. */
  private publishNews(): void {
    for (const seat of SIDES) {
      const fresh = this.heard[seat].fresh(this.view(seat).news);
      if (fresh.length) this.emit({ type: 'news', seat, items: fresh });
    }
  }

  /**
   * Run `f` on the full game state, for the authority's own reports (the classroom server's
   * distance from history). Never hand what it returns to a seat: seats get views.
   */
  inspect<T>(f: (s: GameState) => T): T {
    return f(this.s);
  }

  /** The game as a save file, with the computer seats' dice; a classroom game's carries its group and seats (a hand-in). */
  save(): AppSave {
    const cl = this.setup.classroom;
    const save: AppSave = cl
      ? makeHandIn(this.sc, this.setup.seed, this.log, this.s, this.setup.sides, cl.group, cl.seats, this.injected)
      : makeAppSave(this.sc, this.setup.seed, this.log, this.s, this.setup.sides, this.injected);
    const dice: Partial<Record<Side, SavedDice>> = {};
    for (const side of this.computers) dice[side] = { player: this.setup.sides[side], rng: { ...this.dice[side]! } };
    if (this.computers.length) save.app.dice = dice;
    if (this.keptPath) save.app.kept = { from: this.keptPath.from, players: this.keptPath.players.map(x => ({ at: x.at, players: x.players && { ...x.players } })) };
    return save;
  }

  /** Where this game's own play began, as a branch (null: played from the start). */
  get kept(): KeptPath | null {
    return this.keptPath;
  }

  /** Records that this game is a branch whose own play began at `kept.from` (history mode, when it follows the game). */
  keepPath(kept: KeptPath | null): void {
    this.keptPath = kept && kept.from > 0 && kept.from <= this.log.length ? kept : null;
  }

  /** Who took each decision of the end report (null: every one this game's players). */
  decidedBy(): Map<string, DecidedBy> | null {
    return this.keptPath ? keptDecidedBy(this.log, this.setup.sides, this.keptPath) : null;
  }

  /** The moves so far, for the debrief. */
  get classroom(): ClassSeats | undefined {
    return this.setup.classroom;
  }

  record(): { seed: string; moves: readonly Move[]; injected: readonly Injection[] } {
    return { seed: this.seed, moves: this.moves, injected: this.injected };
  }

  get moves(): readonly Move[] {
    return this.log;
  }

  private autosave(): void {
    if (!this.opts.store) return;
    const e = this.opts.store.store(this.save(), { turn: this.s.turn, day: this.c.days[this.s.turn]!, ended: this.s.ended !== null });
    if (e) this.emit({ type: 'error', where: 'storage', message: e });
  }

  /** The end of the game held against history; it reads the full final state, since the game is over. */
  endReport(): EndReport | null {
    return this.s.ended ? endReport(this.sc, this.s) : null;
  }

  private name(seat: Side): string {
    return this.sc.sides[seat]?.name ?? String(seat);
  }

  /** The other seat's controller, for "against the computer, persona" and the like. */
  opponentOf(seat: Side): Controller {
    return this.setup.sides[other(seat)];
  }

  dispose(): void {
    this.ai?.dispose();
  }
}
