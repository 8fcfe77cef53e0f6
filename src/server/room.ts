// The Colyseus room of one classroom group. It holds a Group (group.ts), which it restores from the
// log store on creation (a new group's log is stored before its room is made), so a room can be made
// by any server process that shares the store. It has no synchronised schema state: each student
// connection is sent its own seat's message (`seat`), everyone the room's public info (`room`), and
// the teacher's console connections the group's distance from history (`overview`). A student's
// controls are refused; an order is acknowledged only once the log holding it is stored.

import { type Client, Room, ServerError } from '@colyseus/core';
import { type Control, type Joined, type JoinOptions, MESSAGES, type Refusal, type RoomInfo, type Seat } from '../class/protocol';
import type { Group } from './group';
import type { ClassServices } from './services';

interface Conn {
  teacher: boolean;
  token: string | null;
  seat: Seat | null;
  /** Moves count and phase of the last seat message sent, so one is sent only when it changed. */
  sent: string;
}

/** Seconds a dropped student's seat is held for a Colyseus reconnection (after that, the seat token still works). */
export const RECONNECT_SECONDS = 120;

export class GroupRoom extends Room<object, Record<string, never>, Conn, Conn> {
  private group!: Group;
  private services!: ClassServices;
  private offChange: (() => void) | null = null;
  private readonly conns = new Map<string, Conn>();

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
    this.onMessage('*', (client, type) => this.refuse(client, { what: String(type), reason: 'the server does not know that message' }));
  }

  override onAuth(_client: Client, options: JoinOptions): Conn {
    if (typeof options?.teacherKey === 'string') {
      if (options.teacherKey !== this.group.setup.teacherKey) throw new ServerError(403, 'that is not this class’s teacher key');
      return { teacher: true, token: null, seat: null, sent: '' };
    }
    const j = this.group.join(options ?? {});
    if (!j.ok) throw new ServerError(400, j.error);
    return { teacher: false, token: j.value.seatToken, seat: j.value.seat, sent: '' };
  }

  override onJoin(client: Client, _options: JoinOptions, auth: Conn): void {
    this.conns.set(client.sessionId, auth);
    if (auth.token && auth.seat) {
      const joined: Joined = { code: this.group.code, seat: auth.seat, name: this.group.nameOf(auth.token) ?? '', seatToken: auth.token };
      client.send(MESSAGES.joined, joined);
    }
    this.persist();
    client.send(MESSAGES.room, this.group.info());
    this.sendTo(client, true);
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
      this.group.setConnected(conn.token, true);
      conn.sent = '';
      back.send(MESSAGES.room, this.group.info());
      this.sendTo(back, true);
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

  private changed(): void {
    this.persist();
    const info = this.group.info();
    const overview = this.teachers() ? this.group.overview() : null;
    for (const client of this.clients) {
      this.sendTo(client, false);
      client.send(MESSAGES.room, info);
      if (this.conns.get(client.sessionId)?.teacher && overview) client.send(MESSAGES.overview, overview);
    }
  }

  private teachers(): boolean {
    for (const c of this.conns.values()) if (c.teacher) return true;
    return false;
  }

  /** A student's seat message, if it changed since the last one sent; the teacher's overview on joining. */
  private sendTo(client: Client, force: boolean): void {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return;
    if (conn.teacher) {
      if (force) {
        const o = this.group.overview();
        if (o) client.send(MESSAGES.overview, o);
      }
      return;
    }
    if (!conn.seat) return;
    const key = `${this.group.moves}|${this.group.info().phase}`;
    if (!force && conn.sent === key) return;
    const msg = this.group.seatMessage(conn.seat);
    if (!msg) return;
    conn.sent = key;
    client.send(MESSAGES.seat, msg);
  }

  private persist(): void {
    this.services.store(this.group);
  }
}

/** The services the rooms of this process use, set by the server before any room is made. */
export const ClassServicesRef: { current: ClassServices | null } = { current: null };
