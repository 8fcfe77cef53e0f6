// Shared by the tests that a scenario's events no longer repeat history's orders (one file a scenario).
import { expect } from 'vitest';
import type { Compiled, GameState } from '../../src/engine/index';

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
