// A browser's connection to one classroom group, over colyseus.js. It joins with a code and a name
// (or takes its seat back with the seat token kept in sessionStorage, so a reload returns to the
// same seat, and in localStorage, so a new tab on the same device does too), and when the connection drops it reconnects by itself: first with Colyseus's
// reconnection token, then, if the server restarted or the room moved to another process, with the
// seat token. Messages are handed on by type; the only thing kept is the seat's last message (its
// two parts), to rebuild the next from the deltas the server sends (delta.ts), asking for the whole
// message when a delta does not follow on from it.

import { Client, type Room } from 'colyseus.js';
import type { Move, NewsItem } from '../engine/index';
import { SeatFeed, type SeatParts } from './delta';
import { type Control, type Joined, type JoinOptions, MESSAGES, type Refusal, type RoomInfo, type SeatMessage, type StorageState, type VoteMessage } from './protocol';
import { forgetGroupKeep } from './seatKeep';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'lost';

export interface ConnectionEvents {
  joined?(j: Joined): void;
  seat?(m: SeatMessage): void;
  room?(r: RoomInfo): void;
  refused?(r: Refusal): void;
  accepted?(a: { moves: number }): void;
  overview?(o: unknown): void;
  storage?(s: StorageState): void;
  /** Every report the seat's side has heard this game (on joining and coming back). */
  reports?(items: NewsItem[]): void;
  status?(s: ConnectionStatus, detail: string): void;
}

/**
 * What this browser keeps to take its seat back: in the tab's sessionStorage, read first (two tabs
 * in two groups each keep their own), and in localStorage, for a tab opened afresh on the device.
 */
export interface Kept {
  code: string;
  seatToken: string;
  reconnectionToken: string;
  /** The student's name, to ask whoever opens the class link on the device whether it is theirs. */
  name?: string;
  /** Found in the tab's own store (a reload, a return from the title screen), not only in the device's. */
  inTab?: boolean;
}
const KEY = 'asd-class-seat';

export function keptSeat(storages: readonly Storage[]): Kept | null {
  for (const [n, storage] of storages.entries()) {
    try {
      const k = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Kept> | null;
      if (k && typeof k.code === 'string' && typeof k.seatToken === 'string')
        return { code: k.code, seatToken: k.seatToken, reconnectionToken: String(k.reconnectionToken ?? ''), ...(typeof k.name === 'string' ? { name: k.name } : {}), inTab: n === 0 };
    } catch {
      // unreadable: try the next
    }
  }
  return null;
}

function keepSeat(storages: readonly Storage[], k: Kept): void {
  for (const storage of storages) {
    try {
      storage.setItem(KEY, JSON.stringify({ code: k.code, seatToken: k.seatToken, reconnectionToken: k.reconnectionToken, name: k.name }));
    } catch {
      // full or forbidden: the other may still hold it
    }
  }
}

/**
 * Forgets the seat kept in each store (only a seat in group `code`, if given) and everything its
 * pages kept there for its group (seatKeep.ts): the seat is released, not this student's, or its lesson is over.
 */
export function forgetSeat(storages: readonly Storage[], code?: string): void {
  for (const storage of storages) {
    let k: Partial<Kept> | null = null;
    try {
      k = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Kept> | null;
    } catch {
      // unreadable: nothing of it to read
    }
    if (code !== undefined && k?.code !== code) continue;
    try {
      storage.removeItem(KEY);
      if (typeof k?.code === 'string') forgetGroupKeep(storage, k.code);
    } catch {
      // forbidden: nothing kept there
    }
  }
}

/** Why a message cannot go now, said to the student: it is not sent, never dropped unsaid. */
export const NOT_CONNECTED = 'the connection to the classroom server is down; it reconnects by itself, then try again';

/** The group's public info, by code (opens the room on the server if it was closed). */
export async function groupInfo(httpBase: string, code: string): Promise<{ ok: true; value: RoomInfo } | { ok: false; error: string }> {
  try {
    const res = await fetch(`${httpBase}/api/groups/${encodeURIComponent(code)}`);
    const body = (await res.json()) as RoomInfo & { error?: string };
    return res.ok ? { ok: true, value: body } : { ok: false, error: body.error ?? `the server answered ${res.status}` };
  } catch (e) {
    return { ok: false, error: `the classroom server cannot be reached (${e instanceof Error ? e.message : String(e)})` };
  }
}

const RETRY_MS = [500, 1000, 2000, 3000, 5000];

export class ClassConnection {
  private room: Room | null = null;
  private readonly client: Client;
  private closed = false;
  private kept: Kept | null = null;
  /** Where the seat is kept: every store given, or only the tab's once the lesson is over (tabOnly). */
  private storages: readonly Storage[];

  constructor(
    private readonly base: string,
    private readonly events: ConnectionEvents,
    storages: readonly Storage[] = [],
  ) {
    this.storages = storages;
    this.client = new Client(base.replace(/^http/, 'ws'));
  }

  /** Join a group; rejects with the server's reason. */
  async join(code: string, opts: JoinOptions): Promise<void> {
    // Joining again after a leave (the seat released, the form filled in afresh) opens a new connection.
    this.closed = false;
    // Make sure the room is open (after a restart it is opened from its log on first asking).
    const info = await groupInfo(this.base, code);
    if (!info.ok) throw new Error(info.error);
    const room = await this.client.joinById(code, opts);
    this.attach(room, code, () => {
      if (!this.kept) throw new Error('no seat to take back');
      return this.join(this.kept.code, { seatToken: this.kept.seatToken });
    });
  }

