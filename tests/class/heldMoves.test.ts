// A class seat's moves while they cannot go: while the teacher has paused the game, or the
// connection to the server is down, the network match refuses a move with the reason and sends
// nothing (the desk stays, its orders ticked, and the screen disables Send saying why: a `held`
// event), and lets it go again once play resumes or the connection is back. The connection's own
// senders send nothing while it is closed, and say so; the seat it keeps is found in either store.

import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../../src/app/match';
import { ClassConnection, forgetSeat, keptSeat } from '../../src/class/connection';
import type { RoomInfo } from '../../src/class/protocol';
import { RemoteMatch } from '../../src/class/remoteMatch';
import { compile, type Move } from '../../src/engine/index';
import { type Clock, Group } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';
import { memoryStorage } from './memoryStorage';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const clock: Clock = { now: () => 1_000_000, setTimeout: () => 0, clearTimeout: () => undefined };

/** A lead's seat in a started group, its match on a link that is up unless `up` says otherwise. */
async function leadSeat() {
  const g = Group.create(sc, { code: 'HELD1', classId: 'c', teacherKey: 'k', seed: 'held', seating: 'assign', paceSeconds: 0 }, clock);
  if (!g.ok) throw new Error(g.error);
  const lead = g.value.join({ name: 'Ada' });
  if (!lead.ok) throw new Error(lead.error);
  expect(g.value.control({ do: 'start' }).ok).toBe(true);
  await new Promise(r => setTimeout(r, 0));
  const msg = g.value.seatMessage(lead.value.seat)!;
  const link = { up: true, sent: [] as Move[] };
  const m = new RemoteMatch(c, msg, { send: mv => link.up && link.sent.push(mv) > 0, leave: () => undefined });
  const events: MatchEvent[] = [];
  m.on(e => events.push(e));
  m.start();
  const info = (phase: RoomInfo['phase']): RoomInfo => ({ ...g.value.info(), phase });
  m.room(info('playing'));
  const move = (): Move => (msg.duty === 'decide' ? { type: 'decide', side: msg.side, event: 'x', option: 'y' } : { type: 'orders', side: msg.side, orders: [] });
  return { m, link, events, info, move };
}

const held = (events: MatchEvent[]) => events.filter(e => e.type === 'held').map(e => (e as { reason: string | null }).reason);

describe('a class seat whose moves cannot go', () => {
  it('holds its moves while the game is paused, saying why, and lets them go on resume', async () => {
    const { m, link, events, info, move } = await leadSeat();
    expect(m.held()).toBeNull();
    m.room(info('paused'));
    expect(held(events)).toEqual(['the teacher has paused the game']);
    expect(m.submit(m.side, move())).toEqual({ ok: false, error: 'the teacher has paused the game' });
    expect(link.sent).toEqual([]);
    m.room(info('playing'));
    expect(held(events)).toEqual(['the teacher has paused the game', null]);
    expect(m.submit(m.side, move()).ok).toBe(true);
    expect(link.sent).toHaveLength(1);
  });

  it('holds its moves while the connection is down, and never counts one lost on a closed socket as sent', async () => {
    const { m, link, events, move } = await leadSeat();
    m.disconnected();
    expect(held(events)).toEqual([expect.stringContaining('connection')]);
    expect(m.submit(m.side, move())).toMatchObject({ ok: false, error: expect.stringContaining('connection') });
    m.reconnected();
    expect(held(events)).toEqual([expect.stringContaining('connection'), null]);
    // The socket closed before the connection noticed: the link sends nothing, and the move is refused, not waited on.
    link.up = false;
    expect(m.submit(m.side, move())).toMatchObject({ ok: false, error: expect.stringContaining('connection') });
    expect(m.waitText()).not.toBe('Sending…');
    expect(link.sent).toEqual([]);
  });

  it('sends no vote, move or control on a connection that is not open, and says so', () => {
    const conn = new ClassConnection('http://127.0.0.1:9', {}, []);
    expect(conn.open).toBe(false);
    expect(conn.vote({ item: 'note:1', vote: 1 })).toBe(false);
    expect(conn.send({ type: 'orders', side: 'britain', orders: [] })).toBe(false);
    expect(conn.control({ do: 'pause' })).toBe(false);
  });
});

describe('the seat a browser keeps', () => {
  it('is found in the tab’s store first, else in the device’s (a new tab), and forgotten from both', () => {
    const tab = memoryStorage();
    const device = memoryStorage();
    const seat = { code: 'ABCDE', seatToken: 't1', reconnectionToken: 'r' };
    device.setItem('asd-class-seat', JSON.stringify(seat));
    // Only in the device's store (a new tab): offered, not taken unasked (student.ts).
    expect(keptSeat([tab, device])).toEqual({ ...seat, inTab: false });
    tab.setItem('asd-class-seat', JSON.stringify({ ...seat, seatToken: 't2', name: 'Ada' }));
    expect(keptSeat([tab, device])).toMatchObject({ seatToken: 't2', name: 'Ada', inTab: true });
    forgetSeat([tab, device]);
    expect(keptSeat([tab, device])).toBeNull();
  });
});
