// Share codes and branch files: a branch replayed exactly on any machine. Both carry the scenario
// id and version, the seed, the moves, the re-rolls and the hash of the state they lead to, with an
// integrity check. Reading one is two steps, so a screen can load the scenario it names between
// them: parse (the text is a code or file of this game, not corrupt) and check against the
// scenario (right version, the moves replay, the end state is the recorded one). A refusal is a
// ShareError naming what is wrong; nothing is stored or replaced until the caller adopts the line.
//
// The code: "ASD2-" then base64url of bytes: format version; scenario id; scenario version;
// seed; how many of its first moves are history's own (the trunk as any machine rebuilds it from
// the same scenario version, so a branch off history costs only its own moves); the re-rolls; then
// the rest of the path in stretches, one per branch it passes through. A stretch is either its
// moves as indices into the scenario's tables, or, when the computer's moves in it can be made
// again (computerMoves.ts), who played each side, its length and only the people's moves. Then
// the end state's hash (8 bytes), which any altered code fails, and a CRC-32 of the bytes before.
// Format 1 ("ASD1-", every move written out) is still read.

import { type BySide, type Compiled, compile, type GameState, type Move, type Order, type Side, stateHash, versionWords } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { type Controller, isController } from '../saveFile';
import { computerMoves, peopleMoves, positionOverrides, type Regime } from './computerMoves';
import { replayLine } from './line';
import { type HistoryTree, historyLine } from './tree';
import type { Line, NodeId } from './types';
import { moveKey } from './words';

export const CODE_PREFIX = 'ASD2-';
/** Codes of format 1 wrote every move out; they are still read. */
const CODE_PREFIX_1 = 'ASD1-';
export const BRANCH_FILE_FORMAT = 'anglo-soviet-diplomacy/branch';
const CODE_VERSION = 2;

/** From move `at` of a path on, who played each side (a branch of the tree: see shareSegments). */
export interface Segment {
  at: number;
  players: BySide<Controller>;
}

/** The segments of a node's path: each branch it passes through, from where it starts, with its players. */
export const shareSegments = (tree: HistoryTree, id: NodeId): Segment[] => tree.ancestry(id).map(n => ({ at: n.at, players: { ...n.players } }));

/** Players by number in format 2 (fixed for good: a new player is written by name). */
const PLAYER_TABLE = ['human', 'historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat'];
/** A stretch's kind in format 2: its moves written out, or made again by one of the two regimes. */
const STRETCH_KIND: Record<'moves' | Regime, number> = { moves: 0, match: 1, position: 2 };

/**
 * Why a code or file was refused. format: not a code or file of this game (or cut short);
 * corrupt: the integrity check fails (a character changed or lost); scenario: for a scenario this
 * game does not have; version: for another version of the scenario; illegal: a move does not
 * replay; altered: the moves replay to another state than the one recorded.
 */
export type ShareRefusal = 'format' | 'corrupt' | 'scenario' | 'version' | 'illegal' | 'altered';

