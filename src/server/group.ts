// One classroom group: a match of the scenario run by the server, its seats and the students in
// them, the teacher's controls (start, pause, pace, end), and the turn deadline with its policy for
// missed orders. It knows nothing of sockets: the Colyseus room (room.ts) feeds it joins, moves and
// controls and sends each seat the message `seatMessage` builds from that seat's view alone.
//
// A seat is (side, role): `lead` proposes the side's orders and decisions and holds the lead
// minister's role card; every other seat is one of the scenario's roles for the side, which reads the
// side's view with its own brief and secret aims and, if a minister in office, votes For or Against
// on the items before the cabinet (ballotBox.ts); the ballots go into the lead's move when it is
// sealed. A seat whose role has a successor (a term of office: a change of government) passes to
// the successor when the scenario says, and its student is told so; the lead's seat follows the lead. A side with no student at its lead is played by the computer. Once every seat has a
// student, later students share seats (fewest first), as pairs do in class.
//
// The group's log (toLog) holds everything needed to take it up again after a restart: scenario,
// seed, the match's moves (checked by the engine's save hash on restore), seats and their tokens,
// phase, pace and deadline, and the ballots cast. A log that does not check out is refused with the reason.

import { randomBytes } from 'node:crypto';
import { AI_VIEW, aiRng, makePlayer, nextMove } from '../ai/index';
import { Match, optionOrder } from '../app/match';
import type { AppSave, Controller } from '../app/saveFile';
import { joinSeat } from '../class/delta';
import {
  type Announcement,
  type BallotItem,
  type CabinetPanel,
  type Control,
  type GroupOverview,
  type Joined,
  LEAD,
  type Phase,
  parseSeatKey,
  type RolePart,
  type RoomInfo,
  type RosterEntry,
  type Seat,
  type Seating,
  type SeatMessage,
  type SidePart,
  seatKey,
} from '../class/protocol';
import {
  advises,
  bodyName,
  type Compiled,
  type CRole,
  compile,
  err,
  type GameState,
  isoOf,
  type Move,
  type NewsItem,
  noteName,
  ok,
  other,
  type Result,
  type RoleBrief,
  renumberItem,
  roleBrief,
  roleNow,
  SIDES,
  type Side,
  scoreRole,
  seatHeadOf,
  seatHeads,
  seatNames,
  seatReports,
  seatView,
  termsOf,
} from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { BallotBox, type BallotBoxLog, leadRole, openItems, voterRoles } from './ballotBox';
import { distanceFromHistory } from './history';

export const LOG_FORMAT = 'asd-class-group';

/** The stated policy for orders missing at the deadline, told to everyone in the room. */
export const MISSED_ORDERS_POLICY =
  'When a turn’s time runs out, the computer takes any decision and gives any orders a side’s lead has not sent, as that side’s leader would (the computer’s persona player); everyone is told. Ministers’ seats never hold up a turn.';

/** Time given on a restart to a turn whose deadline passed while the server was down. */
export const RESTART_GRACE_MS = 60_000;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: h => clearTimeout(h as NodeJS.Timeout) };

interface Student {
  name: string;
  token: string;
  connected: boolean;
}

interface SeatSlot {
  seat: Seat;
  label: string;
  students: Student[];
}

export interface GroupLog {
  format: typeof LOG_FORMAT;
  version: 1;
  code: string;
  classId: string;
  teacherKey: string;
  scenario: string;
  seed: string;
  seating: Seating;
  phase: Phase;
  paceSeconds: number;
  deadline: number | null;
  remainingMs: number | null;
  seats: { seat: string; students: { name: string; token: string }[] }[];
  /** The teacher's locks (absent in logs written before locks existed). */
  locked?: string[];
  announcements: Announcement[];
  /** The minister students' ballots (absent in logs written before votes went over the wire). */
  ballots?: BallotBoxLog;
  game: AppSave | null;
}

export interface GroupSetup {
  code: string;
  classId: string;
  teacherKey: string;
  seed: string;
  seating: Seating;
  paceSeconds: number;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,23}$/u;
const MAX_PACE = 3600;
const MAX_ANNOUNCEMENTS = 30;

export const newToken = (): string => randomBytes(12).toString('base64url');

