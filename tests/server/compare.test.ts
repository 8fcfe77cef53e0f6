// The class debrief's comparison (src/server/compare.ts): two groups' games, played a few turns by
// the computer's personas on their own seeds, placed on history's tree as branches. Each branch
// replays its group's game exactly (its figures at its last date are the game's own); history's
// series is the trunk's; the events listed as fired are the game's; the divergence is in words; a
// game that does not replay to the state the server holds is refused with the reason, never drawn;
// and nothing sent carries a seed.

import { describe, expect, it } from 'vitest';
import { aiRng, makePlayer, nextMove, toMove } from '../../src/ai/index';
import { HistoryTree, TRUNK_ID } from '../../src/app/history/tree';
import { applyMove, compile, createGame, type GameState, type Injection, injectEvent, isoOf, type Move, SIDES, seatView, shownDay, stateHash } from '../../src/engine/index';
import { compareGroups } from '../../src/server/compare';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);

/** A group's game: personas on both sides for `turns` turns, on its own seed; the teacher's event given at the start of turn `injectAt`, if asked. */
function play(seed: string, turns: number, inject?: { event: string; turn: number }, scn = sc): { moves: Move[]; s: GameState; injected: Injection[] } {
  const sc = scn;
  const c = compile(sc);
  let s = createGame(sc, seed);
  const moves: Move[] = [];
  const injected: Injection[] = [];
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  for (let guard = 0; guard < 500 && s.turn < turns && !s.ended; guard++) {
    if (inject && !injected.length && s.turn === inject.turn) {
      const r = injectEvent(sc, s, inject.event);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      injected.push({ event: inject.event, at: moves.length });
    }
    for (const side of SIDES) {
      if (!toMove(s, side)) continue;
      const m = nextMove(c, seatView(c, s, side), players[side], aiRng(`${seed}-${moves.length}`, side))!;
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      moves.push(m);
    }
  }
  return { moves, s, injected };
}

describe('the class debrief: groups as branches off history', () => {
  const a = play('abcde-1111', 3);
  const b = play('fghjk-2222', 2);
  const cmp = compareGroups(sc, [
    { code: 'ABCDE', seed: 'abcde-1111', moves: a.moves, hash: stateHash(a.s) },
    { code: 'FGHJK', seed: 'fghjk-2222', moves: b.moves, hash: stateHash(b.s) },
    { code: 'LMNPQ', seed: 'lmnpq-3333', moves: null },
  ]);

  it('places every group on the tree, each replaying its own game', () => {
    expect(cmp.refused).toEqual([]);
    expect(cmp.groups.map(g => g.code)).toEqual(['ABCDE', 'FGHJK', 'LMNPQ']);
    const [ga, gb, gc] = cmp.groups;
    expect(ga!.moves).toBe(a.moves.length);
    expect(ga!.status).toBe(`turn ${a.s.turn + 1} of ${c.days.length}`);
    expect(gc!.status).toBe('not started');
    // The events each lists as fired are its game's own.
    for (const [g, s] of [
      [ga!, a.s],
      [gb!, b.s],
    ] as const) {
      expect(g.fired.map(f => f.event).sort()).toEqual(
        c.events
          .filter(e => s.fired[e.i]! >= 0)
          .map(e => e.id)
          .sort(),
      );
      expect(g.divergence.length).toBeGreaterThan(20);
    }
  });

  it("dates history's events as the players were shown them: Voikov's murder 7 June, fired on the turn of 11 June", () => {
    const voikov = cmp.historyFired.find(f => f.event === 'voikov')!;
    expect(isoOf(voikov.day)).toBe('1927-06-07');
    expect(isoOf(HistoryTree.create(sc).state(TRUNK_ID).fired[c.eventIndex.get('voikov')!]!)).toBe('1927-06-11');
  });

  it('puts every group’s tracked figures and history’s on one date axis', () => {
    expect(cmp.figures.length).toBeGreaterThan(3);
    const tension = cmp.figures.find(f => f.id === 'tension')!;
    const i = c.figs.findIndex(f => f.id === 'tension');
    expect(tension.history).toHaveLength(cmp.days.length);
    // History's series is the trunk's: its first value is the scenario's start, its last the trunk's end.
    const tree = HistoryTree.create(sc);
    expect(tension.history[0]).toBe(createGame(sc, tree.seed).fig[i]);
    expect(tension.history.filter(v => v !== null).at(-1)).toBe(tree.state(TRUNK_ID).fig[i]);
    // A group's series stops where its game has got to, at the game's own value.
    const ga = tension.groups.ABCDE!;
    expect(ga).toHaveLength(cmp.days.length);
    const last = ga.length - 1 - [...ga].reverse().findIndex(v => v !== null);
    expect(cmp.days[last]).toBe(c.days[a.s.turn]);
    expect(ga[last]).toBe(a.s.fig[i]);
    expect(ga.slice(last + 1).every(v => v === null)).toBe(true);
    // History runs on past the groups.
    expect(tension.history.at(-1)).not.toBeNull();
  });

  it('names what each group decided against history, only as far as it has got', () => {
    const ga = cmp.groups[0]!;
    expect(ga.decisions.length).toBeGreaterThan(0);
    const reached = c.days[a.s.turn]!;
    for (const d of ga.decisions) {
      if (!d.group) expect(d.history!.day).toBeLessThanOrEqual(reached);
      else expect(d.group.day).toBeLessThanOrEqual(reached);
    }
    for (const e of ga.events.onlyHistory) expect(e.day).toBeLessThanOrEqual(reached);
  });

  it('refuses a game that does not replay to the state the server holds', () => {
    const bad = compareGroups(sc, [{ code: 'ABCDE', seed: 'abcde-1111', moves: a.moves, hash: 'not-the-hash' }]);
    expect(bad.groups).toEqual([]);
    expect(bad.refused[0]!.reason).toMatch(/another state/);
    const illegal = compareGroups(sc, [{ code: 'ABCDE', seed: 'abcde-1111', moves: [...a.moves, a.moves[0]!] }]);
    expect(illegal.refused[0]!.reason).toMatch(/does not replay/);
  });

  it('carries no seed', () => {
    const text = JSON.stringify(cmp);
    for (const seed of ['abcde-1111', 'fghjk-2222', 'lmnpq-3333', HistoryTree.create(sc).seed]) expect(text).not.toContain(seed);
  });
});

