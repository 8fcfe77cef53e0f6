// Invariants every reachable state keeps. Returns the broken ones (empty when all hold).
import type { Compiled } from './compiled';
import type { GameState } from './types';

export function checkInvariants(c: Compiled, s: GameState): string[] {
  const bad: string[] = [];
  if (s.fig.length !== c.figs.length) bad.push('figure table has the wrong length');
  s.fig.forEach((v, i) => {
    const m = c.figs[i]!;
    if (!Number.isFinite(v)) bad.push(`${m.id} is ${v}`);
    else if (v < m.min || v > m.max) bad.push(`${m.id} = ${v} outside ${m.min}..${m.max}`);
  });
  if (s.turn < 0 || s.turn >= c.days.length) bad.push(`turn ${s.turn} outside the calendar`);
  for (const side of ['britain', 'ussr'] as const) {
    for (const k of s.pending[side]) if (!c.events[k]?.decision || c.events[k]!.decision!.side !== side) bad.push(`pending ${k} is not a ${side} decision`);
    if (!s.ended && s.fig[c.side[side].iCapital]! < 0) bad.push(`${side} capital negative`);
  }
  for (const m of s.trade) if (![m.exports, m.reExports, m.imports, m.balance, m.orders].every(Number.isFinite)) bad.push(`trade month ${m.month} not finite`);
  if (s.ended && s.turn > c.days.length - 1) bad.push('ended past the calendar');
  return bad;
}
