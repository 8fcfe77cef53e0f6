// Where the classroom server keeps each group's log (scenario, seed, moves, seats, deadlines), so a
// match survives a restart: files in a directory by default, Redis when configured. Writes for one
// group are queued in order; `flushed` resolves once everything asked so far is stored, and the
// server acknowledges a student's order only then. A log that does not parse is refused with the
// reason by the reader, and nothing here ever writes over a log it was not given.

import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { err, ok, type Result } from '../engine/index';

export interface LogStore {
  /** Store a group's log (JSON text). Resolves once it is stored. */
  save(code: string, text: string): Promise<void>;
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

/** One JSON file per group in `dir`, written to a temporary file and renamed, so a crash leaves the old or the new log whole. */
export function diskStore(dir: string): LogStore {
  const file = (code: string) => path.join(dir, `${code}.json`);
  let made: Promise<unknown> | null = null;
  return {
    where: dir,
    async save(code, text) {
      if (!CODE.test(code)) throw new Error(`not a group code: ${code}`);
      await (made ??= mkdir(dir, { recursive: true }));
      const tmp = `${file(code)}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, file(code));
    },
    async load(code) {
      const f = file(code);
      const text = await readFile(f, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
      if (text === null) return err(`no group ${code} is stored in ${dir}`);
      return parse(text, f);
    },
    async list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      return names
        .filter(n => n.endsWith('.json'))
        .map(n => n.slice(0, -5))
        .filter(c => CODE.test(c));
    },
    async close() {},
  };
}

const KEY = 'asd:class:group:';
const SET = 'asd:class:groups';

/** Each group's log under a Redis key, and the codes in a set: every server process sharing Redis sees them. */
export function redisStore(url: string): LogStore {
  const r = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
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

/**
 * Writes per group in order, coalesced: while one write runs, only the newest log waiting after it
 * is kept (each log holds the whole game, so an older one waiting is useless). A log may be given
 * as a function, called only when its write starts: a change that a later one overtakes costs
 * nothing (building a log hashes the game's state, a few ms on every move). A write waits up to
 * `lazyMs` for more changes to join it (a burst of votes is one write, not one each), unless it is
 * urgent or `flushed` asks for it: `flushed(code)` starts the waiting write at once and resolves
 * once the newest log asked for so far is stored. A failed write is reported.
 */
export class WriteQueue {
  private readonly queued = new Map<string, { text: string | (() => string) | null; done: Promise<void>; go: () => void }>();
  constructor(
    private readonly store: LogStore,
    private readonly onError: (code: string, message: string) => void,
    private readonly lazyMs = 0,
  ) {}
  write(code: string, text: string | (() => string), urgent = false): Promise<void> {
    const last = this.queued.get(code);
    if (last && last.text !== null) {
      last.text = text;
      if (urgent) last.go();
      return last.done;
    }
    const entry: { text: string | (() => string) | null; done: Promise<void>; go: () => void } = { text, done: Promise.resolve(), go: () => {} };
    const due = new Promise<void>(resolve => {
      if (urgent || this.lazyMs <= 0) return resolve();
      const timer = setTimeout(resolve, this.lazyMs);
      entry.go = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    entry.done = (last?.done ?? Promise.resolve())
      .then(() => due)
      .then(async () => {
        const t = entry.text!;
        entry.text = null;
        try {
          await this.store.save(code, typeof t === 'function' ? t() : t);
        } catch (e) {
          this.onError(code, e instanceof Error ? e.message : String(e));
        }
      });
    this.queued.set(code, entry);
    return entry.done;
  }
  flushed(code: string): Promise<void> {
    const e = this.queued.get(code);
    e?.go();
    return e?.done ?? Promise.resolve();
  }
}
