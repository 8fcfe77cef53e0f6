// A seat's earlier reports come from the server (session 22): a student who reloads at turn 3, or
// takes his seat back in a new tab or on another device, is sent every report his side has heard
// this game (the seat view carries only the last turn's and this one's), after his seat's message,
// on joining and on coming back after a drop; nothing of the other side's private business is in it.

import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Joined, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { compile, type NewsItem } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { api, autoPlay, type Conn, join, type TestServer, testServer, track } from './harness';

const sc = loadScenarioFile('1929');
const c = compile(sc);
let ts: TestServer;
let code: string;
const conns: Conn[] = [];

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1929', groups: 1, seating: 'assign' });
  code = made.codes[0]!;
  conns.push(await join(ts.server.url, code, { teacherKey: made.teacherKey }));
});

afterAll(async () => {
  for (const s of conns) if (s.room.connection.isOpen) await s.room.leave().catch(() => undefined);
  await ts?.close();
});

describe('a seat’s earlier reports', () => {
  it('are sent whole on joining a game under way and on coming back, the view’s news their tail, the other side’s private business withheld', async () => {
    // Dealt in order: the two leads (played by the persona as a student would), then a British minister.
    const ada = await join(ts.server.url, code, { name: 'Ada' });
    const boris = await join(ts.server.url, code, { name: 'Boris' });
    const cecil = await join(ts.server.url, code, { name: 'Cecil' });
    conns.push(ada, boris, cecil);
    const me = (await cecil.wait<Joined>('joined'))!;
    expect(me.seat.side).toBe('britain');
    // In the lobby there is nothing to tell.
    expect(cecil.got.get('reports')).toBeUndefined();
    const stop = [autoPlay(ada, sc), autoPlay(boris, sc)];
    conns[0]!.room.send('control', { do: 'start' });
    const at3 = await cecil.wait<SeatMessage>('seat', m => m.view.turn >= 2, 120_000);
    for (const s of stop) s();
    conns[0]!.room.send('control', { do: 'pause' });

    // A reload: a new connection by seat token is sent its reports after its seat's message.
    const again = await join(ts.server.url, code, { seatToken: me.seatToken });
    conns.push(again);
    const told = await again.wait<NewsItem[]>('reports');
    const view = again.last<SeatMessage>('seat')!.view;
    expect(view.turn).toBeGreaterThanOrEqual(at3.view.turn);
    // The view's news (the last turn and this one) ends it; before it, turn 1's reports, which the view no longer holds.
    expect(told.slice(told.length - view.news.length)).toEqual(view.news);
    const firstDay = c.days[0]!;
    expect(view.news.some(n => n.day === firstDay)).toBe(false);
    expect(told.filter(n => n.day === firstDay).length).toBeGreaterThan(0);
    expect(told.some(n => n.headline === 'relations' && n.day === firstDay)).toBe(true);
    // Britain's own and public news only; the Soviet side's private causes withheld.
    for (const n of told) {
      expect(n.side === undefined || n.side === 'britain').toBe(true);
      if (n.origin === 'ussr') expect(n.cause).toBe('hidden:ussr');
    }

    // Coming back after a drop (the same session, by reconnection token): told again, turns missed meanwhile included.
    await cecil.room.leave();
    const teacher = conns[0]!;
    teacher.got.delete('room');
    const token = again.room.reconnectionToken;
    (again.room.connection as unknown as { transport: { ws: { close(): void } } }).transport.ws.close();
    await teacher.wait<RoomInfo>('room', r => !r.roster.some(e => e.connected.includes('Cecil')));
    const back = track(await new Client(ts.server.url.replace(/^http/, 'ws')).reconnect(token));
    conns.push(back);
    expect(await back.wait<NewsItem[]>('reports')).toEqual(told);
  }, 180_000);
});
