// Shared by the tests that a scenario's events no longer repeat history's orders (one file a scenario).
import { expect } from 'vitest';
import { makePlayer, type Player } from '../../src/ai/index';
import type { Compiled, GameState, LedgerEntry, NewsItem } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';

/** A game's ledger and news (linked lists, newest first), as arrays in the same order. */
export function ledgerOf(s: GameState): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let x = s.ledger; x; x = x.n) out.push(x.e);
  return out;
}
export function newsOf(s: GameState): NewsItem[] {
  const out: NewsItem[] = [];
  for (let x = s.news; x; x = x.n) out.push(x.e);
  return out;
}

/** A side's historical player that never gives the orders named. */
export function historicalWithout(sc: Scenario, side: Side, orders: readonly string[]): Player {
  const p = makePlayer('historical', sc, side);
  return { ...p, kind: 'historical-without', orders: ctx => p.orders(ctx).filter(o => o.kind !== 'action' || !orders.includes(o.id)) };
}

/** The day index an event fired on (-1: never) and an order was last given on (-1: never). */
export const firedOf = (c: Compiled, s: GameState, id: string): number => s.fired[c.eventIndex.get(id)!]!;
export const takenOf = (c: Compiled, s: GameState, id: string): number => s.taken[c.actions.findIndex(a => a.id === id)]!;

/** Each report fired after its order, which was given and carried the act in the ledger. */
export function expectReportsAfterOrders(c: Compiled, s: GameState, ledger: readonly { cause: string }[], reports: readonly [event: string, order: string][]): void {
  for (const [event, order] of reports) {
    expect(
      ledger.some(e => e.cause === `action:${order}`),
      order,
    ).toBe(true);
    expect(takenOf(c, s, order), order).toBeGreaterThanOrEqual(0);
    expect(firedOf(c, s, event), event).toBeGreaterThan(takenOf(c, s, order));
  }
}
