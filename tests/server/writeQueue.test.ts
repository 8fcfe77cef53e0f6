// The classroom server's ordered log writes (src/server/store.ts WriteQueue): a write waits a moment
// for more changes to join it, so a burst of votes is stored once; `flushed` (an order's
// acknowledgement) and an urgent write (a seat given out, the teacher's control) start it at once;
// writes of one group stay in order, the newest log wins, and one group's wait holds up no other's.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../src/engine/index';
import { type LogStore, WriteQueue } from '../../src/server/store';

/** A store that records what it was given, in order. */
function recording(): LogStore & { saved: [string, string][] } {
  const saved: [string, string][] = [];
  return {
    saved,
    where: 'memory',
    async save(code, text) {
      saved.push([code, text]);
    },
    load: async () => ok(null),
    list: async () => [],
    close: async () => {},
  };
}

describe('the log write queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores a burst of changes once, after a moment, with the newest log', async () => {
    const store = recording();
    const q = new WriteQueue(store, () => {}, 200);
    let built = 0;
    for (let k = 1; k <= 5; k++)
      void q.write('ABCD', () => {
        built++;
        return `log ${k}`;
      });
    await vi.advanceTimersByTimeAsync(100);
    expect(store.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(store.saved).toEqual([['ABCD', 'log 5']]);
    // Only the log that was written was built.
    expect(built).toBe(1);
  });

  it('stores at once when an order waits on it (flushed) or the write is urgent, and keeps each group in order', async () => {
    const store = recording();
    const q = new WriteQueue(store, () => {}, 200);
    void q.write('ABCD', 'vote');
    void q.write('WXYZ', 'other group');
    void q.write('ABCD', 'move');
    const stored = q.flushed('ABCD');
    await vi.advanceTimersByTimeAsync(0);
    await stored;
    expect(store.saved).toEqual([['ABCD', 'move']]);
    // A seat given out: at once, after what was already written for its group.
    await q.write('ABCD', 'join', true);
    expect(store.saved).toEqual([
      ['ABCD', 'move'],
      ['ABCD', 'join'],
    ]);
    // The other group's write waited its moment, held up by nothing.
    await vi.advanceTimersByTimeAsync(250);
    expect(store.saved.at(-1)).toEqual(['WXYZ', 'other group']);
    // Nothing waiting: flushed resolves at once.
    await q.flushed('ABCD');
    expect(store.saved).toHaveLength(3);
  });

  it('reports a failed write and carries on with the next', async () => {
    const failing: LogStore = { ...recording(), save: async () => Promise.reject(new Error('disk full')) };
    const errors: string[] = [];
    const q = new WriteQueue(failing, (code, message) => errors.push(`${code}: ${message}`), 200);
    await q.write('ABCD', 'log', true);
    expect(errors).toEqual(['ABCD: disk full']);
  });
});
