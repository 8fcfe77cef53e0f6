// A random player: the baseline a persona must beat. Picks options and affordable orders at random.

import type { Order } from '../engine/types';
import type { Player } from './player';

export const randomPlayer: Player = {
  kind: 'random',
  decide({ rng }, ev) {
    const opts = ev.decision!.options;
    return opts[Math.floor(rng.next() * opts.length)]!.id;
  },
  orders({ c, side, state: s, view, rng }) {
    let capital = s.fig[c.side[side].iCapital]!;
    const out: Order[] = [];
    const chosen: number[] = [];
    for (const k of view.available) {
      const a = c.actions[k]!;
      // The dice are drawn first, so a skipped contradiction leaves the stream where it was.
      if (a.cost <= capital && rng.next() < 0.3 && !a.contradicts.some(b => chosen.includes(b))) {
        capital -= a.cost;
        chosen.push(k);
        out.push({ kind: 'action', id: a.id });
      }
    }
    for (const o of view.offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: rng.next() < 0.5 });
    return out;
  },
};