export class Group {
  private readonly slots: SeatSlot[];
  private match: Match | null = null;
  private phase: Phase = 'lobby';
  private paceSeconds: number;
  private deadline: number | null = null;
  private remainingMs: number | null = null;
  private timer: unknown = null;
  private readonly announcements: Announcement[] = [];
  /** The teacher's locks (`action:ID`, `event:ID`). */
  private readonly locked = new Set<string>();
  private readonly listeners = new Set<(only?: readonly Seat[]) => void>();
  private readonly sealing = new Set<() => void>();
  private turnSeen = -1;
  /** The scenario compiled, for seating questions asked before (or without) a match. */
  private linked: Compiled | null = null;
  /** What the computer last gave for each side at a deadline, as the side's seats are told it. */
  private readonly standIn: Record<Side, { moves: number; text: string } | null> = { britain: null, ussr: null };
  /** The minister students' ballots, until the lead's move is sealed. */
  private box = new BallotBox();
  /** The items open to each side's vote, by game state (a state never changes: each move makes a new one). */
  private readonly open = new WeakMap<GameState, Partial<Record<Side, BallotItem[]>>>();
  /** The teacher's overview as last worked out, and the state and phase it is of. */
  private lastOverview: { s: GameState; phase: Phase; o: GroupOverview } | null = null;
  /**
   * The game's save as last built, by the state it was built from: the log is written at every change
   * shown (votes, students coming and going), most of which leave the game as it was, and a save
   * hashes the whole state. A state never changes (each move, injection or computer move makes a new one).
   */
  private lastSave: { s: GameState; save: ReturnType<Match['save']> } | null = null;
  /** Each role's brief (with its secret aims), built once for its own seat's messages. */
  private readonly briefs = new Map<string, RoleBrief>();
  /** Moves in flight, one at a time, so the computer's replies and the deadline never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly sc: Scenario,
    readonly setup: GroupSetup,
    private readonly clock: Clock,
  ) {
    this.paceSeconds = setup.paceSeconds;
    this.slots = seatsOf(sc);
  }

  static create(sc: Scenario, setup: GroupSetup, clock: Clock = realClock): Result<Group> {
    if (!/^[A-Z0-9]{4,12}$/.test(setup.code)) return err(`the group code ${setup.code} is not 4-12 capital letters and digits`);
    const pace = checkPace(setup.paceSeconds);
    if (!pace.ok) return pace;
    return ok(new Group(sc, setup, clock));
  }

  /** A group from its stored log, its game replayed and checked; refused with the reason if anything is wrong. */
  static async restore(sc: Scenario, data: unknown, clock: Clock = realClock): Promise<Result<Group>> {
    const log = readLog(data);
    if (!log.ok) return log;
    const l = log.value;
    if (l.scenario !== sc.id) return err(`the log is for scenario ${l.scenario}, not ${sc.id}`);
    const g = Group.create(sc, { code: l.code, classId: l.classId, teacherKey: l.teacherKey, seed: l.seed, seating: l.seating, paceSeconds: l.paceSeconds }, clock);
    if (!g.ok) return g;
    const group = g.value;
    for (const s of l.seats) {
      const slot = group.slots.find(x => seatKey(x.seat) === s.seat) ?? group.slotOfMinister(s.seat) ?? group.slotOfSuccessor(s.seat);
      if (!slot) return err(`the log seats students at ${s.seat}, which this scenario does not have`);
      slot.students = s.students.map(st => ({ name: st.name, token: st.token, connected: false }));
    }
    group.announcements.push(...l.announcements.slice(-MAX_ANNOUNCEMENTS));
    for (const t of l.locked ?? []) {
      if (!group.lockLabel(t)) return err(`the log locks ${JSON.stringify(t)}, which this scenario does not have`);
      group.locked.add(t);
    }
    if (l.game) {
      if (l.game.seed !== l.seed) return err('the log’s game has another seed than the log');
      const m = await Match.restore(sc, l.game, { sharedScreen: false });
      if (!m.ok) return err(`the stored game does not check out: ${m.error}`);
      group.match = m.value;
      group.turnSeen = m.value.inspect(s => s.turn);
    } else if (l.phase !== 'lobby') return err(`the log says the game is ${l.phase} but holds no game`);
    group.phase = l.phase;
    // A log whose game is a save of format 1 cast its ballots on notes numbered in one series for both sides.
    const oldNotes = (l.game as { formatVersion?: unknown } | null | undefined)?.formatVersion === 1;
    if (l.ballots) group.box = BallotBox.fromLog(l.ballots, oldNotes && group.match ? x => group.match!.inspect(s => renumberItem(s, x)) : undefined);
    if (l.phase === 'playing' && l.deadline !== null) group.setDeadline(Math.max(l.deadline, clock.now() + RESTART_GRACE_MS));
    if (l.phase === 'paused') group.remainingMs = l.remainingMs;
    return ok(group);
  }

  /** A seat of a log written when seats were ministers' ids (`britain:austen-chamberlain`): the seat of that minister's role. */
  private slotOfMinister(key: string): SeatSlot | undefined {
    const seat = parseSeatKey(key);
    const m = seat && this.sc.ministers.find(x => x.id === seat.role);
    const role = m && this.sc.roles?.find(r => r.minister === m.id && r.side === seat.side);
    return role ? this.slots.find(x => x.seat.side === role.side && x.seat.role === role.id) : undefined;
  }

  /** A seat of a log written before a role succeeded another (`britain:snowden`): the seat the role is now played from. */
  private slotOfSuccessor(key: string): SeatSlot | undefined {
    const seat = parseSeatKey(key);
    const r = seat && this.sc.roles?.find(x => x.id === seat.role && x.side === seat.side);
    if (!seat || !r) return undefined;
    const c = this.compiled();
    const head = seatHeadOf(c, r.id);
    return this.slots.find(x => x.seat.side === seat.side && (x.seat.role === head || (x.seat.role === LEAD && seatsLead(c, seat.side, head))));
  }

  private compiled(): Compiled {
    this.linked ??= this.match?.c ?? compile(this.sc);
    return this.linked;
  }

  get code(): string {
    return this.setup.code;
  }