  /** The seat this browser keeps (in group `code`, if given), if any: the first store given is the tab's. */
  keptSeat(code?: string): Kept | null {
    const k = keptSeat(this.storages);
    return k && (!code || k.code === code) ? k : null;
  }

  /**
   * Take back the seat this browser keeps, if any (in group `code`, if given). Resolves false if there
   * was none or it is gone (a kept seat that is gone is forgotten).
   */
  async resume(code?: string): Promise<boolean> {
    const k = this.keptSeat(code);
    if (!k) return false;
    try {
      await this.join(k.code, { seatToken: k.seatToken });
      return true;
    } catch (e) {
      // The group said no (a released seat, a group gone): the token will not work again. A server out of reach may come back.
      if (!/cannot be reached/.test(e instanceof Error ? e.message : String(e))) forgetSeat(this.storages);
      return false;
    }
  }

  /** Whether messages can go to the server now. */
  get open(): boolean {
    return !this.closed && !!this.room?.connection.isOpen;
  }

  /** Listen to a joined room; `rejoin` takes the place back when a reconnection token no longer works. */
  private attach(room: Room, code: string, rejoin: () => Promise<void>): void {
    this.room = room;
    const e = this.events;
    room.onMessage(MESSAGES.joined, (j: Joined) => {
      this.kept = { code, seatToken: j.seatToken, reconnectionToken: room.reconnectionToken, name: j.name };
      keepSeat(this.storages, this.kept);
      e.joined?.(j);
    });
    // A new connection starts from a whole message: the server sends one on every join and reconnection.
    const feed = new SeatFeed();
    room.onMessage(MESSAGES.seat, (parts: SeatParts) => {
      const m = feed.take(parts);
      if (m) e.seat?.(m);
      else if (feed.shouldAsk()) room.send(MESSAGES.resync);
    });
    room.onMessage(MESSAGES.room, (r: RoomInfo) => e.room?.(r));
    room.onMessage(MESSAGES.refused, (r: Refusal) => e.refused?.(r));
    room.onMessage(MESSAGES.accepted, (a: { moves: number }) => e.accepted?.(a));
    room.onMessage(MESSAGES.overview, (o: unknown) => e.overview?.(o));
    room.onMessage(MESSAGES.storage, (st: StorageState) => e.storage?.(st));
    room.onMessage(MESSAGES.reports, (items: NewsItem[]) => e.reports?.(items));
    room.onLeave(code => {
      if (this.closed || this.room !== room) return;
      // 4000 is a leave the client asked for; anything else is a drop.
      if (code !== 4000) void this.recover(rejoin);
    });
    e.status?.('connected', '');
  }

  private async recover(rejoin: () => Promise<void>): Promise<void> {
    const e = this.events;
    for (let k = 0; !this.closed; k++) {
      e.status?.('reconnecting', 'The connection to the classroom server dropped; reconnecting…');
      await new Promise(r => setTimeout(r, RETRY_MS[Math.min(k, RETRY_MS.length - 1)]));
      if (this.closed) return;
      const token = this.room?.reconnectionToken;
      try {
        // The same session while the server holds it; after a restart, the seat (or the teacher's key).
        if (token && k < 2) this.attach(await this.client.reconnect(token), this.kept?.code ?? '', rejoin);
        else await rejoin();
        return;
      } catch (err) {
        // The seat token no longer holds a seat (the teacher released it meanwhile): no use trying again.
        if (/seat token is not from this group/.test(err instanceof Error ? err.message : String(err))) {
          e.status?.('lost', '');
          e.refused?.({ what: 'join', reason: 'your seat was released while you were away (it is kept for you): join again with the group code and your name' });
          return;
        }
        if (k >= 30) {
          e.status?.('lost', `Could not reconnect: ${err instanceof Error ? err.message : String(err)}. Reload the page to try again.`);
          return;
        }
      }
    }
  }

  /** Join as the teacher's console. */
  async joinAsTeacher(code: string, teacherKey: string): Promise<void> {
    const info = await groupInfo(this.base, code);
    if (!info.ok) throw new Error(info.error);
    const room = await this.client.joinById(code, { teacherKey });
    this.attach(room, code, () => this.joinAsTeacher(code, teacherKey));
  }

  /** Each sender returns false, sending nothing, while the connection is down (a socket closing drops what is sent on it). */
  private post(type: string, body: unknown): boolean {
    if (!this.open) return false;
    this.room!.send(type, body);
    return true;
  }

  send(move: Move): boolean {
    return this.post(MESSAGES.move, move);
  }

  /** A minister's vote on an item before the cabinet (1 for, -1 against, 0 to take it back). */
  vote(v: VoteMessage): boolean {
    return this.post(MESSAGES.vote, v);
  }

  control(c: Control): boolean {
    return this.post(MESSAGES.control, c);
  }

  /**
   * The lesson is over: the seat, and what its pages kept, is forgotten from the device's stores (a
   * new tab no longer offers it), kept only in the tab's (the first store), so a reload still shows
   * the game's end, until the student leaves it (forgetSeat).
   */
  tabOnly(): void {
    const device = this.storages.slice(1);
    this.storages = this.storages.slice(0, 1);
    if (!this.kept) return;
    const code = this.kept.code;
    forgetSeat(device, code);
    // What the group's pages kept there goes too, whatever seat the device keeps now.
    for (const storage of device) {
      try {
        forgetGroupKeep(storage, code);
      } catch {
        // forbidden: nothing kept there
      }
    }
  }

  /** Leave for good (the seat stays the student's: the seat token still takes it back). */
  leave(): void {
    this.closed = true;
    void this.room?.leave(true).catch(() => undefined);
  }
}
