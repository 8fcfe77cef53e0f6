// Where the classroom server keeps each group's log (scenario, seed, moves, seats, deadlines, the
// ballots cast), so a match survives a restart: files in a directory by default, Redis when
// configured. The disk is written at once, in the caller's turn, as one append to a journal (a few
// hundredths of a ms, where asynchronous file operations each wait their turn of a busy event loop);
// Redis is written in order per group. Either way the server shows a change, or acknowledges an order,
// only once the log holding it is stored (room.ts). A log that does not parse is refused with the
// reason by the reader, and nothing here ever writes over a log it was not given.

import { closeSync, fstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { err, ok, type Result } from '../engine/index';

export interface LogStore {
  /** Store a group's log (JSON text). Resolves once it is stored. */
  save(code: string, text: string): Promise<void>;
  /** Store a group's log before returning, for a store that can (the disk); throws if it cannot. */
  saveNow?(code: string, text: string): void;
  /** A stored log, parsed, or why it cannot be read. */
  load(code: string): Promise<Result<unknown>>;
  /** Every group code stored. */
  list(): Promise<string[]>;
  close(): Promise<void>;
  /** Where the logs are, for messages. */
  readonly where: string;
}

const CODE = /^[A-Z0-9]{4,12}$/;

function parse(text: string, where: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return err(`${where} is not a readable group log: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Past this size a group's journal is folded into its file and started again. */
export const JOURNAL_MAX = 2 * 1024 * 1024;

/**
 * Each group's log in `dir`, written at once (saveNow), as a journal: each log is appended to
 * CODE.journal as one line (one write(2), which a killed process cannot cut short; no rename, which
 * on ext4 starts writing the replaced file's data back, so a lesson's thousand writes are cheap).
 * Past JOURNAL_MAX the newest log is written whole to CODE.json (a temporary file renamed, so a crash
 * leaves the old or the new one) and the journal removed. Reading takes the journal's last line that
 * parses, else the file. With no fsync, a killed process loses nothing written (the kernel holds
 * it); a power cut may lose the last moments, as with any unsynced file.
 */
export function diskStore(dir: string): LogStore {
  const file = (code: string) => path.join(dir, `${code}.json`);
  const journal = (code: string) => path.join(dir, `${code}.journal`);
  let made = false;
  /** Each group's journal held open while this process writes it, with its size. */
  const open = new Map<string, { fd: number; size: number }>();
  const saveNow = (code: string, text: string) => {
    if (!CODE.test(code)) throw new Error(`not a group code: ${code}`);
    // A log is JSON text, which has no raw line break: one log, one line.
    if (text.includes('\n')) throw new Error(`the log of group ${code} is not one line of JSON`);
    if (!made) mkdirSync(dir, { recursive: true });
    made = true;
    let j = open.get(code);
    if (!j) {
      const fd = openSync(journal(code), 'a');
      open.set(code, (j = { fd, size: fstatSync(fd).size }));
    }
    // The line break goes before it: a line cut short before (a full disk, a crash of the machine) stays a line of its own.
    const line = Buffer.from(`\n${text}`);
    writeSync(j.fd, line);
    j.size += line.length;
    if (j.size <= JOURNAL_MAX) return;
    // The newest log is in the journal already, so a crash between these steps loses nothing.
    closeSync(j.fd);
    open.delete(code);
    const tmp = `${file(code)}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file(code));
    unlinkSync(journal(code));
  };
  const read = (f: string) => readFile(f, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  return {
    where: dir,
    saveNow,
    async save(code, text) {
      saveNow(code, text);
    },
    async load(code) {
      const j = await read(journal(code));
      // The newest whole line: one cut short (a crash of the machine mid-write) is passed over.
      const lines = j?.split('\n') ?? [];
      for (let k = lines.length - 1; k >= 0; k--) {
        if (!lines[k]) continue;
        const r = parse(lines[k]!, journal(code));
        if (r.ok) return r;
      }
      const text = await read(file(code));
      if (text === null) return err(j ? `${journal(code)} holds no readable group log` : `no group ${code} is stored in ${dir}`);
      return parse(text, file(code));
    },
    async list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const codes = names.flatMap(n => (n.endsWith('.json') ? [n.slice(0, -5)] : n.endsWith('.journal') ? [n.slice(0, -8)] : []));
      return [...new Set(codes)].filter(c => CODE.test(c));
    },
    async close() {
      for (const j of open.values()) closeSync(j.fd);
      open.clear();
    },
  };
}

const KEY = 'asd:class:group:';
const SET = 'asd:class:groups';

