// The classroom server through its network API: the console's controls refused to a student's
// connection, a wrong teacher key refused, a dropped student reconnecting to the same seat with
// nothing lost (by Colyseus's reconnection token, and by the seat token after a page reload), and
// the teacher's overview against history; a seat taken back by name and released by the teacher.

import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupOverview, Joined, Refusal, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { api, type Conn, join, lastRoom, lastSeat, seatOf, type TestServer, testServer, track } from './harness';

const c = compile(loadScenarioFile('1927'));
const EVENTS = c.events;
const ACTIONS = c.actions;
let ts: TestServer;
let code: string;
/** The second group of the class, where the game is played. */
let code2: string;
let teacher2: Conn;
let key: string;
let teacher: Conn;

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[]; classId: string }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 2, seating: 'assign' });
  expect(made.codes).toHaveLength(2);
  code = made.codes[0]!;
  key = made.teacherKey;
  code2 = made.codes[1]!;
  teacher = await join(ts.server.url, code, { teacherKey: key });
  teacher2 = await join(ts.server.url, code2, { teacherKey: key });
  // The console finds its class again after a reload.
  const again = await api<{ codes: string[] }>(ts.server.url, `/api/classes/${made.classId}?key=${key}`);
  expect(again.codes.sort()).toEqual([...made.codes].sort());
  await expect(api(ts.server.url, `/api/classes/${made.classId}?key=wrong`)).rejects.toThrow('teacher key');
});

afterAll(async () => {
  for (const t of [teacher, teacher2]) await t?.room.leave().catch(() => undefined);
  await ts?.close();
});

/** Drop a connection as a network failure does: the socket closes without a leave message. */
function drop(c: Conn): void {
  (c.room.connection as unknown as { transport: { ws: { close(): void } } }).transport.ws.close();
}

