// Seat messages as deltas on the wire. A seat's view grows all game (the ledger, newest first, and
// the news and the logs only gain entries), so after the first full message the server sends only
// what changed since the version that seat's connections were last sent: the entries inserted into
// a list (at its head, its tail or between), changed fields set, removed fields deleted. Every message carries a version; a delta names the version it
// applies to, and a client holding another version (a message missed, a reconnect) throws the delta
// away and asks for the full message (`resync`). The server sends a full message on every join and
// reconnection. `SeatChannel` is the server's side (one per seat, encoded once for all its
// students); `SeatFeed` is a client's (it rebuilds exactly the message the server built).
//
// The ops are plain JSON data; paths are keys and array indexes from the message's root.

import type { SeatMessage } from './protocol';

type Path = (string | number)[];

/**
 * One change: set the value at a path, delete the key at a path, or splice the list at a path
 * (remove `cut` entries from index `at` and insert `ins` there).
 */
export type Op = { p: Path; set: unknown } | { p: Path; del: 1 } | { p: Path; at: number; cut: number; ins: unknown[] };

/** A full seat message as sent: the message with its version. */
export type VersionedSeat = SeatMessage & { v: number };

/** The change from version `base` to version `v` of a seat's message. */
export interface SeatDelta {
  v: number;
  base: number;
  ops: Op[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Deep equality of JSON-like data (what goes over the wire); `undefined` fields count as absent. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Figures a seat cannot see are NaN (they go over the wire as such).
  if (typeof a === 'number') return typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a)) {
    if (!isObj(b)) return false;
    for (const k in a) if (a[k] !== undefined && !same(a[k], b[k])) return false;
    for (const k in b) if (b[k] !== undefined && a[k] === undefined) return false;
    return true;
  }
  return false;
}

/**
 * Ops already worked out for a pair of containers (old, new), paths relative to them. The seat
 * messages of one side are each built from the same side view (with a role's brief added), so the
 * view's fields are the same objects in all of them: with a memo shared by one change's diffs, the
 * side view's changes are found once and each further seat's diff reuses them.
 */
export type DiffMemo = WeakMap<object, WeakMap<object, Op[]>>;

const isContainer = (x: unknown): x is object => typeof x === 'object' && x !== null;

/** The ops that turn `a` into `b` (the same ops with or without a memo). */
export function diff(a: unknown, b: unknown, path: Path = [], out: Op[] = [], memo?: DiffMemo): Op[] {
  if (a === b) return out;
  if (!memo || !isContainer(a) || !isContainer(b)) return diffNode(a, b, path, out, memo);
  let row = memo.get(a);
  let ops = row?.get(b);
  if (!ops) {
    ops = diffNode(a, b, [], [], memo);
    if (!row) memo.set(a, (row = new WeakMap()));
    row.set(b, ops);
  }
  for (const op of ops) out.push(path.length ? { ...op, p: [...path, ...op.p] } : op);
  return out;
}

