// What one side may see. The other side's orders, pending decisions, political capital and,
// unless intelligence is good, its ministers' stances and moods are hidden (null).
import type { Compiled } from './compiled';
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
  lead: GameState['lead'];
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

/** Indices of the figures a side cannot see, with and without good intelligence (cached). */
const masks = new WeakMap<Compiled, Record<Side, { sees: number[]; blind: number[] }>>();
function hiddenIndices(c: Compiled, side: Side, sees: boolean): number[] {
  let m = masks.get(c);
  if (!m) {
    const make = (me: Side, withIntel: boolean) => c.figs.flatMap((f, i) =>
      f.side === other(me) && (f.kind === 'capital' || (!withIntel && (f.kind === 'stance' || f.kind === 'mood'))) ? [i] : []);
    m = { britain: { sees: make('britain', true), blind: make('britain', false) }, ussr: { sees: make('ussr', true), blind: make('ussr', false) } };
    masks.set(c, m);
  }
  return sees ? m[side].sees : m[side].blind;
}

export function hiddenFigures(c: Compiled, s: GameState, side: Side): number[] {
  return hiddenIndices(c, side, s.fig[c.side[side].iIntel]! >= INTEL_SIGHT);
}

export function playerView(c: Compiled, s: GameState, side: Side): PlayerView {
  const fig: (number | null)[] = s.fig.slice();
  for (const i of hiddenFigures(c, s, side)) fig[i] = null;
  // The news of the last turn and this one.
  const since = c.days[Math.max(0, s.turn - 1)]!;
  const news: NewsItem[] = [];
  for (let n = s.news; n && n.e.day >= since; n = n.n) if (n.e.side === undefined || n.e.side === side) news.push(n.e);
  news.reverse();
  return {
    side, turn: s.turn, day: c.days[s.turn]!, fig, flags: s.flags, relations: s.relations, lead: s.lead, fired: s.fired, chosen: s.chosen,
    taken: s.taken, pending: s.pending[side], ordersGiven: s.orders[side] !== null, otherOrdersGiven: s.orders[other(side)] !== null,
    // Offers the other side has sent are seen only once they arrive.
    offers: s.offers.filter(o => o.from === side || o.status !== 'sent'),
    agreed: s.agreed, trade: s.trade, news, ended: s.ended,
  };
}