/** Each group's log under a Redis key, and the codes in a set: every server process sharing Redis sees them. */
export function redisStore(url: string): LogStore {
  const r = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  // While Redis is down each write fails with the reason, which the room tells everyone: the
  // client's reconnection errors in between would only repeat it.
  r.on('error', () => {});
  return {
    where: url,
    async save(code, text) {
      await r
        .multi()
        .set(KEY + code, text)
        .sadd(SET, code)
        .exec();
    },
    async load(code) {
      const text = await r.get(KEY + code);
      if (text === null) return err(`no group ${code} is stored in Redis at ${url}`);
      return parse(text, `the log of group ${code} in Redis`);
    },
    async list() {
      return (await r.smembers(SET)).filter(c => CODE.test(c));
    },
    async close() {
      await r.quit().catch(() => r.disconnect());
    },
  };
}

/** Stored already (true), or a promise that resolves once it is and rejects (a StoreFailure) if it cannot be. */
export type Stored = true | Promise<void>;

/** A log that could not be stored, with the store's reason. */
export class StoreFailure extends Error {}

/**
 * Writes per group, in order. A store that writes at once (saveNow: the disk) is written in the
 * caller's turn. Another (Redis) is written one write at a time per group, coalesced: while one
 * runs, only the newest log asked for after it is kept (each log holds the whole game, so an older
 * one waiting is useless), and a log given as a function is built only when its write starts, so
 * changes a later one overtakes cost nothing.
 *
 * A failed write is reported, rejects, and stops the group's writes: every write asked after it
 * rejects unmade until `resume`. Its owner (the room) first puts the group back as it was last
 * stored (`lastStored`): a later write must not store a change whose sender was told it was not.
 */
export class WriteQueue {
  /** A group's write waiting behind the one running (asynchronous stores only), and the newest write asked for. */
  private readonly waiting = new Map<string, { text: string | (() => string); done: Promise<void> }>();
  private readonly newest = new Map<string, Promise<void>>();
  /** Why a group's writes are stopped (its last write failed), until resumed. */
  private readonly failed = new Map<string, string>();
  /** Each group's log as last stored (or as read from the store). */
  private readonly good = new Map<string, string>();
  constructor(
    private readonly store: LogStore,
    private readonly onError: (code: string, message: string) => void,
  ) {}

  /** Store a group's log: true once stored (at once), or a promise that resolves once it is; rejects if it cannot be. */
  write(code: string, text: string | (() => string)): Stored {
    const stopped = this.failed.get(code);
    if (stopped !== undefined) return Promise.reject(new StoreFailure(stopped));
    const now = this.store.saveNow;
    if (now) {
      try {
        const t = typeof text === 'function' ? text() : text;
        now(code, t);
        this.good.set(code, t);
      } catch (e) {
        return Promise.reject(this.fail(code, e));
      }
      return true;
    }
    const w = this.waiting.get(code);
    if (w) {
      w.text = text;
      return w.done;
    }
    const entry = { text, done: Promise.resolve() };
    const before = this.newest.get(code) ?? Promise.resolve();
    entry.done = before
      .catch(() => undefined)
      .then(async () => {
        this.waiting.delete(code);
        const stopped = this.failed.get(code);
        if (stopped !== undefined) throw new StoreFailure(stopped);
        const t = typeof entry.text === 'function' ? entry.text() : entry.text;
        try {
          await this.store.save(code, t);
        } catch (e) {
          throw this.fail(code, e);
        }
        this.good.set(code, t);
      });
    this.waiting.set(code, entry);
    this.newest.set(code, entry.done);
    const done = entry.done;
    const tidy = () => {
      if (this.newest.get(code) === done) this.newest.delete(code);
    };
    done.then(tidy, tidy);
    return done;
  }

  /** True if every write asked for the group is stored, else a promise that resolves once it is (rejects if one cannot be). */
  pending(code: string): Stored {
    const stopped = this.failed.get(code);
    if (stopped !== undefined) return Promise.reject(new StoreFailure(stopped));
    return this.newest.get(code) ?? true;
  }

  /** Resolves once every write asked for the group so far is done, stored or not. */
  flushed(code: string): Promise<void> {
    return (this.newest.get(code) ?? Promise.resolve()).catch(() => undefined);
  }

  /** The group's log as last stored (or read from the store: `remember`), or null. */
  lastStored(code: string): string | null {
    return this.good.get(code) ?? null;
  }

  /** The group's log as read from the store. */
  remember(code: string, text: string): void {
    this.good.set(code, text);
  }

  /** Why the group's writes are stopped, or null. */
  failure(code: string): string | null {
    return this.failed.get(code) ?? null;
  }

  /** Let the group's writes go on after a failure (the group is as last stored again). */
  resume(code: string): void {
    this.failed.delete(code);
  }

  /** The group is closed here: nothing kept for it. */
  forget(code: string): void {
    this.good.delete(code);
    this.failed.delete(code);
  }

  private fail(code: string, e: unknown): StoreFailure {
    const message = e instanceof Error ? e.message : String(e);
    this.failed.set(code, message);
    this.onError(code, message);
    return new StoreFailure(message);
  }
}
