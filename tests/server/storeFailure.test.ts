// When the classroom server cannot store a group's log (a full disk, an unwritable directory, Redis
// down), nothing that was not stored is acknowledged or shown: the lead's order, a minister's vote and
// the teacher's control are each refused, saying the server could not store it, why, and to try
// again; everyone is sent the game as last stored, and told storage is failing; the stored log does
// not move. Once storing works again the same order is accepted and play goes on with nothing lost.
// The disk store's failure is injected (a writer that throws, as a full disk does: tests may run as
// root, where a read-only directory still takes writes); Redis is a redis-server of the test's own,
// killed and started again.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Joined, Refusal, RoomInfo, SeatMessage, StorageState } from '../../src/class/protocol';
import { type Compiled, compile } from '../../src/engine/index';
import type { GroupLog } from '../../src/server/group';
import { diskStore, type LogStore } from '../../src/server/store';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, join, storedLog, type TestServer, testServer } from './harness';
import { redisServer } from './process';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const ITEM = 'action:restrain-comintern';

/** Britain's lead's next move from its seat message: the first option of a decision, else the first order it may give. */
function britishMove(m: SeatMessage, cc: Compiled): unknown {
  const ev = m.view.pending[0];
  return m.duty === 'decide'
    ? { type: 'decide', side: 'britain', event: cc.events[ev!]!.id, option: cc.events[ev!]!.decision!.options[m.optionOrder[ev!]![0]!]!.id }
    : { type: 'orders', side: 'britain', orders: m.view.available.slice(0, 1).map(i => ({ kind: 'action', id: cc.actions[i]!.id })) };
}

interface Table {
  teacher: Conn;
  ada: Conn;
  boris: Conn;
  cecil: Conn;
  dora: Conn;
  code: string;
}

/** A class of one group, both leads and a minister of each side, started. */
async function seatClass(url: string): Promise<Table> {
  const made = await api<{ teacherKey: string; codes: string[] }>(url, '/api/classes', { scenario: '1927', groups: 1 });
  const code = made.codes[0]!;
  const teacher = await join(url, code, { teacherKey: made.teacherKey });
  const conns: Conn[] = [];
  for (const name of ['Ada', 'Boris', 'Cecil', 'Dora']) conns.push(await join(url, code, { name }));
  await Promise.all(conns.map(s => s.wait<Joined>('joined')));
  const [ada, boris, cecil, dora] = conns as [Conn, Conn, Conn, Conn];
  teacher.room.send('control', { do: 'start' });
  await dora.wait<SeatMessage>('seat', x => !!x.cabinet?.items.some(i => i.item === ITEM));
  await ada.wait<SeatMessage>('seat');
  return { teacher, ada, boris, cecil, dora, code };
}

/**
 * The failure and the recovery, whatever the store: `breakIt` makes writes fail, `mend` makes them
 * work again, `stored` reads the log as stored; `cause` is a word of the store's reason.
 */
async function failAndRecover(t: Table, breakIt: () => Promise<void>, mend: () => Promise<void>, stored: () => Promise<GroupLog>, cause: RegExp): Promise<void> {
  const { teacher, ada, boris, dora } = t;
  // Stored and shown while storing works: the Soviet minister's vote.
  dora.room.send('vote', { item: ITEM, vote: 1 });
  await dora.wait<SeatMessage>('seat', x => x.cabinet?.mine[ITEM] === 1);
  const before = await ada.wait<SeatMessage>('seat', x => x.duty === 'decide' || x.duty === 'orders');
  const logBefore = await stored();
  expect(logBefore.game!.moves.length).toBe(before.moves);

  await breakIt();
  const wholeBefore = ada.got.get('seatWhole')?.length ?? 0;
  const move = britishMove(before, c);
  ada.room.send('move', move);
  const refused = await ada.wait<Refusal>('refused', r => r.what === 'move');
  expect(refused.reason).toMatch(cause);
  expect(refused.reason).toContain('could not store it');
  expect(refused.reason).toContain('try again');
  // The teacher's console is told storing fails, and why.
  const failing = await teacher.wait<StorageState>('storage', s => s.failing !== null);
  expect(failing.failing).toMatch(cause);
  expect(failing.text).toContain('cannot store');
  // Ada is sent the game as stored again: her move is not in it, and it was never acknowledged.
  await ada.wait('seatWhole', () => (ada.got.get('seatWhole')?.length ?? 0) > wholeBefore);
  const back = ada.last<SeatMessage>('seat')!;
  expect(back.moves).toBe(before.moves);
  expect(back.duty).toBe(before.duty);
  expect(ada.got.get('accepted') ?? []).toEqual([]);

  // A minister's vote and the teacher's control are refused too, and change nothing.
  dora.room.send('vote', { item: ITEM, vote: -1 });
  expect((await dora.wait<Refusal>('refused', r => r.what === 'vote' && r.item === ITEM)).reason).toMatch(cause);
  teacher.room.send('control', { do: 'pause' });
  expect((await teacher.wait<Refusal>('refused', r => r.what === 'control pause')).reason).toMatch(cause);
  expect(dora.last<SeatMessage>('seat')!.cabinet!.mine[ITEM]).toBe(1);
  expect(teacher.last<RoomInfo>('room')!.phase).toBe('playing');
  expect(teacher.got.get('storage')!.every(s => (s as StorageState).failing !== null)).toBe(true);
  await mend();
  const logDuring = await stored();
  expect(logDuring.game!.moves.length).toBe(before.moves);
  expect(logDuring.phase).toBe('playing');
  expect(logDuring.ballots).toEqual(logBefore.ballots);

  // Storing works again: the same order is taken, acknowledged, and stored; everyone is told.
  ada.room.send('move', move);
  const ack = await ada.wait<{ moves: number }>('accepted');
  expect(ack.moves).toBeGreaterThan(before.moves);
  expect((await teacher.wait<StorageState>('storage', s => s.failing === null)).text).toContain('works again');
  expect((await stored()).game!.moves.length).toBe(ack.moves);

  // Play goes on to the next turn, and the stored log holds every move the leads were shown.
  const stops = [autoPlay(ada, sc), autoPlay(boris, sc)];
  const next = await ada.wait<SeatMessage>('seat', x => x.view.turn === 1, 60_000);
  for (const s of stops) s();
  const log = await stored();
  expect(log.game!.moves.length).toBeGreaterThanOrEqual(next.moves);
  expect(log.game!.moves[before.moves]).toMatchObject(move as object);
}