describe('the classroom server', () => {
  it('refuses the console’s controls to a student’s connection', async () => {
    const s = await join(ts.server.url, code, { name: 'Sly' });
    for (const c of [{ do: 'start' }, { do: 'end' }, { do: 'pace', seconds: 5 }, { do: 'announce', text: 'hi' }]) {
      s.room.send('control', c);
      const r = await s.wait<Refusal>('refused', x => x.what === 'control' && (s.got.get('refused')?.length ?? 0) > 0);
      expect(r.reason).toContain('only the teacher');
      s.got.delete('refused');
    }
    await new Promise(r => setTimeout(r, 100));
    expect(lastRoom(teacher)?.phase ?? 'lobby').toBe('lobby');
    const info = await api<RoomInfo>(ts.server.url, `/api/groups/${code}`);
    expect(info.phase).toBe('lobby');
    expect(info.announcements).toEqual([]);
    await s.room.leave();
  });

  it('refuses a wrong teacher key, an unknown code and a bad name', async () => {
    const client = new Client(ts.server.url.replace(/^http/, 'ws'));
    await expect(client.joinById(code, { teacherKey: 'guess' })).rejects.toThrow('teacher key');
    await expect(client.joinById(code, { name: '' })).rejects.toThrow('name');
    await expect(api(ts.server.url, '/api/groups/ZZZZZ')).rejects.toThrow('no group ZZZZZ');
    // A code typed with a space, or not a code at all, is a group that is not there, not a server error.
    await expect(api(ts.server.url, `/api/groups/${encodeURIComponent('hbd aj')}`)).rejects.toThrow('there is no group HBD AJ');
    await expect(api(ts.server.url, '/api/groups/%E0%A4%A')).rejects.toThrow('there is no group');
  });

  it('takes a dropped student back to the same seat with nothing lost, by reconnection token and after a reload', async () => {
    const lead = await join(ts.server.url, code2, { name: 'Ada' });
    const other = await join(ts.server.url, code2, { name: 'Boris' });
    const me = seatOf(lead)!;
    expect(me.seat).toEqual({ side: 'britain', role: 'lead' });
    teacher2.room.send('control', { do: 'start' });
    let m = await lead.wait<SeatMessage>('seat');
    // Britain's lead plays until its orders are sealed (the Soviet lead holds back, so the turn stays open).
    for (let k = 0; k < 20 && m.duty !== 'wait'; k++) {
      const move =
        m.duty === 'decide'
          ? { type: 'decide', side: 'britain', event: eventId(m), option: optionId(m) }
          : { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: m.view.available.length ? actionId(m) : '' }].filter(o => o.id) };
      const before = m.moves;
      lead.room.send('move', move);
      m = await lead.wait<SeatMessage>('seat', x => x.moves > before);
    }
    expect(m.duty).toBe('wait');
    expect(m.view.orders).not.toBeNull();
    const sealed = m.view.orders;

    // 1. The connection drops; the client reconnects with its reconnection token: same session, same seat.
    const token = lead.room.reconnectionToken;
    const sessionId = lead.room.sessionId;
    teacher2.got.delete('room'); // wait for news of the drop, not an older roster
    drop(lead);
    await teacher2.wait<RoomInfo>('room', r => r.roster[0]!.connected.length === 0);
    const client = new Client(ts.server.url.replace(/^http/, 'ws'));
    const back = track(await client.reconnect(token));
    expect(back.room.sessionId).toBe(sessionId);
    const again = await back.wait<SeatMessage>('seat');
    expect(again.side).toBe(me.seat.side);
    expect(again.view.orders).toEqual(sealed);
    expect(again.moves).toBe(m.moves);
    await teacher2.wait<RoomInfo>('room', r => r.roster[0]!.connected.includes('Ada'));

    // 2. A page reload: a new connection with the seat token kept in sessionStorage takes the seat back.
    await back.room.leave();
    const reloaded = await join(ts.server.url, code2, { seatToken: me.seatToken });
    const j = await reloaded.wait<Joined>('joined');
    expect(j).toMatchObject({ seat: me.seat, name: 'Ada', seatToken: me.seatToken });
    expect((await reloaded.wait<SeatMessage>('seat')).view.orders).toEqual(sealed);
    expect(lastRoom(reloaded)!.roster.find(r => r.seat === 'britain:lead')!.students).toEqual(['Ada']);

    // The other side's lead moves on; the reloaded lead sees the new turn.
    expect(lastSeat(other)!.side).toBe('ussr');
    await reloaded.room.leave();
    await other.room.leave();
  });

  it('gives a seat back by name to its student away, keeps it held while a second tab holds it, and drops whoever holds it when the teacher releases it', async () => {
    // Ada left the game above (Title): her name takes her seat back on another device, with her token.
    const roster = (r: RoomInfo) => r.roster.find(x => x.seat === 'britain:lead')!;
    const phone = await join(ts.server.url, code2, { name: 'ada' });
    const j = await phone.wait<Joined>('joined');
    expect(j).toMatchObject({ seat: { side: 'britain', role: 'lead' }, name: 'Ada' });
    await teacher2.wait<RoomInfo>('room', r => roster(r).connected.includes('Ada') && /Ada has taken back the seat/.test(r.announcements.at(-1)!.text));
    // While she is here, her name is refused to anyone else.
    await expect(join(ts.server.url, code2, { name: 'Ada' })).rejects.toThrow('connected now');
    // A second tab with the token; the first closes: she is still here.
    const tab = await join(ts.server.url, code2, { seatToken: j.seatToken });
    await tab.wait<Joined>('joined');
    await phone.room.leave();
    // Whatever the room says after a later change (an announcement) is after the leave was heard.
    teacher2.room.send('control', { do: 'announce', text: 'after the leave' });
    const after = await teacher2.wait<RoomInfo>('room', r => r.announcements.some(a => a.text === 'Teacher: after the leave'));
    expect(roster(after).connected).toEqual(['Ada']);
    // The teacher releases the seat: the tab holding it is told why and closed; her name takes it back, with a new token.
    const closed = new Promise<number>(resolve => tab.room.onLeave(code => resolve(code)));
    teacher2.room.send('control', { do: 'release', student: 'Ada' });
    expect((await tab.wait<Refusal>('refused', r => r.what === 'join')).reason).toContain('released your seat');
    await closed;
    await teacher2.wait<RoomInfo>('room', r => roster(r).connected.length === 0);
    await expect(join(ts.server.url, code2, { seatToken: j.seatToken })).rejects.toThrow('seat token');
    const back = await join(ts.server.url, code2, { name: 'Ada' });
    const j2 = await back.wait<Joined>('joined');
    expect(j2.seat).toEqual(j.seat);
    expect(j2.seatToken).not.toBe(j.seatToken);
    await back.room.leave();
  });

  it('shows the teacher each group’s distance from history', async () => {
    const o = await teacher2.wait<GroupOverview>('overview');
    expect(o.code).toBe(code2);
    expect(o.figures.length).toBeGreaterThan(3);
    expect(o.figures.find(f => f.id === 'tension')).toBeDefined();
    expect(o.distance).toBeGreaterThanOrEqual(0);
    expect(o.distance).toBeLessThanOrEqual(1);
  });
});

const eventId = (m: SeatMessage) => EVENTS[m.view.pending[0]!]!.id;
const optionId = (m: SeatMessage) => EVENTS[m.view.pending[0]!]!.decision!.options[m.optionOrder[m.view.pending[0]!]![0]!]!.id;
const actionId = (m: SeatMessage) => ACTIONS[m.view.available[0]!]!.id;