  /**
   * `f` is called after every change, with the seats whose messages it may have changed if it
   * changed no more than their own parts (a vote); without them, anything may have changed.
   */
  onChange(f: (only?: readonly Seat[]) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
  /**
   * `f` is called just before ballots are counted into a sealed move or dropped (their item closed,
   * a new turn): a host that sends changes in batches sends what came before first, so each
   * minister is shown every vote the server took, before what counts or drops it.
   */
  onBallotsClosing(f: () => void): () => void {
    this.sealing.add(f);
    return () => this.sealing.delete(f);
  }
  private changed(only?: readonly Seat[]): void {
    for (const f of [...this.listeners]) f(only);
  }

  // ---- students ----------------------------------------------------------------------------------

  /**
   * A student joins: back to their seat with a seat token, else by name into the seat asked for
   * (students pick) or the next one dealt (the server assigns). Refused with the reason.
   */
  join(opts: { name?: unknown; seat?: unknown; seatToken?: unknown }): Result<Joined> {
    if (typeof opts.seatToken === 'string' && opts.seatToken) {
      const found = this.byToken(opts.seatToken);
      if (!found) return err('that seat token is not from this group (ask to join again with your name)');
      found.student.connected = true;
      this.changed();
      return ok({ code: this.code, seat: found.slot.seat, name: found.student.name, seatToken: found.student.token });
    }
    const name = typeof opts.name === 'string' ? opts.name.trim() : '';
    if (!NAME.test(name)) return err('give a name of 1 to 24 letters, digits, spaces or . - ’');
    const same = this.byName(name);
    if (same) {
      // A student back without their seat token (Title pressed, another device, a cleared browser)
      // takes the seat back by name, but only while nobody holds it: a name in use stays refused.
      // A classmate could type an absent student's name: everyone is told (the teacher's console
      // shows it), and the teacher's "Release" takes the seat from whoever holds it.
      if (same.student.connected)
        return err(
          `${same.student.name} is in this group and connected now. If that is you on another device or tab, close it there, or ask your teacher to release your seat, then join again; if not, add an initial to your name`,
        );
      same.student.connected = true;
      this.announce(`${same.student.name} has taken back the seat of ${same.slot.label} by name.`);
      this.changed();
      return ok({ code: this.code, seat: same.slot.seat, name: same.student.name, seatToken: same.student.token });
    }
    if (this.phase === 'ended') return err('this group’s game has ended');
    let slot: SeatSlot | undefined;
    if (this.setup.seating === 'pick' && opts.seat !== undefined) {
      slot = this.slots.find(s => seatKey(s.seat) === opts.seat);
      if (!slot) return err(`there is no seat ${String(opts.seat)} in this group`);
      const free = this.slots.filter(s => !s.students.length);
      if (slot.students.length && free.length) return err(`${slot.label} is taken; free seats: ${free.map(s => s.label).join(', ')}`);
    } else slot = this.nextSeat();
    const student = { name, token: newToken(), connected: true };
    slot.students.push(student);
    this.changed();
    return ok({ code: this.code, seat: slot.seat, name, seatToken: student.token });
  }

  /** The seat with the fewest students, in the order seats are dealt (leads first). */
  private nextSeat(): SeatSlot {
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.students.length < best.students.length) best = s;
    return best;
  }

  private byName(name: string): { slot: SeatSlot; student: Student } | null {
    const n = name.toLowerCase();
    for (const slot of this.slots) for (const student of slot.students) if (student.name.toLowerCase() === n) return { slot, student };
    return null;
  }

  private byToken(token: string): { slot: SeatSlot; student: Student } | null {
    for (const slot of this.slots) for (const student of slot.students) if (student.token === token) return { slot, student };
    return null;
  }

  /** The seat a token holds now (the teacher may move a student in the lobby), or null. */
  seatOf(token: string): Seat | null {
    return this.byToken(token)?.slot.seat ?? null;
  }

  nameOf(token: string): string | null {
    return this.byToken(token)?.student.name ?? null;
  }

  setConnected(token: string, connected: boolean): void {
    const f = this.byToken(token);
    if (f && f.student.connected !== connected) {
      f.student.connected = connected;
      this.changed();
    }
  }

  // ---- the teacher -------------------------------------------------------------------------------

  control(c: Control): Result<void> {
    switch (c.do) {
      case 'start': {
        if (this.phase !== 'lobby') return err(`the game has already started (it is ${this.phase})`);
        const sides = { britain: 'persona', ussr: 'persona' } as Record<Side, Controller>;
        for (const side of SIDES) if (this.slot({ side, role: LEAD })!.students.length) sides[side] = 'human';
        const m = Match.create(this.sc, { scenario: this.sc.id, seed: this.setup.seed, sides }, { sharedScreen: false });
        if (!m.ok) return m;
        this.match = m.value;
        this.phase = 'playing';
        this.turnSeen = 0;
        this.announce(`The game has begun. ${sideList(this.sc, sides)}`);
        this.newTurnDeadline();
        this.enqueue(() => this.advance());
        this.changed();
        return ok(undefined);
      }
      case 'pause':
        if (this.phase !== 'playing') return err(`only a running game can be paused (it is ${this.phase})`);
        this.phase = 'paused';
        this.remainingMs = this.deadline === null ? null : Math.max(0, this.deadline - this.clock.now());
        this.clearDeadline();
        this.announce('The teacher has paused the game: no moves until it resumes.');
        this.changed();
        return ok(undefined);
      case 'resume':
        if (this.phase !== 'paused') return err(`only a paused game can be resumed (it is ${this.phase})`);
        this.phase = 'playing';
        if (this.remainingMs !== null) this.setDeadline(this.clock.now() + Math.max(this.remainingMs, 10_000));
        this.remainingMs = null;
        this.announce('The game has resumed.');
        this.changed();
        return ok(undefined);
      case 'end':
        if (this.phase === 'ended') return err('the game has already ended');
        this.phase = 'ended';
        this.clearDeadline();
        this.announce('The teacher has ended the game.');
        this.changed();
        return ok(undefined);
      case 'pace': {
        const p = checkPace(c.seconds);
        if (!p.ok) return p;
        this.paceSeconds = c.seconds;
        if (this.phase === 'playing') this.newTurnDeadline();
        else if (this.phase === 'paused') this.remainingMs = c.seconds ? c.seconds * 1000 : null;
        this.announce(c.seconds ? `The teacher has set ${formatPace(c.seconds)} a turn; the clock restarts now.` : 'The teacher has lifted the turn deadline.');
        this.changed();
        return ok(undefined);
      }
      case 'announce': {
        const text = typeof c.text === 'string' ? c.text.trim().slice(0, 280) : '';
        if (!text) return err('an announcement needs some text');
        this.announce(`Teacher: ${text}`, true);
        this.changed();
        return ok(undefined);
      }
      case 'lock':
      case 'unlock': {
        const label = typeof c.target === 'string' ? this.lockLabel(c.target) : null;
        if (!label) return err(`${JSON.stringify(c.target)} is not an order (action:ID) or a decision (event:ID with options) of this scenario`);
        if (this.phase === 'ended') return err('the game has ended');
        if (c.do === 'lock') {
          if (this.locked.has(c.target)) return err(`${label} is already locked`);
          this.locked.add(c.target);
          this.announce(
            c.target.startsWith('action:') ? `The teacher has locked an order: ${label}. No side may give it.` : `The teacher has locked a decision: ${label}. It can only go as it went in history.`,
          );
        } else {
          if (!this.locked.delete(c.target)) return err(`${label} is not locked`);
          this.announce(`The teacher has lifted the lock on ${label}.`);
        }
        this.changed();
        return ok(undefined);
      }
      case 'inject': {
        if (this.phase === 'lobby' || !this.match) return err('the game has not started');
        if (this.phase === 'ended') return err('the game has ended');
        if (typeof c.event !== 'string') return err('an injection names one of the scenario’s events');
        const r = this.match.inject(c.event);
        if (!r.ok) return r;
        const ev = this.match.c.events[this.match.c.eventIndex.get(c.event)!]!;
        this.announce(`The teacher has introduced an event: “${ev.title}” happens at the start of the next turn.`);
        this.changed();
        return ok(undefined);
      }
      case 'seat': {
        if (this.phase !== 'lobby') return err('students can be moved between seats only before the game starts');
        const to = this.slots.find(s => seatKey(s.seat) === c.seat);
        if (!to) return err(`there is no seat ${c.seat} in this group`);
        for (const slot of this.slots) {
          const k = slot.students.findIndex(st => st.name === c.student);
          if (k < 0) continue;
          const [st] = slot.students.splice(k, 1);
          to.students.push(st!);
          this.changed();
          return ok(undefined);
        }
        return err(`no student called ${c.student} is in this group`);
      }
      case 'release': {
        // The seat stays the student's (name, role, votes); only who holds it changes: its old token
        // no longer works, the room drops its connections, and the next to join with the name takes it.
        const f = typeof c.student === 'string' ? this.byName(c.student) : null;
        if (!f) return err(`no student called ${String(c.student)} is in this group`);
        f.student.token = newToken();
        f.student.connected = false;
        this.announce(`The teacher has released the seat of ${f.slot.label}: ${f.student.name}, join again with the group code and your name.`);
        this.changed();
        return ok(undefined);
      }
      default:
        return err(`unknown control ${JSON.stringify((c as { do?: unknown }).do)}`);
    }
  }

