// The engine's shortcuts for speed (tables worked out when a scenario is compiled, work skipped
// that cannot change anything) agree with the plain rules they stand in for, on every scenario.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { stanceDrift } from '../../src/engine/cabinet';
import { actionIndexOf } from '../../src/engine/compile';
import { dhalfPow } from '../../src/engine/detmath';
import { addFig, closeDraft, copyState, type Draft, openDraft } from '../../src/engine/draft';
import { mtthChance } from '../../src/engine/incidents';
import { acceptance, actionAvailable, applyMove, type Compiled, compile, createGame } from '../../src/engine/index';
import { decidedOn } from '../../src/engine/link/conditions';
import { acceptanceShare, packageValue } from '../../src/engine/negotiation';
import { openRng, seedRng } from '../../src/engine/rng';
import { availableActions } from '../../src/engine/seat';
import type { GameState, Terms } from '../../src/engine/types';
import { SIDES, type Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';
import { mini } from './helpers';

const scenarios = [['mini', mini()], ...['1927', '1929', '1932'].map(id => [id, loadScenarioFile(id)] as const)] as const;

/** Every state of a few persona games, replayed move by move. */
function states(c: Compiled, games: number): GameState[] {
  const sc = c.sc,
    out: GameState[] = [];
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  for (let k = 0; k < games; k++) {
    const { moves } = runGame(sc, createGame(sc, `shortcut-${k}`), players, true);
    let s = createGame(sc, `shortcut-${k}`);
    out.push(s);
    for (const m of moves) {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      out.push((s = r.value));
    }
  }
  return out;
}

describe.each(scenarios)('shortcuts in %s', (_id, sc) => {
  const c = compile(sc);

  it('each turn lists every event that could fire on it unscheduled (eventsAt)', () => {
    c.days.forEach((day, turn) => {
      const listed = new Set(c.eventsAt[turn]);
      for (const ev of c.events) {
        // The rule as fireEvents states it, before any look at the state, less a day its condition
        // fails for the calendar alone.
        const could =
          decidedOn(ev.whenLinked, day) !== false &&
          (ev.day !== null ? ev.day <= day && (day <= ev.lastDay! || turn === 0 || c.days[turn - 1]! < ev.day) : ev.mtthDays !== null || (!ev.scheduledOnly && ev.when !== null));
        expect(listed.has(ev.i), `${ev.id} on turn ${turn}`).toBe(could);
      }
      expect([...listed]).toEqual([...listed].sort((a, b) => a - b)); // in scenario order
    });
  });

  it('each turn lists every action of a side but those its condition closes on that day for the calendar alone (sideActionsAt)', () => {
    c.days.forEach((day, turn) => {
      for (const side of SIDES) expect(c.sideActionsAt[turn]![side]).toEqual(c.sideActions[side].filter(k => decidedOn(c.actions[k]!.whenLinked, day) !== false));
    });
  });

  it('an action or event left off a turn for the calendar alone never passes its test on that turn', () => {
    let left = 0;
    for (const s of states(c, 2)) {
      const day = c.days[s.turn]!;
      for (const x of [...c.actions, ...c.events])
        if (decidedOn(x.whenLinked, day) === false) {
          left++;
          expect(x.when!(s), `${x.id} on turn ${s.turn}`).toBe(false);
        }
    }
    if (c.actions.some(a => c.days.some(d => decidedOn(a.whenLinked, d) === false))) expect(left).toBeGreaterThan(0);
  });

  it('the bounds tables match the figures, and the "never" tables match the state a game starts with', () => {
    expect([...c.figMin]).toEqual(c.figs.map(f => f.min));
    expect([...c.figMax]).toEqual(c.figs.map(f => f.max));
    const s = createGame(sc, 'never');
    expect(c.never.flags).toEqual(c.flags.map(() => -1));
    expect(c.never.events).toEqual(c.events.map(() => -1));
    expect(c.never.actions).toEqual(c.actions.map(() => -1));
    expect(s.flags).not.toBe(c.never.flags); // copied, never shared with a state
  });

  it('acceptanceShare is acceptance().share, for every note and every state of a game', () => {
    const offers: Terms[] = c.terms.length ? [Object.fromEntries(c.terms.map(t => [t.id, t.options[0]!.id])), Object.fromEntries(c.terms.map(t => [t.id, t.options.at(-1)!.id]))] : [];
    for (const s of states(c, 2)) {
      for (const o of s.offers) offers.push(o.terms);
      for (const side of SIDES) for (const t of offers) expect(acceptanceShare(c, s, side, t)).toBe(acceptance(c, s, side, t).share);
    }
  });
  it('packageValue is the sum of the value of the option chosen for each term (0 for a term left out or an unknown option)', () => {
    const rng = openRng(seedRng(`packages-${_id}`));
    for (let n = 0; n < 300; n++) {
      const terms: Terms = {};
      for (const t of c.terms) {
        const r = rng.next();
        if (r < 0.1) continue; // left out
        terms[t.id] = r < 0.2 ? 'no-such-option' : t.options[Math.floor(rng.next() * t.options.length)]!.id;
      }
      for (const side of SIDES) {
        // The plain rule, as a reduce over find().
        const plain = c.terms.reduce((v, t) => v + (t.options.find(o => o.id === terms[t.id])?.value[side] ?? 0), 0);
        expect(packageValue(c, terms, side)).toBe(plain);
      }
    }
  });
  it('each action order (actionOrders) is the plain order, and actionIndexOf finds its action as the lookup by id does', () => {
    const other = compile(scenarios.find(([id]) => id !== _id)![1]);
    c.actions.forEach((a, k) => {
      const o = c.actionOrders[k]!;
      // What any holder sees of it: the plain order, frozen.
      expect(JSON.stringify(o)).toBe(JSON.stringify({ kind: 'action', id: a.id }));
      expect({ ...o }).toEqual({ kind: 'action', id: a.id });
      expect(Object.isFrozen(o)).toBe(true);
      // Its index, the plain lookup's; and a plain order's, or one copied, looked up by id.
      expect(actionIndexOf(c, o)).toBe(c.actionIndex.get(a.id));
      expect(actionIndexOf(c, { id: a.id })).toBe(k);
      expect(actionIndexOf(c, structuredClone(o))).toBe(k);
    });
    // Another scenario's orders: their index is not taken where the action there has another id.
    for (const o of other.actionOrders) expect(actionIndexOf(c, o)).toBe(c.actionIndex.get(o.id));
    expect(actionIndexOf(c, { id: 'no-such-action' })).toBeUndefined();
  });

  it("each side's available actions, tested with actionOpen, are those actionAvailable passes, on every state of a game", () => {
    // Also made in one list refilled at every state, as a playout's view makes them: longer and shorter lists in turn.
    const list: number[] = [];
    for (const s of states(c, 2))
      for (const side of SIDES) {
        const want = c.sideActions[side].filter(k => actionAvailable(c, s, side, c.actions[k]!));
        expect(availableActions(c, s, side)).toEqual(want);
        expect(availableActions(c, s, side, list)).toEqual(want);
      }
  });

  it("a decision takes its event off the side's pending list, the rest staying in their order", () => {
    let seen = 0;
    for (const s of states(c, 3))
      for (const side of SIDES) {
        const pending = s.pending[side];
        if (pending.length < 2) continue;
        const ev = c.events[pending[0]!]!;
        const r = applyMove(sc, s, { type: 'decide', side, event: ev.id, option: ev.decision!.options[0]!.id });
        if (!r.ok) throw new Error(r.error);
        // Whatever the option sets off comes after: the first entries are the others, in order.
        expect(r.value.pending[side].slice(0, pending.length - 1)).toEqual(pending.slice(1));
        expect(s.pending[side]).toBe(pending);
        seen++;
      }
    if (c.sc.id === '1932') expect(seen).toBeGreaterThan(0);
  });

  it("a random event's chance (mtthChance, its 0.5^y remembered by event) is the rule worked out afresh, on every state of a game, at turn lengths in any order", () => {
    const random = c.events.filter(e => e.mtthDays !== null);
    const rng = openRng(seedRng('mtth-shortcut'));
    let asked = 0;
    // A few lengths a turn can have, more than the store keeps for an event, drawn at random.
    for (const s of states(c, 2))
      for (const e of random)
        for (let n = 0; n < 3; n++) {
          const days = [7, 14, 21, 28, 30, 31, 3.5][Math.floor(rng.next() * 7)]!;
          let mtth = e.mtthDays!;
          for (const m of e.mtthModifiers) if (m.when(s)) mtth *= m.factor;
          expect(mtthChance(e, s, days)).toBe(1 - dhalfPow(days / mtth));
          asked++;
        }
    if (random.length) expect(asked).toBeGreaterThan(100);
  });

  it('stance drift, over the issues groups pull on (driftIssues) and the ministers it finds in office once, moves every figure as the rule stated minister by minister on every issue', () => {
    // The same compiled scenario with every issue listed for drift.
    const every = Int32Array.from(c.issues, (_, i) => i);
    const plain: Compiled = {
      ...c,
      side: { britain: { ...c.side.britain, table: { ...c.side.britain.table, driftIssues: every } }, ussr: { ...c.side.ussr, table: { ...c.side.ussr.table, driftIssues: every } } },
    };
    const rng = openRng(seedRng(`drift-${_id}`));
    let moved = 0,
      out = 0;
    for (const [k, s0] of states(c, 1).entries()) {
      // Stances scattered over the uncommitted range and pressures over theirs, so ministers drift
      // on every issue a group pulls on; on every other such state ministers sent out of office at
      // random, so a minister out of office on an issue's turn would show.
      const s = copyState(s0);
      s.fig = s0.fig.slice();
      if (k % 2)
        for (const side of SIDES) {
          const t = c.side[side].table;
          for (const i of t.stance) s.fig[i] = Math.round(rng.next() * 120 - 60);
          for (const i of t.pressure) s.fig[i] = Math.round(rng.next() * 100);
          if (k % 4 === 1)
            for (const i of t.office)
              if (rng.next() < 0.3) {
                s.fig[i] = 0;
                out++;
              }
        }
      for (const side of SIDES) {
        const a = openDraft(c, s),
          b = openDraft(plain, s),
          r = openDraft(c, s);
        stanceDrift(a, side, 30);
        stanceDrift(b, side, 30);
        plainDrift(r, side, 30);
        const x = closeDraft(a).fig;
        expect(x).toEqual(closeDraft(b).fig);
        expect(x).toEqual(closeDraft(r).fig);
        if (x !== s.fig) moved++;
      }
    }
    expect(moved).toBeGreaterThan(10); // drift happened: a missing issue would show
    expect(out).toBeGreaterThan(0); // and ministers were out of office on some of them
  });
});

/** The drift rule stated plainly (cabinet.ts, stanceDrift): issue by issue, minister by minister in the side's order. */
function plainDrift(d: Draft, side: Side, days: number): void {
  const t = d.c.side[side].table,
    nm = t.office.length,
    ng = t.pressure.length;
  let w = 0;
  for (let g = 0; g < ng; g++) w += t.weight[g]!;
  if (ng === 0 || w === 0) return;
  for (let issue = 0; issue < d.c.issues.length; issue++)
    for (let j = 0; j < nm; j++) {
      const i = t.stance[issue * nm + j]!,
        v = d.s.fig[i]!;
      if (!(v > -50 && v < 50 && d.s.fig[t.office[j]!] !== 0)) continue;
      let pull = 0;
      for (let g = 0; g < ng; g++) pull += t.weight[g]! * (d.s.fig[t.pressure[g]!]! / 100) * t.groupStance[issue * ng + g]!;
      if (pull === 0) continue;
      const delta = (pull / w - v) * 0.01 * days;
      if (Math.abs(delta) >= 0.05) addFig(d, i, delta, 'rule:pressure-drift', 'uncommitted ministers drift with party pressure');
    }
}

describe('copyState', () => {
  it('copies every field of a state, in the same order, sharing the containers', () => {
    const sc = mini();
    for (const s of states(compile(sc), 1).filter((_, k) => k % 7 === 0)) {
      const t = copyState(s);
      expect(t).not.toBe(s);
      expect(Object.keys(t)).toEqual(Object.keys(s));
      for (const k of Object.keys(s) as (keyof GameState)[]) expect(t[k]).toBe(s[k]);
    }
  });
});