export class ShareError extends Error {
  constructor(
    readonly kind: ShareRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: ShareError };
const refuse = <T>(kind: ShareRefusal, message: string): ShareResult<T> => ({ ok: false, error: new ShareError(kind, message) });

/** A parsed code or file, not yet checked against its scenario. */
export interface SharedBranch {
  scenario: string;
  scenarioVersion: number;
  seed: string;
  /** Moves taken from history's own path before `moves` (0 for a file, which lists every move). */
  historyPrefix: number;
  /** For a code: its moves (format 1) or stretches (format 2) as bytes, decoded against the scenario in checkShared. */
  encodedMoves: Uint8Array | null;
  /** The code's format (1 or 2); 0 for a file. */
  codeVersion: number;
  moves: Move[] | null;
  reseeds: Line['reseeds'];
  hash: string;
  label: string;
}

/** A checked branch: the line it replays and the state it leads to. */
export interface CheckedBranch {
  line: Line;
  state: GameState;
  label: string;
}

// ---- bytes -----------------------------------------------------------------------------------

class Writer {
  private bytes: number[] = [];
  u(n: number): void {
    // Unsigned LEB128.
    let x = n;
    do {
      let b = x & 0x7f;
      x = Math.floor(x / 128);
      if (x > 0) b |= 0x80;
      this.bytes.push(b);
    } while (x > 0);
  }
  str(t: string): void {
    const b = new TextEncoder().encode(t);
    this.u(b.length);
    for (const x of b) this.bytes.push(x);
  }
  raw(b: ArrayLike<number>): void {
    for (let i = 0; i < b.length; i++) this.bytes.push(b[i]!);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  u(): number {
    let n = 0,
      mul = 1;
    for (;;) {
      if (this.pos >= this.b.length) throw new RangeError('cut short');
      const x = this.b[this.pos++]!;
      n += (x & 0x7f) * mul;
      if (!(x & 0x80)) return n;
      mul *= 128;
      if (mul > 2 ** 49) throw new RangeError('a number is too long');
    }
  }
  str(): string {
    const n = this.u();
    if (this.pos + n > this.b.length) throw new RangeError('cut short');
    const t = new TextDecoder('utf-8', { fatal: true }).decode(this.b.subarray(this.pos, this.pos + n));
    this.pos += n;
    return t;
  }
  take(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw new RangeError('cut short');
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  get rest(): Uint8Array {
    return this.b.subarray(this.pos);
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
/** CRC-32 (IEEE), as zip and PNG use it. */
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const crcBytes = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function toBase64url(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = i + 2 < b.length ? 4 : i + 1 < b.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}
function fromBase64url(t: string): Uint8Array | null {
  if (t.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 4) {
    let n = 0;
    const chunk = t.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? B64.indexOf(chunk[k]!) : 0;
      if (v < 0) return null;
      n |= v << (18 - 6 * k);
    }
    out.push((n >> 16) & 255);
    if (chunk.length > 2) out.push((n >> 8) & 255);
    if (chunk.length > 3) out.push(n & 255);
  }
  return Uint8Array.from(out);
}
const hexBytes = (h: string) => Array.from({ length: 8 }, (_, i) => Number.parseInt(h.slice(2 * i, 2 * i + 2), 16));
const bytesHex = (b: Uint8Array) => Array.from(b, x => x.toString(16).padStart(2, '0')).join('');

// ---- moves as indices ------------------------------------------------------------------------

const SIDE_CODE: Record<Side, number> = { britain: 0, ussr: 1 };
const sideOf = (n: number): Side => (n & 1 ? 'ussr' : 'britain');

function writeMove(c: Compiled, w: Writer, m: Move): void {
  if (m.type === 'decide') {
    const ev = c.events[c.eventIndex.get(m.event)!]!;
    w.u(SIDE_CODE[m.side]);
    w.u(ev.i);
    w.u(ev.decision!.options.findIndex(o => o.id === m.option));
    return;
  }
  w.u(2 + SIDE_CODE[m.side]);
  w.u(m.orders.length);
  for (const o of m.orders) {
    if (o.kind === 'action') {
      w.u(0);
      w.u(c.actionIndex.get(o.id)!);
    } else if (o.kind === 'offer') {
      const terms = c.terms.filter(t => o.terms[t.id] !== undefined);
      w.u(1);
      w.u(terms.length);
      for (const t of terms) {
        w.u(t.i);
        w.u(t.options.findIndex(x => x.id === o.terms[t.id]));
      }
    } else {
      w.u(2);
      w.u(o.offer);
      w.u(o.accept ? 1 : 0);
    }
  }
}

/** Throws RangeError on an index the scenario does not have (the caller turns it into a refusal). */
function readMove(c: Compiled, r: Reader): Move {
  const head = r.u();
  if (head > 3) throw new RangeError(`a move of unknown kind ${head}`);
  const side = sideOf(head);
  const at = <T>(xs: readonly T[], i: number, what: string): T => {
    const x = xs[i];
    if (x === undefined) throw new RangeError(`${what} ${i} is not in the scenario`);
    return x;
  };
  if (head < 2) {
    const ev = at(c.events, r.u(), 'event');
    if (!ev.decision) throw new RangeError(`event "${ev.id}" puts no decision`);
    return { type: 'decide', side, event: ev.id, option: at(ev.decision.options, r.u(), `option of "${ev.id}"`).id };
  }
  const n = r.u();
  const orders: Order[] = [];
  for (let j = 0; j < n; j++) {
    const kind = r.u();
    if (kind === 0) orders.push({ kind: 'action', id: at(c.actions, r.u(), 'action').id });
    else if (kind === 1) {
      const terms: Record<string, string> = {};
      const k = r.u();
      for (let q = 0; q < k; q++) {
        const t = at(c.terms, r.u(), 'term');
        terms[t.id] = at(t.options, r.u(), `option of term "${t.id}"`).id;
      }
      orders.push({ kind: 'offer', terms });
    } else if (kind === 2) orders.push({ kind: 'reply', offer: r.u(), accept: r.u() === 1 });
    else throw new RangeError(`an order of unknown kind ${kind}`);
  }
  return { type: 'orders', side, orders };
}

// ---- codes -----------------------------------------------------------------------------------

/**
 * The share code of a line (its state is replayed to record the hash). With the segments of who
 * played each part (shareSegments), each stretch whose computer moves can be made again carries
 * only the people's moves; the others, and a line given without segments, carry every move.
 */
export async function encodeShareCode(sc: Scenario, line: Line, segments: readonly Segment[] = []): Promise<string> {
  const c = compile(sc);
  const end = replayLine(sc, line, { record: false });
  if (!end.ok) throw new Error(`the branch does not replay: ${end.error}`);
  // History's own moves at the start need not be written: any machine rebuilds them.
  const h = historyLine(sc);
  let prefix = 0;
  if (line.seed === h.seed) while (prefix < line.moves.length && prefix < h.moves.length && moveKey(line.moves[prefix]!) === moveKey(h.moves[prefix]!)) prefix++;
  const w = new Writer();
  w.u(CODE_VERSION);
  w.str(sc.id);
  w.u(sc.version);
  w.str(line.seed);
  w.u(prefix);
  w.u(line.reseeds.length);
  for (const r of line.reseeds) {
    w.u(r.at);
    w.str(r.seed);
  }
  const len = line.moves.length;
  const cuts = [...new Set([prefix, ...segments.map(x => x.at).filter(a => a > prefix && a < len), len])].sort((x, y) => x - y);
  const stretches = cuts.slice(0, -1).map((from, j) => ({ from, to: cuts[j + 1]!, players: [...segments].reverse().find(x => x.at <= from)?.players ?? null }));
  w.u(stretches.length);
  for (const st of stretches) {
    const moves = line.moves.slice(st.from, st.to);
    const made = st.players ? await remade(sc, line, st.from, st.to, st.players) : null;
    if (!made) {
      w.u(STRETCH_KIND.moves);
      w.u(moves.length);
      for (const m of moves) writeMove(c, w, m);
      continue;
    }
    w.u(STRETCH_KIND[made.regime]);
    for (const side of ['britain', 'ussr'] as const) writePlayer(w, st.players![side]);
    w.u(moves.length);
    w.u(made.people.length);
    for (const [k, m] of made.people.entries()) {
      if (made.gaps) w.u(made.gaps[k]!);
      writeMove(c, w, m);
    }
  }
  w.raw(hexBytes(stateHash(end.value)));
  const body = w.done();
  return CODE_PREFIX + toBase64url(Uint8Array.from([...body, ...crcBytes(crc32(body))]));
}

/** How a stretch's moves can be made again exactly, if any way can (none when both sides are people). */
async function remade(sc: Scenario, line: Line, from: number, to: number, players: BySide<Controller>): Promise<{ regime: Regime; people: Move[]; gaps?: number[] } | null> {
  if (players.britain === 'human' && players.ussr === 'human') return null;
  const before = line.moves.slice(0, from);
  const state = replayLine(sc, { ...line, moves: before, reseeds: line.reseeds.filter(r => r.at <= from) }, { record: false });
  if (!state.ok) return null;
  const want = line.moves.slice(from, to);
  const base = { sc, seed: line.seed, before, state: state.value, players };
  // The tree's way first: it also carries a move put in by hand, and any re-roll.
  const pos = positionOverrides(base, want);
  // A match is restored from a save, which cannot hold a re-roll: only before the first one.
  if (line.reseeds.every(r => r.at >= to)) {
    const people = peopleMoves(want, players);
    if (!pos || pos.people.length > people.length) {
      const got = await computerMoves({ ...base, people, total: want.length }, 'match');
      if (got.ok && got.value.length === want.length && got.value.every((m, k) => moveKey(m) === moveKey(want[k]!))) return { regime: 'match', people };
    }
  }
  if (pos && pos.people.length < want.length) {
    // Checked as a reader will make it, so a code is never written that does not read back.
    const got = await computerMoves({ ...base, people: pos.people, gaps: pos.gaps, total: want.length }, 'position');
    if (got.ok && got.value.every((m, k) => moveKey(m) === moveKey(want[k]!))) return { regime: 'position', ...pos };
  }
  return null;
}

function writePlayer(w: Writer, name: Controller): void {
  const k = PLAYER_TABLE.indexOf(name);
  w.u(k + 1);
  if (k < 0) w.str(name);
}

function readPlayer(r: Reader): Controller {
  const k = r.u();
  const name = k === 0 ? r.str() : PLAYER_TABLE[k - 1];
  if (!isController(name)) throw new RangeError(`it names an unknown player ${JSON.stringify(name ?? k)}`);
  return name;
}

/** Parse a share code (spaces and line breaks are ignored); the scenario is checked in checkShared. */
export function parseShareCode(text: string): ShareResult<SharedBranch> {
  const t = text.replace(/\s+/g, '');
  const format = t.startsWith(CODE_PREFIX) ? CODE_VERSION : t.startsWith(CODE_PREFIX_1) ? 1 : 0;
  if (!format) return refuse('format', `not a share code of this game: it should begin "${CODE_PREFIX}"`);
  const bytes = fromBase64url(t.slice(CODE_PREFIX.length));
  if (!bytes) return refuse('format', 'not a share code of this game: it holds characters a code never has');
  if (bytes.length < 5) return refuse('format', 'the share code is cut short');
  const body = bytes.subarray(0, bytes.length - 4);
  const want = crcBytes(crc32(body));
  const got = bytes.subarray(bytes.length - 4);
  if (want.some((x, i) => x !== got[i])) return refuse('corrupt', 'the share code is damaged: its check digits do not match (a character was changed, lost or added)');
  try {
    const r = new Reader(body);
    const v = r.u();
    if (v !== format) return refuse('format', `the share code is of format ${v}, which this version of the game cannot read`);
    const scenario = r.str();
    const scenarioVersion = r.u();
    const seed = r.str();
    const historyPrefix = r.u();
    const reseeds: Line['reseeds'] = [];
    for (let n = r.u(), j = 0; j < n; j++) reseeds.push({ at: r.u(), seed: r.str() });
    const rest = r.rest;
    if (rest.length < 9) throw new RangeError('cut short');
    return {
      ok: true,
      value: {
        scenario,
        scenarioVersion,
        seed,
        historyPrefix,
        encodedMoves: rest.subarray(0, rest.length - 8),
        codeVersion: v,
        moves: null,
        reseeds,
        hash: bytesHex(rest.subarray(rest.length - 8)),
        label: '',
      },
    };
  } catch (e) {
    return refuse('format', `the share code cannot be read: ${(e as Error).message}`);
  }
}

/**
 * Check a parsed code or file against the scenario it names: version, history's prefix, the moves
 * (each must be legal; the computer's made again where the code carries only the people's), and
 * the end state's hash.
 */
export async function checkShared(sc: Scenario, b: SharedBranch): Promise<ShareResult<CheckedBranch>> {
  if (b.scenario !== sc.id) return refuse('scenario', `the branch is for scenario "${b.scenario}", not "${sc.id}"`);
  if (b.scenarioVersion !== sc.version) return refuse('version', `${versionWords('the branch', sc.id, b.scenarioVersion, sc.version)}, whose rules may differ, so it cannot replay it exactly`);
  const c = compile(sc);
  let prefix: Move[] = [];
  if (b.historyPrefix > 0) {
    const h = historyLine(sc);
    if (b.seed !== h.seed || b.historyPrefix > h.moves.length) return refuse('altered', 'the code claims more of history than history holds');
    prefix = h.moves.slice(0, b.historyPrefix);
  }
  const line: Line = { scenario: sc.id, scenarioVersion: sc.version, seed: b.seed, moves: [...prefix], reseeds: b.reseeds };
  if (b.moves) line.moves.push(...b.moves);
  else {
    try {
      const r = new Reader(b.encodedMoves!);
      if (b.codeVersion === 1) for (let n = r.u(), j = 0; j < n; j++) line.moves.push(readMove(c, r));
      else {
        for (let n = r.u(), j = 0; j < n; j++) {
          const kind = r.u();
          if (kind === STRETCH_KIND.moves) {
            for (let k = r.u(), q = 0; q < k; q++) line.moves.push(readMove(c, r));
            continue;
          }
          const regime = (Object.keys(STRETCH_KIND) as (keyof typeof STRETCH_KIND)[]).find(x => STRETCH_KIND[x] === kind);
          if (!regime || regime === 'moves') throw new RangeError(`a stretch of unknown kind ${kind}`);
          const players = { britain: readPlayer(r), ussr: readPlayer(r) };
          const total = r.u();
          const people: Move[] = [];
          const gaps: number[] = [];
          for (let k = r.u(), q = 0; q < k; q++) {
            if (regime === 'position') gaps.push(r.u());
            people.push(readMove(c, r));
          }
          if (people.length > total) throw new RangeError('a stretch has more people’s moves than moves');
          const state = replayLine(sc, { ...line, reseeds: line.reseeds.filter(x => x.at <= line.moves.length) }, { record: false });
          if (!state.ok) return refuse('illegal', `the branch does not replay: ${state.error}`);
          const made = await computerMoves({ sc, seed: b.seed, before: [...line.moves], state: state.value, players, people, total, ...(regime === 'position' ? { gaps } : {}) }, regime);
          if (!made.ok) return refuse('illegal', `the branch does not replay: ${made.error}`);
          line.moves.push(...made.value);
        }
      }
      if (r.rest.length) return refuse('format', 'the share code has bytes left over after its moves');
    } catch (e) {
      return refuse('format', `the share code's moves cannot be read: ${(e as Error).message}`);
    }
  }
  const r = replayLine(sc, line, { record: false });
  if (!r.ok) return refuse('illegal', `the branch does not replay: ${r.error}`);
  const h = stateHash(r.value);
  if (h !== b.hash) return refuse('altered', `the branch has been altered, or made by another build of the game: its moves lead to state ${h}, but it records ${b.hash}`);
  return { ok: true, value: { line, state: r.value, label: b.label } };
}

// ---- files -----------------------------------------------------------------------------------

export interface BranchFile {
  format: typeof BRANCH_FILE_FORMAT;
  formatVersion: 1;
  scenario: string;
  scenarioVersion: number;
  seed: string;
  moves: Move[];
  reseeds: Line['reseeds'];
  hash: string;
  /** The branch's name and its divergence in words, for a person reading the file. */
  label: string;
  divergence: string;
  /** The same branch as a share code. */
  code: string;
  /** CRC-32 (hex) of the JSON of [scenario, scenarioVersion, seed, moves, reseeds, hash]. */
  check: string;
}

/** The integrity check a branch file carries (exported for tools that write files by hand). */
export const branchFileCheck = (f: Pick<BranchFile, 'scenario' | 'scenarioVersion' | 'seed' | 'moves' | 'reseeds' | 'hash'>) =>
  crc32(new TextEncoder().encode(JSON.stringify([f.scenario, f.scenarioVersion, f.seed, f.moves.map(moveKey), f.reseeds, f.hash])))
    .toString(16)
    .padStart(8, '0');

/** A branch file (JSON text) for a line; its code is made with the segments, if given (see encodeShareCode). */
export async function branchFile(sc: Scenario, line: Line, label: string, divergence: string, segments: readonly Segment[] = []): Promise<string> {
  const end = replayLine(sc, line, { record: false });
  if (!end.ok) throw new Error(`the branch does not replay: ${end.error}`);
  const base = { scenario: sc.id, scenarioVersion: sc.version, seed: line.seed, moves: line.moves, reseeds: line.reseeds, hash: stateHash(end.value) };
  const f: BranchFile = { format: BRANCH_FILE_FORMAT, formatVersion: 1, ...base, label, divergence, code: await encodeShareCode(sc, line, segments), check: branchFileCheck(base) };
  return `${JSON.stringify(f, null, 1)}\n`;
}

/** Parse a branch file's text; the scenario is checked in checkShared. */
export function parseBranchFile(text: string): ShareResult<SharedBranch> {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return refuse('format', 'not a branch file: it is not JSON');
  }
  if (typeof x !== 'object' || x === null) return refuse('format', 'not a branch file: expected a JSON object');
  const f = x as Partial<BranchFile>;
  if (f.format !== BRANCH_FILE_FORMAT) return refuse('format', 'not a branch file of this game (format field missing or foreign)');
  if (f.formatVersion !== 1) return refuse('format', `branch file format ${String(f.formatVersion)} is not supported`);
  if (typeof f.scenario !== 'string' || typeof f.scenarioVersion !== 'number' || typeof f.seed !== 'string' || typeof f.hash !== 'string')
    return refuse('format', 'the branch file lacks its scenario, version, seed or hash');
  if (!Array.isArray(f.moves) || !Array.isArray(f.reseeds)) return refuse('format', 'the branch file lacks its moves or re-rolls');
  if (f.reseeds.some(r => typeof r !== 'object' || r === null || !Number.isInteger(r.at) || typeof r.seed !== 'string')) return refuse('format', 'the branch file has a malformed re-roll');
  if (f.moves.some(m => typeof m !== 'object' || m === null || (m.type !== 'decide' && m.type !== 'orders'))) return refuse('format', 'the branch file has a malformed move');
  const base = { scenario: f.scenario, scenarioVersion: f.scenarioVersion, seed: f.seed, moves: f.moves, reseeds: f.reseeds, hash: f.hash };
  if (f.check !== branchFileCheck(base)) return refuse('corrupt', 'the branch file is damaged or was edited: its check does not match its contents');
  return { ok: true, value: { ...base, historyPrefix: 0, encodedMoves: null, codeVersion: 0, label: typeof f.label === 'string' ? f.label : '' } };
}

/** A code or a file's text, whichever it is. */
export const parseShared = (text: string): ShareResult<SharedBranch> => (text.trimStart().startsWith('{') ? parseBranchFile(text) : parseShareCode(text));
