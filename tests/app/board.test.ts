// The board model shows a side only what its view allows.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, historicalPlayer, nextMove, toMove } from '../../src/ai/index';
import { boardModel, turnEnd, turnOfDay } from '../../src/app/board';
import { applyMove, compile, createGame, dayOf, type GameState, INTEL_SIGHT, seatView } from '../../src/engine/index';
import { Play } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);

function advance(turns: number): GameState {
  let s = createGame(sc, 'board');
  const rngs = { britain: aiRng('board', 'britain'), ussr: aiRng('board', 'ussr') };
  while (!s.ended && s.turn < turns) {
    const side = toMove(s, 'britain') ? 'britain' : 'ussr';
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), historicalPlayer, rngs[side]);
    const r = applyMove(sc, s, m!);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return s;
}

describe('board model', () => {
  it('hides the other cabinet when intelligence is poor, and shows it when good', () => {
    const s = createGame(sc, 'x');
    const blind = structuredClone(s);
    blind.fig[c.side.britain.iIntel] = INTEL_SIGHT - 1;
    const m = boardModel(c, seatView(c, blind, 'britain'));
    expect(m.cabinets.ussr.length).toBeGreaterThan(8);
    expect(m.cabinets.ussr.every(k => k.mood.value === null && (k.stance === null || k.stance.value === null) && k.motives === null)).toBe(true);
    expect(m.cabinets.britain.every(k => k.mood.value !== null && k.motives !== null)).toBe(true);
    expect(m.capital.value).not.toBeNull();
    const sees = structuredClone(s);
    sees.fig[c.side.britain.iIntel] = INTEL_SIGHT;
    const m2 = boardModel(c, seatView(c, sees, 'britain'));
    expect(m2.seesOther).toBe(true);
    expect(m2.cabinets.ussr.every(k => k.mood.value !== null)).toBe(true);
  });

  it('puts the lead first in his cabinet, and lists the side’s pressure groups', () => {
    const m = boardModel(c, seatView(c, createGame(sc, 'x'), 'ussr'));
    expect(m.cabinets.ussr[0]!.isLead).toBe(true);
    expect(m.cabinets.ussr[0]!.id).toBe(sc.sides.ussr.lead);
    expect(m.gauges.map(g => g.id)).toEqual(sc.groups.filter(g => g.side === 'ussr').map(g => g.id));
    expect(m.sides.britain.standing.value).not.toBeNull();
  });

  it('shows recent placed incidents, newest first, and months with labels', () => {
    const s = advance(24);
    const m = boardModel(c, seatView(c, s, 'britain'));
    expect(m.incidents.length).toBeGreaterThan(0);
    for (const i of m.incidents) expect(i.age).toBeLessThan(4);
    expect([...m.incidents].sort((a, b) => b.day - a.day)).toEqual(m.incidents);
    expect(m.trade[0]!.label).toMatch(/^[A-Z][a-z]{2} 1927$/);
    expect(m.powers.find(p => p.id === 'poland')!.place).toBe('warsaw');
  });

  it('finds the turn of any day', () => {
    for (let t = 0; t < c.days.length; t++) expect(turnOfDay(c, c.days[t]!)).toBe(t);
    expect(turnOfDay(c, c.days[3]! + 1)).toBe(c.days[4]! > c.days[3]! + 1 ? 3 : 4);
  });
});

describe("a turn's span", () => {
  // 1932's first turn is dated Monday 25 January and runs four weeks: its telegrams of 27 and 28
  // January (history's days, shownDay) fall within it, and the top bar says to when it runs.
  const c32 = compile(loadScenarioFile('1932'));
  it("runs to the day before the next turn, and the last to the calendar's end", () => {
    const m = boardModel(c32, seatView(c32, createGame(loadScenarioFile('1932'), 'span'), 'britain'));
    expect(m.date).toBe('Monday 25 January 1932');
    expect(m.until).toBe('21 Feb');
    expect(turnEnd(c32, 0)).toBe(dayOf('1932-02-21'));
    // A turn of one day (1927's raid turns) says no span.
    const oneDay = c.days.findIndex((d, t) => c.days[t + 1] === d + 1);
    expect(oneDay).toBeGreaterThanOrEqual(0);
    const s = advance(oneDay);
    expect(s.turn).toBe(oneDay);
    expect(boardModel(c, seatView(c, s, 'britain')).until).toBeNull();
    const last = c32.days.length - 1;
    expect(turnEnd(c32, last)).toBeGreaterThanOrEqual(c32.days[last]!);
  });
});

describe('the trade chart before its first months', () => {
  // A month's figures come once it is out: 1929's game showed no figures on 21 January and January's
  // alone on 18 February, with nothing to say why or what came next. The model says which month
  // comes next and on which turn's date, as the turns of each scenario's calendar fall.
  const at = (id: string, iso: string) => {
    const p = new Play(loadScenarioFile(id), 'trade-next');
    p.until(iso);
    const m = boardModel(p.c, seatView(p.c, p.s, 'britain'));
    return { months: m.trade.map(t => t.label), next: m.tradeNext };
  };
  it('names the month to come and the date it comes, at the first turns of 1927, 1929 and 1932', () => {
    expect(at('1927', '1927-05-02')).toEqual({ months: [], next: { month: 'May 1927', short: 'May', on: '4 June' } });
    expect(at('1927', '1927-05-20')).toEqual({ months: [], next: { month: 'May 1927', short: 'May', on: '4 June' } });
    expect(at('1927', '1927-06-04')).toEqual({ months: ['May 1927'], next: { month: 'June 1927', short: 'June', on: '2 July' } });
    expect(at('1929', '1929-01-21')).toEqual({ months: [], next: { month: 'January 1929', short: 'January', on: '4 February' } });
    expect(at('1929', '1929-02-18')).toEqual({ months: ['Jan 1929'], next: { month: 'February 1929', short: 'February', on: '4 March' } });
    expect(at('1932', '1932-01-25')).toEqual({ months: [], next: { month: 'January 1932', short: 'January', on: '22 February' } });
    expect(at('1932', '1932-02-22')).toEqual({ months: ['Jan 1932'], next: { month: 'February 1932', short: 'February', on: '21 March' } });
  });

  it('says nothing of a month to come once the game has ended', () => {
    const p = new Play(loadScenarioFile('1932'), 'trade-next');
    p.finish();
    expect(boardModel(p.c, seatView(p.c, p.s, 'britain')).tradeNext).toBeNull();
  });
});
