// A vote shown back is a vote kept: minister students vote on every item before their cabinets, the
// server process is killed outright the moment each has seen all their votes shown back, and a new
// process on the same log directory gives each minister the same votes, and the lead the same
// tally, when they come back with their seat tokens. The server stores a change before it shows it,
// so the stored log holds each vote by the time its minister sees it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Joined, SeatMessage } from '../../src/class/protocol';
import { api, type Conn, join, storedLog } from './harness';
import { type ServerProcess, startProcess } from './process';

const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-votecrash-'));
const procs: ServerProcess[] = [];

afterAll(async () => {
  for (const p of procs) await p.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A minister votes on every item before the cabinet (For on even ones, Against on odd); resolves with its votes once a seat message shows them all. */
async function voteOnAll(minister: Conn): Promise<Record<string, 1 | -1>> {
  const m = await minister.wait<SeatMessage>('seat', x => !!x.cabinet?.votes && x.cabinet.items.length > 0);
  const want: Record<string, 1 | -1> = {};
  m.cabinet!.items.forEach((item, k) => {
    want[item.item] = k % 2 ? -1 : 1;
    minister.room.send('vote', { item: item.item, vote: want[item.item] });
  });
  await minister.wait<SeatMessage>('seat', x => Object.entries(want).every(([item, v]) => x.cabinet?.mine[item] === v));
  return want;
}

describe('a server process killed just after votes are shown back', () => {
  it('loses none of them: each minister and lead finds them after the restart', async () => {
    const first = await startProcess(['--data', dir]);
    procs.push(first);
    const made = await api<{ teacherKey: string; codes: string[] }>(first.url, '/api/classes', { scenario: '1927', groups: 1, paceSeconds: 600 });
    const code = made.codes[0]!;
    const teacher = await join(first.url, code, { teacherKey: made.teacherKey });
    // One at a time, so the seats are dealt in order: the two leads, then a minister of each side.
    const conns: Conn[] = [];
    for (const name of ['Ada', 'Boris', 'Cecil', 'Dora']) conns.push(await join(first.url, code, { name }));
    const seats = await Promise.all(conns.map(s => s.wait<Joined>('joined')));
    expect(seats.map(s => s.seat.role === 'lead')).toEqual([true, true, false, false]);
    teacher.room.send('control', { do: 'start' });
    const [, , britishMinister, sovietMinister] = conns as [Conn, Conn, Conn, Conn];
    const [britishVotes, sovietVotes] = await Promise.all([voteOnAll(britishMinister), voteOnAll(sovietMinister)]);
    expect(Object.keys(britishVotes).length).toBeGreaterThan(0);
    expect(Object.keys(sovietVotes).length).toBeGreaterThan(0);
    // The Soviet minister changes its mind back and forth, each change waited for until shown: the
    // stored log holds each one as soon as it is shown, and the last is shown a moment before the kill.
    const role = seats[3]!.seat.role;
    const item = Object.keys(sovietVotes)[0]!;
    for (let k = 0; k < 6; k++) {
      const vote = sovietVotes[item] === 1 ? -1 : 1;
      sovietVotes[item] = vote;
      sovietMinister.room.send('vote', { item, vote });
      await sovietMinister.wait<SeatMessage>('seat', x => x.cabinet?.mine[item] === vote && sovietMinister.got.get('seat')!.at(-1) === x);
      expect((await storedLog(dir, code)).ballots!.cast.ussr).toContainEqual({ role, item, vote });
    }

    // At once: nothing is given time to be written after the votes were shown.
    await first.kill('SIGKILL');
    const second = await startProcess(['--data', dir]);
    procs.push(second);
    const back = await Promise.all(seats.map(s => join(second.url, code, { seatToken: s.seatToken })));
    const [, sovietLead, britishBack, sovietBack] = back as [Conn, Conn, Conn, Conn];
    for (const [conn, want] of [
      [britishBack, britishVotes],
      [sovietBack, sovietVotes],
    ] as const) {
      const m = await conn.wait<SeatMessage>('seat');
      expect(m.cabinet!.mine).toEqual(want);
    }
    // The Soviet lead's tally names the minister against each item it voted against (as advice, if his
    // minister sits outside the Politburo).
    const advises = (await sovietBack.wait<SeatMessage>('seat')).cabinet!.advises === true;
    const tally = (await sovietLead.wait<SeatMessage>('seat')).cabinet!.tally!;
    for (const [item, v] of Object.entries(sovietVotes)) {
      const line = tally.find(t => t.item === item)!;
      expect((advises ? line.advice! : line)[v === 1 ? 'for' : 'against']).toHaveLength(1);
    }
    for (const c of back) await c.room.leave();
    await second.kill('SIGTERM');
  }, 120_000);
});
