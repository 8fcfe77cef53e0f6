import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GroupOverview, type Joined, LEAD, type Seat, type SeatMessage } from '../../src/class/protocol';
import { applyMove, compile, createGame, type GameState, type Move, seatView } from '../../src/engine/index';
import { leadRole } from '../../src/server/ballotBox';
import type { GroupLog } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, join, rawFrames, storedLog as readStored, seatOf, type TestServer, testServer, wireText } from './harness';

const sc = loadScenarioFile('1927');
const c = compile(sc);
let ts: TestServer;
let code: string;
let teacher: Conn;
const students: Conn[] = [];

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1 });
  code = made.codes[0]!;
  teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
  for (const name of ['Ada', 'Boris', 'Cecil', 'Dora']) students.push(await join(ts.server.url, code, { name }));
  await Promise.all(students.map(s => s.wait<Joined>('joined')));
  teacher.room.send('control', { do: 'start' });
  await Promise.all(students.map(s => s.wait<SeatMessage>('seat')));
  const stops = students.map(s => autoPlay(s, sc));
  await teacher.wait<GroupOverview>('overview', o => o.moves >= 1 && (students[0]!.last<SeatMessage>('seat')?.view.turn ?? 0) >= 3, 60_000);
  await Promise.all(students.map(s => s.wait<SeatMessage>('seat', m => m.view.turn >= 3)));
  for (const s of stops) s();
  await ts.server.flushed(code);
});

afterAll(async () => {
  for (const s of [...students, teacher]) await s?.room.leave().catch(() => undefined);
  await ts?.close();
});

/**
 * The stored log, read from the server's directory: the seed and moves the server keeps. A seat is
 * sent a view only after the log holding it is stored, so it covers every view received.
 */
async function storedLog(): Promise<GroupLog> {
  await ts.server.flushed(code);
  return readStored(ts.dir, code);
}

/** Each seat's view (as JSON, as it would read after the wire) at every state the game passed through. */
function viewsOfGame(log: GroupLog, seats: Seat[]): Map<string, Set<string>> {
  let s: GameState = createGame(sc, log.seed);
  const out = new Map(seats.map(seat => [`${seat.side}:${seat.role}`, new Set<string>()]));
  const add = () => {
    for (const seat of seats) {
      const role = seat.role === LEAD ? leadRole(c, s, seat.side) : seat.role;
      out.get(`${seat.side}:${seat.role}`)!.add(JSON.stringify(seatView(c, s, seat.side, role ? { role } : {})));
    }
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

describe('what each seat receives over the wire', () => {
  it('seats students as (side, role): the leads first, then ministers of each side', () => {
    const seats = students.map(s => seatOf(s)!.seat);
    expect(seats[0]).toEqual({ side: 'britain', role: 'lead' });
    expect(seats[1]).toEqual({ side: 'ussr', role: 'lead' });
    expect(seats[2]!.side).toBe('britain');
    expect(seats[2]!.role).not.toBe('lead');
    expect(seats[3]!.side).toBe('ussr');
  });

  it('never carries the seed, to a student or to the teacher', async () => {
    const { seed } = await storedLog();
    expect(seed.length).toBeGreaterThan(4);
    for (const conn of [...students, teacher]) {
      expect(rawFrames(conn.room).length).toBeGreaterThan(3);
      expect(wireText(conn.room)).not.toContain(seed);
    }
  });

  it('never carries another student’s seat token', () => {
    const tokens = students.map(s => seatOf(s)!.seatToken);
    students.forEach((s, k) => {
      const text = wireText(s.room);
      expect(text).toContain(tokens[k]);
      tokens.forEach((t, j) => {
        if (j !== k) expect(text).not.toContain(t);
      });
    });
    for (const t of tokens) expect(wireText(teacher.room)).not.toContain(t);
  });

  it('sends each seat exactly its seat view (its side’s, with its own role) of a state the game passed through', async () => {
    const seats = students.map(s => seatOf(s)!.seat);
    const views = viewsOfGame(await storedLog(), seats);
    let checked = 0;
    for (const s of students) {
      const seat = seatOf(s)!.seat;
      for (const m of (s.got.get('seat') ?? []) as SeatMessage[]) {
        expect(m.view.side).toBe(seat.side);
        expect(views.get(`${seat.side}:${seat.role}`)!.has(JSON.stringify(m.view))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('never shows a seat an order of the other side, sealed or not', async () => {
    const log = await storedLog();
    const britishOrders = new Set<string>();
    for (const m of log.game!.moves as Move[]) if (m.type === 'orders' && m.side === 'britain') for (const o of m.orders) if (o.kind === 'action') britishOrders.add(o.id);
    expect(britishOrders.size).toBeGreaterThan(0);
    for (const s of students) {
      for (const m of (s.got.get('seat') ?? []) as SeatMessage[]) {
        if (m.view.orders) for (const o of m.view.orders) if (o.kind === 'action') expect(c.actions.find(a => a.id === o.id)?.side).toBe(m.side);
      }
    }
  });

  it('gives only the lead the right to propose; ministers read the same side’s view with their own role', () => {
    const [lead, , minister] = students;
    const l = lead!.last<SeatMessage>('seat')!;
    const m = minister!.last<SeatMessage>('seat')!;
    expect(l.proposes).toBe(true);
    expect(m.proposes).toBe(false);
    expect(m.view.role!.id).toBe(seatOf(minister!)!.seat.role);
    expect(l.view.role!.id).toBe('chamberlain');
    expect({ ...m.view, role: null }).toEqual({ ...l.view, role: null });
  });

  it('never carries another role’s secret aims to a student, nor any to the teacher', () => {
    let own = 0;
    for (const s of students) {
      const seat = seatOf(s)!.seat;
      const mine = seat.role === LEAD ? (seat.side === 'britain' ? 'chamberlain' : 'litvinov') : seat.role;
      const text = Buffer.from(wireText(s.room), 'latin1').toString('utf8');
      for (const r of sc.roles!) {
        if (r.id === mine) {
          expect(text).toContain(r.secretAim);
          own++;
        } else expect(text).not.toContain(r.secretAim);
      }
    }
    expect(own).toBe(students.length);
    const t = Buffer.from(wireText(teacher.room), 'latin1').toString('utf8');
    for (const r of sc.roles!) expect(t).not.toContain(r.secretAim);
  });
});
