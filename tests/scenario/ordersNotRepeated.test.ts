// 1927 (version 8): events that told an act the record gives as a player's order. The order alone
// carries the act's effects; the event, kept as its report, fires only where the order was carried
// out and moves nothing, so on history's course the act counts once and in other games the news no
// longer reports acts the player never took. What comes whatever either side orders (Birkenhead's
// own speech, the end of the search, the failed risings in China, the ECCI's theses) is still told.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { expectReportsAfterOrders, firedOf, historicalWithout, ledgerOf, newsOf, takenOf } from './orderReports';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const fired = (s: GameState, id: string) => firedOf(c, s, id);
const taken = (s: GameState, id: string) => takenOf(c, s, id);

/** Each report and the order it reports (the thesis lines are cited in the scenario). */
const REPORTS: [event: string, order: string][] = [
  ['briand-chicherin', 'court-france'],
  ['mikoyan-italy', 'court-italy'],
  ['mikoyan-substitute', 'divert-orders'],
  ['scare-wind-down', 'damp-war-scare'],
  ['bukharin-militant', 'unleash-comintern'],
];
/** Causes in the ledger that would count an order's act a second time. */
const REPEATS = [...REPORTS.map(([e]) => `event:${e}`), 'event:birkenhead-softens', 'option:ecci-theses.amplify'];

/** The historical Soviet player without the given orders, choosing `protest` on 13 May. */
function moscowWithout(orders: readonly string[], protest: string): Player {
  const p = historicalWithout(sc, 'ussr', orders);
  return { ...p, decide: (ctx, e) => (e.id === 'rosengolts-protest' ? protest : p.decide(ctx, e)) };
}

describe("1927: events no longer repeat history's orders", () => {
  it("on history's course each act counts once: the order's, reported after it", () => {
    const { state } = runGame(sc, createGame(sc, seed, { record: true }), { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') }, true);
    const ledger = ledgerOf(state);
    for (const cause of REPEATS)
      expect(
        ledger.filter(e => e.cause === cause),
        cause,
      ).toEqual([]);
    expectReportsAfterOrders(c, state, ledger, REPORTS);
    // The alarm was ordered on 1 June: the theses are news, not a second alarm to sound.
    expect(taken(state, 'war-scare-campaign')).toBeGreaterThanOrEqual(0);
    expect(fired(state, 'ecci-theses')).toBe(-1);
    expect(fired(state, 'ecci-theses-adopted')).toBeGreaterThanOrEqual(0);
    // Birkenhead still speaks, and moves nothing; Britain's reassurance is the order's.
    expect(fired(state, 'birkenhead-softens')).toBeGreaterThanOrEqual(0);
    expect(ledger.some(e => e.cause === 'action:reassure-europe')).toBe(true);
    // Moscow protested and alleged forgery on 13 May: Boev repeats it, and only the protest moves the case.
    expect(ledger.filter(e => e.why === 'the forgery charge')).toEqual([]);
    expect(newsOf(state).filter(n => n.cause === 'event:raid-ends' && /forged/.test(n.text))).toHaveLength(1);
    expect(fired(state, 'china-risings-fail')).toBeGreaterThanOrEqual(0);
  });

  it('where Moscow gives none of those orders and answers the raid quietly, none of them is reported', () => {
    const orders = [...REPORTS.map(([, o]) => o), 'war-scare-campaign', 'tomsky-appeal'];
    const ussr = moscowWithout(orders, 'quiet-approach');
    const { state } = runGame(sc, createGame(sc, seed, { record: true }), { britain: makePlayer('historical', sc, 'britain'), ussr }, true);
    for (const o of orders) expect(taken(state, o), o).toBe(-1);
    for (const [event] of REPORTS) expect(fired(state, event), event).toBe(-1);
    // No alarm ordered: the question of the alarm is put to Moscow with the theses.
    expect(fired(state, 'ecci-theses')).toBeGreaterThanOrEqual(0);
    expect(fired(state, 'ecci-theses-adopted')).toBe(-1);
    // What comes whatever Moscow orders is still told.
    for (const e of ['raid-ends', 'birkenhead-softens', 'china-risings-fail']) expect(fired(state, e), e).toBeGreaterThanOrEqual(0);
    expect(newsOf(state).filter(n => /forg/i.test(n.text))).toEqual([]);
    // The committee's failure is the Berlin deadlock, not a rebuff of an appeal Tomsky never made.
    const arjc = c.events[c.eventIndex.get('stalin-disowns-arjc')!]!;
    expect(arjc.text).not.toMatch(/Tomsky|rebuff/);
  });

  it("Moscow answers Chamberlain's open door and Baldwin's Guildhall words only where London said them", () => {
    const hist = runGame(sc, createGame(sc, seed), { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') }).state;
    expect(taken(hist, 'open-door')).toBeGreaterThanOrEqual(0);
    expect(fired(hist, 'chicherin-interview')).toBeGreaterThan(taken(hist, 'open-door'));
    expect(fired(hist, 'rykov-reply')).toBeGreaterThan(fired(hist, 'guildhall'));
    // A London that never declares the door open and has Baldwin say nothing of Russia at the Guildhall.
    const p = makePlayer('historical', sc, 'britain');
    const britain: Player = {
      kind: 'historical-silent',
      decide: (ctx, e) => (e.id === 'guildhall' ? 'silence' : p.decide(ctx, e)),
      orders: ctx => p.orders(ctx).filter(o => o.kind !== 'action' || o.id !== 'open-door'),
    };
    const quiet = runGame(sc, createGame(sc, seed), { britain, ussr: makePlayer('historical', sc, 'ussr') }).state;
    expect(fired(quiet, 'guildhall')).toBeGreaterThanOrEqual(0);
    expect(taken(quiet, 'open-door')).toBe(-1);
    expect(fired(quiet, 'chicherin-interview')).toBe(-1);
    expect(fired(quiet, 'rykov-reply')).toBe(-1);
  });
});
