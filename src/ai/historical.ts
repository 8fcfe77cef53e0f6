// The historical player: takes the historical option at every decision and gives, each turn, the
// orders the scenario records for those dates. It turns down every note, as both governments did.
// The choice of orders is one function of what the seat may order and afford (recordedOrders), so
// the what-if explorer's trusted fast path (app/history/fastHistorical.ts) makes exactly the same
// choice from the same facts without building a seat view. Its reasons are the record itself: the
// scenario's note on each recorded order, and the sources it cites.

import type { CEvent, Compiled } from '../engine/compile';
import type { Offer, Order } from '../engine/types';
import type { Side } from '../engine/vocab';
import { named } from './personaReasons';
import type { Player } from './player';
import type { Alternative, Factor, Reasons } from './reasons';

/** The option the sources record at a decision. */
export const historicalOption = (ev: CEvent): string => ev.decision!.options.find(o => o.historical)!.id;

/**
 * The orders the scenario records for a side in the turn starting on `turn`: each recorded action
 * it may order (`canOrder`) and can still afford, once; and a refusal of every note awaiting its
 * answer. `picked`, if given, receives the index in the scenario's history.orders of each action
 * given, and `passed` of each recorded one it could not give, with why.
 */
export function recordedOrders(
  c: Compiled,
  side: Side,
  turn: number,
  capital: number,
  canOrder: (action: number) => boolean,
  offers: readonly Offer[],
  picked?: number[],
  passed?: { k: number; why: string }[],
): Order[] {
  const from = c.days[turn]!;
  const to = c.days[turn + 1] ?? from + 1;
  let left = capital;
  const out: Order[] = [];
  c.historyOrders.forEach((h, k) => {
    if (h.side !== side || h.day < from || h.day >= to) return;
    const a = c.actions[h.action]!;
    const given = (b: number) => out.some(o => o.kind === 'action' && o.id === c.actions[b]!.id);
    if (a.cost > left || !canOrder(h.action) || given(h.action) || a.contradicts.some(given)) {
      passed?.push({
        k,
        why:
          a.cost > left ? `it costs ${a.cost} and ${left} capital was left` : !canOrder(h.action) ? 'this game no longer allows it here' : 'it was already given, or undoes an order given this turn',
      });
      return;
    }
    left -= a.cost;
    out.push({ kind: 'action', id: a.id });
    picked?.push(k);
  });
  for (const o of offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: false });
  return out;
}

/** The record behind a set of recorded orders, as reasons: each order with the scenario's note on it and its sources. */
function recordReasons(c: Compiled, side: Side, picked: readonly number[], passed: readonly { k: number; why: string }[], refused: readonly number[]): Reasons {
  const rec = c.sc.history.orders;
  const name = c.sc.sides[side].name;
  const factors: Factor[] = picked.slice(0, 3).map(k => {
    const h = rec[k]!;
    const a = named(c, c.historyOrders[k]!.action);
    // A private order's note would name it: the record of a private order is kept to its date.
    const note = c.actions[c.historyOrders[k]!.action]!.public && h.note ? `: ${h.note}` : '';
    return { label: `${a.label}, ${h.date}${note}`, weight: 1, value: 1, sources: a.sources };
  });
  const rejected: Alternative[] = passed.map(({ k, why }) => ({ label: `${named(c, c.historyOrders[k]!.action).label} (recorded ${rec[k]!.date})`, score: 0, why }));
  const answers: Reasons | undefined = refused.length
    ? {
        summary: `${name} refuses note${refused.length > 1 ? 's' : ''} ${refused.join(', ')}: the historical player follows the record, in which no package of this game's terms was agreed in these weeks (${c.sc.history.summary.split('. ')[0]}.).`,
        factors: [],
        rejected: refused.map(n => ({ label: `Accept note ${n}`, score: 0, why: 'not in the record' })),
      }
    : undefined;
  const acts = picked.map(k => named(c, c.historyOrders[k]!.action).label);
  const summary = `${name} gives the orders the record gives for these dates${acts.length ? `: ${acts.join(', ')}` : ': none are recorded'}.${answers ? ` ${answers.summary}` : ''}`;
  return { summary, factors, rejected, ...(answers ? { answers } : {}) };
}

/** The historical player; a fresh one keeps its own last reasons (why()). */
export function makeHistoricalPlayer(): Player {
  let last: (() => Reasons) | undefined;
  return {
    kind: 'historical',
    decide({ c }, ev) {
      const id = historicalOption(ev);
      last = () => {
        const o = ev.decision!.options.find(x => x.id === id)!;
        return {
          summary: `${c.sc.sides[ev.decision!.side].name} on ${ev.title}: ${o.label}, the choice the sources record.`,
          factors: [{ label: `${o.label} (recorded)`, weight: 1, value: 1, sources: ev.sources }],
          rejected: ev.decision!.options.filter(x => x.id !== id).map(x => ({ label: x.label, score: 0, why: 'not what was decided' })),
        };
      };
      return id;
    },
    orders({ c, side, view }) {
      const picked: number[] = [];
      const passed: { k: number; why: string }[] = [];
      const out = recordedOrders(c, side, view.turn, view.figures[c.side[side].iCapital]!, k => view.available.includes(k), view.offers, picked, passed);
      const refused = out.flatMap(o => (o.kind === 'reply' ? [o.offer] : []));
      last = () => recordReasons(c, side, picked, passed, refused);
      return out;
    },
    why: () => last?.(),
  };
}

/** A historical player (it keeps the reasons for its last move, so each seat should have its own). */
export const historicalPlayer: Player = makeHistoricalPlayer();
