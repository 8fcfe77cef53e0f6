// What one side may see. The other side's orders, pending decisions, political capital and,
// unless intelligence is good, its ministers' stances and moods are hidden (null).
import type { Compiled } from './compile';
import type { GameState, NewsItem, Offer } from './types';
import { other, type Side } from './vocab';

/** Intelligence at or above this shows the other cabinet's stances (roughly). */
export const INTEL_SIGHT = 50;

export interface PlayerView {
  side: Side;
  turn: number;
  day: number;
  fig: (number | null)[];
  flags: number[];
  relations: GameState['relations'];
  fired: number[];
  chosen: number[];
  taken: number[];
  pending: number[];
  ordersGiven: boolean;
  otherOrdersGiven: boolean;
  offers: Offer[];
  agreed: GameState['agreed'];
  trade: GameState['trade'];
  news: NewsItem[];
  ended: GameState['ended'];
}

export function hiddenFigures(c: Compiled, s: GameState, side: Side): boolean[] {
  const them = other(side);
  const sees = s.fig[c.side[side].iIntel]! >= INTEL_SIGHT;
  return c.figs.map(f => {
    if (f.side !== them) return false;
    if (f.kind === 'capital') return true;
    if (f.kind === 'stance' || f.kind === 'mood') return !sees;
    return false;
  });
}

export function playerView(c: Compiled, s: GameState, side: Side): PlayerView {
  const hide = hiddenFigures(c, s, side);
  const fig = s.fig.map((v, i) => (hide[i] ? null : v));
  // The news of the last turn and this one.
  const since = c.days[Math.max(0, s.turn - 1)]!;
  const news: NewsItem[] = [];
  for (let n = s.news; n && n.e.day >= since; n = n.n) if (n.e.side === undefined || n.e.side === side) news.push(n.e);
  news.reverse();
  return {
    side, turn: s.turn, day: c.days[s.turn]!, fig, flags: s.flags, relations: s.relations, fired: s.fired, chosen: s.chosen,
    taken: s.taken, pending: s.pending[side], ordersGiven: s.orders[side] !== null, otherOrdersGiven: s.orders[other(side)] !== null,
    // Offers the other side has sent are seen only once they arrive.
    offers: s.offers.filter(o => o.from === side || o.status !== 'sent'),
    agreed: s.agreed, trade: s.trade, news, ended: s.ended,
  };
}
