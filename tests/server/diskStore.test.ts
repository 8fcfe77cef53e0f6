// The disk log store (src/server/store.ts diskStore): each log appended to the group's journal as one
// line, read back as the newest line that parses (a line cut short by a crash of the machine is
// passed over, never half-read), folded into the group's file once the journal passes JOURNAL_MAX,
// and a stored log that cannot be read refused with the reason and left as it was.

import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskStore, JOURNAL_MAX } from '../../src/server/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'asd-class-disk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the disk log store', () => {
  it('reads back the newest log written, and lists every group it holds', async () => {
    const d = diskStore(dir);
    d.saveNow!('ABCD', JSON.stringify({ moves: [1] }));
    await d.save('ABCD', JSON.stringify({ moves: [1, 2] }));
    d.saveNow!('WXYZ', '{"moves":[]}');
    expect(await d.load('ABCD')).toEqual({ ok: true, value: { moves: [1, 2] } });
    expect((await d.list()).sort()).toEqual(['ABCD', 'WXYZ']);
    // A new store on the same directory (a restarted server) reads the same.
    expect(await diskStore(dir).load('ABCD')).toEqual({ ok: true, value: { moves: [1, 2] } });
    expect(await d.load('NONE')).toEqual({ ok: false, error: `no group NONE is stored in ${dir}` });
  });

  it('passes over a last line cut short, reading the log before it', async () => {
    const d = diskStore(dir);
    d.saveNow!('ABCD', '{"moves":[1]}');
    // A write cut short: its line break went out, not all of its log.
    appendFileSync(path.join(dir, 'ABCD.journal'), '\n{"moves":[1,');
    expect(await d.load('ABCD')).toEqual({ ok: true, value: { moves: [1] } });
    // Written on after it, the newest whole line is read.
    d.saveNow!('ABCD', '{"moves":[1,2,3]}');
    expect(await d.load('ABCD')).toEqual({ ok: true, value: { moves: [1, 2, 3] } });
  });

  it('folds a long journal into the group file and starts again, keeping the newest log', async () => {
    const d = diskStore(dir);
    const big = (k: number) => JSON.stringify({ k, pad: 'x'.repeat(200_000) });
    let k = 0;
    while (existsSync(path.join(dir, 'ABCD.journal')) || k === 0) d.saveNow!('ABCD', big(k++));
    expect(k * 200_000).toBeGreaterThan(JOURNAL_MAX);
    expect(JSON.parse(readFileSync(path.join(dir, 'ABCD.json'), 'utf8')).k).toBe(k - 1);
    expect(((await d.load('ABCD')) as { value: { k: number } }).value.k).toBe(k - 1);
    // The next log goes to a new journal, which is read first.
    d.saveNow!('ABCD', '{"k":"next"}');
    expect(statSync(path.join(dir, 'ABCD.journal')).size).toBe('\n{"k":"next"}'.length);
    expect(await d.load('ABCD')).toEqual({ ok: true, value: { k: 'next' } });
    expect(await d.list()).toEqual(['ABCD']);
  });

  it('refuses a log that cannot be read with the reason, and leaves it as it was', async () => {
    const d = diskStore(dir);
    writeFileSync(path.join(dir, 'BROK.json'), '{"seats": [');
    const r = await d.load('BROK');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/BROK\.json is not a readable group log/);
    expect(readFileSync(path.join(dir, 'BROK.json'), 'utf8')).toBe('{"seats": [');
    writeFileSync(path.join(dir, 'JUNK.journal'), 'not json\n');
    expect(await d.load('JUNK')).toEqual({ ok: false, error: `${path.join(dir, 'JUNK.journal')} holds no readable group log` });
    expect(() => d.saveNow!('ABCD', '{"a":\n1}')).toThrow(/not one line of JSON/);
    expect(() => d.saveNow!('../x', '{}')).toThrow(/not a group code/);
  });
});
