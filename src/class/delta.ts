// Seat messages as deltas on the wire, in two parts. A seat's view grows all game (the ledger,
// newest first, and the news and the logs only gain entries), so after the first whole message the
// server sends only what changed since the version a connection holds: the entries inserted into a
// list (at its head, its tail or between), changed fields set, removed fields deleted.
//
// A message is sent as two parts (protocol.ts): its side's part, which every seat of the side is
// sent alike (the side's view and business, with no role's brief), and the seat's own part (its
// role's brief and secret aims, its cabinet panel). The server keeps one `PartChannel` per side
// and one per seat, so a change is diffed and encoded once per side, not once per seat, and the
// bytes of the side's part are the same for all its seats; each seat's own part is small. Each
// part has its own versions; a delta names the version it applies to, and a client holding another
// (a message missed, a reconnect) throws it away and asks for the whole message (`resync`). The
// server sends both parts whole on every join and reconnection. `SeatFeed` is a client's side: it
// rebuilds exactly the seat message the server built (`joinSeat`).
//
// The ops are plain JSON data; paths are keys and array indexes from the part's root.

import type { RolePart, SeatMessage, SidePart } from './protocol';

type Path = (string | number)[];

/**
 * One change: set the value at a path, delete the key at a path, or splice the list at a path
 * (remove `cut` entries from index `at` and insert `ins` there).
 */
export type Op = { p: Path; set: unknown } | { p: Path; del: 1 } | { p: Path; at: number; cut: number; ins: unknown[] };

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
 * The ops that turn `a` into `b`, in one walk of both: no deep comparison repeated at each level on
 * the way down (equal parts simply give no ops), and the path kept as one stack, copied into an op.
 */
