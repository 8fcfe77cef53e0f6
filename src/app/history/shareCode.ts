// Share codes and branch files: a branch replayed exactly on any machine. Both carry the scenario
// id and version, the seed, the re-rolls, the teacher's injected events, the path's moves, and the
// hash of the state it leads to, with an integrity check. Reading one is two steps, so a screen can
// load the scenario it names between them: parse (the text is a code or file of this game, not
// corrupt) and check against the scenario (right version, right computer players, the moves replay,
// the end state is the recorded one). A refusal is a ShareError naming what is wrong; nothing is
// stored or replaced until the caller adopts the line.
//
// Both hold a path the same way (Held): how many of its first moves are history's own (the trunk as
// any machine rebuilds it from the same scenario version, so a branch off history costs only its
// own moves), then the rest in stretches, one per branch it passes through (and cut where the
// teacher introduced an event). A stretch is either its moves written out, or, when the computer's
// moves in it can be made again (computerMoves.ts), who played each side, the versions of those
// computer players (ai/versions.ts), its length and only the people's moves. A stretch made again
// by players of other versions than this game's is refused, naming the player that changed; one
// written out replays whatever the players' versions.
//
// Both also say who played each part of the path (its segments: from which move on, who played each
// side; see shareSegments), the written-out stretches too, so the branch taken in names its players.
//
// The code: "ASD4-" then base64url of bytes: format version; scenario id; scenario version; seed;
// history's count; the re-rolls; the teacher's events (move count, event id); the segments; the
// stretches (moves as indices into the scenario's tables; a stretch made again takes its players
// from its segment); the end state's hash (8 bytes), which any altered code fails; and a CRC-32 of
// the bytes before. Codes of format 3 ("ASD3-": no segments, the players in the stretches made
// again), 2 ("ASD2-": nor the players' versions or teacher's events) and 1 ("ASD1-": every move
// written out) are still read; who played is taken from their stretches where they name it, and is
// otherwise not recorded (null), never guessed.
//
// The branch file: the same in JSON a person can read (moves as the engine writes them, players and
// versions by name), with the branch's name and its divergence in words and a CRC-32 of its
// contents. Files of format 2 (no segments) and 1 (every move listed) are still read.

import { type PartVersion, versionMismatch, versionsFor } from '../../ai/versions';
import {
  type BySide,
  type Compiled,
  compile,
  type GameState,
  type Injection,
  legacyHash,
  type Move,
  namesNote,
  type Order,
  renumberMove,
  SIDES,
  type Side,
  stateHash,
  versionWords,
} from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { type Controller, isController } from '../saveFile';
import { computerMoves, peopleMoves, positionOverrides, type Regime } from './computerMoves';
import { checkInjected, replayLine } from './line';
import { type HistoryTree, historyLine, normalSegments, playersOn, samePlayers } from './tree';
import type { Line, NodeId, Segment } from './types';
import { moveKey } from './words';

export const CODE_PREFIX = 'ASD5-';
/**
 * Codes of earlier formats, still read: 1 wrote every move out, 2 carried no players' versions or
 * teacher's events, 3 no segments; 1 to 4 numbered notes in one series for both sides.
 */
const OLD_PREFIXES: Record<string, number> = { 'ASD1-': 1, 'ASD2-': 2, 'ASD3-': 3, 'ASD4-': 4 };
const CODE_VERSION = 5;
/** The first code format whose replies name the other side's note by its own number. */
const CODE_OWN_NOTES = 5;
export const BRANCH_FILE_FORMAT = 'anglo-soviet-diplomacy/branch';
/** 4: as 3, each side numbering its own notes (1 to 3 numbered them in one series; still read). */
const FILE_VERSION = 4;

export type { Segment };

/** The segments of a node's path: each branch it passes through, from where it starts, with its players. */
export const shareSegments = (tree: HistoryTree, id: NodeId): Segment[] => tree.ancestry(id).map(n => ({ at: n.at, players: n.players && { ...n.players } }));

/** Players by number in codes (fixed for good: a new player is written by name). */
const PLAYER_TABLE = ['human', 'historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat'];
/** Versioned parts by number in codes of format 3 (fixed for good: a new part is written by name). */
const PART_TABLE = ['historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat', 'search', 'fidelity'];
/** A stretch's kind in codes: its moves written out, or made again by one of the two regimes. */
const STRETCH_KIND: Record<'moves' | Regime, number> = { moves: 0, match: 1, position: 2 };

