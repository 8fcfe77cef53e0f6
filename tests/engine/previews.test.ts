// Previews held to outcomes. For every order and option open in the first turns of each scenario,
// over many seeds, the order (alone) or option is applied and each figure's change is measured:
// an order against the same seed's turn with no order, up to the end of the turn's resolution
// (the next turn's events are left out: the dice they throw differ once an order has thrown one);
// an option against the state just before the decision. Then:
// - a figure the preview names (by at least NAMED_MIN) moves the way it says, or stays put where
//   the preview gives it only as a chance, in at least AGREE of the seeds, judged against the branch
//   that came about (approved or refused), and its mean change over all seeds has the sign of the
//   expected change; a gamble (chance branches moving it either way, shown as a range) must land in
//   its range (give or take RANGE_SLACK) instead;
// - a figure the preview leaves out moves on average by no more than UNNAMED_MAX (figures hidden
//   from the seat are not judged: the preview may not name them).
// The cost of an order is shown as its cost, so political capital counts as named by it.
import { describe, expect, it } from 'vitest';
import {
  applyMove,
  type Compiled,
  compile,
  createGame,
  type GameState,
  legalActions,
  type Move,
  type Prediction,
  type Preview,
  type Side,
  seatLegal,
  seatOption,
  seatView,
  seen,
} from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { quiet } from './helpers';

const SEEDS = 60;
const TURNS = 3;
/** Share of seeds in which a named figure must move the way the preview says (or stay put). */
const AGREE = 0.7;
/** A named change smaller than this is not judged for its sign (a rounding of chances). */
const NAMED_MIN = 0.5;
/** Mean change allowed of a figure the preview leaves out. */
const UNNAMED_MAX = 1.5;

function must(r: ReturnType<typeof applyMove>): GameState {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Figures at the end of the turn's resolution: the final ones less what the next turn's start changed (the ledger knows). */
function resolved(c: Compiled, before: GameState, after: GameState): number[] {
  const fig = after.fig.slice();
  const day = c.days[before.turn]!;
  for (let n = after.ledger; n && n.e.day > day; n = n.n) fig[n.e.fig]! -= n.e.delta;
  return fig;
}

/** The path through the first turns: each decision answered historically (else the first option), no orders. */
function decideAll(c: Compiled, s: GameState): GameState {
  for (const side of ['britain', 'ussr'] as const) {
    while (s.pending[side].length) {
      const ev = c.events[s.pending[side][0]!]!;
      const o = ev.decision!.options.find(x => x.historical) ?? ev.decision!.options[0]!;
      s = must(applyMove(c.sc, s, { type: 'decide', side, event: ev.id, option: o.id }));
    }
  }
  return s;
}

interface Tally {
  /** Seeds in which the branch that came about (approved, refused) names the figure, and those in which it moved that way or stayed put. */
  branch: number;
  agree: number;
  /** Seeds in which the expected change names it: their observed sum, and the sum of the named signs. */
  named: number;
  sum: number;
  sign: number;
  /** Seeds in which it is left out, and its observed sum there. */
  unnamedN: number;
  unnamedSum: number;
}
type Key = string;

/** Named changes by figure; a gamble (a range with both signs) is held to its range, not a sign. */
const toMap = (c: Compiled, ps: readonly Prediction[], extra: ReadonlyMap<number, number>) => {
  const m = new Map<number, { d: number; range?: readonly [number, number] }>();
  for (const [i, d] of extra) m.set(i, { d });
  for (const p of ps) {
    const i = c.figIndex.get(p.fig)!;
    m.set(i, { d: (m.get(i)?.d ?? 0) + p.delta, ...(p.range ? { range: p.range } : {}) });
  }
  return m;
};
/** Slack on a gamble's range: the end-of-turn drifts move a figure a little too. */
const RANGE_SLACK = 1;

/** One seed's outcome of one item: `passed` says which branch came about (true when there is no vote). */
function record(tallies: Map<Key, Tally>, key: Key, c: Compiled, pv: Preview, passed: boolean, hidden: (i: number) => boolean, delta: (i: number) => number, extra: ReadonlyMap<number, number>) {
  const expected = toMap(c, pv.predicted, extra);
  // A forced item changes nothing but capital: only the expected change (empty) is held to outcomes.
  const branch = pv.forcedBy !== null ? expected : toMap(c, passed ? pv.approved : pv.refused, extra);
  for (let i = 0; i < c.figs.length; i++) {
    if (hidden(i)) continue;
    const d = delta(i);
    const k = `${key} ${c.figs[i]!.id}`;
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = { branch: 0, agree: 0, named: 0, sum: 0, sign: 0, unnamedN: 0, unnamedSum: 0 }));
    const b = branch.get(i);
    if (b !== undefined && (b.range || Math.abs(b.d) >= NAMED_MIN)) {
      t.branch++;
      if (b.range ? d >= b.range[0] - RANGE_SLACK && d <= b.range[1] + RANGE_SLACK : Math.abs(d) < 0.05 || Math.sign(d) === Math.sign(b.d)) t.agree++;
    }
    const n = expected.get(i);
    if (n === undefined) {
      t.unnamedN++;
      t.unnamedSum += d;
    } else if (!n.range && Math.abs(n.d) >= NAMED_MIN) {
      t.named++;
      t.sum += d;
      t.sign += Math.sign(n.d);
    }
  }
}

