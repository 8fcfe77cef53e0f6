// The historical player: takes the historical option at every decision and gives, each turn, the
// orders the scenario records for those dates. It turns down every note, as both governments did.
// The choice of orders is one function of what the seat may order and afford (recordedOrders), so
// the what-if explorer's trusted fast path (app/history/fastHistorical.ts) makes exactly the same
// choice from the same facts without building a seat view.

import type { CEvent, Compiled } from '../engine/compile';
import type { Offer, Order } from '../engine/types';
import type { Side } from '../engine/vocab';
import type { Player } from './player';

/** The option the sources record at a decision. */
export const historicalOption = (ev: CEvent): string => ev.decision!.options.find(o => o.historical)!.id;

/**
 * The orders the scenario records for a side in the turn starting on `turn`: each recorded action
 * it may order (`canOrder`) and can still afford, once; and a refusal of every note awaiting its answer.
 */
export function recordedOrders(c: Compiled, side: Side, turn: number, capital: number, canOrder: (action: number) => boolean, offers: readonly Offer[]): Order[] {
  const from = c.days[turn]!;
  const to = c.days[turn + 1] ?? from + 1;
  let left = capital;
  const out: Order[] = [];
  for (const h of c.historyOrders) {
    if (h.side !== side || h.day < from || h.day >= to) continue;
    const a = c.actions[h.action]!;
    const given = (b: number) => out.some(o => o.kind === 'action' && o.id === c.actions[b]!.id);
    if (a.cost > left || !canOrder(h.action) || given(h.action) || a.contradicts.some(given)) continue;
    left -= a.cost;
    out.push({ kind: 'action', id: a.id });
  }
  for (const o of offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: false });
  return out;
}

export const historicalPlayer: Player = {
  kind: 'historical',
  decide(_ctx, ev) {
    return historicalOption(ev);
  },
  orders({ c, side, view }) {
    return recordedOrders(c, side, view.turn, view.figures[c.side[side].iCapital]!, k => view.available.includes(k), view.offers);
  },
};
