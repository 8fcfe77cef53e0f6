// The Colyseus room of one classroom group. It holds a Group (group.ts), which it restores from the
// log store on creation (a new group's log is stored before its room is made), so a room can be made
// by any server process that shares the store. It has no synchronised schema state: each student
// connection is sent its own seat's message (`seat`, as two parts: its side's, the same bytes for
// every seat of the side, and its own; each whole on joining, coming back or asking with `resync`,
// and after that as the change since the version it holds: src/class/delta.ts), everyone the room's
// public info (`room`) when it changes, and the teacher's console connections the group's distance
// from history (`overview`). A seat's page is sent every report its side has heard (`reports`) on
// joining and coming back, for its Reports tab's earlier turns. A minister student's `vote` goes to the group's ballot box. A student's
// controls are refused. Nothing is shown to anyone before the log holding it is stored: a vote shown
// back to its minister, a seat given out, an order acknowledged (`accepted`) survive a crash.
//
// When a write fails (a full disk, an unwritable directory, Redis down), the group is rolled back:
// made again from its log as last stored, and everyone sent the game as it is there. Rolling back
// rather than holding the change and retrying: a held change is one nobody may be shown, so every
// seat would wait on storage with orders it could not see taken, and a server stopped meanwhile
// would lose it after all; rolled back, what everyone holds is on disk, and each sender of an order,
// vote or control that was not stored is told so and why, and may send it again. Everyone is told
// storage is failing (`storage`) until a write succeeds; the room tries one every PROBE_MS.

