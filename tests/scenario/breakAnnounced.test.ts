// 1927's break: the Cabinet decides it in secret on 23 May, Baldwin announces it (and reads the
// telegrams) in the Commons on 24 May, and the Note goes to Rosengolts on 27 May (thesis L3474-3505,
// L3555-3568). Relations are a public fact announced to both sides, so the Cabinet's options set only
// Britain's private flags and the public break-announced event of the next turn carries the change;
// the telegrams' publication, with Moscow changing its codes, goes with the reading of 24 May.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, type Player, runGame } from '../../src/ai/index';
import { compile, createGame, type GameState, isoOf, type Move, replay, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const fig = (id: string) => c.figIndex.get(id)!;
const ev = (id: string) => c.eventIndex.get(id)!;
const dayOf = (s: GameState) => isoOf(c.days[s.turn]!);

function historicalGame(britain: Player = makePlayer('historical', sc, 'britain')) {
  return runGame(sc, createGame(sc, seed, { record: true }), { britain, ussr: makePlayer('historical', sc, 'ussr') }, true);
}

function stateAfter(moves: readonly Move[]): GameState {
  const r = replay(sc, seed, [...moves]);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** What Moscow's seat reads of relations and of the break. */
function moscowSees(s: GameState) {
  const v = seatView(c, s, 'ussr');
  return {
    relations: v.relations,
    breakNews: v.news.filter(n => n.headline === 'relations' || /break/i.test(n.text)).map(n => n.text),
    intel: v.figures[fig('intel.britain')]!,
  };
}

describe('1927: the break of 23 May is announced on 24 May', () => {
  it("Moscow's seat reads nothing of the Cabinet's decision on 23 May, and the break on 24 May", () => {
    const { moves, state } = historicalGame();
    const at = moves.findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    expect(moves[at]).toMatchObject({ side: 'britain', option: 'break-publish' });
    const before = stateAfter(moves.slice(0, at));
    const decided = stateAfter(moves.slice(0, at + 1));
    expect(dayOf(decided)).toBe('1927-05-23');
    expect(decided.relations).toBe('full');
    const seen = moscowSees(decided);
    expect(seen.relations).toBe('full');
    expect(seen.breakNews).toEqual([]);
    // The telegrams are not read yet: Moscow has no reason to change its codes.
    expect(seen.intel).toBe(moscowSees(before).intel);

    let k = at + 1;
    while (dayOf(stateAfter(moves.slice(0, k))) === '1927-05-23') k++;
    const next = stateAfter(moves.slice(0, k));
    expect(dayOf(next)).toBe('1927-05-24');
    const told = moscowSees(next);
    expect(told.relations).toBe('ruptured');
    expect(told.breakNews.length).toBeGreaterThan(0);
    expect(told.intel).toBeLessThan(seen.intel - 30);
    expect(isoOf(next.fired[ev('break-announced')]!)).toBe('1927-05-24');
    expect(isoOf(next.fired[ev('baldwin-statement')]!)).toBe('1927-05-24');

    // History's course from there is as before: the framing on 24 May, the Note on 27 May, the
    // missions gone by the first weekly turn after their ten days, relations broken to the end.
    expect(isoOf(state.fired[ev('framing-the-note')]!)).toBe('1927-05-24');
    expect(isoOf(state.fired[ev('the-note')]!)).toBe('1927-05-27');
    expect(isoOf(state.fired[ev('missions-leave')]!)).toBe('1927-06-04');
    expect(isoOf(state.fired[ev('niemeyer-bogey')]!)).toBe('1927-05-25');
    expect(state.relations).toBe('protecting');
  });

  it('telegrams published by an order before 23 May are not published again by the Cabinet\'s "Break, and publish"', () => {
    const p = makePlayer('historical', sc, 'britain');
    let ordered = false;
    const britain: Player = {
      kind: 'historical-but',
      decide: (ctx, e) => p.decide(ctx, e),
      orders: ctx => {
        const o = p.orders(ctx);
        if (isoOf(ctx.view.day) !== '1927-05-20') return o;
        ordered = true;
        return [...o.filter(x => x.kind !== 'action' || x.id !== 'publish-intercepts'), { kind: 'action', id: 'publish-intercepts' }];
      },
    };
    const { moves, state } = historicalGame(britain);
    expect(ordered).toBe(true);
    expect(moves.some(m => m.type === 'decide' && m.event === 'rupture-vote' && m.option === 'break-publish')).toBe(true);
    const codes: string[] = [];
    const cases: string[] = [];
    for (let x = state.ledger; x; x = x.n) {
      if (x.e.fig === fig('intel.britain') && x.e.delta <= -39) codes.push(`${isoOf(x.e.day)} ${x.e.cause}`);
      if (x.e.fig === fig('publicCase') && x.e.delta >= 19) cases.push(`${isoOf(x.e.day)} ${x.e.cause}`);
    }
    // One publication, on the day of the order; the reading of 24 May adds nothing to it.
    expect(codes).toEqual(['1927-05-20 action:publish-intercepts']);
    expect(cases).toEqual(['1927-05-20 action:publish-intercepts']);
  });
});

/** History's players, Britain's Cabinet choosing `option` at `event`; the states before and after that decision and on the next turn. */
function choosing(event: string, option: string) {
  const p = makePlayer('historical', sc, 'britain');
  const britain: Player = { kind: 'historical-but', decide: (ctx, e) => (e.id === event ? option : p.decide(ctx, e)), orders: ctx => p.orders(ctx) };
  const { moves } = historicalGame(britain);
  const at = moves.findIndex(m => m.type === 'decide' && m.event === event);
  const decided = stateAfter(moves.slice(0, at + 1));
  let k = at + 1;
  while (stateAfter(moves.slice(0, k)).turn === decided.turn) k++;
  return { before: stateAfter(moves.slice(0, at)), decided, next: stateAfter(moves.slice(0, k)) };
}

describe('1927: every way the Cabinet breaks is told to Moscow on the next turn', () => {
  it.each([
    ['rupture-vote', 'break-publish'],
    ['rupture-vote', 'break-secret'],
    ['rupture-vote', 'break-close-arcos'],
    ['rupture-vote', 'publish-only'],
    ['cabinet-19-may', 'chamberlain-draft'],
  ])('%s: %s', (event, option) => {
    const { before, decided, next } = choosing(event, option);
    const seen = seatView(c, decided, 'ussr');
    const was = seatView(c, before, 'ussr');
    // On the day of the decision Moscow's seat reads no change of relations, no news of a break and
    // none of the figures the break or the publication moves. (The engine's own rules for any Cabinet
    // decision, the parties' reaction to it and the cost of a lost vote, still move pressures and
    // standing that day, their cause withheld.)
    expect(seen.relations).toBe('full');
    expect(seen.news.filter(n => n.headline === 'relations' || /break/i.test(n.text))).toEqual([]);
    for (const id of ['intel.britain', 'publicCase', 'standing.ussr', 'warScare', 'tension', 'trade.credit', 'trade.diversion', 'propaganda', 'intel.ussr'])
      expect(seen.figures[fig(id)], id).toBe(was.figures[fig(id)]);
    // On the next turn both sides read what was decided (the Cabinet may have refused a break).
    const broke = decided.flags[c.flagIndex.get('ruptured')!]! >= 0;
    expect(next.relations).toBe(broke ? 'ruptured' : 'full');
    expect(next.fired[ev('break-announced')]! >= 0).toBe(broke);
    const published = decided.flags[c.flagIndex.get('telegramsToRead')!]! >= 0;
    expect(seatView(c, next, 'ussr').figures[fig('intel.britain')]! < seen.figures[fig('intel.britain')]! - 30).toBe(published);
  });
});