  // ---- moves -------------------------------------------------------------------------------------

  /** A student's move, from the seat their token holds. Refused with the reason. */
  move(token: string, move: unknown): Promise<Result<void>> {
    return this.enqueue(async () => {
      const f = this.byToken(token);
      if (!f) return err('you have no seat in this group');
      const seat = f.slot.seat;
      if (this.phase !== 'playing' || !this.match) return err(this.phase === 'paused' ? 'the game is paused' : this.phase === 'lobby' ? 'the game has not started' : 'the game has ended');
      if (seat.role !== LEAD) return err(`only the lead of ${this.sc.sides[seat.side].name} sends its orders; you advise as a minister`);
      const m = checkMoveShape(move);
      if (!m.ok) return m;
      const broken = this.breaksLock(m.value);
      if (broken) return err(broken);
      const r = this.sealWithBallots(seat.side, m.value);
      if (!r.ok) return r;
      await this.advance();
      this.changed();
      return ok(undefined);
    });
  }

  /** A minister student's vote on an item before the cabinet now. Refused with the reason. */
  vote(token: string, v: unknown): Result<void> {
    const f = this.byToken(token);
    if (!f) return err('you have no seat in this group');
    const m = this.match;
    if (this.phase !== 'playing' || !m) return err(this.phase === 'paused' ? 'the game is paused' : this.phase === 'lobby' ? 'the game has not started' : 'the game has ended');
    const x = (typeof v === 'object' && v !== null ? v : {}) as { item?: unknown; vote?: unknown };
    if (typeof x.item !== 'string' || (x.vote !== 1 && x.vote !== -1 && x.vote !== 0)) return err('a vote names an item and votes 1 (for), -1 (against) or 0 (take it back)');
    const { side } = f.slot.seat;
    const role = this.roleAt(f.slot.seat);
    const panel = this.cabinet(f.slot.seat);
    if (!role) return err(`${f.slot.label} has no vote in the cabinet`);
    if (!panel?.votes) return err(panel?.note ?? `${f.slot.label} has no vote in the cabinet`);
    const item = panel.items.find(i => i.item === x.item);
    if (!item) return err(`“${x.item}” is not before ${this.sc.sides[side].name}’s cabinet now (it may have been decided already)`);
    this.box.cast1(side, role, item.item, x.vote);
    // Only this minister's cabinet panel and the lead's tally change.
    this.changed([f.slot.seat, { side, role: LEAD }]);
    return ok(undefined);
  }

  /** The lead's move (or the computer's stand-in) submitted with the minister students' ballots on its items. */
  private sealWithBallots(side: Side, move: Move): Result<void> {
    const m = this.match!;
    if (move.side !== side) return m.submit(side, move); // refused by the match, with its reason
    this.ballotsClosing();
    const items = m.inspect(s => openItems(m.c, s, move.side));
    const votes = m.inspect(s => this.box.ballotsFor(m.c, s, move, items));
    const r = m.submit(move.side, votes.length ? { ...move, votes } : move);
    if (r.ok) this.box.sealed(m.c, move.side, votes, items);
    return r;
  }