import { type Client, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import { Packr } from '@colyseus/msgpackr';
import { PartChannel } from '../class/delta';
import { type Control, type Joined, type JoinOptions, MESSAGES, type Refusal, type RolePart, type RoomInfo, type Seat, type SidePart, type StorageState, seatKey } from '../class/protocol';
import type { Side } from '../engine/index';
import type { Group } from './group';
import type { ClassServices } from './services';
import type { Stored } from './store';

interface Conn {
  teacher: boolean;
  token: string | null;
  seat: Seat | null;
  /** The versions of its side's part and its own part this connection was last sent (-1: none yet, send it whole). */
  sv: number;
  rv: number;
}

/** One part built in a change: its channel, and its bytes whole and as the delta, each encoded at most once. */
interface Encoded<T> {
  ch: PartChannel<T>;
  full?: Buffer;
  delta?: Buffer;
}

/**
 * What one change has built so far, for all its connections: each side's part, each seat key's own
 * part (null: no game yet), and each frame assembled from them (by seat key and what it carries).
 */
interface Built {
  sides: Map<Side, Encoded<SidePart> | null>;
  roles: Map<string, Encoded<RolePart> | null>;
  frames: Map<string, Buffer>;
}
const newBuilt = (): Built => ({ sides: new Map(), roles: new Map(), frames: new Map() });

/** The parts' encoder: plain msgpack, as Colyseus's own (no records), so the client's decoder reads the parts spliced into one message. */
const packr = new Packr({ useRecords: false });
/** The msgpack string keys of a seat message (SeatParts). */
const KEY_V = Buffer.from([0xa1, 0x76]);
const KEY_S = Buffer.from([0xa1, 0x73]);
const KEY_R = Buffer.from([0xa1, 0x72]);

/** The least time between two sendings of a room's changes, in ms (changes in between go together). */
export const BATCH_MS = 15;

/** While storing fails, how often the room tries a write of the group as stored, in ms (a success clears the failure). */
export const PROBE_MS = 5000;

/** Seconds a dropped student's seat is held for a Colyseus reconnection (after that, the seat token still works). */
export const RECONNECT_SECONDS = 120;

export class GroupRoom extends Room<object, Record<string, never>, Conn, Conn> {
  private group!: Group;
  private services!: ClassServices;
  private offChange: (() => void) | null = null;
  private readonly conns = new Map<string, Conn>();
  /** Each side's part and each seat key's own part as last built, with its version (the base of the next delta). */
  private readonly sideChannels = new Map<Side, PartChannel<SidePart>>();
  private readonly roleChannels = new Map<string, PartChannel<RolePart>>();
  /** A change has been made that the connections have not been sent yet. */
  private sendQueued = false;
  /** What the changes not yet sent may have changed: anything, or only the own parts of these seat keys. */
  private dirty: 'all' | Set<string> = new Set();
  /** When the connections were last sent what changed (performance.now()). */
  private lastSent = Number.NEGATIVE_INFINITY;
  /** The teacher's overview as last sent: sent again only when it changes. */
  private lastOverview: Buffer | null = null;
  /** The room's info as last sent to everyone: sent again only when it changes. */
  private lastInfo: Buffer | null = null;
  /** Moves taken and not yet acknowledged (the moves count after each), and whether their sending is queued. */
  private acks: [Client, number][] = [];
  private ackQueued = false;
  /** A vote has been taken that its minister has not been sent yet. */
  private votesUnsent = false;
  /** Votes and controls taken and not yet shown: their senders are told if the log holding them cannot be stored. */
  private taken: [Client, Omit<Refusal, 'reason'>][] = [];
  /** Why the group's log cannot be stored, while it cannot; null while storing works. */
  private failure: string | null = null;
  /** How many times the group has been rolled back: what was built before is never shown. */
  private gen = 0;
  /** The group is being rolled back to its log as last stored: messages are refused meanwhile. */
  private rolling: Promise<void> | null = null;
  /** The group has changed since it was last rolled back (a failed write then needs a rollback). */
  private changedSince = true;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The group's log as it is now (built when its write starts). */
  private readonly logText = () => JSON.stringify(this.group.toLog());
  /** A change has been made since the group's log was last stored. */
  private unsaved = false;
  /** What is waiting to be shown until the log holding it is stored (never, with a store that writes at once), in order. */
  private showing: Promise<void> | null = null;
  /** The frame before every seat message: Colyseus's room-data code and the message type. */
  private readonly seatPrefix = getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.seat);

  override async onCreate(options: { code: string }): Promise<void> {
    this.services = ClassServicesRef.current!;
    this.autoDispose = false;
    this.maxClients = 200;
    const g = await this.services.openGroup(options.code);
    if (!g.ok) throw new ServerError(404, g.error);
    this.group = g.value;
    this.roomId = options.code;
    this.listen();
    this.onMessage(MESSAGES.move, (client, move: unknown) => void this.onMove(client, move));
    this.onMessage(MESSAGES.control, (client, c: unknown) => this.onControl(client, c));
    this.onMessage(MESSAGES.resync, client => this.resync(client));
    this.onMessage(MESSAGES.vote, (client, v: unknown) => this.onVote(client, v));
    this.onMessage('*', (client, type) => this.refuse(client, { what: String(type), reason: 'the server does not know that message' }));
  }

  /** Hear the group's changes. */
  private listen(): void {
    const offChange = this.group.onChange(only => this.changed(only));
    // Only votes not yet shown need to go before the ballots close: any other change waits for its batch
    // (a second lead's move in the same turn of the event loop then goes with the first's, not after it).
    const offSealing = this.group.onBallotsClosing(() => {
      if (this.votesUnsent) this.sendChanges();
    });
    this.offChange = () => {
      offChange();
      offSealing();
    };
  }

  override onAuth(_client: Client, options: JoinOptions): Conn {
    if (this.rolling) throw new ServerError(503, `the server could not store this group’s game (${this.failure}) and is putting it back as last stored: try again in a moment`);
    if (typeof options?.teacherKey === 'string') {
      if (options.teacherKey !== this.group.setup.teacherKey) throw new ServerError(403, 'that is not this class’s teacher key');
      return { teacher: true, token: null, seat: null, sv: -1, rv: -1 };
    }
    const j = this.group.join(options ?? {});
    if (!j.ok) throw new ServerError(400, j.error);
    return { teacher: false, token: j.value.seatToken, seat: j.value.seat, sv: -1, rv: -1 };
  }

  override onJoin(client: Client, _options: JoinOptions, auth: Conn): void {
    this.conns.set(client.sessionId, auth);
    // A seat given out is stored before its token is: the token takes the seat back after a restart.
    const joined: Joined | null = auth.token && auth.seat ? { code: this.group.code, seat: auth.seat, name: this.group.nameOf(auth.token) ?? '', seatToken: auth.token } : null;
    const info = this.group.info();
    const whole = this.wholeFor(client);
    const reports = this.reportsFor(auth);
    if (this.failure) client.send(MESSAGES.storage, this.storageState());
    this.afterStored(() => {
      if (joined) client.send(MESSAGES.joined, joined);
      client.send(MESSAGES.room, info);
      whole();
      reports(client);
    });
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (consented || !conn?.token) {
      this.conns.delete(client.sessionId);
      if (conn?.token) this.away(conn.token, client);
      return;
    }
    // Held for a reconnection first (Colyseus asks for it before anything else in onLeave), then told.
    const held = this.allowReconnection(client, RECONNECT_SECONDS);
    this.away(conn.token, client);
    try {
      const back = await held;
      // The teacher released the seat meanwhile: this connection no longer holds it.
      if (!this.group.seatOf(conn.token)) return this.dropUnseated(back, 'the teacher has released your seat: join again with the group code and your name');
      // What it was sent while away may be lost: it starts again from the whole message.
      conn.sv = conn.rv = -1;
      this.group.setConnected(conn.token, true);
      const info = this.group.info();
      const whole = this.wholeFor(back);
      // The turns it missed while away are among them.
      const reports = this.reportsFor(conn);
      this.afterStored(() => {
        back.send(MESSAGES.room, info);
        whole();
        reports(back);
      });
    } catch {
      this.conns.delete(client.sessionId);
    }
  }

  /** A connection of this seat token has gone: the student is away unless another connection (a second tab) still holds it. */
  private away(token: string, gone: Client): void {
    if (!this.clients.some(c => c !== gone && this.conns.get(c.sessionId)?.token === token)) this.group.setConnected(token, false);
  }

  /** A student's connection whose seat token no longer holds a seat (released, or not stored): told why and closed. */
  private dropUnseated(client: Client, reason: string): void {
    this.refuse(client, { what: 'join', reason });
    this.conns.delete(client.sessionId);
    client.leave(4000);
  }

  /** The room's public info, for the join page (called through the matchmaker from any process). */
  publicInfo(): RoomInfo {
    return this.group.info();
  }

  override onDispose(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.sendQueued = false;
    this.acks = [];
    this.offChange?.();
    this.group?.dispose();
    this.services?.closed(this.roomId);
  }

  // ---- messages ----------------------------------------------------------------------------------

  private async onMove(client: Client, move: unknown): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (!conn?.token) return this.refuse(client, { what: 'move', reason: 'the teacher’s console does not play; students send moves from their seats' });
    if (this.rolling) return this.refuse(client, { what: 'move', reason: notStored(this.failure) });
    const gen = this.gen;
    let r: Awaited<ReturnType<Group['move']>>;
    try {
      r = await this.group.move(conn.token, move);
    } catch (e) {
      // The group was rolled back (and disposed) while the computer replied.
      if (gen !== this.gen) return this.refuse(client, { what: 'move', reason: notStored(this.failure) });
      throw e;
    }
    // Taken by the group as it was before a rollback: not stored.
    if (gen !== this.gen) return this.refuse(client, { what: 'move', reason: notStored(this.failure) });
    if (!r.ok) return this.refuse(client, { what: 'move', reason: r.error });
    // The seat messages of the change go first (a lead told its move is in also holds the view
    // after it), and both only once the log holding the move is stored: an acknowledged order is never lost.
    // Sent with the change's messages, at the end of this turn of the event loop (not at once, nor
    // after BATCH_MS): both leads' moves read in the same turn go in one log write and one message per connection.
    this.acks.push([client, this.group.moves]);
    if (!this.ackQueued) {
      this.ackQueued = true;
      setImmediate(() => {
        this.ackQueued = false;
        this.sendChanges();
      });
    }
  }

  private onVote(client: Client, v: unknown): void {
    const conn = this.conns.get(client.sessionId);
    const item = (v as { item?: unknown } | null)?.item;
    const what = typeof item === 'string' ? { what: 'vote', item } : { what: 'vote' };
    if (this.rolling) {
      this.refuse(client, { ...what, reason: notStored(this.failure) });
      return;
    }
    const r = conn?.token ? this.group.vote(conn.token, v) : { ok: false as const, error: 'the teacher’s console does not vote; minister students vote from their seats' };
    if (!r.ok) this.refuse(client, { ...what, reason: r.error });
    else this.taken.push([client, what]);
  }

  private onControl(client: Client, c: unknown): void {
    const conn = this.conns.get(client.sessionId);
    if (!conn?.teacher) {
      this.refuse(client, { what: 'control', reason: 'only the teacher’s console can control the game' });
      return;
    }
    if (typeof c !== 'object' || c === null || typeof (c as { do?: unknown }).do !== 'string') {
      this.refuse(client, { what: 'control', reason: 'a control names what to do' });
      return;
    }
    const what = `control ${(c as { do: string }).do}`;
    if (this.rolling) {
      this.refuse(client, { what, reason: notStored(this.failure) });
      return;
    }
    const r = this.group.control(c as Control);
    if (!r.ok) this.refuse(client, { what, reason: r.error });
    else {
      this.taken.push([client, { what }]);
      this.reseat();
    }
  }

  /**
   * After the teacher moves a student to another seat (in the lobby): each of that student's
   * connections is told its new seat (`joined`) and sent the new seat's message whole. After the
   * teacher releases a seat: the connections that held it are closed, told why.
   */
  private reseat(): void {
    for (const client of [...this.clients]) {
      const conn = this.conns.get(client.sessionId);
      const seat = conn?.token ? this.group.seatOf(conn.token) : null;
      if (conn?.token && !seat) {
        this.dropUnseated(client, 'the teacher has released your seat (it is kept for you): join again with the group code and your name');
        continue;
      }
      if (!conn?.token || !seat || (conn.seat && seatKey(conn.seat) === seatKey(seat))) continue;
      conn.seat = seat;
      conn.sv = conn.rv = -1;
      const joined: Joined = { code: this.group.code, seat, name: this.group.nameOf(conn.token) ?? '', seatToken: conn.token };
      const whole = this.wholeFor(client);
      this.afterStored(() => {
        client.send(MESSAGES.joined, joined);
        whole();
      });
    }
  }

  private refuse(client: Client, r: Refusal): void {
    client.send(MESSAGES.refused, r);
  }

  // ---- sending -----------------------------------------------------------------------------------

  /**
   * After every change: the connections told what changed (the log stored first) once the messages
   * that came in together have all been handled (setImmediate: after this turn of the event loop's
   * reading, before any more waiting), and no sooner than BATCH_MS after the last time. When every
   * student moves and votes at once, a burst of changes goes as a few messages per connection, and
   * one write of the log, not one per change; at a student's pace each change goes at once.
   */
  private changed(only?: readonly Seat[]): void {
    this.unsaved = true;
    this.changedSince = true;
    // What to look at when sending: everything, or only the own parts of the seats named.
    if (only) this.votesUnsent = true;
    if (!only) this.dirty = 'all';
    else if (this.dirty !== 'all') for (const seat of only) this.dirty.add(this.group.messageKey(seat));
    if (this.sendQueued) return;
    this.sendQueued = true;
    const wait = this.lastSent + BATCH_MS - performance.now();
    if (wait > 0) setTimeout(() => this.sendChanges(), wait);
    else setImmediate(() => this.sendChanges());
  }

  /**
   * Each connection told what changed for it since it was last sent anything, once the log holding
   * it is stored. Each message is encoded once: the room's info for all (and only if it changed),
   * each side's part for all its seats, each seat's own part for its students; a connection's frame
   * splices the bytes it needs.
   */
  private sendChanges(): void {
    if (!this.sendQueued && !this.acks.length) return;
    this.sendQueued = false;
    this.votesUnsent = false;
    const acks = this.acks;
    this.acks = [];
    const taken = this.taken;
    this.taken = [];
    this.lastSent = performance.now();
    const dirty = this.dirty;
    this.dirty = new Set();
    // A vote changes neither the room's info nor the teacher's overview, nor any side's part.
    let info: Buffer | null = null;
    if (dirty === 'all') {
      info = getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.room, this.group.info());
      if (this.lastInfo?.equals(info)) info = null;
      else this.lastInfo = info;
    }
    const built = newBuilt();
    let overview: Buffer | null | undefined = dirty === 'all' ? undefined : null;
    // Built now, from the state the log about to be stored holds; sent once it is stored.
    const out: [Client, Buffer][] = [];
    for (const client of this.clients) {
      if (info) out.push([client, info]);
      const conn = this.conns.get(client.sessionId);
      if (!conn) continue;
      if (dirty !== 'all' && !(conn.seat && dirty.has(this.group.messageKey(conn.seat)))) continue;
      if (conn.teacher) {
        if (overview === undefined) {
          const o = this.group.overview();
          overview = o ? getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.overview, o) : null;
          // Unchanged (a vote, a student coming or going): the consoles hold it already.
          if (overview && this.lastOverview?.equals(overview)) overview = null;
          else this.lastOverview = overview;
        }
        if (overview) out.push([client, overview]);
      } else if (conn.seat) {
        const bytes = this.seatBytes(conn, built);
        if (bytes) out.push([client, bytes]);
      }
    }
    this.afterStored(
      () => {
        for (const [client, bytes] of out) client.enqueueRaw(bytes);
        for (const [client, moves] of acks) client.send(MESSAGES.accepted, { moves });
      },
      // Not stored: none of it is shown, and each sender is told.
      why => {
        for (const [client] of acks) this.refuse(client, { what: 'move', reason: notStored(why) });
        for (const [client, what] of taken) this.refuse(client, { ...what, reason: notStored(why) });
      },
    );
  }

  /** A connection's seat message (both parts whole if it holds none) on joining or coming back, or the teacher's overview: built now, sent by what it returns. */
  private wholeFor(client: Client): () => void {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return () => {};
    // Built now, from the state the log about to be stored holds; sent by the caller once it is stored.
    if (conn.teacher) {
      const o = this.group.overview();
      return () => o && client.send(MESSAGES.overview, o);
    }
    const bytes = this.seatBytes(conn, newBuilt());
    return () => bytes && client.enqueueRaw(bytes);
  }

  /** A seat's earlier reports (MESSAGES.reports), built now from the state about to be stored; sent by what it returns. Nothing for the console, or before the game. */
  private reportsFor(conn: Conn): (client: Client) => void {
    const news = conn.seat ? this.group.reports(conn.seat.side) : null;
    return client => news && client.send(MESSAGES.reports, news);
  }

  /** A client missed a delta: send its seat's message whole. */
  private resync(client: Client): void {
    const conn = this.conns.get(client.sessionId);
    if (!conn?.seat) return;
    conn.sv = conn.rv = -1;
    this.afterStored(this.wholeFor(client));
  }

  /**
   * The frame a seat's connection is sent now: for each part, nothing if it holds the latest
   * version, the delta if it holds the one before, else the part whole; null if it needs neither.
   * Parts and frames are built, diffed and encoded once per change for every connection they suit.
   */
  private seatBytes(conn: Conn, built: Built): Buffer | null {
    if (!conn.seat) return null;
    const seat = conn.seat;
    const k = this.group.messageKey(seat);
    const side = part(built.sides, this.sideChannels, seat.side, () => this.group.sidePart(seat.side));
    const own = part(built.roles, this.roleChannels, k, () => this.group.rolePart(seat));
    if (!side || !own) return null;
    const sk = side.ch.kind(conn.sv);
    const rk = own.ch.kind(conn.rv);
    conn.sv = side.ch.version;
    conn.rv = own.ch.version;
    if (sk === 'none' && rk === 'none') return null;
    const fk = `${k} ${sk} ${rk}`;
    let frame = built.frames.get(fk);
    if (!frame) {
      const chunks: Buffer[] = [this.seatPrefix, Buffer.from([0x81 + Number(sk !== 'none') + Number(rk !== 'none')]), KEY_V, Buffer.from(packr.pack([side.ch.version, own.ch.version]))];
      if (sk !== 'none') chunks.push(KEY_S, bytesOf(side, sk));
      if (rk !== 'none') chunks.push(KEY_R, bytesOf(own, rk));
      built.frames.set(fk, (frame = Buffer.concat(chunks)));
    }
    return frame;
  }

  /**
   * Run `show` (which tells connections of a change) once the group's log as it is now is stored,
   * and after whatever was waiting to be shown before it. With the disk store that is at once (it is
   * written here); with Redis, after the write's round trip. A crash never loses what a student was shown.
   * If the log cannot be stored, `fail` is run with the reason instead, and the group rolled back.
   */
  private afterStored(show: () => void, fail?: (why: string) => void): void {
    const code = this.group.code;
    const stored: Stored = this.unsaved ? this.services.store(code, this.logText) : this.services.pending(code);
    this.unsaved = false;
    if (stored === true && !this.showing) {
      show();
      if (this.failure) this.recovered();
      return;
    }
    // Handled here at once, or a failed write left waiting behind earlier ones would count as unhandled.
    if (stored !== true) stored.catch(() => undefined);
    const gen = this.gen;
    const p = (this.showing ?? Promise.resolve())
      .then(() => (stored === true ? undefined : stored))
      .then(
        () => {
          // Built before a rollback: of a state that is not the one stored.
          if (gen !== this.gen) return fail?.(this.failure ?? 'the game was put back as last stored');
          show();
          if (this.failure) this.recovered();
        },
        (e: unknown) => {
          const why = e instanceof Error ? e.message : String(e);
          fail?.(why);
          if (gen === this.gen) this.storageFailed(why);
        },
      );
    this.showing = p;
    void p.finally(() => {
      if (this.showing === p) this.showing = null;
    });
  }

  // ---- when storing fails ------------------------------------------------------------------------

  /** What every connection is told of storage. */
  private storageState(): StorageState {
    return {
      failing: this.failure,
      text: this.failure
        ? `The server cannot store this group’s game (${this.failure}). The game stays as last stored: orders, votes and controls are refused until storing works again (it tries every ${PROBE_MS / 1000} s).`
        : 'Storing works again: play on.',
    };
  }

  private tellStorage(): void {
    const s = this.storageState();
    for (const client of this.clients) client.send(MESSAGES.storage, s);
  }

  /**
   * A write failed: everything taken and not yet shown is dropped, its senders told why, and the
   * group rolled back to its log as last stored (unless it is as stored already: a failed probe).
   */
  private storageFailed(why: string): void {
    if (this.rolling) return;
    const first = this.failure === null;
    this.failure = why;
    this.gen++;
    for (const [client] of this.acks) this.refuse(client, { what: 'move', reason: notStored(why) });
    for (const [client, what] of this.taken) this.refuse(client, { ...what, reason: notStored(why) });
    this.acks = [];
    this.taken = [];
    this.sendQueued = false;
    this.votesUnsent = false;
    this.dirty = new Set();
    if (first) this.tellStorage();
    if (!this.changedSince) {
      this.services.resume(this.group.code);
      this.probeLater();
      return;
    }
    const p = this.rollBack(why).finally(() => {
      if (this.rolling === p) this.rolling = null;
    });
    this.rolling = p;
  }

  /**
   * The group made again from its log as last stored, and every connection sent the game as it is
   * there. As after a restart, a turn's deadline is given at least RESTART_GRACE_MS (group.ts): a
   * deadline passed while storing fails is not taken again at once, to fail again.
   */
  private async rollBack(why: string): Promise<void> {
    const code = this.group.code;
    const r = await this.services.lastStored(code);
    if (!r.ok) {
      // Nothing to roll back to here: close the room; the students' pages open it again from the store.
      console.error(`group ${code}: could not roll back after a failed write (${r.error}); closing its room`);
      await this.disconnect();
      return;
    }
    this.offChange?.();
    this.group.dispose();
    this.group = r.value;
    for (const client of this.clients) {
      const token = this.conns.get(client.sessionId)?.token;
      if (token && this.group.seatOf(token)) this.group.setConnected(token, true);
    }
    this.listen();
    this.unsaved = false;
    this.changedSince = false;
    this.lastInfo = this.lastOverview = null;
    this.services.resume(code);
    // What everyone is sent now is on disk: nothing waits for a write.
    const info = this.group.info();
    for (const client of this.clients) {
      const conn = this.conns.get(client.sessionId);
      if (!conn) continue;
      if (conn.token) {
        const seat = this.group.seatOf(conn.token);
        if (!seat) {
          this.dropUnseated(client, `your seat could not be stored (${why}), so you are not in the group: join again with its code and your name`);
          continue;
        }
        if (!conn.seat || seatKey(conn.seat) !== seatKey(seat)) {
          conn.seat = seat;
          client.send(MESSAGES.joined, { code, seat, name: this.group.nameOf(conn.token) ?? '', seatToken: conn.token } satisfies Joined);
        }
      }
      conn.sv = conn.rv = -1;
      client.send(MESSAGES.room, info);
      this.wholeFor(client)();
    }
    this.probeLater();
  }

  private probeLater(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (!this.failure || this.rolling) return;
      // The group as it is (as stored, unless a change has come since): a success clears the failure.
      this.unsaved = true;
      this.afterStored(() => {});
    }, PROBE_MS);
  }

  /** A write has succeeded since storing failed: everyone is told, and play goes on. */
  private recovered(): void {
    this.failure = null;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
    this.tellStorage();
  }
}