const leaveAll = async (t: Table | undefined) => {
  if (t) for (const s of [t.ada, t.boris, t.cecil, t.dora, t.teacher]) await s.room.leave().catch(() => undefined);
};

describe('a disk store whose writes fail', () => {
  let ts: TestServer | undefined;
  let t: Table | undefined;
  afterAll(async () => {
    await leaveAll(t);
    await ts?.close();
  });

  it('acknowledges and shows nothing it could not store, and plays on with nothing lost once it can', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-full-'));
    const disk = diskStore(dir);
    let full = false;
    // As a full disk answers a write.
    const store: LogStore = {
      ...disk,
      where: disk.where,
      saveNow(code, text) {
        if (full) throw new Error(`ENOSPC: no space left on device, write (${code})`);
        disk.saveNow!(code, text);
      },
      async save(code, text) {
        this.saveNow!(code, text);
      },
    };
    ts = await testServer({ dataDir: dir, store });
    t = await seatClass(ts.server.url);
    const code = t.code;
    await failAndRecover(
      t,
      async () => {
        full = true;
      },
      async () => {
        full = false;
      },
      () => storedLog(dir, code),
      /no space left on device/,
    );
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

const exe = redisServer();
const skip = exe ? '' : 'redis-server is not installed (apt-get install redis-server; .ci/run does)';

describe.skipIf(!!skip)(skip ? `the Redis store with Redis stopped (skipped: ${skip})` : 'the Redis store with Redis stopped', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-redis-down-'));
  const socket = path.join(dir, 'redis.sock');
  let redis: ChildProcess | null = null;
  let ts: TestServer | undefined;
  let t: Table | undefined;

  /** Redis on a Unix socket, its data kept on disk (append-only, each write synced) so it outlives a kill. */
  async function startRedis(): Promise<void> {
    rmSync(socket, { force: true });
    redis = spawn(exe!, ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], {
      stdio: 'ignore',
    });
    for (let k = 0; k < 100 && !existsSync(socket); k++) await new Promise(r => setTimeout(r, 100));
    if (!existsSync(socket)) throw new Error('redis-server did not open its socket within 10 s');
  }
  async function stopRedis(): Promise<void> {
    const r = redis;
    redis = null;
    if (!r || r.exitCode !== null) return;
    await new Promise<void>(done => {
      r.once('exit', () => done());
      r.kill('SIGKILL');
    });
  }

  afterAll(async () => {
    await leaveAll(t);
    await ts?.close().catch(() => undefined);
    await stopRedis();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges and shows nothing it could not store, and plays on with nothing lost once Redis is back', async () => {
    await startRedis();
    ts = await testServer({ redis: socket });
    t = await seatClass(ts.server.url);
    const code = t.code;
    const stored = async () => {
      await ts!.server.flushed(code);
      const r = new Redis(socket, { maxRetriesPerRequest: 1 });
      try {
        return JSON.parse((await r.get(`asd:class:group:${code}`))!) as GroupLog;
      } finally {
        r.disconnect();
      }
    };
    await failAndRecover(t, stopRedis, startRedis, stored, /max retries|Connection is closed|ECONNREFUSED|ENOENT/i);
  }, 120_000);
});