describe('a group whose teacher introduced an event', () => {
  // An event history's game never has (on its dice the frontier incident now breaks out on 25 May, so it no longer serves).
  const g = play('inj-7777', 4, { event: 'polish-clash', turn: 1 });
  const game = { code: 'INJEC', seed: 'inj-7777', moves: g.moves, hash: stateHash(g.s) };

  it('is placed on the tree with the event where it fell, replaying to the state the server holds', () => {
    expect(g.injected).toHaveLength(1);
    const cmp = compareGroups(sc, [{ ...game, injected: g.injected }]);
    expect(cmp.refused).toEqual([]);
    const b = cmp.groups[0]!;
    expect(b.injected).toEqual([{ event: 'polish-clash', title: 'A Polish-Soviet clash', day: c.days[1]! }]);
    // It fired in the group's game, and is listed as the group's (history never had it by then).
    expect(b.fired.map(f => f.event)).toContain('polish-clash');
    expect(b.events.onlyGroup.map(f => f.event)).toContain('polish-clash');
  });

  it('is refused with the reason if the log loses the teacher’s event, never drawn wrongly', () => {
    const cmp = compareGroups(sc, [game]);
    expect(cmp.groups).toEqual([]);
    expect(cmp.refused[0]!.reason).toMatch(/another state|does not replay/);
  });
});

describe('the class debrief dates decisions and events as their players were shown them', () => {
  // 1929: the Cabinet's word on Afghanistan, dated 23 January, is taken on the turn of 4 February.
  const sc29 = loadScenarioFile('1929');
  const c29 = compile(sc29);
  const g = play('rstuv-4444', 4, undefined, sc29);
  const cmp = compareGroups(sc29, [{ code: 'RSTUV', seed: 'rstuv-4444', moves: g.moves, hash: stateHash(g.s) }]);
  const trunk = HistoryTree.create(sc29).state(TRUNK_ID);

  it("gives each decision history's day where it was taken on history's turn", () => {
    const group = cmp.groups[0]!;
    let moved = 0;
    for (const d of group.decisions) {
      const ev = c29.events[c29.eventIndex.get(d.event)!]!;
      if (d.history) {
        const fired = trunk.fired[ev.i]!;
        expect(d.history.day, d.event).toBe(shownDay(ev, fired));
        if (d.history.day !== fired) moved++;
      }
      if (d.group) expect(d.group.day, d.event).toBe(shownDay(ev, g.s.fired[ev.i]!));
    }
    expect(moved, 'decisions whose shown day is not their turn').toBeGreaterThan(0);
    const afghan = group.decisions.find(d => d.event === 'afghan-neutrality')!;
    expect(afghan.history!.day).toBeLessThan(c29.days[1]!);
  });
});
