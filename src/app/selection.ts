// The orders a person is putting together this turn, before they are sent: shared by the terminal
// and the browser, so both count capital and build the move the same way.
import type { Compiled, LegalAction, Order, Terms } from '../engine/index';

export interface Selection {
  actions: Set<string>;
  offer: Terms | null;
  replies: Map<number, boolean>;
}
export const emptySelection = (): Selection => ({ actions: new Set(), offer: null, replies: new Map() });

/** Capital the selected orders cost (a note costs the scenario's offerCost). */
export function selectionCost(c: Compiled, legal: readonly LegalAction[], sel: Selection): number {
  return legal.filter(a => sel.actions.has(a.id)).reduce((x, a) => x + a.cost, 0) + (sel.offer ? c.negotiation.offerCost : 0);
}

/** The orders the selection stands for, in the engine's form. */
export function ordersOf(legal: readonly LegalAction[], sel: Selection): Order[] {
  return [
    ...legal.filter(a => sel.actions.has(a.id)).map(a => a.order),
    ...(sel.offer ? [{ kind: 'offer' as const, terms: sel.offer }] : []),
    ...[...sel.replies].map(([n, accept]) => ({ kind: 'reply' as const, offer: n, accept })),
  ];
}

/**
 * Political capital as the top bar gives it: what is in hand and its ceiling ("3 (max 6)"), or, with
 * orders ticked, what they leave ("1 left of 3"), as the orders desk counts it; `title` says it whole.
 * The ceiling is held together by a no-break space: on a phone, with 1929's broken relations beside
 * it, the box wrapped "3 (max" over "6)".
 */
export function capitalLine(capital: number, spent: number, max: number, perTurn: number): { value: string; title: string } {
  const have = Math.floor(capital);
  const left = Math.max(0, Math.floor(capital - spent));
  const whole = `Political capital: ${have} in hand, at most ${max} (+${perTurn} a turn)`;
  return spent > 0
    ? { value: `${left} left of ${have}`, title: `${whole}; the orders ticked cost ${spent}, leaving ${left}. Why did it move?` }
    : { value: `${have} (max\u00a0${max})`, title: `${whole}. Why did it move?` };
}
