// The Colyseus room of one classroom group. It holds a Group (group.ts), which it restores from the
// log store on creation (a new group's log is stored before its room is made), so a room can be made
// by any server process that shares the store. It has no synchronised schema state: each student
// connection is sent its own seat's message (`seat` whole on joining, coming back or asking with
// `resync`; after that `seatDelta`, the change since the version it holds: src/class/delta.ts), everyone the room's public info (`room`), and
// the teacher's console connections the group's distance from history (`overview`). A minister
// student's `vote` goes to the group's ballot box. A student's controls are refused; an order is
// acknowledged only once the log holding it is stored.

import { type Client, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import { type DiffMemo, SeatChannel } from '../class/delta';
import { type Control, type Joined, type JoinOptions, MESSAGES, type Refusal, type RoomInfo, type Seat } from '../class/protocol';
import type { Group } from './group';
import type { ClassServices } from './services';

interface Conn {
  teacher: boolean;
  token: string | null;
  seat: Seat | null;
  /** The version of its seat's message this connection was last sent (-1: none yet, send it whole). */
  v: number;
}

/**
 * A change's seat messages, encoded once for every connection of the seat: whole, and as the delta;
 * with the memo their diffs share (each side's seats share its view: src/class/delta.ts).
 */
interface Built {
  seats: Map<string, { ch: SeatChannel; full: Buffer | null; delta: Buffer | null | undefined } | null>;
  memo: DiffMemo;
}
const newBuilt = (): Built => ({ seats: new Map(), memo: new WeakMap() });

/** Seconds a dropped student's seat is held for a Colyseus reconnection (after that, the seat token still works). */
export const RECONNECT_SECONDS = 120;

export class GroupRoom extends Room<object, Record<string, never>, Conn, Conn> {
  private group!: Group;
  private services!: ClassServices;
  private offChange: (() => void) | null = null;
  private readonly conns = new Map<string, Conn>();
  /** Each seat's message as last sent, with its version (the base of the next delta). */
  private readonly channels = new Map<string, SeatChannel>();

  override async onCreate(options: { code: string }): Promise<void> {
    this.services = ClassServicesRef.current!;
    this.autoDispose = false;
    this.maxClients = 200;
    const g = await this.services.openGroup(options.code);
    if (!g.ok) throw new ServerError(404, g.error);
    this.group = g.value;
    this.roomId = options.code;
    this.offChange = this.group.onChange(() => this.changed());
    this.onMessage(MESSAGES.move, (client, move: unknown) => void this.onMove(client, move));
    this.onMessage(MESSAGES.control, (client, c: unknown) => this.onControl(client, c));
    this.onMessage(MESSAGES.resync, client => this.resync(client));
    this.onMessage(MESSAGES.vote, (client, v: unknown) => this.onVote(client, v));
    this.onMessage('*', (client, type) => this.refuse(client, { what: String(type), reason: 'the server does not know that message' }));
  }

  override onAuth(_client: Client, options: JoinOptions): Conn {
    if (typeof options?.teacherKey === 'string') {
      if (options.teacherKey !== this.group.setup.teacherKey) throw new ServerError(403, 'that is not this class’s teacher key');
      return { teacher: true, token: null, seat: null, v: -1 };
    }
    const j = this.group.join(options ?? {});
    if (!j.ok) throw new ServerError(400, j.error);
    return { teacher: false, token: j.value.seatToken, seat: j.value.seat, v: -1 };
  }

  override onJoin(client: Client, _options: JoinOptions, auth: Conn): void {
    this.conns.set(client.sessionId, auth);
    if (auth.token && auth.seat) {
      const joined: Joined = { code: this.group.code, seat: auth.seat, name: this.group.nameOf(auth.token) ?? '', seatToken: auth.token };
      client.send(MESSAGES.joined, joined);
    }
    this.persist();
    client.send(MESSAGES.room, this.group.info());
    this.sendTo(client);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (consented || !conn?.token) {
      this.conns.delete(client.sessionId);
      if (conn?.token) this.group.setConnected(conn.token, false);
      return;
    }
    // Held for a reconnection first (Colyseus asks for it before anything else in onLeave), then told.
    const held = this.allowReconnection(client, RECONNECT_SECONDS);
    this.group.setConnected(conn.token, false);
    try {
      const back = await held;
      // What it was sent while away may be lost: it starts again from the whole message.
      conn.v = -1;
      this.group.setConnected(conn.token, true);
      back.send(MESSAGES.room, this.group.info());
      this.sendTo(back);
    } catch {
      this.conns.delete(client.sessionId);
    }
  }

  /** The room's public info, for the join page (called through the matchmaker from any process). */
  publicInfo(): RoomInfo {
    return this.group.info();
  }

  override onDispose(): void {
    this.offChange?.();
    this.group?.dispose();
    this.services?.closed(this.roomId);
  }

  // ---- messages ----------------------------------------------------------------------------------

  private async onMove(client: Client, move: unknown): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (!conn?.token) return this.refuse(client, { what: 'move', reason: 'the teacher’s console does not play; students send moves from their seats' });
    const r = await this.group.move(conn.token, move);
    if (!r.ok) return this.refuse(client, { what: 'move', reason: r.error });
    // Acknowledge only once the log holding the move is stored: an acknowledged order is never lost.
    await this.services.flushed(this.group.code);
    client.send(MESSAGES.accepted, { moves: this.group.moves });
  }

  private onVote(client: Client, v: unknown): void {
    const conn = this.conns.get(client.sessionId);
    const r = conn?.token ? this.group.vote(conn.token, v) : { ok: false as const, error: 'the teacher’s console does not vote; minister students vote from their seats' };
    if (!r.ok) this.refuse(client, { what: 'vote', reason: r.error });
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
    const r = this.group.control(c as Control);
    if (!r.ok) this.refuse(client, { what: `control ${(c as { do: string }).do}`, reason: r.error });
  }

  private refuse(client: Client, r: Refusal): void {
    client.send(MESSAGES.refused, r);
  }

  // ---- sending -----------------------------------------------------------------------------------

  /**
   * After every change: the log stored, and each connection told what changed for it. Each message
   * is encoded once (the room's info for all, each seat's message for its students) and the same
   * bytes sent to every connection it is for: the fan-out costs one encoding per seat, not per student.
   */
  private changed(): void {
    this.persist();
    const info = this.group.info();
    const roomBytes = getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.room, info);
    const built = newBuilt();
    let overview: Buffer | null | undefined;
    for (const client of this.clients) {
      client.enqueueRaw(roomBytes);
      const conn = this.conns.get(client.sessionId);
      if (!conn) continue;
      if (conn.teacher) {
        if (overview === undefined) {
          const o = this.group.overview();
          overview = o ? getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.overview, o) : null;
        }
        if (overview) client.enqueueRaw(overview);
      } else if (conn.seat) {
        const bytes = this.seatBytes(conn, built);
        if (bytes) client.enqueueRaw(bytes);
      }
    }
  }

  /** A connection's seat message (whole if it holds none) on joining or coming back; the teacher's overview. */
  private sendTo(client: Client): void {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return;
    if (conn.teacher) {
      const o = this.group.overview();
      if (o) client.send(MESSAGES.overview, o);
      return;
    }
    const bytes = this.seatBytes(conn, newBuilt());
    if (bytes) client.enqueueRaw(bytes);
  }

  /** A client missed a delta: send its seat's message whole. */
  private resync(client: Client): void {
    const conn = this.conns.get(client.sessionId);
    if (!conn?.seat) return;
    conn.v = -1;
    this.sendTo(client);
  }

  /**
   * What a seat's connection is sent now: nothing if it holds the latest version of its seat's
   * message, the delta if it holds the one before, else the whole message. The seat's message is
   * built, diffed and encoded once per change for all its connections (`built`).
   */
  private seatBytes(conn: Conn, built: Built): Buffer | null {
    if (!conn.seat) return null;
    const k = this.group.messageKey(conn.seat);
    let b = built.seats.get(k);
    if (b === undefined) {
      const msg = this.group.seatMessage(conn.seat);
      let ch = this.channels.get(k);
      if (!ch) this.channels.set(k, (ch = new SeatChannel()));
      if (msg) ch.update(msg, built.memo);
      b = msg ? { ch, full: null, delta: undefined } : null;
      built.seats.set(k, b);
    }
    if (!b || conn.v === b.ch.version) return null;
    let bytes: Buffer | null = null;
    if (conn.v === b.ch.version - 1) {
      if (b.delta === undefined) {
        const d = b.ch.delta();
        b.delta = d ? getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.seatDelta, d) : null;
      }
      bytes = b.delta;
    }
    bytes ??= b.full ??= getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.seat, b.ch.full());
    conn.v = b.ch.version;
    return bytes;
  }

  private persist(): void {
    this.services.store(this.group);
  }
}

/** The services the rooms of this process use, set by the server before any room is made. */
export const ClassServicesRef: { current: ClassServices | null } = { current: null };
