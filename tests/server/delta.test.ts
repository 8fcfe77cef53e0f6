// Seat messages over a real server as deltas (src/class/delta.ts): four students (both leads and a
// minister of each side) play three turns; a minister's connection drops mid-game and comes back by
// its reconnection token; a fifth student's client loses a delta on purpose. Every seat message
// each client rebuilt is exactly its side's seat view after that many moves of the stored game;
// after the first whole message the server sends deltas, much smaller than whole messages; the
// reconnect starts again from a whole message; and the client that lost a delta asks for a resync
// and carries on exact. What goes over the wire leaking nothing is tests/server/wire.test.ts.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatDelta, VersionedSeat } from '../../src/class/delta';
import { SeatFeed } from '../../src/class/delta';
import type { Joined, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { applyMove, compile, createGame, type GameState, type Move, type Side, seatView } from '../../src/engine/index';
import type { GroupLog } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, join, seatOf, type TestServer, testServer, track } from './harness';

const sc = loadScenarioFile('1927');
const c = compile(sc);
let ts: TestServer;
let code: string;
const students: Conn[] = [];
let back: Conn;
/** The fifth student's own client, which drops its second delta. */
const lossy = { got: [] as SeatMessage[], resyncs: 0, fulls: 0 };

function drop(conn: Conn): void {
  (conn.room.connection as unknown as { transport: { ws: { close(): void } } }).transport.ws.close();
}

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1 });
  code = made.codes[0]!;
  const teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
  for (const name of ['Ada', 'Boris', 'Cecil', 'Dora']) students.push(await join(ts.server.url, code, { name }));
  // The lossy client: colyseus.js directly, its own feed, the second delta thrown away.
  const raw = await new Client(ts.server.url.replace(/^http/, 'ws')).joinById(code, { name: 'Egon' });
  const feed = new SeatFeed();
  let deltas = 0;
  raw.onMessage('joined', () => {});
  raw.onMessage('room', () => {});
  raw.onMessage('seat', (m: VersionedSeat) => {
    lossy.fulls++;
    lossy.got.push(feed.full(m));
  });
  raw.onMessage('seatDelta', (d: SeatDelta) => {
    if (++deltas === 2) return; // lost
    const m = feed.delta(d);
    if (m) lossy.got.push(m);
    else if (feed.shouldAsk()) {
      lossy.resyncs++;
      raw.send('resync');
    }
  });
  await Promise.all(students.map(s => s.wait<Joined>('joined')));
  teacher.room.send('control', { do: 'start' });
  await Promise.all(students.map(s => s.wait<SeatMessage>('seat')));
  const stops = students.map(s => autoPlay(s, sc));
  // Mid-game, Cecil (a British minister) drops and comes back by reconnection token.
  await students[0]!.wait<SeatMessage>('seat', m => m.view.turn >= 1, 60_000);
  const token = students[2]!.room.reconnectionToken;
  drop(students[2]!);
  // Once the server holds the seat for a reconnection (it tells the room Cecil is away).
  await students[0]!.wait<RoomInfo>('room', r => r.roster.some(e => e.students.includes('Cecil') && !e.connected.includes('Cecil')));
  back = track(await new Client(ts.server.url.replace(/^http/, 'ws')).reconnect(token));
  await Promise.all(students.slice(0, 2).map(s => s.wait<SeatMessage>('seat', m => m.view.turn >= 3, 60_000)));
  await back.wait<SeatMessage>('seat', m => m.view.turn >= 3, 60_000);
  for (const s of stops) s();
  await ts.server.flushed(code);
  await new Promise(r => setTimeout(r, 300));
  await raw.leave().catch(() => undefined);
  await teacher.room.leave().catch(() => undefined);
});

afterAll(async () => {
  // Not the dropped connection: it has gone already.
  for (const s of [students[0], students[1], students[3], back]) await s?.room.leave().catch(() => undefined);
  await ts?.close();
});

/** Each side's seat view after each number of moves of the stored game. */
function viewsByMoves(): Record<Side, unknown[]> {
  const log = JSON.parse(readFileSync(path.join(ts.dir, `${code}.json`), 'utf8')) as GroupLog;
  let s: GameState = createGame(sc, log.seed);
  const out: Record<Side, unknown[]> = { britain: [], ussr: [] };
  // As over the wire: NaN (a figure the seat cannot see) stays NaN; JSON would make it null.
  const add = () => {
    out.britain.push(seatView(c, s, 'britain'));
    out.ussr.push(seatView(c, s, 'ussr'));
  };
  add();
  for (const m of log.game!.moves as Move[]) {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    add();
  }
  return out;
}

describe('seat messages as deltas over a real server', () => {
  it('rebuilds exactly the seat view at every step, for every student, across a reconnect', () => {
    const views = viewsByMoves();
    let checked = 0;
    for (const s of [...students, back]) {
      const side = seatOf(s === back ? students[2]! : s)!.seat.side;
      for (const m of (s.got.get('seat') ?? []) as SeatMessage[]) {
        expect(m.side).toBe(side);
        expect(m.view).toEqual(views[side][m.moves]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('sends a whole message first and on reconnecting, then deltas that are much smaller', () => {
    for (const s of [...students, back]) {
      const deltas = (s.got.get('seatDelta') ?? []) as SeatDelta[];
      // (The dropped connection got a few before it dropped, the one that came back a few after.)
      expect(deltas.length).toBeGreaterThan(s === students[2] || s === back ? 0 : 5);
      // One whole message (the first), every other one a delta.
      expect(s.got.get('seatVersion')!.length - deltas.length).toBe(1);
    }
    // The connection that came back started from a whole message, then deltas again.
    expect((back.got.get('seat') ?? []).length).toBeGreaterThan(3);
    // Size: all the deltas a lead got against the whole messages they rebuilt (as JSON text). A
    // turn's resolution changes much (the news, a batch of ledger entries); the moves between, little.
    const deltas = (students[0]!.got.get('seatDelta') ?? []) as SeatDelta[];
    const rebuilt = (students[0]!.got.get('seat') ?? []).slice(1);
    const size = (xs: unknown[]) => xs.reduce((n: number, x) => n + JSON.stringify(x).length, 0);
    expect(size(deltas)).toBeLessThan(size(rebuilt) / 4);
  });

  it('recovers a lost delta with a resync, and carries on exact', () => {
    const views = viewsByMoves();
    expect(lossy.resyncs).toBe(1);
    expect(lossy.fulls).toBe(2);
    expect(lossy.got.length).toBeGreaterThan(5);
    for (const m of lossy.got) expect(m.view).toEqual(views[m.side][m.moves]);
    expect(lossy.got.at(-1)!.view.turn).toBeGreaterThanOrEqual(3);
  });
});
