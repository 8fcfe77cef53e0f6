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
}

export function openDraft(c: Compiled, prev: GameState): Draft {
  const s: GameState = {
    ...prev,
    fig: prev.fig.slice(),
    flags: prev.flags.slice(),
    fired: prev.fired.slice(),
    chosen: prev.chosen.slice(),
    taken: prev.taken.slice(),
    scheduled: prev.scheduled.slice(),
    pending: { britain: prev.pending.britain.slice(), ussr: prev.pending.ussr.slice() },
    orders: { ...prev.orders },
    offers: prev.offers.slice(),
    agreed: { ...prev.agreed },
    trade: prev.trade,
    pipeline: prev.pipeline.slice(),
  };
  return { c, s, rng: openRng(prev.rng), day: c.days[prev.turn]! };
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
  d.s.fig[i] = v;
  const e = why === undefined
    ? { day: d.day, fig: i, delta: v - old, value: v, cause }
    : { day: d.day, fig: i, delta: v - old, value: v, cause, why };
  d.s.ledger = { e, n: d.s.ledger };
}

export const addFig = (d: Draft, i: number, delta: number, cause: string, why?: string): void =>
  setFig(d, i, d.s.fig[i]! + delta, cause, why);

export function news(d: Draft, text: string, cause: string, side?: Side): void {
  const e: NewsItem = side === undefined ? { day: d.day, text, cause } : { day: d.day, text, cause, side };
  d.s.news = { e, n: d.s.news };
}

export function setFlag(d: Draft, name: string, on: boolean): void {
  const i = d.c.flagIndex.get(name);
  if (i === undefined) throw new Error(`unknown flag ${name}`);
  if (on && d.s.flags[i]! < 0) d.s.flags[i] = d.day;
  if (!on) d.s.flags[i] = -1;
}

export function setRelations(d: Draft, r: Relations, cause: string): void {
  if (d.s.relations === r) return;
  d.s.relations = r;
  news(d, `Relations: ${RELATION_LABEL[r]}.`, cause);
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
  news(d, `${m.name} (${m.office}) resigns.`, cause);
  const side = d.c.side[m.side];
  if (side.lead !== minister) addFig(d, side.iStanding, -6, 'rule:resignation', `${m.name} resigned`);
  else end(d, `${m.name} resigned`, cause);
}

export function end(d: Draft, reason: string, cause: string): void {
  if (d.s.ended) return;
  d.s.ended = { reason, day: d.day };
  news(d, `The game ends: ${reason}.`, cause);
}
