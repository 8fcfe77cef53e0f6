// The teacher assigns seats: in the lobby the console moves a student to another seat (the students
// were dealt seats in order). The student's connection is told its new seat, is sent that seat's
// message with its role's brief once the game starts, and comes back to it by seat token; the
// move is refused once the game has started, and to a student's connection.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Joined, Refusal, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { api, type Conn, join, type TestServer, testServer } from './harness';

let ts: TestServer;
let code: string;
let teacher: Conn;
const students: Conn[] = [];

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1, seating: 'assign' });
  code = made.codes[0]!;
  teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
  // One at a time, so the seats are dealt in order: the two leads, then a British minister.
  for (const name of ['Ada', 'Boris', 'Cecil']) students.push(await join(ts.server.url, code, { name }));
});

afterAll(async () => {
  for (const s of [...students, teacher]) await s?.room.leave().catch(() => undefined);
  await ts?.close();
});

describe('the teacher moving a student to another seat', () => {
  it('tells the student the new seat, which plays its role once the game starts', async () => {
    const cecil = students[2]!;
    const dealt = await cecil.wait<Joined>('joined');
    expect(dealt.seat.side).toBe('britain');
    const info = await teacher.wait<RoomInfo>('room');
    // A Soviet minister's seat nobody sits in.
    const to = info.roster.find(r => r.side === 'ussr' && r.seat !== 'ussr:lead' && !r.students.length)!;
    teacher.room.send('control', { do: 'seat', student: 'Cecil', seat: to.seat });
    const moved = await cecil.wait<Joined>('joined', j => j.seat.side === 'ussr');
    expect(`${moved.seat.side}:${moved.seat.role}`).toBe(to.seat);
    expect(moved.seatToken).toBe(dealt.seatToken);
    const roster = (await teacher.wait<RoomInfo>('room', r => r.roster.find(e => e.seat === to.seat)!.students.includes('Cecil'))).roster;
    expect(roster.find(e => e.seat === `britain:${dealt.seat.role}`)!.students).toEqual([]);

    teacher.room.send('control', { do: 'start' });
    const m = await cecil.wait<SeatMessage>('seat', x => x.side === 'ussr');
    expect(m.view.role?.id).toBe(moved.seat.role);
    // A page reload takes the new seat back by the same token.
    const back = await join(ts.server.url, code, { seatToken: dealt.seatToken });
    students.push(back);
    expect((await back.wait<Joined>('joined')).seat).toEqual(moved.seat);
  });

  it('is refused once the game has started, and to a student', async () => {
    teacher.room.send('control', { do: 'seat', student: 'Ada', seat: 'ussr:lead' });
    expect((await teacher.wait<Refusal>('refused', r => r.what === 'control seat')).reason).toContain('before the game starts');
    students[0]!.room.send('control', { do: 'seat', student: 'Ada', seat: 'ussr:lead' });
    expect((await students[0]!.wait<Refusal>('refused', r => r.what === 'control')).reason).toContain('only the teacher');
  });
});