/**
 * Why a code or file was refused. format: not a code or file of this game (or cut short);
 * corrupt: the integrity check fails (a character changed or lost); scenario: for a scenario this
 * game does not have; version: for another version of the scenario; players: its computer moves
 * were made by other versions of the computer players than this game's; illegal: a move does not
 * replay; altered: the moves replay to another state than the one recorded.
 */
export type ShareRefusal = 'format' | 'corrupt' | 'scenario' | 'version' | 'players' | 'illegal' | 'altered';

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

/**
 * A stretch of a path as a code or file holds it: its moves written out, or who played it, their
 * versions (null in a code of format 2, which did not carry them), how many moves it has, and only
 * the people's moves ('position': with how many of the computer's came before each).
 */
export type HeldStretch = { kind: 'moves'; moves: Move[] } | { kind: Regime; players: BySide<Controller>; versions: PartVersion[] | null; total: number; people: Move[]; gaps?: number[] };

/** A path as a code or file holds it (see the header). */
export interface Held {
  /** Who played each part of the path (normalSegments); empty when not recorded. */
  segments: Segment[];
  scenario: string;
  scenarioVersion: number;
  seed: string;
  /** Moves taken from history's own path before the stretches. */
  historyPrefix: number;
  reseeds: Line['reseeds'];
  injected: Injection[];
  stretches: HeldStretch[];
  hash: string;
}

/** A parsed code or file, not yet checked against its scenario. */
export interface SharedBranch extends Omit<Held, 'stretches' | 'segments'> {
  /** A file's stretches (format 1: every move, as one stretch); null for a code, whose moves need the scenario to read. */
  stretches: HeldStretch[] | null;
  /** A code's stretches as bytes (format 1: its moves), decoded against the scenario in checkShared. */
  encodedMoves: Uint8Array | null;
  /** The code's format (1 to 5); 0 for a file. */
  codeVersion: number;
  /** Made before each side numbered its own notes (codes before 5, files before 4): its people's moves are renumbered as they replay. */
  oldNotes: boolean;
  /** Null for a format that did not carry them: checkShared takes them from the stretches. */
  segments: Segment[] | null;
  label: string;
}

