// The match survives a server restart: a server process is killed outright in the middle of a turn
// (after a student's orders were acknowledged), a new one starts on the same log directory, and the
// student takes the same seat back with a seat token and finds the orders still sealed. A stored log
// that is corrupt is refused with the reason and left exactly as it was.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Joined, RoomInfo, SeatMessage } from '../../src/class/protocol';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { api, join, playBritainUntilSealed } from './harness';
import { type ServerProcess, startProcess } from './process';

const c = compile(loadScenarioFile('1927'));
const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-restart-'));
const procs: ServerProcess[] = [];

afterAll(async () => {
  for (const p of procs) await p.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('a server restart', () => {
  it('loses nothing a student was told was accepted', async () => {
    const first = await startProcess(['--data', dir]);
    procs.push(first);
    const made = await api<{ teacherKey: string; codes: string[] }>(first.url, '/api/classes', { scenario: '1927', groups: 1, paceSeconds: 600 });
    const code = made.codes[0]!;
    const teacher = await join(first.url, code, { teacherKey: made.teacherKey });
    const lead = await join(first.url, code, { name: 'Ada' });
    await join(first.url, code, { name: 'Boris' });
    const me = await lead.wait<Joined>('joined');
    teacher.room.send('control', { do: 'start' });
    const m = await playBritainUntilSealed(lead, c);
    expect(m.view.orders).not.toBeNull();
    const deadline = (await teacher.wait<RoomInfo>('room', r => r.phase === 'playing')).deadline!;

    await first.kill('SIGKILL');
    const second = await startProcess(['--data', dir]);
    procs.push(second);
    const back = await join(second.url, code, { seatToken: me.seatToken });
    expect((await back.wait<Joined>('joined')).seat).toEqual({ side: 'britain', role: 'lead' });
    const again = await back.wait<SeatMessage>('seat');
    expect(again.moves).toBe(m.moves);
    expect(again.view.orders).toEqual(m.view.orders);
    expect(again.duty).toBe('wait');
    const info = await back.wait<RoomInfo>('room');
    expect(info.phase).toBe('playing');
    expect(info.deadline).toBeGreaterThanOrEqual(deadline);
    expect(info.roster.find(r => r.seat === 'ussr:lead')!.students).toEqual(['Boris']);
    await back.room.leave();
    await second.kill('SIGTERM');
  });

  it('refuses a corrupt stored log with the reason, and leaves it as it was', async () => {
    const file = path.join(dir, 'BROKE.json');
    const text = '{"format":"asd-class-group","version":1,"code":"BROKE", "seats": [';
    writeFileSync(file, text);
    const p = await startProcess(['--data', dir]);
    procs.push(p);
    const status = await api<{ refused: Record<string, string> }>(p.url, '/api/status');
    expect(status.refused.BROKE).toMatch(/not a readable group log/);
    await expect(api(p.url, '/api/groups/BROKE')).rejects.toThrow(/cannot be opened/);
    expect(p.output()).toContain('BROKE');
    expect(readFileSync(file, 'utf8')).toBe(text);
    await p.kill('SIGTERM');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
