// Minister students' votes over the wire. Four students (both leads, a minister of each side) and
// the teacher's console in a real server: the Soviet minister votes on an order before the Politburo;
// the vote comes back in the minister's own seat message, the Soviet lead sees it in the tally, and
// when the lead sends that order the sealed move in the stored log carries the ballot, which the
// minister is told counted. A vote from the console or on an item not before the cabinet is refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Joined, Refusal, SeatMessage } from '../../src/class/protocol';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, join, storedLog, type TestServer, testServer } from './harness';

const sc = loadScenarioFile('1927');
let ts: TestServer;
let code: string;
let teacher: Conn;
let britishLead: Conn, sovietLead: Conn, britishMinister: Conn, sovietMinister: Conn;
const ITEM = 'action:restrain-comintern';

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1 });
  code = made.codes[0]!;
  teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
  // One at a time, so the seats are dealt in order.
  const conns: Conn[] = [];
  for (const name of ['Ada', 'Boris', 'Cecil', 'Dora']) conns.push(await join(ts.server.url, code, { name }));
  await Promise.all(conns.map(s => s.wait<Joined>('joined')));
  [britishLead, sovietLead, britishMinister, sovietMinister] = conns as [Conn, Conn, Conn, Conn];
  teacher.room.send('control', { do: 'start' });
  await sovietMinister.wait<SeatMessage>('seat');
});

afterAll(async () => {
  for (const s of [britishLead, sovietLead, britishMinister, sovietMinister, teacher]) await s?.room.leave().catch(() => undefined);
  await ts?.close();
});

const roleName = (id: string) => {
  const r = sc.roles!.find(x => x.id === id)!;
  return sc.ministers.find(m => m.id === r.minister)!.name;
};

describe('a minister student’s vote', () => {
  it('is dealt to the seats in order', () => {
    expect(sovietLead.last<Joined>('joined')!.seat).toEqual({ side: 'ussr', role: 'lead' });
    expect(sovietMinister.last<Joined>('joined')!.seat.side).toBe('ussr');
  });

  it('is offered on the items before the cabinet, and refused from the console or on another item', async () => {
    const m = await sovietMinister.wait<SeatMessage>('seat', x => !!x.cabinet?.items.length);
    expect(m.cabinet!.votes).toBe(true);
    expect(m.cabinet!.items.map(i => i.item)).toContain(ITEM);
    teacher.room.send('vote', { item: ITEM, vote: 1 });
    expect((await teacher.wait<Refusal>('refused', r => r.what === 'vote')).reason).toContain('console does not vote');
    sovietMinister.room.send('vote', { item: 'action:break-relations', vote: 1 });
    expect((await sovietMinister.wait<Refusal>('refused', r => r.what === 'vote')).reason).toContain('not before');
    sovietLead.room.send('vote', { item: ITEM, vote: 1 });
    expect((await sovietLead.wait<Refusal>('refused', r => r.what === 'vote')).reason).toContain('ministers vote');
  });

  it('comes back to the minister, shows in the lead’s tally, and goes into the sealed orders', async () => {
    const role = sovietMinister.last<Joined>('joined')!.seat.role;
    sovietMinister.room.send('vote', { item: ITEM, vote: -1 });
    const mine = await sovietMinister.wait<SeatMessage>('seat', x => x.cabinet?.mine[ITEM] === -1);
    expect(mine.cabinet!.tally).toBeNull(); // a minister sees his own votes, not the others'
    // The Soviet minister dealt is outside the Politburo (Chicherin, the Commissar): his ballot is advice, listed apart.
    expect(mine.cabinet!.advises).toBe(true);
    const lead = await sovietLead.wait<SeatMessage>('seat', x => !!x.cabinet?.tally?.find(t => t.item === ITEM)?.advice?.against.length);
    expect(lead.cabinet!.tally!.find(t => t.item === ITEM)).toMatchObject({ against: [], advice: { against: [roleName(role)] } });
    // The British lead plays on by itself; the Soviet lead orders the item voted on.
    const stop = autoPlay(britishLead, sc);
    await sovietLead.wait<SeatMessage>('seat', x => x.duty === 'orders');
    sovietLead.room.send('move', { type: 'orders', side: 'ussr', orders: [{ kind: 'action', id: 'restrain-comintern' }] });
    await sovietLead.wait('accepted');
    const counted = await sovietMinister.wait<SeatMessage>('seat', x => !!x.cabinet?.counted.length);
    expect(counted.cabinet!.counted).toMatchObject([{ turn: 0, role, item: ITEM, vote: -1 }]);
    stop();
    await ts.server.flushed(code);
    const log = await storedLog(ts.dir, code);
    const sealed = log.game!.moves.filter(mv => mv.side === 'ussr' && mv.type === 'orders').at(-1)!;
    expect(sealed.votes).toEqual([{ role, item: ITEM, vote: -1 }]);
  });
});