/** A checked branch: the line it replays, the state it leads to, and who played each part of it (for adopt). */
export interface CheckedBranch {
  line: Line;
  state: GameState;
  label: string;
  segments: Segment[];
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

// ---- holding a path --------------------------------------------------------------------------

/**
 * A line as a code or file holds it (its state is replayed to record the hash). With the segments
 * of who played each part (shareSegments), each stretch whose computer moves can be made again
 * carries only the people's moves; the others, and a line given without segments, carry every move.
 */
export async function holdLine(sc: Scenario, line: Line, segments: readonly Segment[] = []): Promise<Held> {
  const end = replayLine(sc, line, { record: false });
  if (!end.ok) throw new Error(`the branch does not replay: ${end.error}`);
  // History's own moves at the start need not be written: any machine rebuilds them.
  const h = historyLine(sc);
  let prefix = 0;
  if (line.seed === h.seed) while (prefix < line.moves.length && prefix < h.moves.length && moveKey(line.moves[prefix]!) === moveKey(h.moves[prefix]!)) prefix++;
  const len = line.moves.length;
  const injected = (line.injected ?? []).map(x => ({ event: x.event, at: x.at }));
  const held = normalSegments(segments.filter(x => x.at <= len));
  // A stretch starts at each branch point and at each teacher's event, so none falls inside one that is made again.
  const starts = [...segments.map(x => x.at), ...injected.map(x => x.at)].filter(a => a > prefix && a < len);
  const cuts = [...new Set([prefix, ...starts, len])].sort((x, y) => x - y);
  const stretches: HeldStretch[] = [];
  for (const [j, from] of cuts.slice(0, -1).entries()) {
    const to = cuts[j + 1]!;
    const players = playersOn(held, from);
    const made = players ? await remade(sc, line, from, to, players) : null;
    stretches.push(made ? { ...made, players: { ...players! }, versions: versionsFor(computers(players!)), total: to - from } : { kind: 'moves', moves: line.moves.slice(from, to) });
  }
  return {
    segments: held,
    scenario: sc.id,
    scenarioVersion: sc.version,
    seed: line.seed,
    historyPrefix: prefix,
    reseeds: line.reseeds.map(r => ({ ...r })),
    injected,
    stretches,
    hash: stateHash(end.value),
  };
}

/** The computer players among a stretch's players, by name. */
const computers = (players: BySide<Controller>): string[] => (['britain', 'ussr'] as const).map(s => players[s]).filter(p => p !== 'human');

/** The line's moves, re-rolls and teacher's events up to move `at`. */
const upTo = (line: Line, at: number): Line => ({ ...line, moves: line.moves.slice(0, at), reseeds: line.reseeds.filter(r => r.at <= at), injected: (line.injected ?? []).filter(x => x.at <= at) });

/** How a stretch's moves can be made again exactly, if any way can (none when both sides are people). */
async function remade(sc: Scenario, line: Line, from: number, to: number, players: BySide<Controller>): Promise<{ kind: Regime; people: Move[]; gaps?: number[] } | null> {
  if (players.britain === 'human' && players.ussr === 'human') return null;
  const start = upTo(line, from);
  const state = replayLine(sc, start, { record: false });
  if (!state.ok) return null;
  const want = line.moves.slice(from, to);
  const base = { sc, seed: line.seed, before: start.moves, state: state.value, players, injected: start.injected ?? [] };
  // The tree's way first: it also carries a move put in by hand, and any re-roll.
  const pos = positionOverrides(base, want);
  // A match is restored from a save, which cannot hold a re-roll: only before the first one.
  if (line.reseeds.every(r => r.at >= to)) {
    const people = peopleMoves(want, players);
    if (!pos || pos.people.length > people.length) {
      const got = await computerMoves({ ...base, people, total: want.length }, 'match');
      if (got.ok && got.value.length === want.length && got.value.every((m, k) => moveKey(m) === moveKey(want[k]!))) return { kind: 'match', people };
    }
  }
  if (pos && pos.people.length < want.length) {
    // Checked as a reader will make it, so a code is never written that does not read back.
    const got = await computerMoves({ ...base, people: pos.people, gaps: pos.gaps, total: want.length }, 'position');
    if (got.ok && got.value.every((m, k) => moveKey(m) === moveKey(want[k]!))) return { kind: 'position', ...pos };
  }
  return null;
}

/**
 * Check a parsed code or file against the scenario it names: version, history's prefix, the
 * computer players' versions, the moves (each must be legal; the computer's made again where only
 * the people's are held), and the end state's hash.
 */
export async function checkShared(sc: Scenario, b: SharedBranch): Promise<ShareResult<CheckedBranch>> {
  if (b.scenario !== sc.id) return refuse('scenario', `the branch is for scenario "${b.scenario}", not "${sc.id}"`);
  if (b.scenarioVersion !== sc.version) return refuse('version', `${versionWords('the branch', sc.id, b.scenarioVersion, sc.version)}, whose rules may differ, so it cannot replay it exactly`);
  let prefix: Move[] = [];
  if (b.historyPrefix > 0) {
    const h = historyLine(sc);
    if (b.seed !== h.seed || b.historyPrefix > h.moves.length) return refuse('altered', 'the code claims more of history than history holds');
    prefix = h.moves.slice(0, b.historyPrefix);
  }
  let stretches = b.stretches;
  if (!stretches) {
    try {
      stretches = readStretches(compile(sc), b.encodedMoves!, b.codeVersion, b.historyPrefix, b.segments ?? []);
    } catch (e) {
      return refuse('format', `the share code's moves cannot be read: ${(e as Error).message}`);
    }
  }
  const line: Line = { scenario: sc.id, scenarioVersion: sc.version, seed: b.seed, moves: [...prefix], reseeds: b.reseeds };
  if (b.injected.length) line.injected = b.injected;
  let regenerated = false;
  // A format without segments: each stretch's players where it names them, else not recorded.
  const segments: Segment[] = b.segments ?? [];
  for (const st of stretches) {
    if (!b.segments) segments.push({ at: line.moves.length, players: st.kind === 'moves' ? null : { ...st.players } });
    if (st.kind === 'moves') {
      for (const m of st.moves) {
        // Made before each side numbered its own notes: a move naming a note is renumbered in the state it is made in.
        if (b.oldNotes && namesNote(m)) {
          const s = replayLine(sc, upTo(line, line.moves.length), { record: false });
          const t = s.ok ? renumberMove(s.value, m) : s;
          if (!t.ok) return refuse('illegal', `the branch does not replay: ${s.ok ? `move ${line.moves.length + 1} is illegal: ` : ''}${t.error}`);
          line.moves.push(t.value);
        } else line.moves.push(m);
      }
      continue;
    }
    if (b.segments && !samePlayers(playersOn(b.segments, line.moves.length), st.players))
      return refuse('altered', `the branch says other players made its moves from move ${line.moves.length + 1} than those it names for that part of it`);
    if (st.versions) {
      const now = versionsFor(computers(st.players));
      const why = versionMismatch(st.versions);
      if (why)
        return refuse(
          'players',
          `the branch leaves out the computer's moves, to be made again by the same computer players, but it was made with ${why}; a code made by this version of the game will load`,
        );
      if (JSON.stringify(now) !== JSON.stringify(st.versions)) return refuse('altered', 'the branch names computer players whose versions it does not record');
    }
    regenerated = true;
    const start = upTo(line, line.moves.length);
    const state = replayLine(sc, start, { record: false });
    if (!state.ok) return refuse('illegal', `the branch does not replay: ${state.error}`);
    const made = await computerMoves(
      {
        sc,
        seed: b.seed,
        before: [...line.moves],
        state: state.value,
        players: st.players,
        people: st.people,
        total: st.total,
        injected: start.injected ?? [],
        ...(st.gaps ? { gaps: st.gaps } : {}),
        renumber: b.oldNotes,
      },
      st.kind,
    );
    if (!made.ok) return refuse('illegal', `the branch does not replay: ${made.error}`);
    line.moves.push(...made.value);
  }
  const bad = checkInjected(line);
  if (bad) return refuse('illegal', `the branch does not replay: ${bad}`);
  const r = replayLine(sc, line, { record: false });
  if (!r.ok) return refuse('illegal', `the branch does not replay: ${r.error}`);
  // A branch made before each side numbered its own notes recorded its end state in that numbering.
  const h = b.oldNotes ? legacyHash(r.value) : stateHash(r.value);
  if (h !== b.hash) {
    // A code of format 2 does not say which players made its computer moves, so a change in how they play looks like an alteration.
    const old =
      regenerated && b.codeVersion === 2
        ? ' (a code of format 2 does not record the computer players’ versions, so one whose computer moves were made by players that have changed since cannot be told from an altered one)'
        : '';
    return refuse('altered', `the branch has been altered, or made by another build of the game: its moves lead to state ${h}, but it records ${b.hash}${old}`);
  }
  if (segments.some(x => x.at > line.moves.length)) return refuse('altered', 'the branch says who played moves it does not have');
  return { ok: true, value: { line, state: r.value, label: b.label, segments: normalSegments(segments) } };
}

// ---- codes -----------------------------------------------------------------------------------

/** The share code of a line (see holdLine for the segments). */
export async function encodeShareCode(sc: Scenario, line: Line, segments: readonly Segment[] = []): Promise<string> {
  return codeOf(sc, await holdLine(sc, line, segments));
}

/** A held path as a code of format 4. */
export function codeOf(sc: Scenario, held: Held): string {
  const c = compile(sc);
  const w = new Writer();
  w.u(CODE_VERSION);
  w.str(held.scenario);
  w.u(held.scenarioVersion);
  w.str(held.seed);
  w.u(held.historyPrefix);
  w.u(held.reseeds.length);
  for (const r of held.reseeds) {
    w.u(r.at);
    w.str(r.seed);
  }
  w.u(held.injected.length);
  for (const x of held.injected) {
    w.u(x.at);
    w.str(x.event);
  }
  w.u(held.segments.length);
  let prev = 0;
  for (const x of held.segments) {
    // Where it starts, as a step from the one before, and whether its players are recorded, in one number.
    w.u((x.at - prev) * 2 + (x.players ? 1 : 0));
    prev = x.at;
    if (x.players) writePlayers(w, x.players);
  }
  w.u(held.stretches.length);
  for (const st of held.stretches) {
    w.u(STRETCH_KIND[st.kind]);
    if (st.kind === 'moves') {
      w.u(st.moves.length);
      for (const m of st.moves) writeMove(c, w, m);
      continue;
    }
    const versions = st.versions ?? [];
    w.u(versions.length);
    for (const v of versions) {
      writeName(w, PART_TABLE, v.part);
      w.u(v.version);
    }
    w.u(st.total);
    w.u(st.people.length);
    for (const [k, m] of st.people.entries()) {
      if (st.gaps) w.u(st.gaps[k]!);
      writeMove(c, w, m);
    }
  }
  w.raw(hexBytes(held.hash));
  const body = w.done();
  return CODE_PREFIX + toBase64url(Uint8Array.from([...body, ...crcBytes(crc32(body))]));
}

/** A name by its number in a fixed table (1-based), or 0 and the name for one the table lacks. */
function writeName(w: Writer, table: readonly string[], name: string): void {
  const k = table.indexOf(name);
  w.u(k + 1);
  if (k < 0) w.str(name);
}

/** A name written by writeName (its number `k` already read, if given). */
function readName(r: Reader, table: readonly string[], k = r.u()): string {
  const name = k === 0 ? r.str() : table[k - 1];
  if (name === undefined) throw new RangeError(`it names an unknown entry ${k}`);
  return name;
}

function readPlayer(r: Reader, k?: number): Controller {
  const name = readName(r, PLAYER_TABLE, k);
  if (!isController(name)) throw new RangeError(`it names an unknown player ${JSON.stringify(name)}`);
  return name;
}
/** Format 3's players of a stretch: each side's by writeName. */
const readPlayers = (r: Reader): BySide<Controller> => ({ britain: readPlayer(r), ussr: readPlayer(r) });

/** A segment's players (format 4): both sides' table numbers in one byte (0: a name follows, as writeName). */
function writePlayers(w: Writer, p: BySide<Controller>): void {
  const k = SIDES.map(side => PLAYER_TABLE.indexOf(p[side]) + 1);
  w.u(k[0]! * (PLAYER_TABLE.length + 1) + k[1]!);
  for (const [i, side] of SIDES.entries()) if (k[i] === 0) w.str(p[side]);
}

function readSegmentPlayers(r: Reader): BySide<Controller> {
  const x = r.u();
  const base = PLAYER_TABLE.length + 1;
  if (x >= base * base) throw new RangeError(`it names unknown players ${x}`);
  const britain = readPlayer(r, Math.floor(x / base));
  return { britain, ussr: readPlayer(r, x % base) };
}

/**
 * A code's stretches from its bytes (format 1: its moves, written out as one stretch); from format 4
 * a stretch made again takes its players from the segment it starts in (history's count of moves
 * come before the first). Throws RangeError on what the scenario does not have.
 */
function readStretches(c: Compiled, bytes: Uint8Array, format: number, historyPrefix: number, segments: readonly Segment[]): HeldStretch[] {
  const r = new Reader(bytes);
  const out: HeldStretch[] = [];
  let at = historyPrefix;
  if (format === 1) {
    const moves: Move[] = [];
    for (let n = r.u(), j = 0; j < n; j++) moves.push(readMove(c, r));
    out.push({ kind: 'moves', moves });
  } else {
    for (let n = r.u(), j = 0; j < n; j++) {
      const kind = r.u();
      if (kind === STRETCH_KIND.moves) {
        const moves: Move[] = [];
        for (let k = r.u(), q = 0; q < k; q++) moves.push(readMove(c, r));
        out.push({ kind: 'moves', moves });
        at += moves.length;
        continue;
      }
      const regime = (Object.keys(STRETCH_KIND) as (keyof typeof STRETCH_KIND)[]).find(x => STRETCH_KIND[x] === kind);
      if (!regime || regime === 'moves') throw new RangeError(`a stretch of unknown kind ${kind}`);
      const players = format >= 4 ? playersOn(segments, at) : readPlayers(r);
      if (!players) throw new RangeError(`the stretch from move ${at + 1} leaves the computer's moves out but its players are not recorded`);
      let versions: PartVersion[] | null = null;
      if (format >= 3) {
        versions = [];
        for (let k = r.u(), q = 0; q < k; q++) versions.push({ part: readName(r, PART_TABLE), version: r.u() });
      }
      const total = r.u();
      at += total;
      const people: Move[] = [];
      const gaps: number[] = [];
      for (let k = r.u(), q = 0; q < k; q++) {
        if (regime === 'position') gaps.push(r.u());
        people.push(readMove(c, r));
      }
      if (people.length > total) throw new RangeError('a stretch has more people’s moves than moves');
      out.push({ kind: regime, players, versions, total, people, ...(regime === 'position' ? { gaps } : {}) });
    }
  }
  if (r.rest.length) throw new RangeError('it has bytes left over after its moves');
  return out;
}

/** Parse a share code (spaces and line breaks are ignored); the scenario is checked in checkShared. */
export function parseShareCode(text: string): ShareResult<SharedBranch> {
  const t = text.replace(/\s+/g, '');
  const format = t.startsWith(CODE_PREFIX) ? CODE_VERSION : (OLD_PREFIXES[t.slice(0, CODE_PREFIX.length)] ?? 0);
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
    const injected: Injection[] = [];
    if (v >= 3) for (let n = r.u(), j = 0; j < n; j++) injected.push({ at: r.u(), event: r.str() });
    let segments: Segment[] | null = null;
    if (v >= 4) {
      segments = [];
      for (let n = r.u(), j = 0, at = 0; j < n; j++) {
        const x = r.u();
        at += Math.floor(x / 2);
        segments.push({ at, players: x % 2 ? readSegmentPlayers(r) : null });
      }
    }
    const rest = r.rest;
    if (rest.length < 9) throw new RangeError('cut short');
    return {
      ok: true,
      value: {
        scenario,
        scenarioVersion,
        seed,
        historyPrefix,
        reseeds,
        injected,
        stretches: null,
        encodedMoves: rest.subarray(0, rest.length - 8),
        codeVersion: v,
        oldNotes: v < CODE_OWN_NOTES,
        segments,
        hash: bytesHex(rest.subarray(rest.length - 8)),
        label: '',
      },
    };
  } catch (e) {
    return refuse('format', `the share code cannot be read: ${(e as Error).message}`);
  }
}

