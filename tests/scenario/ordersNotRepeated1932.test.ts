// 1932 (version 6): events that told an act the record gives as a player's order. The order alone
// carries the act's effects; an event kept as its report fires only where the order was carried out
// and repeats none of them, so on history's course the act counts once and in other games the news
// no longer reports acts the player never took. What comes whatever either side orders (Ovey's talks
// with Litvinov, Moscow's reading of Ottawa, Krestinsky's letter, the Geneva talk) is still told.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState } from '../../src/engine/index';
import { seatView } from '../../src/engine/seat';
import type { Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';
import { expectReportsAfterOrders, firedOf, historicalWithout, ledgerOf, takenOf } from './orderReports';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const fired = (s: GameState, id: string) => firedOf(c, s, id);
const taken = (s: GameState, id: string) => takenOf(c, s, id);
const fig = (id: string) => c.figIndex.get(id)!;

/** Each report and the order that carries its act. */
const REPORTS: [event: string, order: string][] = [
  ['simon-bogomolov', 'protest-propaganda'],
  ['thomas-bennett-understanding', 'sound-dominions'],
];
/** Effects an event had that counted an order's act a second time: [event, figure]. */
const REPEATS: [event: string, figure: string][] = [
  ['simon-bogomolov', 'trust'],
  ['thomas-bennett-understanding', 'ottawaProspects'],
  ['litvinov-depressed', 'trust'],
  ['soviet-hedge-berlin', 'trade.diversion'],
];
/** Words that told an order's act in text read whatever was ordered. */
const CLAIMS = [/thorn/i, /Lena settlement/, /blame the die-hards/, /presses the Germans/, /Ozersky test opinion|Ozersky are to test/, /MacDonald and to Runciman/];

/** What a side reads: the events it saw fire, the options of the decisions put to it, and its news. */
function readBy(s: GameState, side: Side): string {
  const v = seatView(c, s, side);
  const events = c.events.filter(e => v.fired[e.i]! >= 0);
  const options = events.flatMap(e => (e.decision?.side === side ? e.decision.options.map(o => `${o.label} ${o.text ?? ''}`) : []));
  return [...events.map(e => `${e.title}\n${e.text}`), ...options, ...v.news.map(n => n.text)].join('\n');
}

const without = (side: Side, orders: readonly string[]) => historicalWithout(sc, side, orders);

describe("1932: events no longer repeat history's orders", () => {
  it("on history's course each act counts once: the order's, reported after it", () => {
    const { state } = runGame(sc, createGame(sc, seed, { record: true }), { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') }, true);
    const ledger = ledgerOf(state);
    for (const [event, f] of REPEATS) {
      expect(fired(state, event), event).toBeGreaterThanOrEqual(0);
      expect(
        ledger.filter(e => e.cause === `event:${event}` && e.fig === fig(f)),
        `${event} ${f}`,
      ).toEqual([]);
    }
    expectReportsAfterOrders(c, state, ledger, REPORTS);
    // The acts the events no longer tell are history's orders, each given.
    for (const order of ['press-campaign', 'divert-orders', 'press-lena', 'sound-circles'])
      expect(
        ledger.some(e => e.cause === `action:${order}`),
        order,
      ).toBe(true);
  });

  it('where neither side gives those orders, no report is told and no text claims them', () => {
    const britain = without('britain', ['protest-propaganda', 'sound-dominions', 'press-lena']);
    const ussr = without('ussr', ['press-campaign', 'divert-orders', 'sound-circles']);
    const { state } = runGame(sc, createGame(sc, seed, { record: true }), { britain, ussr }, true);
    for (const o of ['protest-propaganda', 'sound-dominions', 'press-lena', 'press-campaign', 'divert-orders', 'sound-circles']) expect(taken(state, o), o).toBe(-1);
    for (const [event] of REPORTS) expect(fired(state, event), event).toBe(-1);
    // What comes whatever is ordered is still told, and read without the acts.
    for (const e of ['litvinov-depressed', 'soviet-hedge-berlin', 'geneva-shadow-boxing', 'sokolnikov-farewell', 'soviet-reply', 'maisky-chamberlain'])
      expect(fired(state, e), e).toBeGreaterThanOrEqual(0);
    for (const side of ['britain', 'ussr'] as const) {
      const text = readBy(state, side);
      for (const claim of CLAIMS) expect(text, `${side} ${claim}`).not.toMatch(claim);
    }
  });
});