export function diff(a: unknown, b: unknown, path: Path = [], out: Op[] = []): Op[] {
  if (a === b) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Same length, changed in place (a list of figures, ministers' stances): element by element.
    if (a.length === b.length) {
      for (let i = 0; i < b.length; i++) {
        if (a[i] === b[i]) continue;
        path.push(i);
        diff(a[i], b[i], path, out);
        path.pop();
      }
      return out;
    }
    // A list that gained (or lost) entries: what lies between the unchanged head and tail.
    let head = 0;
    while (head < a.length && head < b.length && same(a[head], b[head])) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
    out.push({ p: [...path], at: head, cut: a.length - head - tail, ins: b.slice(head, b.length - tail) });
    return out;
  }
  if (isObj(a) && isObj(b)) {
    // An object that gains a field is sent whole, so the rebuilt one keeps the server's order of fields.
    for (const key in b) {
      if (b[key] !== undefined && a[key] === undefined) {
        out.push({ p: [...path], set: b });
        return out;
      }
    }
    for (const key in b) {
      if (b[key] === undefined || a[key] === b[key]) continue;
      path.push(key);
      diff(a[key], b[key], path, out);
      path.pop();
    }
    for (const key in a) if (a[key] !== undefined && b[key] === undefined) out.push({ p: [...path, key], del: 1 });
    return out;
  }
  // Leaves: equal as `same` counts them (NaN is NaN), or set.
  if (same(a, b)) return out;
  out.push({ p: [...path], set: b });
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

/** One part of a seat's message as sent: whole at version `v`, or the ops from version `base` to `v`. */
export type PartMessage<T> = { v: number; full: T } | { v: number; base: number; ops: Op[] };

/**
 * A seat's message as sent (`MESSAGES.seat`): the parts that changed for this connection (at least
 * one). `s` is its side's part, the same bytes for every seat of the side; `r` is its own.
 */
export interface SeatParts {
  /** The versions of both parts this message brings the seat to: a client holding another of a part it does not carry has missed something. */
  v: [number, number];
  s?: PartMessage<SidePart>;
  r?: PartMessage<RolePart>;
}

/** A seat's message as its two parts (what its side's seats share, and what is its own). */
export function splitSeat(m: SeatMessage): { side: SidePart; role: RolePart } {
  const { role, ...view } = m.view;
  return {
    side: { side: m.side, view, optionOrder: m.optionOrder, duty: m.duty, moves: m.moves, end: m.end, standIn: m.standIn },
    role: { role: role ?? null, cabinet: m.cabinet, proposes: m.proposes },
  };
}

/** The seat's message from its two parts: its side's view with its own role's brief, its cabinet, and the side's business. */
export function joinSeat(s: SidePart, r: RolePart): SeatMessage {
  return {
    side: s.side,
    view: r.role ? { ...s.view, role: r.role } : s.view,
    cabinet: r.cabinet,
    optionOrder: s.optionOrder,
    duty: s.duty,
    proposes: r.proposes,
    moves: s.moves,
    end: s.end,
    standIn: s.standIn,
  };
}

/**
 * The server's record of one part (a side's, or a seat's own): the last version built, its number,
 * and the ops from the version before. `update` takes the part now and says whether it changed.
 */
export class PartChannel<T> {
  private last: T | null = null;
  private ops: Op[] = [];
  version = 0;

  /** Take the part now; true if it changed (and the version moved on). */
  update(doc: T): boolean {
    if (this.last !== null) {
      const ops = diff(this.last, doc);
      if (!ops.length) return false;
      this.ops = ops;
    } else this.ops = [];
    this.last = doc;
    this.version++;
    return true;
  }

  /** The whole part at the current version. */
  full(): PartMessage<T> {
    if (this.last === null) throw new Error('no part built yet');
    return { v: this.version, full: this.last };
  }

  /** The change from the version before to this one (null for the first version: there is nothing to apply it to). */
  delta(): PartMessage<T> | null {
    return this.version > 1 ? { v: this.version, base: this.version - 1, ops: this.ops } : null;
  }

  /** What a connection holding version `held` (-1: none) is sent: nothing if it is up to date, the delta if it holds the version before, else the whole part. */
  kind(held: number): 'none' | 'delta' | 'full' {
    if (held === this.version) return 'none';
    return held === this.version - 1 && this.version > 1 ? 'delta' : 'full';
  }
}

/** A client's copy of one part, rebuilt from a whole part and the deltas after it. */
class PartFeed<T> {
  v = -1;
  doc: T | null = null;

  /** The part after this message, or null if it does not follow on from what is held (then nothing is held). */
  take(m: PartMessage<T>): T | null {
    if ('full' in m) {
      this.v = m.v;
      this.doc = m.full;
      return this.doc;
    }
    if (this.doc === null || m.base !== this.v) return this.reset();
    try {
      this.doc = applyOps(this.doc, m.ops);
    } catch {
      return this.reset();
    }
    this.v = m.v;
    return this.doc;
  }

  reset(): null {
    this.v = -1;
    this.doc = null;
    return null;
  }
}

/**
 * A client's seat message, rebuilt from its parts: a whole part, then the deltas after it. A part
 * that does not follow on from the version held is refused (null): the caller asks for the whole
 * message (`resync`), and the server sends both parts whole.
 */
export class SeatFeed {
  private readonly side = new PartFeed<SidePart>();
  private readonly role = new PartFeed<RolePart>();
  private msg: SeatMessage | null = null;
  /** A resync has been asked for and the whole message has not come yet. */
  private asked = false;

  take(m: SeatParts): SeatMessage | null {
    const s = m.s ? this.side.take(m.s) : this.side.doc;
    const r = m.r ? this.role.take(m.r) : this.role.doc;
    // Each part at the version the server built this message from, or the client missed one.
    if (s === null || r === null || this.side.v !== m.v[0] || this.role.v !== m.v[1]) {
      this.reset();
      return null;
    }
    if (m.s && 'full' in m.s && m.r && 'full' in m.r) this.asked = false;
    this.msg = joinSeat(s, r);
    return this.msg;
  }

  /**
   * After a refused message: whether to ask for the whole message now. Once per miss: the deltas
   * already on their way when the client asked are refused too, and need no more asking.
   */
  shouldAsk(): boolean {
    if (this.asked) return false;
    this.asked = true;
    return true;
  }

  /** Forget what is held (a new connection, or a message missed: the server sends the whole message again). */
  reset(): void {
    this.side.reset();
    this.role.reset();
    this.msg = null;
  }

  get current(): SeatMessage | null {
    return this.msg;
  }
}
