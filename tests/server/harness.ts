// Shared by the classroom server's tests: a server in this process on a free port with its logs in a
// fresh directory, a class made through the API, students and a teacher connected with colyseus.js,
// and every raw frame each connection received (captured below the client's decoder), so a test can
// read exactly what went over the wire to each seat.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Room } from 'colyseus.js';
import { aiRng, makePlayer, nextMove, type PlayerKind } from '../../src/ai/index';
import { SeatFeed, type SeatParts } from '../../src/class/delta';
import { type Joined, type JoinOptions, MESSAGES, type RoomInfo, type SeatMessage } from '../../src/class/protocol';
import { type Compiled, compile } from '../../src/engine/index';
import type { Scenario } from '../../src/scenario/schema';
import type { GroupLog } from '../../src/server/group';
import { type ClassServer, type ClassServerOptions, startClassServer } from '../../src/server/server';
import { diskStore } from '../../src/server/store';

/** Raw frames each client room received, from its first frame (captured on the prototype, before the room connects). */
const frames = new WeakMap<object, Uint8Array[]>();
type Callback = (this: Room, event: { data: ArrayBuffer }) => void;
const proto = Room.prototype as unknown as { onMessageCallback: Callback };
const original = proto.onMessageCallback;
proto.onMessageCallback = function (this: Room, event) {
  let list = frames.get(this);
  if (!list) frames.set(this, (list = []));
  list.push(new Uint8Array(event.data.slice(0)));
  original.call(this, event);
};

export const rawFrames = (room: Room): Uint8Array[] => frames.get(room) ?? [];
/** Every frame a room received, as one text (strings in msgpack are plain UTF-8, so a leaked string shows). */
export const wireText = (room: Room): string =>
  rawFrames(room)
    .map(f => Buffer.from(f).toString('latin1'))
    .join('\n');

export interface TestServer {
  server: ClassServer;
  dir: string;
  close(): Promise<void>;
}

