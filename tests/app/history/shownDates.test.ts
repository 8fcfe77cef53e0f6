// History mode's diff of two branches and the map's incident markers date each event as its players
// were shown it (engine shownDay): history's day where it fired on history's turn, else the turn's.
// In 1932 "The incident is closed" fires in the turn of 12 December; the Commons heard it on 13 December.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, historicalPlayer, nextMove, toMove } from '../../../src/ai/index';
import { boardModel } from '../../../src/app/board';
import { eventsDiff } from '../../../src/app/history/diff';
import { diffNodes, HistoryTree, seatDiff, TRUNK_ID } from '../../../src/app/history/index';
import { applyMove, compile, createGame, dayOf, type GameState, isoOf, seatView } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
import { decisionStep } from './helpers';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const CLOSED = c.eventIndex.get('incident-closed')!;

describe("the branch diff's dates", () => {
  const t = HistoryTree.create(sc);
  // Moscow refuses Ovey's demand for an apology: the incident is never closed.
  const ask = decisionStep(t, 'ovey-litvinov');
  const b = t.branch(
    { node: TRUNK_ID, at: ask.index },
    { players: { britain: 'historical', ussr: 'historical' }, moves: [{ type: 'decide', side: 'ussr', event: 'ovey-litvinov', option: 'refuse' }] },
  );
  if (!b.ok) throw new Error(b.error);
  t.playComputers(b.value.id);

  it('an event only in one branch, under the day its players were shown', () => {
    for (const d of [diffNodes(t, TRUNK_ID, b.value.id), seatDiff(t, TRUNK_ID, b.value.id, 'britain')]) {
      const closed = d.events.onlyA.find(e => e.event === 'incident-closed')!;
      expect(isoOf(closed.day)).toBe('1932-12-12');
      expect(isoOf(closed.shown)).toBe('1932-12-13');
    }
  });

  it("a decision under its event's date, not its turn's", () => {
    const x = diffNodes(t, TRUNK_ID, b.value.id).decisions.find(d => d.event === 'ovey-litvinov')!;
    expect(x.same).toBe(false);
    expect(x.a!.shown).toBe(dayOf(sc.events.find(e => e.id === 'ovey-litvinov')!.date!));
    expect(x.a!.shown).not.toBe(x.a!.day);
  });

  it('an event on other dates: history’s day on history’s turn, the turn’s day on another', () => {
    const fa = t.state(TRUNK_ID).fired;
    const fb = Int32Array.from(fa);
    fb[CLOSED] = dayOf('1932-12-26');
    const moved = eventsDiff(c, fa, fb).moved.find(e => e.event === 'incident-closed')!;
    expect([isoOf(moved.aShown), isoOf(moved.bShown)]).toEqual(['1932-12-13', '1932-12-26']);
    expect([isoOf(moved.aDay), isoOf(moved.bDay)]).toEqual(['1932-12-12', '1932-12-26']);
  });
});

describe("the map's incident markers", () => {
  it('date an incident as its report did, and age it by the turn it fired on', () => {
    let s: GameState = createGame(sc, 'markers');
    const rngs = { britain: aiRng('markers', 'britain'), ussr: aiRng('markers', 'ussr') };
    const turn = c.days.indexOf(dayOf('1932-12-12'));
    while (!s.ended && s.fired[CLOSED]! < 0) {
      const side = toMove(s, 'britain') ? 'britain' : 'ussr';
      const r = applyMove(sc, s, nextMove(c, seatView(c, s, side, AI_VIEW), historicalPlayer, rngs[side])!);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    expect(s.turn).toBe(turn);
    const m = boardModel(c, seatView(c, s, 'britain'));
    const closed = m.incidents.find(i => i.title === c.events[CLOSED]!.title)!;
    expect(isoOf(closed.day)).toBe('1932-12-13');
    expect(closed.age).toBe(0);
    expect(closed.place).toBe('london');
  });
});