// ---- files -----------------------------------------------------------------------------------

/** A stretch as a branch file writes it: its moves, or who made its moves and the people's among them. */
export type FileStretch =
  | { moves: Move[] }
  | {
      /** How the computer's moves are made again: as the game screen's match made them, or as the tree's players did. */
      madeBy: Regime;
      players: BySide<Controller>;
      /** The version of each computer player (and of the fidelity wrapper) that made them. */
      versions: Record<string, number>;
      /** Moves in the stretch, the computer's and the people's. */
      total: number;
      people: Move[];
      /** 'position': how many of the computer's moves come before each of the people's. */
      gaps?: number[];
    };

export interface BranchFile {
  format: typeof BRANCH_FILE_FORMAT;
  formatVersion: typeof FILE_VERSION;
  /** The branch's name and its divergence in words, for a person reading the file. */
  label: string;
  divergence: string;
  scenario: string;
  scenarioVersion: number;
  seed: string;
  /** The path's first moves that are history's own, made again from the scenario. */
  historyMoves: number;
  reseeds: Line['reseeds'];
  /** The teacher's events, each with how many moves had been made when it was given. */
  injected: Injection[];
  /** Who played each part of the path: from move `at` on, each side's player (null: not recorded). Not in files of format 2. */
  segments: Segment[];
  stretches: FileStretch[];
  hash: string;
  /** CRC-32 (hex) of the contents above but the name and the divergence (branchFileCheck). */
  check: string;
}