export async function testServer(o: ClassServerOptions = {}): Promise<TestServer> {
  const dir = o.dataDir ?? mkdtempSync(path.join(tmpdir(), 'asd-class-'));
  const server = await startClassServer({ port: 0, host: '127.0.0.1', dataDir: dir, webDir: null, log: process.env.CLASS_LOG ? (l: string) => console.error(l) : () => {}, ...o });
  return {
    server,
    dir,
    async close() {
      await server.close();
      if (!o.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A group's log as stored in a log directory (read as the server reads it: the journal's newest line, else the file). */
export async function storedLog(dir: string, code: string): Promise<GroupLog> {
  const r = await diskStore(dir).load(code);
  if (!r.ok) throw new Error(r.error);
  return r.value as GroupLog;
}

export async function api<T>(url: string, pathName: string, body?: unknown): Promise<T> {
  const res = await fetch(url + pathName, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${pathName}: ${json.error}`);
  return json;
}

export interface Conn {
  room: Room;
  /** Decoded messages by type, in arrival order. */
  got: Map<string, unknown[]>;
  last<T>(type: string): T | undefined;
  /** Resolves with the first message of `type` for which `pred` holds (already received ones count). */
  wait<T>(type: string, pred?: (m: T) => boolean, ms?: number): Promise<T>;
  /** Also call `f` on every later message of `type`. */
  on<T>(type: string, f: (m: T) => void): void;
}

/** Whether a seat message carries a part whole (on joining, coming back, a resync). */
export const isWhole = (m: SeatParts): boolean => (!!m.s && 'full' in m.s) || (!!m.r && 'full' in m.r);

export function track(room: Room): Conn {
  const got = new Map<string, unknown[]>();
  const waiters: { type: string; pred: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  const hooks: { type: string; f: (m: unknown) => void }[] = [];
  // One handler per type: colyseus.js calls '*' only for types with no handler of their own.
  const receive = (t: string, msg: unknown) => {
    if (!got.has(t)) got.set(t, []);
    got.get(t)!.push(msg);
    for (const w of [...waiters]) {
      if (w.type === t && w.pred(msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
    }
    for (const h of hooks) if (h.type === t) h.f(msg);
  };
  // Seat messages as the client rebuilds them (src/class/connection.ts) from their parts; what came
  // over the wire is kept under `seatParts`: those with a part whole also under `seatWhole`, those
  // of deltas only under `seatDelta`.
  const feed = new SeatFeed();
  for (const t of Object.values(MESSAGES)) {
    if (t === MESSAGES.seat)
      room.onMessage(t, (parts: SeatParts) => {
        receive('seatParts', parts);
        receive(isWhole(parts) ? 'seatWhole' : 'seatDelta', parts);
        const m = feed.take(parts);
        if (!m) return feed.shouldAsk() && room.send(MESSAGES.resync);
        receive(MESSAGES.seat, m);
      });
    else room.onMessage(t, (msg: unknown) => receive(t, msg));
  }
  return {
    on: (type, f) => void hooks.push({ type, f: f as (m: unknown) => void }),
    room,
    got,
    last: <T>(type: string) => got.get(type)?.at(-1) as T | undefined,
    wait<T>(type: string, pred: (m: T) => boolean = () => true, ms = 20_000): Promise<T> {
      const have = (got.get(type) ?? []).find(m => pred(m as T));
      if (have !== undefined) return Promise.resolve(have as T);
      return new Promise<T>((resolve, reject) => {
        const w = { type, pred: pred as (m: unknown) => boolean, resolve: resolve as (m: unknown) => void };
        waiters.push(w);
        setTimeout(() => {
          if (waiters.includes(w)) reject(new Error(`no ${type} message came within ${ms} ms`));
        }, ms);
      });
    },
  };
}

export async function join(url: string, code: string, opts: JoinOptions): Promise<Conn> {
  const client = new Client(url.replace(/^http/, 'ws'));
  return track(await client.joinById(code, opts));
}

export const seatOf = (c: Conn) => c.last<Joined>('joined');
export const lastSeat = (c: Conn) => c.last<SeatMessage>('seat');
export const lastRoom = (c: Conn) => c.last<RoomInfo>('room');

/**
 * Let a lead's connection play like a student: for every seat message asking it to move, the
 * persona player's (or `kind`'s) move from that view (the view is all a student has). Returns a stop function.
 */
export function autoPlay(conn: Conn, sc: Scenario, kind: PlayerKind = 'persona'): () => void {
  const c = compile(sc);
  let stopped = false;
  let acted = -1;
  const act = (m: SeatMessage) => {
    if (stopped || !m.proposes || (m.duty !== 'decide' && m.duty !== 'orders') || m.moves === acted) return;
    acted = m.moves;
    const move = nextMove(c, m.view, makePlayer(kind, sc, m.side), aiRng(`test-${m.moves}`, m.side));
    if (move) conn.room.send('move', move);
  };
  conn.on<SeatMessage>('seat', act);
  const have = lastSeat(conn);
  if (have) act(have);
  return () => {
    stopped = true;
  };
}

/**
 * Play Britain's lead by hand until its orders are sealed: the first option of each decision, the
 * first available action as orders, each move waited on until the server acknowledges it (stored)
 * and sends the next seat message. Returns the last seat message.
 */
export async function playBritainUntilSealed(lead: Conn, c: Compiled): Promise<SeatMessage> {
  let m = await lead.wait<SeatMessage>('seat');
  for (let k = 0; k < 20 && m.duty !== 'wait'; k++) {
    const ev = m.view.pending[0];
    const move =
      m.duty === 'decide'
        ? { type: 'decide', side: 'britain', event: c.events[ev!]!.id, option: c.events[ev!]!.decision!.options[m.optionOrder[ev!]![0]!]!.id }
        : { type: 'orders', side: 'britain', orders: m.view.available.slice(0, 1).map(i => ({ kind: 'action', id: c.actions[i]!.id })) };
    const before = m.moves;
    lead.room.send('move', move);
    await lead.wait<{ moves: number }>('accepted', x => x.moves > before);
    m = await lead.wait<SeatMessage>('seat', x => x.moves > before);
  }
  return m;
}
