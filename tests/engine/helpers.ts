// Shared by the engine tests: load the mini fixture (or a variant of it), play moves, read the
// ledger and the news oldest first.
import { readFileSync } from 'node:fs';
import { dayOf } from '../../src/engine/calendar';
import { applyMove, type Compiled, compile, createGame } from '../../src/engine/index';
import type { GameState, LedgerEntry, Move, NewsItem, Order, Result } from '../../src/engine/types';
import { type BySide, SIDES, type Side } from '../../src/engine/vocab';
import { parseScenario, validateScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';

export const MINI_FILE = 'tests/fixtures/mini.json';

/**
 * A scenario file as parsed JSON, before validation. Tests edit fixtures in place with deep property
 * access that no schema type allows before validation, so it is untyped on purpose, here only.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON under test, validated right after the edit
export type RawJson = any;

/** The fixture's JSON, freshly parsed (safe to mutate). */
export const miniRaw = (): RawJson => JSON.parse(readFileSync(MINI_FILE, 'utf8'));

let miniCache: Scenario | undefined;
/** The validated mini scenario (one shared object, so compile() is cached). */
export function mini(): Scenario {
  if (!miniCache) miniCache = must(parseScenario(readFileSync(MINI_FILE, 'utf8'), MINI_FILE));
  return miniCache;
}

/** A validated variant of the fixture: `edit` changes the raw JSON in place. */
export function variant(edit: (raw: RawJson) => void): Scenario {
  const raw = miniRaw();
  edit(raw);
  return must(validateScenario(raw, 'variant.json'));
}

/** The mini scenario without its random Comintern event, so no turn draws from the stream unasked. */
export const quiet = (edit?: (raw: RawJson) => void): Scenario =>
  variant(raw => {
    raw.events = raw.events.filter((e: { id: string }) => e.id !== 'comintern');
    edit?.(raw);
  });

export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export const act = (...ids: string[]): Order[] => ids.map(id => ({ kind: 'action', id }));

export type Chooser = (c: Compiled, s: GameState, side: Side, event: string) => string;
/** Take the historical option. */
export const historical: Chooser = (c, _s, _side, event) => c.events[c.eventIndex.get(event)!]!.decision!.options.find(o => o.historical)!.id;

/** A game in progress with its move log. */
export class Play {
  readonly c: Compiled;
  s: GameState;
  readonly moves: Move[] = [];
  constructor(
    readonly sc: Scenario,
    readonly seed = 'test',
  ) {
    this.c = compile(sc);
    this.s = createGame(sc, seed);
  }
  get day(): number {
    return this.c.days[this.s.turn]!;
  }
  fig(id: string): number {
    return figOf(this.c, this.s, id);
  }
  /** Apply a move; throw if it is refused. */
  move(m: Move): GameState {
    const r = applyMove(this.sc, this.s, m);
    if (!r.ok) throw new Error(`refused: ${r.error} (${JSON.stringify(m)})`);
    this.s = r.value;
    this.moves.push(m);
    return this.s;
  }
  /** Try a move without keeping it. */
  try(m: Move): Result<GameState> {
    return applyMove(this.sc, this.s, m);
  }
  decideAll(choose: Chooser = historical): void {
    for (const side of SIDES) {
      while (this.s.pending[side].length && !this.s.ended) {
        const ev = this.c.events[this.s.pending[side][0]!]!;
        this.move({ type: 'decide', side, event: ev.id, option: choose(this.c, this.s, side, ev.id) });
      }
    }
  }
  /** Answer pending decisions, then give both sides' orders: the turn resolves. */
  turn(orders: Partial<BySide<Order[]>> = {}, choose: Chooser = historical): GameState {
    this.decideAll(choose);
    for (const side of SIDES) if (!this.s.ended) this.move({ type: 'orders', side, orders: orders[side] ?? [] });
    return this.s;
  }
  /** Play empty turns until the turn dated on or after `iso` (or the end). */
  until(iso: string, choose: Chooser = historical): GameState {
    const day = dayOf(iso);
    while (!this.s.ended && this.day < day) this.turn({}, choose);
    return this.s;
  }
  /** Empty turns to the end. */
  finish(choose: Chooser = historical): GameState {
    while (!this.s.ended) this.turn({}, choose);
    return this.s;
  }
}

export const figOf = (c: Compiled, s: GameState, id: string): number => {
  const i = c.figIndex.get(id);
  if (i === undefined) throw new Error(`no figure ${id}`);
  return s.fig[i]!;
};

/** A copy of a state with some figures set (for testing pure functions on chosen states). */
export function withFigs(c: Compiled, s: GameState, figs: Record<string, number>): GameState {
  const fig = s.fig.slice();
  for (const [id, v] of Object.entries(figs)) fig[c.figIndex.get(id)!] = v;
  return { ...s, fig };
}

export function ledger(s: GameState): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let n = s.ledger; n; n = n.n) out.push(n.e);
  return out.reverse();
}

export function newsOf(s: GameState): NewsItem[] {
  const out: NewsItem[] = [];
  for (let n = s.news; n; n = n.n) out.push(n.e);
  return out.reverse();
}

/** Ledger entries added between two states of one game. */
export function ledgerSince(before: GameState, after: GameState): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let n = after.ledger; n && n !== before.ledger; n = n.n) out.push(n.e);
  return out.reverse();
}

export function newsSince(before: GameState, after: GameState): NewsItem[] {
  const out: NewsItem[] = [];
  for (let n = after.news; n && n !== before.news; n = n.n) out.push(n.e);
  return out.reverse();
}

/** Two-sided binomial check: |observed − expected| within k standard deviations (sum of p(1−p)). */
export function withinSigma(observed: number, ps: readonly number[], k = 4): { ok: boolean; expected: number; sd: number } {
  const expected = ps.reduce((a, p) => a + p, 0);
  const sd = Math.sqrt(ps.reduce((a, p) => a + p * (1 - p), 0));
  return { ok: Math.abs(observed - expected) <= k * sd + 1e-9, expected, sd };
}
