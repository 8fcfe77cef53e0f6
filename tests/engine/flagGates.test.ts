// Flag gates (compiled.ts, Gated; link/conditions.ts, flagGates): the flag an action's or event's
// condition needs set and the one it needs clear, read before its closure. They must never shut
// out a condition that holds: on every state of games played by personas and at random, and of
// worlds sampled from the seats' views, a record whose gates are shut has a condition that fails.
// And what the calendar alone settles of a condition (decidedOn), by which a turn's lists leave
// out the actions and events that cannot pass (tests/engine/shortcuts.test.ts checks the lists).
import { describe, expect, it } from 'vitest';
import { AI_VIEW, makePlayer, runGame } from '../../src/ai/index';
import { gatesOpen } from '../../src/engine/compiled';
import { compile, createGame, type GameState, sampleState, seatView } from '../../src/engine/index';
import { decidedOn, flagGates } from '../../src/engine/link/conditions';
import { openRng, seedRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe('flagGates', () => {
  it('finds the first flag needed set and the first needed clear among the parts that must all hold', () => {
    expect(flagGates({ k: 'flag', flag: 3, before: null, after: null })).toEqual({ gateSet: 3, gateClear: -1 });
    expect(flagGates({ k: 'flagAge', flag: 4, gte: 10 })).toEqual({ gateSet: 4, gateClear: -1 });
    expect(
      flagGates({
        k: 'all',
        of: [
          { k: 'fig', fig: 0, gte: 1 },
          {
            k: 'all',
            of: [
              { k: 'noFlag', flag: 7 },
              { k: 'flag', flag: 5, before: null, after: null },
            ],
          },
          { k: 'flag', flag: 6, before: null, after: null },
          { k: 'noFlag', flag: 8 },
        ],
      }),
    ).toEqual({ gateSet: 5, gateClear: 7 });
  });

  it('takes no gate from a part that need not hold (any, not) or from a flag no effect sets', () => {
    const flag = (f: number) => ({ k: 'flag' as const, flag: f, before: null, after: null });
    expect(flagGates({ k: 'any', of: [flag(1), flag(2)] })).toEqual({ gateSet: -1, gateClear: -1 });
    expect(flagGates({ k: 'not', cond: flag(1) })).toEqual({ gateSet: -1, gateClear: -1 });
    expect(flagGates({ k: 'all', of: [flag(-1), { k: 'noFlag', flag: -1 }] })).toEqual({ gateSet: -1, gateClear: -1 });
    expect(flagGates(null)).toEqual({ gateSet: -1, gateClear: -1 });
  });
});

describe('decidedOn', () => {
  const from = (day: number) => ({ k: 'from' as const, day }),
    until = (day: number) => ({ k: 'until' as const, day }),
    flag = { k: 'flag' as const, flag: 1, before: null, after: null };
  it('settles from, until and what they settle of all, any and not, on a day; leaves the rest to the state', () => {
    expect(decidedOn(from(10), 9)).toBe(false);
    expect(decidedOn(from(10), 10)).toBe(true);
    expect(decidedOn(until(10), 10)).toBe(true);
    expect(decidedOn(until(10), 11)).toBe(false);
    expect(decidedOn({ k: 'all', of: [flag, from(10)] }, 9)).toBe(false);
    expect(decidedOn({ k: 'all', of: [flag, from(10)] }, 10)).toBeNull();
    expect(decidedOn({ k: 'all', of: [from(5), until(10)] }, 7)).toBe(true);
    expect(decidedOn({ k: 'any', of: [flag, until(10)] }, 9)).toBe(true);
    expect(decidedOn({ k: 'any', of: [flag, until(10)] }, 11)).toBeNull();
    expect(decidedOn({ k: 'any', of: [until(3), { k: 'all', of: [from(5), until(7)] }, from(20)] }, 10)).toBe(false);
    expect(decidedOn({ k: 'not', cond: until(10) }, 11)).toBe(true);
    expect(decidedOn({ k: 'not', cond: flag }, 11)).toBeNull();
    expect(decidedOn(flag, 11)).toBeNull();
    expect(decidedOn(null, 11)).toBeNull();
  });
});

describe.each(['1927', '1929', '1932'])('flag gates in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);

  it('never shut out a condition that holds, and do shut out some on these states', () => {
    const states: GameState[] = [];
    for (const [seed, kind] of [
      ['gate-1', 'persona'],
      ['gate-2', 'random'],
      ['gate-3', 'historical'],
    ] as const) {
      const players = { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') };
      runGame(sc, createGame(sc, seed, { record: false }), players, false, s => states.push(s));
    }
    // Worlds drawn from the seats' views too: a playout's states, figures the seat cannot see filled in.
    const rng = openRng(seedRng(`gate-${id}`));
    for (let k = 0; k < states.length; k += 7) for (const side of SIDES) states.push(sampleState(c, seatView(c, states[k]!, side, AI_VIEW), rng));
    let shut = 0;
    for (const s of states)
      for (const x of [...c.actions, ...c.events]) {
        if (!x.when || gatesOpen(x, s)) continue;
        shut++;
        expect(x.when(s), `${x.id} on turn ${s.turn}`).toBe(false);
      }
    // The gates do shut out conditions in these games (else this test would check nothing).
    expect(shut).toBeGreaterThan(100);
    expect([...c.actions, ...c.events].filter(x => x.gateSet >= 0 || x.gateClear >= 0).length).toBeGreaterThan(10);
  });
});