/** A branch file of format 1, which listed every move (still read). */
interface BranchFile1 {
  format: typeof BRANCH_FILE_FORMAT;
  formatVersion: 1;
  scenario: string;
  scenarioVersion: number;
  seed: string;
  moves: Move[];
  reseeds: Line['reseeds'];
  hash: string;
  label: string;
  check: string;
}

const crcHex = (x: unknown) =>
  crc32(new TextEncoder().encode(JSON.stringify(x)))
    .toString(16)
    .padStart(8, '0');

/** The integrity check a branch file carries (exported for tools that write files by hand); a file of format 2 has no segments. */
export const branchFileCheck = (f: Omit<BranchFile, 'format' | 'formatVersion' | 'label' | 'divergence' | 'check' | 'segments'> & { segments?: readonly Segment[] }): string =>
  crcHex([
    f.scenario,
    f.scenarioVersion,
    f.seed,
    f.historyMoves,
    f.reseeds,
    f.injected.map(x => [x.at, x.event]),
    f.stretches.map(st => ('moves' in st ? st.moves.map(moveKey) : [st.madeBy, st.players.britain, st.players.ussr, st.versions, st.total, st.people.map(moveKey), st.gaps ?? []])),
    f.hash,
    ...(f.segments ? [f.segments.map(x => [x.at, x.players && [x.players.britain, x.players.ussr]])] : []),
  ]);

