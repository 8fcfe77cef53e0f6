// Two classroom server processes sharing one class through Redis (Colyseus's Redis presence and
// driver, logs in Redis): students on either process reach the same room, and when the process
// holding the room is killed outright, the other opens it again from the log in Redis, and no order
// a student was told was accepted is lost. Redis is Debian's redis-server on a Unix socket in a
// temporary directory (no TCP port); the suite is skipped, saying why, if it is not installed.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Joined, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { api, type Conn, join, playBritainUntilSealed } from './harness';
import { redisServer, type ServerProcess, startProcess } from './process';

const exe = redisServer();
const skip = exe ? '' : 'redis-server is not installed (apt-get install redis-server; .ci/run does)';
if (skip) console.warn(`Redis tests skipped: ${skip}`);

const c = compile(loadScenarioFile('1927'));

describe.skipIf(!!skip)(skip ? `two server processes sharing Redis (skipped: ${skip})` : 'two server processes sharing Redis', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-redis-'));
  const socket = path.join(dir, 'redis.sock');
  let redis: ChildProcess;
  const procs: ServerProcess[] = [];
  const conns: Conn[] = [];

  beforeAll(async () => {
    redis = spawn(exe!, ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    for (let k = 0; k < 100 && !existsSync(socket); k++) await new Promise(r => setTimeout(r, 100));
    if (!existsSync(socket)) throw new Error('redis-server did not open its socket within 10 s');
  });

  afterAll(async () => {
    // The servers go first: a leave to a killed process would wait for an answer that never comes.
    for (const p of procs) await p.kill();
    for (const cn of conns) void cn.room.leave(false).catch(() => undefined);
    redis?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves one class from two processes and loses no order when one is killed', async () => {
    const a = await startProcess(['--redis', socket]);
    const b = await startProcess(['--redis', socket]);
    procs.push(a, b);
    const made = await api<{ teacherKey: string; codes: string[] }>(a.url, '/api/classes', { scenario: '1927', groups: 1 });
    const code = made.codes[0]!;

    // The teacher and Ada come in through B, Boris through A: all in the same room.
    const teacher = await join(b.url, code, { teacherKey: made.teacherKey });
    const ada = await join(b.url, code, { name: 'Ada' });
    const boris = await join(a.url, code, { name: 'Boris' });
    conns.push(teacher, ada, boris);
    const adaSeat = await ada.wait<Joined>('joined');
    const borisSeat = await boris.wait<Joined>('joined');
    expect(adaSeat.seat).toEqual({ side: 'britain', role: 'lead' });
    expect(borisSeat.seat).toEqual({ side: 'ussr', role: 'lead' });
    await teacher.wait<RoomInfo>('room', r => r.roster.filter(x => x.students.length).length === 2);

    // The game starts; Ada plays until Britain's orders are sealed, each move acknowledged.
    teacher.room.send('control', { do: 'start' });
    const m = await playBritainUntilSealed(ada, c);
    expect(m.view.orders).not.toBeNull();
    // Boris, on the other process, sees the same game (the same moves count) from his side.
    const bm = await boris.wait<SeatMessage>('seat', x => x.moves === m.moves);
    expect(bm.side).toBe('ussr');

    // Kill the process that holds the room (A made it); both students come back through B.
    await a.kill('SIGKILL');
    // As the student's page does: ask for the group (which opens its room again if no live process has it), then join.
    const reopened = await api<RoomInfo>(b.url, `/api/groups/${code}`).catch((e: unknown) => {
      throw new Error(`${String(e)}\nB said:\n${b.output()}`);
    });
    expect(reopened.phase).toBe('playing');
    const ada2 = await join(b.url, code, { seatToken: adaSeat.seatToken });
    const boris2 = await join(b.url, code, { seatToken: borisSeat.seatToken });
    conns.push(ada2, boris2);
    const back = await ada2.wait<SeatMessage>('seat');
    expect(back.moves).toBe(m.moves);
    expect(back.view.orders).toEqual(m.view.orders);

    // The game goes on there: Boris finishes the turn and Ada sees the next one.
    let bm2 = await boris2.wait<SeatMessage>('seat');
    for (let k = 0; k < 20 && bm2.duty !== 'wait' && bm2.view.turn === 0; k++) {
      const ev = bm2.view.pending[0];
      const move =
        bm2.duty === 'decide'
          ? { type: 'decide', side: 'ussr', event: c.events[ev!]!.id, option: c.events[ev!]!.decision!.options[bm2.optionOrder[ev!]![0]!]!.id }
          : { type: 'orders', side: 'ussr', orders: [] };
      const before = bm2.moves;
      boris2.room.send('move', move);
      bm2 = await boris2.wait<SeatMessage>('seat', x => x.moves > before);
    }
    const next = await ada2.wait<SeatMessage>('seat', x => x.view.turn === 1);
    expect(next.view.turn).toBe(1);
  });
});
