// The classroom server's log writes (src/server/store.ts WriteQueue): a store that can write at once
// (the disk) is written before `write` returns, so the room shows a change in the same turn; one that
// cannot (Redis) is written one write at a time per group, in order, while one runs the later ones
// join into one with the newest log (built only when its write starts), and one group's write holds
// up no other's. A failed write is reported and rejects, and stops the group's writes until resumed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/engine/index';
import { diskStore, type LogStore, WriteQueue } from '../../src/server/store';

/** A store that records what it was given, in order; `hold` keeps each asynchronous write open until `release`. */
function recording(opts: { now?: boolean; hold?: boolean } = {}) {
  const saved: [string, string][] = [];
  const open: (() => void)[] = [];
  const store: LogStore = {
    where: 'memory',
    save: (code, text) =>
      new Promise<void>(resolve => {
        const done = () => {
          saved.push([code, text]);
          resolve();
        };
        if (opts.hold) open.push(done);
        else done();
      }),
    load: async () => ok(null),
    list: async () => [],
    close: async () => {},
  };
  if (opts.now) store.saveNow = (code, text) => void saved.push([code, text]);
  return { store, saved, release: () => open.shift()?.() };
}

const tick = () => new Promise<void>(r => setImmediate(r));

describe('the log write queue', () => {
  it('writes a store that can at once: stored before write returns, nothing left pending', () => {
    const { store, saved } = recording({ now: true });
    const q = new WriteQueue(store, () => {});
    expect(q.write('ABCD', () => 'log 1')).toBe(true);
    expect(saved).toEqual([['ABCD', 'log 1']]);
    expect(q.write('ABCD', 'log 2')).toBe(true);
    expect(saved.at(-1)).toEqual(['ABCD', 'log 2']);
    expect(q.pending('ABCD')).toBe(true);
  });

  it('writes the disk at once: the store reads the newest log back when write returns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-wq-'));
    try {
      const disk = diskStore(path.join(dir, 'logs'));
      const q = new WriteQueue(disk, () => {});
      expect(q.write('ABCD', '{"n":1}')).toBe(true);
      expect(q.write('ABCD', '{"n":2}')).toBe(true);
      expect(await disk.load('ABCD')).toEqual({ ok: true, value: { n: 2 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes an asynchronous store in order, one write at a time, the ones asked while it runs joined into one with the newest log', async () => {
    const { store, saved, release } = recording({ hold: true });
    const q = new WriteQueue(store, () => {});
    let built = 0;
    const first = q.write('ABCD', 'log 1');
    expect(first).toBeInstanceOf(Promise);
    await tick();
    // The first is being written; three more asked meanwhile become one write, built once when it starts.
    const later = [2, 3, 4].map(k =>
      q.write('ABCD', () => {
        built++;
        return `log ${k}`;
      }),
    );
    expect(new Set(later).size).toBe(1);
    expect(built).toBe(0);
    // Another group is held up by nothing of this one's.
    const other = q.write('WXYZ', 'other group');
    await tick();
    expect(q.pending('ABCD')).toBeInstanceOf(Promise);
    release(); // ABCD's first
    await first;
    release(); // WXYZ
    await other;
    await tick();
    release(); // ABCD's joined write
    await later[0];
    expect(saved).toEqual([
      ['ABCD', 'log 1'],
      ['WXYZ', 'other group'],
      ['ABCD', 'log 4'],
    ]);
    expect(built).toBe(1);
    await tick();
    expect(q.pending('ABCD')).toBe(true);
    await q.flushed('ABCD');
  });

  it('reports a failed write, rejects it and every write after it unmade until resumed, and keeps the log last stored', async () => {
    const errors: string[] = [];
    const { store, saved } = recording();
    let full = true;
    const failing: LogStore = { ...store, save: async (code, text) => (full ? Promise.reject(new Error('disk full')) : store.save(code, text)) };
    const q = new WriteQueue(failing, (code, message) => errors.push(`${code}: ${message}`));
    q.remember('ABCD', 'log 0');
    await expect(q.write('ABCD', 'log 1')).rejects.toThrow('disk full');
    // Stopped: the next is not even tried (it would store a change its sender was told was not stored).
    full = false;
    await expect(q.write('ABCD', 'log 2')).rejects.toThrow('disk full');
    await expect(q.pending('ABCD') as Promise<void>).rejects.toThrow('disk full');
    expect(q.failure('ABCD')).toBe('disk full');
    expect(errors).toEqual(['ABCD: disk full']);
    expect(q.lastStored('ABCD')).toBe('log 0');
    expect(saved).toEqual([]);
    q.resume('ABCD');
    await q.write('ABCD', 'log 0 again');
    expect(saved).toEqual([['ABCD', 'log 0 again']]);
    expect(q.lastStored('ABCD')).toBe('log 0 again');
    await q.flushed('ABCD');

    // A store that writes at once: the same, in the caller's turn.
    const now = recording({ now: true }).store;
    now.saveNow = () => {
      throw new Error('read-only file system');
    };
    const q2 = new WriteQueue(now, (code, message) => errors.push(`${code}: ${message}`));
    const w = q2.write('WXYZ', 'log');
    expect(w).toBeInstanceOf(Promise);
    await expect(w as Promise<void>).rejects.toThrow('read-only file system');
    expect(errors.at(-1)).toBe('WXYZ: read-only file system');
    await q2.flushed('WXYZ');
  });
});