/** The check of a file of format 1. */
const branchFileCheck1 = (f: Pick<BranchFile1, 'scenario' | 'scenarioVersion' | 'seed' | 'moves' | 'reseeds' | 'hash'>) =>
  crcHex([f.scenario, f.scenarioVersion, f.seed, f.moves.map(moveKey), f.reseeds, f.hash]);

/** A branch file (JSON text) for a line, holding it as a code does (see holdLine for the segments). */
export async function branchFile(sc: Scenario, line: Line, label: string, divergence: string, segments: readonly Segment[] = []): Promise<string> {
  const held = await holdLine(sc, line, segments);
  const stretches: FileStretch[] = held.stretches.map(st =>
    st.kind === 'moves'
      ? { moves: st.moves }
      : {
          madeBy: st.kind,
          players: st.players,
          versions: Object.fromEntries((st.versions ?? []).map(v => [v.part, v.version])),
          total: st.total,
          people: st.people,
          ...(st.gaps ? { gaps: st.gaps } : {}),
        },
  );
  const base = {
    scenario: held.scenario,
    scenarioVersion: held.scenarioVersion,
    seed: held.seed,
    historyMoves: held.historyPrefix,
    reseeds: held.reseeds,
    injected: held.injected,
    segments: held.segments,
    stretches,
    hash: held.hash,
  };
  const f: BranchFile = { format: BRANCH_FILE_FORMAT, formatVersion: FILE_VERSION, label, divergence, ...base, check: branchFileCheck(base) };
  return fileText(f);
}

