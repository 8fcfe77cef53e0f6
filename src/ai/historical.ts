// The historical player: takes the historical option at every decision and gives, each turn, the
// orders the scenario records for those dates. It turns down every note, as both governments did.

import type { Order } from '../engine/types';
import type { Player } from './player';

export const historicalPlayer: Player = {
  kind: 'historical',
  decide(_ctx, ev) {
    return ev.decision!.options.find(o => o.historical)!.id;
  },
  orders(ctx) {
    const { c, side, state: s, view } = ctx;
    const from = c.days[s.turn]!;
    const to = c.days[s.turn + 1] ?? from + 1;
    let capital = s.fig[c.side[side].iCapital]!;
    const out: Order[] = [];
    for (const h of c.historyOrders) {
      if (h.side !== side || h.day < from || h.day >= to) continue;
      const a = c.actions[h.action]!;
      const given = (b: number) => out.some(o => o.kind === 'action' && o.id === c.actions[b]!.id);
      if (a.cost > capital || !view.available.includes(h.action) || given(h.action) || a.contradicts.some(given)) continue;
      capital -= a.cost;
      out.push({ kind: 'action', id: a.id });
    }
    for (const o of ctx.view.offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: false });
    return out;
  },
};