function diffNode(a: unknown, b: unknown, path: Path, out: Op[], memo: DiffMemo | undefined): Op[] {
  // Without a memo, an equal subtree is recognised in one walk; with one, the walk below reaches the
  // same answer field by field, and the memo saves it for the next seat.
  if (!(memo && isContainer(a) && isContainer(b)) && same(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Same length, changed in place (a list of figures, ministers' stances): element by element.
    if (a.length === b.length) {
      for (let i = 0; i < b.length; i++) diff(a[i], b[i], [...path, i], out, memo);
      return out;
    }
    // A list that gained (or lost) entries: what lies between the unchanged head and tail.
    let head = 0;
    while (head < a.length && head < b.length && same(a[head], b[head])) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
    out.push({ p: path, at: head, cut: a.length - head - tail, ins: b.slice(head, b.length - tail) });
    return out;
  }
  if (isObj(a) && isObj(b)) {
    // An object that gains a field is sent whole, so the rebuilt one keeps the server's order of fields.
    if (Object.keys(b).some(key => b[key] !== undefined && a[key] === undefined)) {
      out.push({ p: path, set: b });
      return out;
    }
    for (const key in b) if (b[key] !== undefined) diff(a[key], b[key], [...path, key], out, memo);
    for (const key in a) if (a[key] !== undefined && b[key] === undefined) out.push({ p: [...path, key], del: 1 });
    return out;
  }
  out.push({ p: path, set: b });
  return out;
}

/** A shallow copy of a container, so applying ops never changes a message already handed out. */
const copy = (x: unknown): unknown => (Array.isArray(x) ? [...x] : isObj(x) ? { ...x } : x);

/**
 * `doc` with the ops applied. Containers along each op's path are copied (the rest is shared), so
 * `doc` itself is unchanged. Throws if an op does not fit the document (a delta for another version).
 */
export function applyOps<T>(doc: T, ops: readonly Op[]): T {
  let root: unknown = doc;
  const fresh = new Set<unknown>();
  const own = (x: unknown): unknown => {
    if (fresh.has(x)) return x;
    const c = copy(x);
    fresh.add(c);
    return c;
  };
  for (const op of ops) {
    if (op.p.length === 0) {
      if ('ins' in op) {
        if (!Array.isArray(root)) throw new Error('a splice of something that is not a list');
        root = own(root);
        (root as unknown[]).splice(op.at, op.cut, ...op.ins);
      } else if ('set' in op) root = op.set;
      else throw new Error('a delete of the whole message');
      continue;
    }
    root = own(root);
    let parent = root as Record<string | number, unknown>;
    for (let i = 0; i < op.p.length - 1; i++) {
      const key = op.p[i]!;
      const child = parent[key];
      if (typeof child !== 'object' || child === null) throw new Error(`the delta's path ${op.p.join('/')} is not in the message`);
      parent = parent[key] = own(child) as Record<string | number, unknown>;
    }
    const last = op.p[op.p.length - 1]!;
    if ('set' in op) parent[last] = op.set;
    else if ('del' in op) delete parent[last];
    else {
      const list = parent[last];
      if (!Array.isArray(list) || op.at + op.cut > list.length) throw new Error(`the delta splices ${op.p.join('/')}, which is not such a list`);
      const next = [...list];
      next.splice(op.at, op.cut, ...op.ins);
      parent[last] = next;
    }
  }
  return root as T;
}

/**
 * The server's record of one seat's messages: the last one sent and its version. `update` takes
 * the seat's message now and says what to send: nothing if it has not changed, else the delta from
 * the last version (for connections that hold it) and the full message (for any other).
 */
export class SeatChannel {
  private last: SeatMessage | null = null;
  private ops: Op[] = [];
  version = 0;

  /**
   * Take the seat's message now; true if it changed (and the version moved on). `memo`: one shared
   * by the channels of one change, so what their messages share is diffed once.
   */
  update(msg: SeatMessage, memo?: DiffMemo): boolean {
    if (this.last) {
      const ops = diff(this.last, msg, [], [], memo);
      if (!ops.length) return false;
      this.ops = ops;
    } else this.ops = [];
    this.last = msg;
    this.version++;
    return true;
  }

  /** The full message at the current version. */
  full(): VersionedSeat {
    if (!this.last) throw new Error('no seat message yet');
    return { ...this.last, v: this.version };
  }

  /** The delta from the version before to this one (null for the first version: there is nothing to apply it to). */
  delta(): SeatDelta | null {
    return this.version > 1 ? { v: this.version, base: this.version - 1, ops: this.ops } : null;
  }
}

/**
 * A client's seat message, rebuilt from a full message and the deltas after it. A delta for
 * another version than the one held is refused (null): the caller asks for the full message.
 */
export class SeatFeed {
  private v = -1;
  private msg: SeatMessage | null = null;
  /** A resync has been asked for and the whole message has not come yet. */
  private asked = false;

  full(m: VersionedSeat): SeatMessage {
    const { v, ...msg } = m;
    this.v = typeof v === 'number' ? v : -1;
    this.msg = msg;
    this.asked = false;
    return msg;
  }

  delta(d: SeatDelta): SeatMessage | null {
    if (!this.msg || d.base !== this.v) return null;
    try {
      this.msg = applyOps(this.msg, d.ops);
    } catch {
      this.v = -1;
      this.msg = null;
      return null;
    }
    this.v = d.v;
    return this.msg;
  }

  /**
   * After a refused delta: whether to ask for the whole message now. Once per miss: the deltas
   * already on their way when the client asked are refused too, and need no more asking.
   */
  shouldAsk(): boolean {
    if (this.asked) return false;
    this.asked = true;
    return true;
  }

  /** Forget what is held (a new connection: the server sends the full message again). */
  reset(): void {
    this.v = -1;
    this.msg = null;
    this.asked = false;
  }

  get current(): SeatMessage | null {
    return this.msg;
  }
}
