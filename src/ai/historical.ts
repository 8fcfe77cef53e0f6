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

const recorded = new WeakMap<Compiled, Record<Side, Compiled['historyOrders'][]>>();
/**
 * The recorded orders dated within a side's turn (on or after its day, before the next turn's),
 * in the scenario's order: listed once per scenario, not sought through every record at every turn.
 */
function recordedIn(c: Compiled, side: Side, turn: number): Compiled['historyOrders'] {
  let r = recorded.get(c);
  if (!r) {
    const at = (sd: Side) =>
      c.days.map((from, t) => {
        const to = c.days[t + 1] ?? from + 1;
        return c.historyOrders.filter(h => h.side === sd && h.day >= from && h.day < to);
      });
    recorded.set(c, (r = { britain: at('britain'), ussr: at('ussr') }));
  }
  return r[side][turn] ?? [];
}

/**
 * The orders the scenario records for a side in the turn starting on `turn`: each recorded action
 * it may order (`canOrder`) and can still afford, once; and a refusal of every note awaiting its answer.
 */
export function recordedOrders(c: Compiled, side: Side, turn: number, capital: number, canOrder: (action: number) => boolean, offers: readonly Offer[]): Order[] {
  let left = capital;
  const out: Order[] = [];
  const given = (b: number) => out.some(o => o.kind === 'action' && o.id === c.actions[b]!.id);
  for (const h of recordedIn(c, side, turn)) {
    const a = c.actions[h.action]!;
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