  private enqueue<T>(f: () => Promise<T>): Promise<T> {
    const p = this.queue.then(f);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Let the computer play what is due; a new turn restarts the clock. */
  private async advance(): Promise<void> {
    if (!this.match) return;
    const r = await this.match.advance();
    if (!r.ok) this.announce(`The computer player stopped: ${r.error}. The teacher may end the game.`);
    const turn = this.match.inspect(s => s.turn);
    this.tidyBallots();
    if (this.match.inspect(s => s.ended !== null)) {
      this.phase = 'ended';
      this.clearDeadline();
      this.announce(`The game is over: ${this.match.inspect(s => s.ended!.reason)}.`);
    } else if (turn !== this.turnSeen) {
      this.turnSeen = turn;
      if (this.phase === 'playing') this.newTurnDeadline();
    }
  }

  private ballotsClosing(): void {
    for (const f of [...this.sealing]) f();
  }

  /** Ballots of a past turn, on items no longer open, or of ministers who no longer vote, are dropped. */
  private tidyBallots(): void {
    const m = this.match;
    if (!m) return;
    this.ballotsClosing();
    m.inspect(s => {
      this.box.newTurn(s.turn);
      for (const side of SIDES) this.box.prune(side, openItems(m.c, s, side), voterRoles(m.c, s, side));
    });
  }

  // ---- the deadline ------------------------------------------------------------------------------

  private newTurnDeadline(): void {
    this.clearDeadline();
    if (this.paceSeconds > 0) this.setDeadline(this.clock.now() + this.paceSeconds * 1000);
  }

  private setDeadline(at: number): void {
    this.clearDeadline();
    this.deadline = at;
    // The timer's call waits behind queued moves, which may end its turn and set the next turn's
    // deadline: only the deadline still standing when its call comes up may act.
    const timer = this.clock.setTimeout(() => void this.enqueue(() => (this.timer === timer ? this.deadlinePassed() : Promise.resolve())), Math.max(0, at - this.clock.now()));
    this.timer = timer;
  }

  private clearDeadline(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.deadline = null;
  }

  /** The policy: the computer takes the missing decisions and gives the missing orders, and says so. */
  async deadlinePassed(): Promise<void> {
    this.clearDeadline(); // fired early (expireNow), the turn's own timer must not fire again later
    if (this.phase !== 'playing' || !this.match) return;
    const m = this.match;
    const late: string[] = [];
    // Only the turn whose time ran out: once a side's move completes it, the new turn is everyone's
    // to play and gets its own deadline.
    const turn = m.inspect(s => s.turn);
    const sameTurn = () => m.inspect(s => s.turn === turn && s.ended === null);
    for (const side of m.humans) {
      const player = makePlayer('persona', this.sc, side);
      const gave: string[] = [];
      for (let guard = 0; guard < 50 && sameTurn(); guard++) {
        const duty = m.duty(side);
        if (duty !== 'decide' && duty !== 'orders') break;
        const rng = aiRng(`${this.setup.seed}/stand-in/${m.moveCount}`, side);
        const chosen = m.inspect(s => nextMove(m.c, seatView(m.c, s, side, AI_VIEW), player, rng));
        const move = chosen && this.withinLocks(chosen);
        if (!move || !this.sealWithBallots(side, move).ok) break;
        if (!late.includes(side)) late.push(side);
        gave.push(this.describe(move));
      }
      if (gave.length) this.standIn[side] = { moves: m.moveCount, text: `Time ran out, so the computer ${gave.join('; and ')}.` };
    }
    const names = late.map(s => this.sc.sides[s as Side].name);
    this.announce(names.length ? `Time is up: the computer gave what ${names.join(' and ')} had not sent.` : 'Time is up.');
    this.turnSeen = -1; // a new deadline even if this turn's moves were all in
    await this.advance();
    this.changed();
  }

  /** A move the computer gave for a side, as its own seats read it. */
  private describe(move: Move): string {
    const c = this.match!.c;
    if (move.type === 'decide') {
      const e = c.events[c.eventIndex.get(move.event)!]!;
      return `decided “${e.title}”: ${e.decision!.options.find(o => o.id === move.option)!.label}`;
    }
    const parts = move.orders.map(o =>
      o.kind === 'action'
        ? `“${c.actions[c.actionIndex.get(o.id)!]!.label}”`
        : o.kind === 'offer'
          ? 'a note with proposals'
          : `${o.accept ? 'an acceptance' : 'a rejection'} of ${noteName(other(move.side), o.offer)}`,
    );
    return parts.length ? `sent the orders: ${parts.join(', ')}` : 'sent no orders';
  }

  /** Fire the deadline now (tests and the bench; the teacher's "end the turn now"). */
  expireNow(): Promise<void> {
    return this.enqueue(() => this.deadlinePassed());
  }

  /** What a lock target is, as a person reads it; null if it names nothing lockable. */
  lockLabel(target: string): string | null {
    const [kind, id] = target.split(':') as [string, string | undefined];
    if (kind === 'action') {
      const a = this.sc.actions.find(x => x.id === id);
      return a ? `“${a.label}” (${this.sc.sides[a.side].name})` : null;
    }
    if (kind === 'event') {
      const e = this.sc.events.find(x => x.id === id);
      return e?.decision ? `“${e.title}”` : null;
    }
    return null;
  }

  /** Why a move breaks one of the teacher's locks, or null. */
  private breaksLock(move: Move): string | null {
    if (move.type === 'orders') {
      for (const o of move.orders) if (o.kind === 'action' && this.locked.has(`action:${o.id}`)) return `the teacher has locked ${this.lockLabel(`action:${o.id}`)}`;
      return null;
    }
    if (!this.locked.has(`event:${move.event}`)) return null;
    const hist = this.sc.events.find(e => e.id === move.event)?.decision?.options.find(o => o.historical);
    return hist && hist.id !== move.option ? `the teacher has locked ${this.lockLabel(`event:${move.event}`)} to history’s choice: “${hist.label}”` : null;
  }

  /** The computer's stand-in move kept within the locks: history's option at a locked decision, no locked order. */
  private withinLocks(move: Move): Move {
    if (move.type === 'orders') return { ...move, orders: move.orders.filter(o => !(o.kind === 'action' && this.locked.has(`action:${o.id}`))) };
    if (!this.locked.has(`event:${move.event}`)) return move;
    const hist = this.sc.events.find(e => e.id === move.event)?.decision?.options.find(o => o.historical);
    return hist ? { ...move, option: hist.id } : move;
  }

  private announce(text: string, teacher = false): void {
    this.announcements.push({ at: this.clock.now(), text, ...(teacher ? { teacher: true as const } : {}) });
    if (this.announcements.length > MAX_ANNOUNCEMENTS) this.announcements.shift();
  }

  // ---- what is sent ------------------------------------------------------------------------------

  private slot(seat: Seat): SeatSlot | undefined {
    return this.slots.find(s => s.seat.side === seat.side && s.seat.role === seat.role);
  }

  /**
   * Which seats are sent the same own part (rolePart): the room builds, diffs and encodes it once
   * for all of them, and keeps one delta channel per key. A seat's own part carries its role's brief
   * and secret aims and its own cabinet panel (votes), so every seat with a role has a key of its
   * own: no minister is ever sent, or diffed against, another role's part. Only seats without a
   * role (a scenario with no roles) share their side's.
   */
  messageKey(seat: Seat): string {
    if (seat.role === LEAD) return `${seat.side}|${LEAD}`;
    return this.sc.roles?.some(r => r.id === seat.role) ? seatKey(seat) : `${seat.side}|minister`;
  }

  /**
   * What one seat is sent: its side's part with its own (joinSeat): the side's seat view with its
   * own role's brief and secret aims (as seatView with `role` builds it, so no other role's), and its
   * part in the cabinet; null before the game starts.
   */
  seatMessage(seat: Seat): SeatMessage | null {
    const side = this.sidePart(seat.side);
    return side && joinSeat(side, this.rolePart(seat)!);
  }

  /**
   * What every seat of a side is sent alike: the side's seat view with no role's brief (Match
   * caches it, so it is built once per change), and the side's business; null before the game starts.
   */
  sidePart(side: Side): SidePart | null {
    const m = this.match;
    if (!m) return null;
    const view = m.view(side);
    const order: Record<number, number[]> = {};
    for (const k of view.pending) order[k] = optionOrder(this.setup.seed, m.c.events[k]!);
    return { side, view, optionOrder: order, duty: m.duty(side), moves: m.moveCount, end: view.ended ? m.endReport() : null, standIn: this.standIn[side] };
  }

  /**
   * Every report a side has heard this game (the engine's seatReports, by the seat view's rules),
   * for a seat's page that opens on a game under way; null before the game starts. Sent on joining
   * rather than kept on the device: the game holds the news, and a page that missed turns while its
   * connection was down, or a new page of the seat, is given them all the same.
   */
  reports(side: Side): NewsItem[] | null {
    return this.match?.inspect(s => seatReports(s, side)) ?? null;
  }

  /** A seat's own part: its role's brief and secret aims (no other role's), its part in the cabinet, and whether it proposes; null before the game starts. */
  rolePart(seat: Seat): RolePart | null {
    const m = this.match;
    if (!m) return null;
    const role = this.roleAt(seat);
    return { role: role ? this.brief(role) : null, cabinet: this.cabinet(seat), proposes: seat.role === LEAD && m.setup.sides[seat.side] === 'human' };
  }

  /** A role's brief, built once: it does not change during the game. */
  private brief(role: string): RoleBrief {
    let b = this.briefs.get(role);
    if (!b) this.briefs.set(role, (b = roleBrief(this.match!.c, role)));
    return b;
  }

  /** The role a seat plays now: the lead minister's for the lead seat, the seat's own otherwise; null if the scenario gives none. */
  private roleAt(seat: Seat): string | null {
    const m = this.match;
    if (!m?.c.roles.length) return null;
    if (seat.role === LEAD) return m.inspect(s => leadRole(m.c, s, seat.side));
    return m.c.roleIndex.has(seat.role) ? m.inspect(s => roleNow(m.c, s, seat.role).id) : null;
  }

  /** A seat's part in its cabinet: whether it votes and on what, its own votes, the lead's tally, and its role's score at the end. */
  private cabinet(seat: Seat): CabinetPanel | null {
    const m = this.match;
    const role = this.roleAt(seat);
    if (!m || (!role && seat.role !== LEAD)) return null;
    return m.inspect(s => {
      const side = seat.side;
      const c = m.c;
      // The engine's end, or the teacher's: either way each role is scored as things stand.
      const ended = s.ended !== null || this.phase === 'ended';
      const score = ended && role ? scoreRole(c, s, role) : null;
      const studentsLead = m.setup.sides[side] === 'human';
      const items = ended || !studentsLead ? [] : this.openNow(s, side);
      // Once the game is over no seat passes to anyone: the term's line would still say one may.
      if (seat.role === LEAD) {
        const note = ended
          ? 'The game is over.'
          : items.length
            ? `Your ministers vote on these items, and those outside the ${bodyName(side)} advise; their ballots go in with your move when you send it.`
            : `Nothing is before the ${bodyName(side)} now.`;
        return {
          votes: false,
          note,
          items,
          mine: {},
          tally: this.box.tally(c, side, items),
          counted: this.box.counts(side, null),
          score,
          term: role && !ended ? termLine(c, seatHeadOf(c, role), role) : null,
        };
      }
      const r = c.roles[c.roleIndex.get(role!)!]!;
      const base = { items: [] as CabinetPanel['items'], mine: {}, tally: null, counted: this.box.counts(side, r.id), score, term: ended ? null : termLine(c, seat.role, r.id) };
      if (ended) return { ...base, votes: false, note: 'The game is over.' };
      if (r.minister < 0) return { ...base, votes: false, note: `${r.name} has no seat in the cabinet: you press your aims by what you say to its ministers.` };
      if (!studentsLead) return { ...base, votes: false, note: `The computer leads ${this.sc.sides[side].name} and does not wait for votes.` };
      if (s.fig[c.ministers[r.minister]!.iOffice] !== 1)
        return {
          ...base,
          votes: false,
          note: `${r.name} is out of office, so has no vote in the cabinet: you press your aims by what you say to its ministers, as the Opposition or a back-bencher does.`,
        };
      if (s.lead[side] === r.minister) return { ...base, votes: false, note: `${r.name} now leads the side: the lead’s seat gives the orders.` };
      const body = bodyName(side);
      const adviser = advises(c, r);
      return {
        votes: true,
        ...(adviser ? { advises: true } : {}),
        note: !items.length
          ? `Nothing is before the ${body} now.`
          : adviser
            ? `${r.name} is not a member of the ${body}: you advise rather than vote. Give your view For or Against each item: it weighs with the ${body} as a member's vote would, pulling your minister toward it, and is counted as advice.`
            : `Vote For or Against each item: your vote pulls your minister toward it when the ${body} decides.`,
        items,
        mine: this.box.mine(side, r.id),
        tally: null,
        counted: base.counted,
        score,
        term: base.term,
      };
    });
  }

  /** The items open to a side's vote in state `s`, worked out once per state for all the side's seats. */
  private openNow(s: GameState, side: Side): BallotItem[] {
    let row = this.open.get(s);
    if (!row) this.open.set(s, (row = {}));
    return (row[side] ??= openItems(this.match!.c, s, side));
  }

  info(): RoomInfo {
    const roster: RosterEntry[] = this.slots.map(s => ({
      seat: seatKey(s.seat),
      side: s.seat.side,
      role: s.seat.role,
      label: s.label,
      students: s.students.map(st => st.name),
      connected: s.students.filter(st => st.connected).map(st => st.name),
    }));
    return {
      code: this.code,
      scenario: this.sc.id,
      title: this.sc.title,
      phase: this.phase,
      seating: this.setup.seating,
      roster,
      sides: this.match ? { ...this.match.setup.sides } : null,
      paceSeconds: this.paceSeconds,
      deadline: this.deadline,
      remainingMs: this.remainingMs,
      policy: MISSED_ORDERS_POLICY,
      announcements: [...this.announcements],
      locked: [...this.locked].map(target => ({ target, label: this.lockLabel(target) ?? target })),
      turn: this.match ? this.match.inspect(s => s.turn) : 0,
      turns: this.match ? this.match.c.days.length : 0,
      refused: null,
    };
  }

  overview(): GroupOverview | null {
    const m = this.match;
    if (!m) return null;
    const s = m.inspect(x => x);
    // The same game state and phase give the same overview (votes and students coming and going change neither).
    if (this.lastOverview?.s === s && this.lastOverview.phase === this.phase) return this.lastOverview.o;
    const injectable = this.phase === 'ended' ? [] : m.injectable().map(e => ({ id: e.id, title: e.title, date: e.day === null ? null : isoOf(e.day) }));
    const o = { ...distanceFromHistory(this.sc, this.code, s, m.moveCount), injectable };
    this.lastOverview = { s, phase: this.phase, o };
    return o;
  }

  toLog(): GroupLog {
    return {
      format: LOG_FORMAT,
      version: 1,
      code: this.code,
      classId: this.setup.classId,
      teacherKey: this.setup.teacherKey,
      scenario: this.sc.id,
      seed: this.setup.seed,
      seating: this.setup.seating,
      phase: this.phase,
      paceSeconds: this.paceSeconds,
      deadline: this.deadline,
      remainingMs: this.remainingMs,
      seats: this.slots.filter(s => s.students.length).map(s => ({ seat: seatKey(s.seat), students: s.students.map(st => ({ name: st.name, token: st.token })) })),
      locked: [...this.locked],
      announcements: [...this.announcements],
      ballots: this.box.toLog(),
      game: this.gameSave(),
    };
  }

  private gameSave(): ReturnType<Match['save']> | null {
    const m = this.match;
    if (!m) return null;
    const s = m.inspect(x => x);
    if (this.lastSave?.s !== s) this.lastSave = { s, save: m.save() };
    return this.lastSave.save;
  }

  get moves(): number {
    return this.match?.moveCount ?? 0;
  }

  dispose(): void {
    this.clearDeadline();
    this.match?.dispose();
    this.listeners.clear();
    this.sealing.clear();
  }
}

/**
 * The seats of a scenario: each side's lead, then every other role of the sides, alternating (a
 * scenario without roles: every other minister).
 */
export function seatsOf(sc: Scenario): SeatSlot[] {
  const m = Match.create(sc, { scenario: sc.id, seed: 'seats', sides: { britain: 'human', ussr: 'human' } }, { sharedScreen: false });
  if (!m.ok) throw new Error(m.error);
  const c = m.value.c;
  const lead = m.value.inspect(s => s.lead);
  m.value.dispose();
  const leads = SIDES.map(side => ({
    seat: { side, role: LEAD },
    label: `Leads ${sc.sides[side].name} (${leadNames(c, side, lead[side])})`,
    students: [] as Student[],
  }));
  const rest = SIDES.map(side =>
    c.roles.length
      ? seatHeads(c, side)
          .filter(r => !seatsLead(c, side, r.id))
          .map(r => ({
            seat: { side, role: r.id },
            label: `${seatNames(c, r.id)}, ${sc.sides[side].name}`,
            students: [] as Student[],
          }))
      : c.side[side].ministers
          .filter(i => i !== lead[side])
          .map(i => ({ seat: { side, role: c.ministers[i]!.id }, label: `${c.ministers[i]!.name}, ${sc.sides[side].name}`, students: [] as Student[] })),
  );
  const out: SeatSlot[] = [...leads];
  for (let k = 0; k < Math.max(rest[0]!.length, rest[1]!.length); k++) for (const r of rest) if (r[k]) out.push(r[k]!);
  return out;
}

/**
 * Who played which role, as a hand-in or debrief names them, from a log's seats: a lead's seat is
 * its side's starting lead minister's role (the debrief gives the roles that succeed a role in its
 * seat to the same students), every other seat its role.
 */
export function seatHolders(sc: Scenario, seats: GroupLog['seats']): { role: string; player: string }[] {
  return seats.flatMap(x => {
    const seat = parseSeatKey(x.seat);
    if (!seat) return [];
    const role = seat.role === LEAD ? sc.roles?.find(r => r.side === seat.side && r.minister === sc.sides[seat.side].lead)?.id : seat.role;
    return role ? x.students.map(st => ({ role, player: st.name })) : [];
  });
}

/** The lead's name, and those of the ministers whose terms follow his in the lead's seat ("Sir Austen Chamberlain, then Arthur Henderson"). */
function leadNames(c: Compiled, side: Side, lead: number): string {
  const r = c.roles.find(x => x.side === side && x.minister === lead);
  return r ? seatNames(c, seatHeadOf(c, r.id)) : c.ministers[lead]!.name;
}

/** Whether the seat headed by role `head` is the lead's: its chain of terms holds the side's lead minister at the start. */
function seatsLead(c: Compiled, side: Side, head: string): boolean {
  const lead = c.ministers.findIndex(m => m.id === c.sc.sides[side].lead);
  return termsOf(c, head).some(r => r.minister === lead);
}

/**
 * What a seat whose roles succeed one another is told of its term: before the change, who takes
 * the seat over and when; after it, that it has passed and that the new role's brief, aims and vote
 * are now the student's. Null for a seat of one role.
 */
export function termLine(c: Compiled, head: string, now: string): string | null {
  const terms = termsOf(c, head);
  const k = terms.findIndex(r => r.id === now);
  const next = terms[k + 1];
  if (k > 0) {
    const r = terms[k]!;
    return `With ${r.succeeds!.change}, this seat has passed from ${terms[k - 1]!.name} to ${r.name}, ${r.office}: you now play this role, with the new brief and secret aims below, and are scored on them.${next ? ` ${prospect(next)}` : ''}`;
  }
  return next ? prospect(next) : null;
}

const prospect = (next: CRole): string => `This seat passes to ${next.name}, ${next.office}, with ${next.succeeds!.change}, if it comes; you then play that role.`;

function checkPace(seconds: unknown): Result<void> {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_PACE)
    return err(`the pace must be a whole number of seconds from 0 (no deadline) to ${MAX_PACE}, not ${JSON.stringify(seconds)}`);
  return ok(undefined);
}

