// What a seat's pages keep in the browser goes with the seat (session 22): a school computer is
// shared, and the next pupil at it must find nothing of the last one's seat. A seat released or
// disowned ("I am not Ada") is forgotten with its heard news, unsent votes and desk drafts; once the
// lesson is over the device (localStorage) keeps nothing of the group, the tab only its own seat,
// so a reload still shows the game's end, until the student leaves it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassConnection, forgetSeat, keptSeat } from '../../src/class/connection';
import { draftName, heardKey, votesKey } from '../../src/class/seatKeep';
import { api, type Conn, join, type TestServer, testServer } from '../server/harness';
import { memoryStorage } from './memoryStorage';

/** A store holding a seat of group `code` (token `token`) and what its pages kept, and a line of another group's. */
function storeWithSeat(code: string, token: string): Storage {
  const s = memoryStorage();
  s.setItem('asd-class-seat', JSON.stringify({ code, seatToken: token, reconnectionToken: 'r', name: 'Ada' }));
  s.setItem(heardKey(code, 'britain:lead', 'Ada'), '[]');
  s.setItem(votesKey(code, 'britain:lead', 'Ada'), '{}');
  s.setItem(`draft/${draftName(code, token)}/britain`, '{}');
  s.setItem(heardKey('OTHER', 'ussr:lead', 'Zoe'), '[]');
  s.setItem('asd-settings', '{}');
  return s;
}
const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!).sort();

describe('a seat forgotten', () => {
  it('takes what its pages kept for its group with it, and nothing else', () => {
    const tab = storeWithSeat('ABCDE', 't1');
    const device = storeWithSeat('ABCDE', 't1');
    forgetSeat([tab, device]);
    for (const s of [tab, device]) expect(keys(s)).toEqual(['asd-class-heard/OTHER/ussr:lead/Zoe', 'asd-settings']);
  });

  it('of one group leaves a seat of another group on the device as it is', () => {
    const device = storeWithSeat('FGHIJ', 't2');
    forgetSeat([device], 'ABCDE');
    expect(keptSeat([device])?.seatToken).toBe('t2');
    expect(device.getItem(heardKey('FGHIJ', 'britain:lead', 'Ada'))).toBe('[]');
  });
});

describe('a lesson over', () => {
  let ts: TestServer;
  let code: string;
  let teacher: Conn;
  beforeAll(async () => {
    ts = await testServer();
    const made = await api<{ teacherKey: string; codes: string[] }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1, seating: 'assign' });
    code = made.codes[0]!;
    teacher = await join(ts.server.url, code, { teacherKey: made.teacherKey });
  });
  afterAll(async () => {
    await teacher?.room.leave().catch(() => undefined);
    await ts?.close();
  });

  it('leaves nothing of the group on the device, and the seat in the tab only, kept there no more on coming back', async () => {
    const tab = memoryStorage();
    const device = memoryStorage();
    let joins = 0;
    let ended = false;
    const conn = new ClassConnection(ts.server.url, { joined: () => void joins++, room: r => void (ended ||= r.phase === 'ended') }, [tab, device]);
    const until = async (f: () => boolean) => {
      for (let k = 0; k < 400 && !f(); k++) await new Promise(r => setTimeout(r, 25));
      expect(f()).toBe(true);
    };
    await conn.join(code, { name: 'Ada' });
    await until(() => joins === 1);
    const k = keptSeat([device])!;
    expect(k.code).toBe(code);
    // What the seat's pages kept, on the device and in the tab.
    for (const s of [tab, device]) s.setItem(heardKey(code, 'britain:lead', 'Ada'), '[]');
    tab.setItem(votesKey(code, 'britain:lead', 'Ada'), '{}');
    teacher.room.send('control', { do: 'start' });
    teacher.room.send('control', { do: 'end' });
    await until(() => ended);
    conn.tabOnly();
    expect(keys(device)).toEqual([]);
    expect(keptSeat([tab])?.seatToken).toBe(k.seatToken);
    expect(tab.getItem(heardKey(code, 'britain:lead', 'Ada'))).toBe('[]');
    // Taken back (a joined message again, as after a drop): kept in the tab only.
    expect(await conn.resume(code)).toBe(true);
    await until(() => joins === 2);
    expect(keys(device)).toEqual([]);
    expect(keptSeat([tab])?.seatToken).toBe(k.seatToken);
    // The student leaves the ended game: the tab forgets it too.
    conn.leave();
    forgetSeat([tab]);
    expect(keys(tab)).toEqual([]);
  });
});
