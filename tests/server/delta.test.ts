// Seat messages over a real server as deltas (src/class/delta.ts): four students (both leads and a
// minister of each side, each seat with its role's brief and secret aims) play five turns; before
// they start, the Soviet minister votes, which reaches that minister and the Soviet lead's tally as
// deltas and sends nothing to the British seats; a minister's connection drops mid-game and comes back by
// its reconnection token; a fifth student's client loses a delta on purpose. Every seat message
// each client rebuilt is exactly its seat's view (seatView with its own role) after that many moves of
// the stored game;
// after the first whole message the server sends deltas, much smaller than whole messages; the
// reconnect starts again from a whole message; and the client that lost a delta asks for a resync
// and carries on exact. What goes over the wire leaking nothing is tests/server/wire.test.ts.

import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeatFeed, type SeatParts } from '../../src/class/delta';
import type { Joined, RoomInfo, Seat, SeatMessage, TallyLine } from '../../src/class/protocol';
import { applyMove, compile, createGame, type GameState, type Move, type SeatView, seatView } from '../../src/engine/index';
import { leadRole } from '../../src/server/ballotBox';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, isWhole, join, seatOf, storedLog, type TestServer, testServer, track } from './harness';

const sc = loadScenarioFile('1927');
const c = compile(sc);
let ts: TestServer;
let code: string;
const students: Conn[] = [];
let back: Conn;
/** The fifth student's own client, which drops its second delta. */
const lossy = { seat: null as Seat | null, got: [] as SeatMessage[], resyncs: 0, fulls: 0 };
/** The Soviet minister's vote, and what each student had been sent around it. */
const vote = { item: '', role: '', deltasBefore: 0, deltasAfter: 0, britishBefore: [0, 0], britishAfter: [0, 0], mine: null as SeatMessage | null, lead: null as SeatMessage | null };

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
  raw.onMessage('joined', (j: Joined) => {
    lossy.seat = j.seat;
  });
  raw.onMessage('room', () => {});
  raw.onMessage('seat', (parts: SeatParts) => {
    if (isWhole(parts)) lossy.fulls++;
    else if (++deltas === 2) return; // lost
    const m = feed.take(parts);
    if (m) lossy.got.push(m);
    else if (feed.shouldAsk()) {
      lossy.resyncs++;
      raw.send('resync');
    }
  });
  await Promise.all(students.map(s => s.wait<Joined>('joined')));
  teacher.room.send('control', { do: 'start' });
  await Promise.all(students.map(s => s.wait<SeatMessage>('seat')));
  // Before anyone moves, Dora (a Soviet minister in office) votes For the first item before her cabinet.
  const [, boris, cecil, dora] = students as [Conn, Conn, Conn, Conn];
  const open = await dora.wait<SeatMessage>('seat', m => !!m.cabinet?.votes && m.cabinet.items.length > 0);
  vote.item = open.cabinet!.items[0]!.item;
  vote.role = seatOf(dora)!.seat.role;
  const count = (s: Conn, t: string) => (s.got.get(t) ?? []).length;
  vote.deltasBefore = count(dora, 'seatDelta');
  vote.britishBefore = [count(students[0]!, 'seatParts'), count(cecil, 'seatParts')];
  dora.room.send('vote', { item: vote.item, vote: 1 });
  vote.mine = await dora.wait<SeatMessage>('seat', m => m.cabinet?.mine[vote.item] === 1);
  // Dora's minister may sit outside the Politburo (member: false): then her ballot is advice, counted apart.
  const counted = (t: TallyLine | undefined) => (t?.for.length ?? 0) + (t?.advice?.for.length ?? 0);
  vote.lead = await boris.wait<SeatMessage>('seat', m => counted(m.cabinet?.tally?.find(t => t.item === vote.item)) > 0);
  vote.deltasAfter = count(dora, 'seatDelta');
  await new Promise(r => setTimeout(r, 300));
  vote.britishAfter = [count(students[0]!, 'seatParts'), count(cecil, 'seatParts')];
  const stops = students.map(s => autoPlay(s, sc));
  // Mid-game, Cecil (a British minister) drops and comes back by reconnection token.
  await students[0]!.wait<SeatMessage>('seat', m => m.view.turn >= 1, 60_000);
  const token = students[2]!.room.reconnectionToken;
  drop(students[2]!);
  // Once the server holds the seat for a reconnection (it tells the room Cecil is away).
  await students[0]!.wait<RoomInfo>('room', r => r.roster.some(e => e.students.includes('Cecil') && !e.connected.includes('Cecil')));
  back = track(await new Client(ts.server.url.replace(/^http/, 'ws')).reconnect(token));
  await Promise.all(students.slice(0, 2).map(s => s.wait<SeatMessage>('seat', m => m.view.turn >= 5, 60_000)));
  await back.wait<SeatMessage>('seat', m => m.view.turn >= 5, 60_000);
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