/**
 * A file's JSON laid out for a person: a field a line, and each move on a line of its own (a
 * move's fields one a line would make a long file of a short branch).
 */
function fileText(f: BranchFile): string {
  const moves = (ms: readonly Move[]) => (ms.length ? `[\n${ms.map(m => `    ${JSON.stringify(m)}`).join(',\n')}\n   ]` : '[]');
  const stretch = (st: FileStretch) => {
    const fields = Object.entries(st).map(([k, v]) => `   ${JSON.stringify(k)}: ${k === 'moves' || k === 'people' ? moves(v as Move[]) : JSON.stringify(v)}`);
    return `  {\n${fields.join(',\n')}\n  }`;
  };
  const list = (xs: readonly string[]) => (xs.length ? `[\n${xs.join(',\n')}\n ]` : '[]');
  // Quotes inside a JSON string are escaped, so these keys and values are found only where they were put.
  const text = JSON.stringify({ ...f, segments: '@', stretches: '@' }, null, 1);
  const laid = text.replace('"segments": "@"', `"segments": ${list(f.segments.map(x => `  ${JSON.stringify(x)}`))}`).replace('"stretches": "@"', `"stretches": ${list(f.stretches.map(stretch))}`);
  return `${laid}\n`;
}

/** A move as a file holds it, checked for shape (its legality is the replay's to judge). */
function isMove(m: unknown): m is Move {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Partial<Move> & { orders?: unknown };
  if (x.side !== 'britain' && x.side !== 'ussr') return false;
  if (x.type === 'decide') return typeof (x as { event?: unknown }).event === 'string' && typeof (x as { option?: unknown }).option === 'string';
  return x.type === 'orders' && Array.isArray(x.orders) && x.orders.every(o => typeof o === 'object' && o !== null && ['action', 'offer', 'reply'].includes((o as Order).kind));
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** A file's segments, checked for shape (ascending, each side's player known to this game or null); null if malformed. */
function readFileSegments(x: unknown): Segment[] | null {
  if (!Array.isArray(x)) return null;
  const out: Segment[] = [];
  for (const s of x as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const { at, players: p } = s as { at?: unknown; players?: Partial<BySide<unknown>> | null };
    if (!isCount(at) || at < (out.at(-1)?.at ?? 0)) return null;
    if (p === null) out.push({ at, players: null });
    else if (typeof p === 'object' && isController(p.britain) && isController(p.ussr)) out.push({ at, players: { britain: p.britain, ussr: p.ussr } });
    else return null;
  }
  return out;
}

/** A file's stretch, checked for shape; null if it is malformed. */
function readFileStretch(x: unknown): HeldStretch | null {
  if (typeof x !== 'object' || x === null) return null;
  const st = x as Partial<Extract<FileStretch, { madeBy: Regime }>> & { moves?: unknown };
  if ('moves' in st) return Array.isArray(st.moves) && st.moves.every(isMove) ? { kind: 'moves', moves: st.moves } : null;
  if (st.madeBy !== 'match' && st.madeBy !== 'position') return null;
  const p = st.players as Partial<BySide<unknown>> | undefined;
  if (typeof p !== 'object' || p === null || !isController(p.britain) || !isController(p.ussr)) return null;
  const v = st.versions;
  if (typeof v !== 'object' || v === null || Object.values(v).some(n => !isCount(n))) return null;
  if (!isCount(st.total) || !Array.isArray(st.people) || !st.people.every(isMove) || st.people.length > st.total) return null;
  const gaps = st.gaps;
  if (st.madeBy === 'position' ? !Array.isArray(gaps) || gaps.length !== st.people.length || !gaps.every(isCount) : gaps !== undefined) return null;
  return {
    kind: st.madeBy,
    players: { britain: p.britain, ussr: p.ussr },
    versions: Object.entries(v).map(([part, version]) => ({ part, version })),
    total: st.total,
    people: st.people,
    ...(gaps ? { gaps } : {}),
  };
}

