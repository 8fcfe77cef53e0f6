// A teacher's injection of one side's private decision: the teacher gives it in front of the class,
// so once it fires both sides know it happened (their news says so, and their `fired` must agree),
// while what the deciding side then chose, and every firing only its own private business caused,
// stay hidden from the other side (src/engine/seat.ts, the state's `introduced`).
import { describe, expect, it } from 'vitest';
import { compile, injectEvent, loadSave, makeSave, seatView, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { must, Play } from './helpers';

const sc = loadScenarioFile('1927');
const c = compile(sc);
// The Joint Plenum of July 1927: a decision put to the USSR in private.
const PLENUM = c.eventIndex.get('joint-plenum')!;
const LINE = 'Introduced by the teacher: The Joint Plenum.';

/** A 1927 game with the Plenum introduced by the teacher in the first turn, played until it has fired and the USSR has decided it. */
function introduced(): { g: Play; at: number; day: number } {
  const g = new Play(sc, 'plenum');
  const at = g.moves.length;
  g.s = must(injectEvent(sc, g.s, 'joint-plenum'));
  g.turn();
  const day = g.day;
  g.decideAll();
  return { g, at, day };
}

describe("a teacher's injection of one side's private decision", () => {
  it('is private business of the USSR: fired on its own date, Britain does not see it', () => {
    expect(c.events[PLENUM]!.decision?.side).toBe('ussr');
    expect(c.events[PLENUM]!.privateTo).toBe('ussr');
    const g = new Play(sc, 'plenum');
    g.until('1927-08-01');
    expect(g.s.fired[PLENUM]).toBeGreaterThanOrEqual(0);
    expect(g.s.introduced).toBeUndefined();
    expect(seatView(c, g.s, 'britain').fired[PLENUM]).toBe(-1);
    expect(seatView(c, g.s, 'ussr').fired[PLENUM]).toBe(g.s.fired[PLENUM]);
  });

  it("shows both sides the day it fired, as both sides' news says, and keeps the USSR's choice from Britain", () => {
    const { g, day } = introduced();
    expect(g.s.fired[PLENUM]).toBe(day);
    expect(g.s.chosen[PLENUM]).toBeGreaterThanOrEqual(0);
    expect(g.s.introduced?.[PLENUM]).toBe(day);
    for (const side of ['britain', 'ussr'] as const) {
      const v = seatView(c, g.s, side);
      expect(
        v.news.map(n => n.text),
        `${side}'s news`,
      ).toContain(LINE);
      expect(v.fired[PLENUM], `${side}'s fired`).toBe(day);
    }
    expect(seatView(c, g.s, 'britain').chosen[PLENUM]).toBe(-1);
    expect(seatView(c, g.s, 'ussr').chosen[PLENUM]).toBe(g.s.chosen[PLENUM]);
    // Other private decisions of the USSR are masked as before.
    const others = c.events.filter(e => e.decision?.side === 'ussr' && e.privateTo === 'ussr' && e.i !== PLENUM);
    for (const e of others) expect(seatView(c, g.s, 'britain').fired[e.i]).toBe(-1);
  });

  it('shows the other side the day the teacher introduced it, not a later firing only private business caused', () => {
    const { g, day } = introduced();
    // As if the USSR's private business set it off again later: Britain still knows only the teacher's day.
    const later = { ...g.s, fired: g.s.fired.map((x, k) => (k === PLENUM ? day + 60 : x)) };
    expect(seatView(c, later, 'britain').fired[PLENUM]).toBe(day);
    expect(seatView(c, later, 'ussr').fired[PLENUM]).toBe(day + 60);
  });

  it('is rebuilt by replaying the save, and leaves the hash of every game without an injection as it was', () => {
    const { g, at } = introduced();
    g.finish();
    const loaded = must(loadSave(sc, JSON.parse(JSON.stringify(makeSave(sc, 'plenum', g.moves, g.s, [{ event: 'joint-plenum', at }])))));
    expect(loaded.state.introduced).toEqual(g.s.introduced);
    expect(seatView(c, loaded.state, 'britain').fired).toEqual(seatView(c, g.s, 'britain').fired);
    // `introduced` only explains what a side knows: the hash of a state is the same with it or without it.
    const { introduced: _, ...without } = g.s;
    expect(stateHash(without)).toBe(stateHash(g.s));
  });
});