/** Why an order, vote or control was not taken: its log could not be stored. */
function notStored(why: string | null): string {
  return `the server could not store it (${why ?? 'storage is failing'}), so it was not taken and the game is as it was before it; try again in a moment`;
}

/** A part as built in this change: taken from the group once and diffed against the version before (null: no game yet). */
function part<K, T>(built: Map<K, Encoded<T> | null>, channels: Map<K, PartChannel<T>>, key: K, make: () => T | null): Encoded<T> | null {
  let e = built.get(key);
  if (e === undefined) {
    const doc = make();
    let ch = channels.get(key);
    if (!ch) channels.set(key, (ch = new PartChannel<T>()));
    if (doc) ch.update(doc);
    e = doc ? { ch } : null;
    built.set(key, e);
  }
  return e;
}

/** A part's msgpack bytes, whole or as the delta, encoded once. */
function bytesOf<T>(e: Encoded<T>, kind: 'full' | 'delta'): Buffer {
  // Copied out of the encoder's buffer, which its next use overwrites.
  if (kind === 'delta') return (e.delta ??= Buffer.from(packr.pack(e.ch.delta())));
  return (e.full ??= Buffer.from(packr.pack(e.ch.full())));
}

/** The services the rooms of this process use, set by the server before any room is made. */
export const ClassServicesRef: { current: ClassServices | null } = { current: null };