const formatPace = (s: number) => (s % 60 === 0 ? `${s / 60} minute${s === 60 ? '' : 's'}` : `${s} seconds`);

const sideList = (sc: Scenario, sides: Record<Side, Controller>) => SIDES.map(s => `${sc.sides[s].name}: ${sides[s] === 'human' ? 'students' : 'the computer'}.`).join(' ');

/** A move as sent over the wire, checked for shape; the engine checks the rest. */
function checkMoveShape(x: unknown): Result<Move> {
  if (typeof x !== 'object' || x === null) return err('a move must be an object');
  const m = x as Record<string, unknown>;
  if (m.side !== 'britain' && m.side !== 'ussr') return err('a move must name its side');
  if (m.type === 'decide' && typeof m.event === 'string' && typeof m.option === 'string') return ok({ type: 'decide', side: m.side, event: m.event, option: m.option });
  if (m.type === 'orders' && Array.isArray(m.orders)) return ok({ type: 'orders', side: m.side, orders: m.orders as Move extends { orders: infer O } ? O : never });
  return err('a move is a decision (event, option) or orders (a list)');
}

/** A stored log, checked for shape; its game is checked by the match on restore. */
export function readLog(data: unknown): Result<GroupLog> {
  if (typeof data !== 'object' || data === null) return err('the group log is not a JSON object');
  const l = data as Partial<GroupLog>;
  if (l.format !== LOG_FORMAT) return err(`not a group log (format ${JSON.stringify(l.format)})`);
  if (l.version !== 1) return err(`group log version ${JSON.stringify(l.version)} is not one this server reads`);
  const strings = ['code', 'classId', 'teacherKey', 'scenario', 'seed'] as const;
  for (const k of strings) if (typeof l[k] !== 'string' || !l[k]) return err(`the group log has no ${k}`);
  if (l.seating !== 'pick' && l.seating !== 'assign') return err('the group log’s seating is neither pick nor assign');
  if (!['lobby', 'playing', 'paused', 'ended'].includes(String(l.phase))) return err(`the group log’s phase ${JSON.stringify(l.phase)} is unknown`);
  if (!Array.isArray(l.seats) || !Array.isArray(l.announcements)) return err('the group log has no seats or announcements list');
  for (const s of l.seats) {
    if (!parseSeatKey(String(s?.seat))) return err(`the group log names a seat ${JSON.stringify(s?.seat)}`);
    if (!Array.isArray(s.students) || s.students.some(st => typeof st?.name !== 'string' || typeof st?.token !== 'string')) return err(`the group log’s seat ${s.seat} has a malformed student`);
  }
  if (l.deadline !== null && typeof l.deadline !== 'number') return err('the group log’s deadline is not a time');
  return ok(l as GroupLog);
}