/** Whether the cabinet turned the option down (its news says so: options keep no failed record). */
function optionRefused(c: Compiled, s: GameState, label: string): boolean {
  const day = c.days[s.turn]!;
  for (let n = s.news; n && n.e.day >= day; n = n.n) if (/^The (Cabinet|Politburo) rejects: /.test(n.e.text) && n.e.text.endsWith(`: ${label}.`)) return true;
  return false;
}

function measure(id: string): { items: Set<string>; tallies: Map<Key, Tally> } {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const tallies = new Map<Key, Tally>();
  const items = new Set<string>();
  for (let seed = 0; seed < SEEDS; seed++) {
    let s = createGame(sc, `preview-${seed}`);
    for (let turn = 0; turn < TURNS && !s.ended; turn++) {
      // Options: each against the state before the decision.
      for (const side of ['britain', 'ussr'] as const) {
        for (const k of s.pending[side]) {
          const ev = c.events[k]!;
          const v = seatView(c, s, side, { ledger: false });
          for (const o of ev.decision!.options) {
            const pv = seatOption(c, v, ev, o);
            const after = must(applyMove(sc, s, { type: 'decide', side, event: ev.id, option: o.id }));
            items.add(`option ${ev.id}.${o.id}`);
            // By turn: the same item can move a figure either way as stances drift.
            const key = `turn ${turn} option ${ev.id}.${o.id}`;
            record(
              tallies,
              key,
              c,
              pv,
              !optionRefused(c, after, o.label),
              i => seen(v, i) === null,
              i => after.fig[i]! - s.fig[i]!,
              new Map(),
            );
          }
        }
      }
      s = decideAll(c, s);
      if (s.ended) break;
      // Orders: each alone against no orders, the other side's orders empty.
      const empty = (side: Side): Move => ({ type: 'orders', side, orders: [] });
      const base0 = must(applyMove(sc, must(applyMove(sc, s, empty('britain'))), empty('ussr')));
      const base = resolved(c, s, base0);
      for (const side of ['britain', 'ussr'] as const) {
        const v = seatView(c, s, side, { ledger: false });
        const other: Side = side === 'britain' ? 'ussr' : 'britain';
        for (const a of seatLegal(c, v)) {
          const mid = must(applyMove(sc, s, { type: 'orders', side, orders: [a.order] }));
          const fin = must(applyMove(sc, mid, empty(other)));
          const fig = resolved(c, s, fin);
          items.add(`order ${a.id}`);
          const key = `turn ${turn} order ${a.id}`;
          const passed = fin.failed[c.actionIndex.get(a.id)!] !== c.days[s.turn];
          record(
            tallies,
            key,
            c,
            a,
            passed,
            i => seen(v, i) === null,
            i => fig[i]! - base[i]!,
            new Map([[c.side[side].iCapital, -a.cost]]),
          );
        }
      }
      s = base0;
    }
  }
  return { items, tallies };
}

