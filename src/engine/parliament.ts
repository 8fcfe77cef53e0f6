// Back-bench, party, press and opposition pressure, on both sides, and what it does to the lead.
import { logistic } from './cabinet';
import type { Compiled } from './compiled';
import { addFig, type Draft } from './draft';
import type { GameState } from './types';
import { ofSide, type Side } from './vocab';

/** Groups react to what their side carried out: an action their way eases them, against them presses. */
export function groupReaction(d: Draft, side: Side, issue: number, direction: 1 | -1, weight: number, cause: string, label: string): void {
  const t = ofSide(d.c.side, side).table,
    n = t.pressure.length,
    at = issue * n;
  for (let j = 0; j < n; j++) {
    const agree = (t.groupStance[at + j]! / 100) * direction;
    // (The `why` texts are built only when the ledger is kept: see Draft.rec.)
    if (agree !== 0) addFig(d, t.pressure[j]!, -12 * weight * agree, cause, d.rec ? `${d.c.groups[d.c.side[side].groups[j]!]!.name} ${agree > 0 ? 'welcome' : 'resent'} "${label}"` : undefined);
  }
}

/** Pressure above 60 costs the lead standing each week, by the group's weight. */
export const PRESSURE_LINE = 60;

/** Every turn: pressure above the line costs the lead standing, by weight and the turn's length. */
export function pressureCost(d: Draft, days: number): void {
  const c = d.c,
    s = d.s;
  for (const g of c.groups) {
    const over = s.fig[g.iPressure]! - PRESSURE_LINE;
    if (over > 0 && g.weight > 0) addFig(d, ofSide(c.side, g.side).iStanding, -((g.weight * over) / 40) * 0.5 * (days / 7), 'rule:pressure-cost', d.rec ? `${g.name} press the lead` : undefined);
  }
}

/** Monthly: pressure eases back toward the group's usual level over a few months. */
export function pressureEases(d: Draft, days: number): void {
  for (const g of d.c.groups) {
    const back = (g.rest - d.s.fig[g.iPressure]!) * Math.min(1, (0.04 * days) / 7);
    if (Math.abs(back) >= 0.05) addFig(d, g.iPressure, back, 'rule:pressure-eases', d.rec ? `${g.name} settle toward their usual level` : undefined);
  }
}

/** One party group's part in the Commons' opposition to a measure moving `issue` in `direction` (0 if it favours the measure). */
function revoltOf(c: Compiled, s: GameState, k: number, issue: number, direction: 1 | -1): number {
  const g = c.groups[k]!;
  if (g.kind !== 'party') return 0;
  const against = -(g.stance[issue]! / 100) * direction;
  return against > 0 ? g.weight * against * (s.fig[g.iPressure]! / 100) : 0;
}

/**
 * A Commons vote on a measure moving `issue` in `direction`: the government's majority holds
 * unless the party groups that oppose the measure are pressing hard. Every British party group
 * counts, whichever benches it sits on: the Conservative right (the die-hards, in 1932 the
 * protectionists) sat behind the government in 1927 and 1932, but after the May 1929 election
 * Labour governed without a majority, and the Conservative opposition could carry a division.
 */
export function commonsChance(c: Compiled, s: GameState, issue: number, direction: 1 | -1): number {
  let revolt = 0;
  for (const k of c.side.britain.groups) revolt += revoltOf(c, s, k, issue, direction);
  return logistic(4 - 2 * revolt);
}

/** The Commons' odds with the party groups that press against the measure, as the news and screens explain them. */
export interface CommonsOdds {
  /** Chance the Commons approves (commonsChance; NaN where a pressure is hidden from the asker). */
  chance: number;
  /** The party groups opposed to the measure, each with its pressure now, the heaviest revolt first. */
  against: { group: number; pressure: number }[];
}

export function commonsOdds(c: Compiled, s: GameState, issue: number, direction: 1 | -1): CommonsOdds {
  const parts = c.side.britain.groups.map(k => ({ group: k, pressure: s.fig[c.groups[k]!.iPressure]!, part: revoltOf(c, s, k, issue, direction) }));
  const against = parts.filter(x => x.part > 0 || Number.isNaN(x.part));
  against.sort((a, b) => b.part - a.part || a.group - b.group);
  return { chance: commonsChance(c, s, issue, direction), against: against.map(({ group, pressure }) => ({ group, pressure })) };
}
