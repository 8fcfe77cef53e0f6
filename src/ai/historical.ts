// The historical player: takes the historical option at every decision and gives, each turn, the
// orders the scenario records for those dates. It turns down every note: the record has no
// package of terms accepted by either government.
// The choice of orders is one function of what the seat may order and afford (recordedOrders), so
// the what-if explorer's trusted fast path (app/history/fastHistorical.ts) makes exactly the same
// choice from the same facts without building a seat view. It sends the notes the record has
// (history.notes), where the scenario's terms can express them. Its reasons are the record itself:
// the scenario's note on each recorded order and note, and the sources it cites.

import type { CEvent, Compiled } from '../engine/compile';
import { noteName, sideInSentence } from '../engine/labels';
import { optionOpen } from '../engine/negotiation';
import type { Offer, Order, Terms } from '../engine/types';
import type { Side } from '../engine/vocab';
import { named } from './personaReasons';
import type { Player } from './player';
import type { Alternative, Factor, Reasons } from './reasons';

/** The option the sources record at a decision. */
export const historicalOption = (ev: CEvent): string => ev.decision!.options.find(o => o.historical)!.id;

const recorded = new WeakMap<Compiled, Record<Side, number[][]>>();
/**
 * Indices in history.orders of the recorded orders dated within a side's turn (on or after its
 * day, before the next turn's), in the scenario's order: listed once per scenario, not sought
 * through every record at every turn.
 */
function recordedIn(c: Compiled, side: Side, turn: number): readonly number[] {
  let r = recorded.get(c);
  if (!r) {
    const at = (sd: Side) =>
      c.days.map((from, t) => {
        const to = c.days[t + 1] ?? from + 1;
        const ks: number[] = [];
        c.historyOrders.forEach((h, k) => {
          if (h.side === sd && h.day >= from && h.day < to) ks.push(k);
        });
        return ks;
      });
    recorded.set(c, (r = { britain: at('britain'), ussr: at('ussr') }));
  }
  return r[side][turn] ?? [];
}

/** What the historical player did besides its orders, for its reasons. */
export interface RecordKept {
  /** Indices in the scenario's history.orders of the actions given. */
  picked: number[];
  /** Recorded actions it could not give, and why. */
  passed: { k: number; why: string }[];
  /** Index in history.notes of the note sent, if any. */
  sent: number;
}

/**
 * The orders the scenario records for a side in the turn starting on `turn`: each recorded action
 * it may order (`canOrder`) and can still afford, once; the note the record has it send in these
 * days, if the channel lets it (`mayOffer`: it may send a note and every option is on offer) and
 * capital remains; and a refusal of every note awaiting its answer (the record has no note of
 * either side accepted). `kept`, if given, is filled in with what it did, for its reasons.
 */
export function recordedOrders(
  c: Compiled,
  side: Side,
  turn: number,
  capital: number,
  canOrder: (action: number) => boolean,
  offers: readonly Offer[],
  mayOffer: (terms: Terms) => boolean,
  kept?: RecordKept,
): Order[] {
  const picked = kept?.picked,
    passed = kept?.passed;
  let left = capital;
  const out: Order[] = [];
  const given = (b: number) => out.some(o => o.kind === 'action' && o.id === c.actions[b]!.id);
  for (const k of recordedIn(c, side, turn)) {
    const h = c.historyOrders[k]!;
    const a = c.actions[h.action]!;
    if (a.cost > left || !canOrder(h.action) || given(h.action) || a.contradicts.some(given)) {
      passed?.push({
        k,
        why:
          // The capital left is hidden from the other side (engine/seat.ts), which reads these reasons.
          a.cost > left
            ? `it costs ${a.cost} capital and could not be afforded this turn after the recorded orders before it`
            : !canOrder(h.action)
              ? 'this game no longer allows it here'
              : 'it was already given, or undoes an order given this turn',
      });
      continue;
    }
    left -= a.cost;
    out.push({ kind: 'action', id: a.id });
    picked?.push(k);
  }
  const from = c.days[turn]!;
  const to = c.days[turn + 1] ?? from + 1;
  const k = c.historyNotes.findIndex(n => n.side === side && n.day >= from && n.day < to);
  if (k >= 0 && left >= c.negotiation.offerCost && mayOffer(c.historyNotes[k]!.terms)) {
    out.push({ kind: 'offer', terms: { ...c.historyNotes[k]!.terms } });
    if (kept) kept.sent = k;
  }
  for (const o of offers) if (o.from !== side && o.status === 'delivered') out.push({ kind: 'reply', offer: o.n, accept: false });
  return out;
}