/** Parse a branch file's text (format 3, or 2 without segments, or 1 which listed every move); the scenario is checked in checkShared. */
export function parseBranchFile(text: string): ShareResult<SharedBranch> {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return refuse('format', 'not a branch file: it is not JSON');
  }
  if (typeof x !== 'object' || x === null) return refuse('format', 'not a branch file: expected a JSON object');
  const f = x as Omit<Partial<BranchFile>, 'formatVersion' | 'segments'> & Partial<Pick<BranchFile1, 'moves'>> & { formatVersion?: unknown; segments?: unknown };
  const version = f.formatVersion;
  if (f.format !== BRANCH_FILE_FORMAT) return refuse('format', 'not a branch file of this game (format field missing or foreign)');
  if (version !== 1 && version !== 2 && version !== 3 && version !== FILE_VERSION) return refuse('format', `branch file format ${String(version)} is not supported`);
  if (typeof f.scenario !== 'string' || typeof f.scenarioVersion !== 'number' || typeof f.seed !== 'string' || typeof f.hash !== 'string')
    return refuse('format', 'the branch file lacks its scenario, version, seed or hash');
  if (!Array.isArray(f.reseeds) || f.reseeds.some(r => typeof r !== 'object' || r === null || !Number.isInteger(r.at) || typeof r.seed !== 'string'))
    return refuse('format', 'the branch file lacks its re-rolls, or has a malformed one');
  const head = { scenario: f.scenario, scenarioVersion: f.scenarioVersion, seed: f.seed, reseeds: f.reseeds, hash: f.hash };
  const label = typeof f.label === 'string' ? f.label : '';
  if (version === 1) {
    if (!Array.isArray(f.moves) || !f.moves.every(isMove)) return refuse('format', 'the branch file lacks its moves, or has a malformed one');
    if (f.check !== branchFileCheck1({ ...head, moves: f.moves })) return refuse('corrupt', 'the branch file is damaged or was edited: its check does not match its contents');
    return { ok: true, value: { ...head, historyPrefix: 0, injected: [], stretches: [{ kind: 'moves', moves: f.moves }], encodedMoves: null, codeVersion: 0, oldNotes: true, segments: null, label } };
  }
  if (!isCount(f.historyMoves)) return refuse('format', 'the branch file does not say how many of its moves are history’s own');
  if (!Array.isArray(f.injected) || f.injected.some(i => typeof i !== 'object' || i === null || typeof i.event !== 'string' || !isCount(i.at)))
    return refuse('format', 'the branch file lacks its list of the teacher’s events, or has a malformed one');
  if (!Array.isArray(f.stretches)) return refuse('format', 'the branch file lacks its moves');
  const segments = version === 2 ? null : readFileSegments(f.segments);
  if (version !== 2 && !segments) return refuse('format', 'the branch file does not say who played each part of it, or says it in a malformed way');
  const stretches: HeldStretch[] = [];
  for (const [k, s] of f.stretches.entries()) {
    const st = readFileStretch(s);
    if (!st) return refuse('format', `the branch file's stretch ${k + 1} of moves is malformed`);
    stretches.push(st);
  }
  const base = { ...head, historyMoves: f.historyMoves, injected: f.injected, stretches: f.stretches, ...(segments ? { segments } : {}) };
  if (f.check !== branchFileCheck(base)) return refuse('corrupt', 'the branch file is damaged or was edited: its check does not match its contents');
  return {
    ok: true,
    value: {
      ...head,
      historyPrefix: f.historyMoves,
      injected: f.injected.map(i => ({ event: i.event, at: i.at })),
      stretches,
      encodedMoves: null,
      codeVersion: 0,
      oldNotes: version < FILE_VERSION,
      segments,
      label,
    },
  };
}

/** A code or a file's text, whichever it is. */
export const parseShared = (text: string): ShareResult<SharedBranch> => (text.trimStart().startsWith('{') ? parseBranchFile(text) : parseShareCode(text));