describe('previews tell the truth', () => {
  for (const id of ['1927', '1929', '1932']) {
    it(`${id}: named figures move as previewed; figures left out stay put`, () => {
      const { items, tallies } = measure(id);
      const lies: string[] = [];
      let named = 0,
        namedOk = 0,
        unnamed = 0,
        unnamedOk = 0;
      for (const [k, t] of tallies) {
        if (t.branch > 0 || t.named > 0) {
          named++;
          const rate = t.branch ? t.agree / t.branch : 1;
          const meanOk = t.named === 0 || Math.sign(t.sum) === Math.sign(t.sign) || Math.abs(t.sum / t.named) < 0.05;
          if (rate >= AGREE && meanOk) namedOk++;
          else lies.push(`${k}: named in ${t.branch} seeds' outcomes, agrees in ${(rate * 100).toFixed(0)}%; expected in ${t.named}, observed mean ${t.named ? (t.sum / t.named).toFixed(2) : '-'}`);
        }
        if (t.unnamedN > 0) {
          unnamed++;
          const mean = t.unnamedSum / t.unnamedN;
          if (Math.abs(mean) <= UNNAMED_MAX) unnamedOk++;
          else lies.push(`${k}: left out in ${t.unnamedN} seeds, moves ${mean.toFixed(2)} on average`);
        }
      }
      console.log(`${id}: ${items.size} orders and options, ${SEEDS} seeds; named ${namedOk}/${named} agree, left out ${unnamedOk}/${unnamed} stay put`);
      expect(lies).toEqual([]);
    });
  }
});

describe('what a preview names, on a small cabinet', () => {
  // Hawk (stance +80 on rupture, mood 50, resigns below 40); an order against his stance that also
  // needles him: the mood rule and the effect together take him under his line if it passes.
  const sc = quiet(raw => {
    raw.actions.push({
      id: 'soothe',
      side: 'britain',
      label: 'Soothe Moscow',
      description: 'd',
      category: 'diplomacy',
      cost: 0,
      issue: 'rupture',
      direction: -1,
      cabinet: true,
      difficulty: 0,
      effects: [{ fig: 'mood.hawk', add: -5 }],
      onFail: [{ fig: 'tension', add: 3 }],
      sources: ['test'],
    });
  });
  const c = compile(sc);
  const s = createGame(sc, 'small');
  const a = legalActions(c, s, 'britain').find(x => x.id === 'soothe')!;
  const p = a.approval!;
  const named = (ps: readonly Prediction[], fig: string) => ps.find(x => x.fig === fig)?.delta ?? 0;

  it("the mood rule, the resignation it sets off, and a refusal's cost, each weighted by its chance", () => {
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(named(a.predicted, 'mood.hawk')).toBeCloseTo(p * (-5 - 8), 9); // -8: the mood rule, 10 × 0.8
    expect(named(a.predicted, 'mood.fs')).toBeCloseTo(p * 3, 9); // stance -30: the decision went his way
    expect(named(a.predicted, 'inOffice.hawk')).toBeCloseTo(-p, 9);
    expect(named(a.predicted, 'standing.britain')).toBeCloseTo(-6 * p - 4 * (1 - p), 9);
    expect(named(a.predicted, 'tension')).toBeCloseTo(3 * (1 - p), 9);
    expect(named(a.refused, 'standing.britain')).toBe(-4);
    expect(named(a.refused, 'tension')).toBe(3);
    expect(a.risks).toEqual([{ kind: 'resign', who: c.ministers.find(m => m.id === 'hawk')!.name, chance: p, what: expect.stringContaining('below 40') }]);
  });

  it('and the engine does what it said: over seeds, he resigns exactly when the vote passes', () => {
    let passes = 0;
    for (let k = 0; k < 40; k++) {
      const g = createGame(sc, `small-${k}`);
      const r1 = must(applyMove(sc, g, { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'soothe' }] }));
      const r2 = must(applyMove(sc, r1, { type: 'orders', side: 'ussr', orders: [] }));
      const passed = r2.failed[c.actionIndex.get('soothe')!]! < 0;
      if (passed) passes++;
      expect(r2.fig[c.figIndex.get('inOffice.hawk')!]).toBe(passed ? 0 : 1);
    }
    expect(passes).toBeGreaterThan(0);
    expect(passes).toBeLessThan(40);
  });
});