/** Whether two packages name the same option on every term. */
export const sameTerms = (a: Terms, b: Terms): boolean => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every(k => a[k] === b[k]);

/** The record behind a set of recorded orders, as reasons: each order with the scenario's note on it and its sources. */
function recordReasons(c: Compiled, side: Side, { picked, passed, sent }: RecordKept, refused: readonly Offer[]): Reasons {
  const rec = c.sc.history.orders;
  const name = sideInSentence(c.sc, side, true);
  const factors: Factor[] = picked.slice(0, 3).map(k => {
    const h = rec[k]!;
    const a = named(c, c.historyOrders[k]!.action);
    // A private order's note would name it: the record of a private order is kept to its date.
    const note = c.actions[c.historyOrders[k]!.action]!.public && h.note ? `: ${h.note}` : '';
    return { label: `${a.label}, ${h.date}${note}`, weight: 1, value: 1, unit: 'none', sources: a.sources };
  });
  const rejected: Alternative[] = passed.map(({ k, why }) => ({ label: `${named(c, c.historyOrders[k]!.action).label} (recorded ${rec[k]!.date})`, score: 0, why }));
  const notes = c.sc.history.notes ?? [];
  if (sent >= 0) factors.unshift({ label: `A note, ${notes[sent]!.date}: ${notes[sent]!.note}`, weight: 1, value: 1, unit: 'none', sources: notes[sent]!.sources });
  // The record's answer to a note the other side sent, where the record has that note.
  const recorded = (o: Offer) => notes.find(x => x.side !== side && sameTerms(x.terms, o.terms));
  const answers: Reasons | undefined = refused.length
    ? {
        summary: refused
          .map(o => {
            const r = recorded(o);
            return r
              ? `${name} refuses ${noteName(o.from, o.n)}, as the record has it: ${r.answer}`
              : `${name} refuses ${noteName(o.from, o.n)}: the historical player follows the record, which has no package of this game’s terms agreed in these weeks.`;
          })
          .join(' '),
        factors: refused.flatMap(o => {
          const r = recorded(o);
          return r ? [{ label: `The record: ${r.answer}`, weight: 1, value: 1, unit: 'none' as const, sources: r.sources }] : [];
        }),
        rejected: refused.map(o => ({ label: `Accept ${noteName(o.from, o.n)}`, score: 0, why: 'not in the record' })),
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
          summary: `${sideInSentence(c.sc, ev.decision!.side, true)} on “${ev.title}”: ${o.label}, the choice the sources record.`,
          factors: [{ label: `${o.label} (recorded)`, weight: 1, value: 1, unit: 'none', sources: ev.sources }],
          rejected: ev.decision!.options.filter(x => x.id !== id).map(x => ({ label: x.label, score: 0, why: 'not what was decided' })),
        };
      };
      return id;
    },
    orders({ c, side, view, state }) {
      const kept: RecordKept = { picked: [], passed: [], sent: -1 };
      const mayOffer = (terms: Terms) => view.canOffer && c.terms.every(t => optionOpen(t.options.find(o => o.id === terms[t.id])!, state));
      // Its own capital, read from the state it is asked with (a seat's own figures are as the view
      // shows them): in a search's futures that is the world's own, and the full view is not built.
      const out = recordedOrders(c, side, view.turn, state.fig[c.side[side].iCapital]!, k => view.available.includes(k), view.offers, mayOffer, kept);
      const refused = view.offers.filter(o => o.from !== side && out.some(x => x.kind === 'reply' && x.offer === o.n));
      last = () => recordReasons(c, side, kept, refused);
      return out;
    },
    why: () => last?.(),
  };
}

/** A historical player (it keeps the reasons for its last move, so each seat should have its own). */
export const historicalPlayer: Player = makeHistoricalPlayer();