/** The game's state after each number of moves of the stored game. */
async function statesByMoves(): Promise<GameState[]> {
  const log = await storedLog(ts.dir, code);
  let s: GameState = createGame(sc, log.seed);
  const out = [s];
  for (const m of log.game!.moves as Move[]) {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    out.push(s);
  }
  return out;
}

/** What a seat must see: its side's view with its own role (the lead's seat: the lead minister's), as seatView builds it. */
function expected(seat: Seat, s: GameState): SeatView {
  const role = seat.role === 'lead' ? leadRole(c, s, seat.side) : seat.role;
  return seatView(c, s, seat.side, role ? { role } : {});
}

describe('seat messages as deltas over a real server', () => {
  it('rebuilds exactly the seat’s own view, with its role’s aims and no other’s, at every step, for every student, across a reconnect', async () => {
    const states = await statesByMoves();
    let checked = 0;
    for (const s of [...students, back]) {
      const seat = seatOf(s === back ? students[2]! : s)!.seat;
      for (const m of (s.got.get('seat') ?? []) as SeatMessage[]) {
        expect(m.side).toBe(seat.side);
        expect(m.view).toEqual(expected(seat, states[m.moves]!));
        if (seat.role !== 'lead') expect(m.view.role?.id).toBe(seat.role);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('carries a minister’s vote as deltas to that minister and the lead’s tally, and to no other side', () => {
    expect(vote.item).not.toBe('');
    expect(vote.deltasAfter).toBeGreaterThan(vote.deltasBefore);
    expect(vote.mine!.view.role?.id).toBe(vote.role);
    expect(vote.mine!.cabinet!.tally).toBeNull();
    const r = sc.roles!.find(x => x.id === vote.role)!;
    const name = sc.ministers.find(m => m.id === r.minister)!.name;
    const line = vote.lead!.cabinet!.tally!.find(t => t.item === vote.item)!;
    expect(vote.mine!.cabinet!.advises ? line.advice!.for : line.for).toEqual([name]);
    // A Soviet vote changes no British seat's message, so none is sent one.
    expect(vote.britishAfter).toEqual(vote.britishBefore);
    // Cecil's minister message never carries Dora's vote or role.
    for (const m of (students[2]!.got.get('seat') ?? []) as SeatMessage[]) {
      expect(m.view.role?.id).not.toBe(vote.role);
      expect(m.cabinet?.mine[vote.item]).toBeUndefined();
    }
  });

  it('sends a whole message first and on reconnecting, then deltas that are much smaller', () => {
    for (const s of [...students, back]) {
      const deltas = (s.got.get('seatDelta') ?? []) as SeatParts[];
      // (The dropped connection got a few before it dropped, the one that came back a few after.)
      expect(deltas.length).toBeGreaterThan(s === students[2] || s === back ? 0 : 5);
      // One whole message (the first), every other one deltas.
      expect(s.got.get('seatParts')!.length - deltas.length).toBe(1);
      expect(s.got.get('seatWhole')!.length).toBe(1);
    }
    // The connection that came back started from a whole message, then deltas again.
    expect((back.got.get('seat') ?? []).length).toBeGreaterThan(3);
    // Size: all the deltas a lead got against the whole messages they rebuilt (as JSON text). A
    // turn's resolution changes much (the news, a batch of ledger entries); the moves between, little.
    const deltas = (students[0]!.got.get('seatDelta') ?? []) as SeatParts[];
    const rebuilt = (students[0]!.got.get('seat') ?? []).slice(1);
    const size = (xs: unknown[]) => xs.reduce((n: number, x) => n + JSON.stringify(x).length, 0);
    expect(size(deltas)).toBeLessThan(size(rebuilt) / 4);
  });

  it('recovers a lost delta with a resync, and carries on exact', async () => {
    const states = await statesByMoves();
    expect(lossy.resyncs).toBe(1);
    expect(lossy.fulls).toBe(2);
    expect(lossy.got.length).toBeGreaterThan(5);
    for (const m of lossy.got) expect(m.view).toEqual(expected(lossy.seat!, states[m.moves]!));
    expect(lossy.got.at(-1)!.view.turn).toBeGreaterThanOrEqual(3);
  });
});
