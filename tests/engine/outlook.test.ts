// The live outlook of objectives: computed from the seat view alone (states that differ only in what
// the seat cannot see give the same outlook), a measure's fraction from the visible figure, and the
// lost rules (a flag no effect clears, an event past its date, the end of the game).
import { describe, expect, it } from 'vitest';
import { compile, createGame, type GameState, objectiveOutlook, outlookFacts, type Side, seatView, seen } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { withFigs } from './helpers';

const sc27 = loadScenarioFile('1927');
const c27 = compile(sc27);
const s27 = createGame(sc27, 'outlook');
const sc32 = loadScenarioFile('1932');
const c32 = compile(sc32);
const s32 = createGame(sc32, 'outlook');

const outlookOf = (c: typeof c27, s: GameState, side: Side) => objectiveOutlook(c, seatView(c, s, side));
const one = (c: typeof c27, s: GameState, side: Side, id: string) => outlookOf(c, s, side).find(o => o.id === id)!;
const flagged = (c: typeof c27, s: GameState, flag: string, day: number): GameState => {
  const flags = s.flags.slice();
  flags[c.flagIndex.get(flag)!] = day;
  return { ...s, flags };
};

describe('objective outlook', () => {
  it('takes only a seat view: states differing in hidden things give the same outlook', () => {
    const v = seatView(c27, s27, 'ussr');
    // Baldwin's stance is hidden from Moscow at the start; the Soviet "moderates" objective measures it.
    const fig = c27.figIndex.get('stance.baldwin.rupture')!;
    expect(seen(v, fig)).toBeNull();
    const moved = withFigs(
      c27,
      { ...s27, seed: 'other', rng: { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 } },
      {
        'stance.baldwin.rupture': -50,
        'capital.britain': 1,
        'mood.churchill': 5,
      },
    );
    expect(outlookOf(c27, moved, 'ussr')).toEqual(outlookOf(c27, s27, 'ussr'));
    expect(one(c27, s27, 'ussr', 'moderates')).toEqual({ id: 'moderates', status: 'unknown', fraction: null, holds: null });
  });

  it('gives a measure objective its fraction from the visible figure', () => {
    // Standing: nothing at 30, in full at 65.
    const at = (x: number) => one(c27, withFigs(c27, s27, { 'standing.britain': x }), 'britain', 'standing');
    expect(at(47.5)).toMatchObject({ status: 'on course', fraction: 0.5 });
    expect(at(37)).toMatchObject({ status: 'at risk' });
    expect(at(37).fraction).toBeCloseTo(0.2, 12);
    expect(at(10)).toMatchObject({ status: 'at risk', fraction: 0 });
    expect(at(90)).toMatchObject({ status: 'on course', fraction: 1 });
    // A falling measure: die-hard pressure, nothing at 95, in full at 55.
    expect(one(c27, withFigs(c27, s27, { 'pressure.diehards': 75 }), 'britain', 'backbenches').fraction).toBeCloseTo(0.5, 12);
  });

  it('calls a condition on course when it holds now, at risk when not, lost when no rule can undo it', () => {
    expect(one(c27, s27, 'britain', 'no-revolt')).toMatchObject({ status: 'on course', holds: true });
    // No effect in 1927 clears "ruptured": once broken, the objective is lost.
    expect(outlookFacts(c27).clearable.has('ruptured')).toBe(false);
    expect(one(c27, flagged(c27, s27, 'ruptured', c27.days[0]!), 'britain', 'no-full-rupture')).toMatchObject({ status: 'lost', holds: false });
    // A minister out of office can come back (a figure): at risk, not lost.
    expect(one(c27, withFigs(c27, s27, { 'inOffice.cecil': 0 }), 'britain', 'cabinet-unity')).toMatchObject({ status: 'at risk', holds: false });
    // 1932: "ottawaBargain" can be set and cleared again, so striking it is at risk at the start.
    expect(one(c32, s32, 'britain', 'ottawa')).toMatchObject({ status: 'at risk', holds: false });
  });

  it('calls a flag objective lost once every event that could set it has passed its date', () => {
    const f = outlookFacts(c32);
    const who = f.setters.get('frenchPact')!;
    expect(who.open).toBe(false);
    const last = Math.max(...[...who.events].map(k => c32.events[k]!.lastDay ?? Infinity));
    expect(Number.isFinite(last)).toBe(true);
    const after = c32.days.findIndex(d => d > last);
    expect(after).toBeGreaterThan(0);
    expect(one(c32, { ...s32, turn: after }, 'ussr', 'france')).toMatchObject({ status: 'lost', holds: false });
    expect(one(c32, { ...s32, turn: after - 1 }, 'ussr', 'france')).toMatchObject({ status: 'at risk' });
  });

  it('at the end, every objective not met is lost and the rest on course', () => {
    const ended = { ...withFigs(c27, s27, { 'standing.britain': 10 }), ended: { reason: 'test', day: c27.days[0]! } } as GameState;
    const o = outlookOf(c27, ended, 'britain');
    expect(o.find(x => x.id === 'standing')!.status).toBe('lost');
    expect(o.find(x => x.id === 'no-war')!.status).toBe('on course');
    expect(outlookOf(c27, { ...ended, flags: flagged(c27, ended, 'revolt', 1).flags }, 'britain').find(x => x.id === 'no-revolt')!.status).toBe('lost');
  });
});
