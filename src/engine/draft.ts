// A draft is the working copy a move is applied to: the state's containers are copied once at
// the start of a move, changed in place, and handed back as the next state. Every change to a
// figure goes through setFig, which clamps it and records its cause in the ledger.
import type { Compiled } from './compile';
import type { GameState, NewsItem } from './types';
import { openRng, type Rng } from './rng';
import type { Relations, Side } from './vocab';

export interface Draft {
  c: Compiled;
  s: GameState;
  rng: Rng;
  day: number;
  /** Containers already copied for this move (bits of OWN). */
  owned: number;
  /** While a side's private business is applied (its decision, an internal order), its news is its own. */
  audience?: Side;
}

// Copy-on-write: a move copies a container of the previous state only when it first writes to it,
// so the previous state is never changed and a move that touches little copies little.
const OWN = { fig: 1, flags: 2, fired: 4, chosen: 8, taken: 16, scheduled: 32, offers: 64, pipeline: 128, agreed: 256, britain: 512, ussr: 1024, failed: 2048 } as const;
type Owned = 'fig' | 'flags' | 'fired' | 'chosen' | 'taken' | 'scheduled' | 'offers' | 'pipeline' | 'failed';

export function own<K extends Owned>(d: Draft, k: K): GameState[K] {
  if (!(d.owned & OWN[k])) {
    (d.s[k] as unknown[]) = (d.s[k] as unknown[]).slice();
    d.owned |= OWN[k];
  }
  return d.s[k];
}

/** Replace a container with a fresh array this move has made. */
export function adopt<K extends Owned>(d: Draft, k: K, fresh: GameState[K]): void {
  d.s[k] = fresh;
  d.owned |= OWN[k];
}

export function ownPending(d: Draft, side: Side): number[] {
  if (!(d.owned & OWN[side])) {
    d.s.pending = { ...d.s.pending, [side]: d.s.pending[side].slice() };
    d.owned |= OWN[side];
  }
  return d.s.pending[side];
}

export function ownAgreed(d: Draft): GameState['agreed'] {
  if (!(d.owned & OWN.agreed)) { d.s.agreed = { ...d.s.agreed }; d.owned |= OWN.agreed; }
  return d.s.agreed;
}

export function openDraft(c: Compiled, prev: GameState): Draft {
  return { c, s: { ...prev }, rng: openRng(prev.rng), day: c.days[prev.turn]!, owned: 0 };
}

export function closeDraft(d: Draft): GameState {
  d.s.rng = d.rng.state();
  return d.s;
}

export function setFig(d: Draft, i: number, value: number, cause: string, why?: string): void {
  const m = d.c.figs[i]!;
  const v = value < m.min ? m.min : value > m.max ? m.max : value;
  const old = d.s.fig[i]!;
  if (v === old || Number.isNaN(v)) return;
  own(d, 'fig')[i] = v;
  if (!d.s.record) return;
  const e = why === undefined
    ? { day: d.day, fig: i, delta: v - old, value: v, cause }
    : { day: d.day, fig: i, delta: v - old, value: v, cause, why };
  d.s.ledger = { e, n: d.s.ledger };
}

export const addFig = (d: Draft, i: number, delta: number, cause: string, why?: string): void =>
  setFig(d, i, d.s.fig[i]! + delta, cause, why);

/**
 * A line in the turn report: for one side (`side`), for whoever's business is being applied
 * (`undefined`: the draft's audience, if any, else everyone), or for everyone (`null`: public
 * facts such as relations, resignations, governments and the end of the game).
 */
export function news(d: Draft, text: string, cause: string, side?: Side | null): void {
  if (!d.s.record) return;
  const to = side === null ? undefined : side ?? d.audience;
  const e: NewsItem = to === undefined ? { day: d.day, text, cause } : { day: d.day, text, cause, side: to };
  d.s.news = { e, n: d.s.news };
}

export function setFlag(d: Draft, name: string, on: boolean): void {
  const i = d.c.flagIndex.get(name);
  if (i === undefined) throw new Error(`unknown flag ${name}`);
  if (on && d.s.flags[i]! < 0) own(d, 'flags')[i] = d.day;
  if (!on && d.s.flags[i]! >= 0) own(d, 'flags')[i] = -1;
}

export function setRelations(d: Draft, r: Relations, cause: string): void {
  if (d.s.relations === r) return;
  d.s.relations = r;
  news(d, `Relations: ${RELATION_LABEL[r]}.`, cause, null);
}

export const RELATION_LABEL: Record<Relations, string> = {
  full: 'full diplomatic relations',
  charge: 'relations at chargé d\'affaires level',
  ruptured: 'relations broken off',
  protecting: 'relations broken; protecting powers act for each side',
};

export function resign(d: Draft, minister: number, cause: string): void {
  const m = d.c.ministers[minister]!;
  if (d.s.fig[m.iOffice] === 0) return;
  setFig(d, m.iOffice, 0, cause);
  news(d, `${m.name} (${m.office}) resigns.`, cause, null);
  const side = d.c.side[m.side];
  if (d.s.lead[m.side] !== minister) addFig(d, side.iStanding, -6, 'rule:resignation', `${m.name} resigned`);
  else end(d, `${m.name} resigned`, cause);
}

/** A change of government: ministers leave office or take it, with no resignation. */
export function setInOffice(d: Draft, minister: number, on: boolean, cause: string): void {
  const m = d.c.ministers[minister]!;
  if ((d.s.fig[m.iOffice] === 1) === on) return;
  setFig(d, m.iOffice, on ? 1 : 0, cause);
  if (on) setFig(d, m.iMood, d.c.initialFig[m.iMood]!, cause, 'takes office');
  news(d, on ? `${m.name} takes office as ${m.office}.` : `${m.name} (${m.office}) leaves office.`, cause, null);
}

/** Hand a side's lead to another minister, appointing him if need be. The player goes on as him. */
export function setLead(d: Draft, minister: number, cause: string): void {
  const m = d.c.ministers[minister]!;
  if (d.s.lead[m.side] === minister) return;
  setInOffice(d, minister, true, cause);
  d.s.lead = { ...d.s.lead, [m.side]: minister };
  news(d, `${d.c.sc.sides[m.side].name} is now led by ${m.name}, ${m.office}.`, cause, null);
}

export function end(d: Draft, reason: string, cause: string): void {
  if (d.s.ended) return;
  d.s.ended = { reason, day: d.day };
  news(d, `The game ends: ${reason}.`, cause, null);
}
