// 1929 version 7: three items of the summer dated and kept as the sources have them.
// - Wise at Bad Partenkirchen (12 July) is read by both sides; that he exceeded his brief and vexed
//   Henderson is Dalton's diaries (thesis fn L7250-7255), so Henderson's mood moves in London's own
//   event (wise-overstepped), and Moscow, reading the British cabinet, sees the move with its cause withheld.
// - Moscow answers the invitation in the week of 18-24 July; its acceptance, with Dovgalevsky's
//   narrow terms, was in London on 24 July (L7490-7491, L7532-7540, fn L7556-7558): London weighs
//   the terms on the turn of 25 July, before the first meeting of 29 July.
// - The Home Office's letter on the Trade Delegation is of 19 September (fn L8713-8718): London
//   reads it on the first turn after, 24 September, before the Cabinet of 25 September.
// - The Dominions' replies of early July are known from a Foreign Office memorandum (fn L7211-7213):
//   London's papers, which Moscow does not read.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState, isoOf, type Move, replay, seatView, shownDay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const ev = (id: string) => c.events[c.eventIndex.get(id)!]!;
const henderson = c.figIndex.get('mood.henderson')!;
const firedOn = (s: GameState, id: string) => (s.fired[ev(id).i]! >= 0 ? isoOf(s.fired[ev(id).i]!) : null);
const shownOn = (s: GameState, id: string) => isoOf(shownDay(ev(id), s.fired[ev(id).i]!));

function game(britain: Player = makePlayer('historical', sc, 'britain')) {
  return runGame(sc, createGame(sc, seed, { record: true }), { britain, ussr: makePlayer('historical', sc, 'ussr') }, true);
}

/** The state as a turn opens: after the first `k` moves. */
function stateAfter(moves: readonly Move[], k: number): GameState {
  const r = replay(sc, seed, moves.slice(0, k));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('1929: Wise at Bad Partenkirchen', () => {
  it("moves Henderson's mood in London's private event, whose cause Moscow does not read", () => {
    const { moves, state } = game();
    expect(firedOn(state, 'wise-partenkirchen')).toBe('1929-07-18');
    // The first state of that turn: its events have fired, nobody has moved.
    let k = 0;
    while (isoOf(c.days[stateAfter(moves, k).turn]!) !== '1929-07-18') k++;
    const s = stateAfter(moves, k);
    const moscow = seatView(c, s, 'ussr');
    // Moscow reads the British cabinet here (so it does see Henderson's mood) ...
    expect(moscow.seesOther).toBe(true);
    const moved = moscow.ledger.filter(e => e.fig === henderson && e.day === s.fired[ev('wise-partenkirchen').i]);
    expect(moved.map(e => e.delta)).toEqual([-3]);
    // ... but not why it moved: no shared event carries it.
    expect(moved.map(e => e.cause)).toEqual(['hidden:britain']);
    expect(moscow.ledger.some(e => e.fig === henderson && e.cause === 'event:wise-partenkirchen')).toBe(false);
    expect(firedOn(state, 'wise-overstepped')).toBe('1929-07-18');
    expect(moscow.fired[ev('wise-overstepped').i]).toBe(-1);
    expect(moscow.news.map(n => n.cause)).toContain('event:wise-partenkirchen');
    expect(moscow.news.map(n => n.cause)).not.toContain('event:wise-overstepped');
    // London reads it as its own.
    const london = seatView(c, s, 'britain');
    expect(london.ledger.filter(e => e.fig === henderson && e.day === s.fired[ev('wise-partenkirchen').i]).map(e => e.cause)).toEqual(['event:wise-overstepped']);
    expect(london.news.map(n => n.cause)).toContain('event:wise-overstepped');
  });
});

describe("1929: Moscow's answer and Dovgalevsky's terms", () => {
  it('Moscow answers on the turn of 18 July, London weighs the terms on 25 July (shown 24 July), the meeting is on 29 July', () => {
    const { state } = game();
    expect(firedOn(state, 'commons-pledge')).toBe('1929-07-18');
    expect(firedOn(state, 'soviet-answer')).toBe('1929-07-18');
    expect(shownOn(state, 'soviet-answer')).toBe('1929-07-22');
    expect(firedOn(state, 'dovgalevsky-terms')).toBe('1929-07-25');
    expect(shownOn(state, 'dovgalevsky-terms')).toBe('1929-07-24');
    expect(firedOn(state, 'first-meeting')).toBe('1929-07-29');
  });

  it("a London that asks Moscow what 'procedure' covers has its answer in hand at the first meeting", () => {
    const p = makePlayer('historical', sc, 'britain');
    const clarify: Player = { kind: 'historical-but-clarify', decide: (ctx, e) => (e.id === 'dovgalevsky-terms' ? 'clarify' : p.decide(ctx, e)), orders: ctx => p.orders(ctx) };
    const { state } = game(clarify);
    const set = state.flags[c.flagIndex.get('termsClarified')!]!;
    expect(isoOf(set)).toBe('1929-07-25');
    expect(firedOn(state, 'first-meeting')).toBe('1929-07-29');
    expect(set).toBeLessThan(state.fired[ev('first-meeting').i]!);
  });
});

describe('1929: the Home Office on the Trade Delegation', () => {
  it('reaches London on the turn of 24 September, shown on its day, 19 September', () => {
    const { state } = game();
    expect(firedOn(state, 'rykov-molotov')).toBe('1929-09-16');
    expect(firedOn(state, 'home-office-immunity')).toBe('1929-09-24');
    expect(shownOn(state, 'home-office-immunity')).toBe('1929-09-19');
    expect(firedOn(state, 'home-office-immunity')! < firedOn(state, 'cabinet-mandate')!).toBe(true);
  });
});

describe("1929: the Dominions' replies", () => {
  it('are read in London only, and Moscow does not see why the figures they move moved', () => {
    const { state } = game();
    const e = ev('dominion-replies');
    expect(e.privateTo).toBe('britain');
    expect(firedOn(state, 'dominion-replies')).toBe('1929-07-11');
    const moscow = seatView(c, state, 'ussr');
    expect(moscow.fired[e.i]).toBe(-1);
    expect(moscow.ledger.some(x => x.cause === 'event:dominion-replies')).toBe(false);
    expect(seatView(c, state, 'britain').ledger.some(x => x.cause === 'event:dominion-replies')).toBe(true);
  });
});
