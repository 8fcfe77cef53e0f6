// A persona plays to its side's objectives with the known leanings of the historical figure.
// Each order is scored: its objective worth if approved (its effects, an incident's consequences,
// the parties' reaction) times the cabinet's chance of approving it, plus what a refusal costs
// times the chance of one, plus the persona's leaning on the order's issue and category, less its
// cost; the best orders are given while capital lasts. Decisions, replies and offers are weighed the same way.

import { approvalChance, approvalOdds, logistic, logisticRange } from '../engine/cabinet';
import type { CAction, CEvent, Compiled, Cond, Vote } from '../engine/compile';
import type { CTerm } from '../engine/compiled';
import { acceptanceShare, optionOpen, packageValue } from '../engine/negotiation';
import type { Rng } from '../engine/rng';
import type { GameState, Order, Terms } from '../engine/types';
import { ofSide, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { type PersonaChoice, personaReasons, sentBy, type WeighedNote, type WeighedOption, type WeighedOrder } from './personaReasons';
import type { Ctx, Player } from './player';
import type { Reasons } from './reasons';
import {
  echo,
  type Gradient,
  hasSetFig,
  hasTest,
  type MoodTable,
  moodTable,
  moodValueIn,
  NO_TRADE_WEIGHTS,
  orderWorth,
  seatGradient,
  setFigsIn,
  testsIn,
  tradeDeltas,
  tradeWeights,
  weighsMoods,
} from './values';

type PersonaDef = Scenario['personas'][number];

/** A persona, which also gives its reasons for its orders as a bargaining player sent them. */
export interface PersonaPlayer extends Player {
  /**
   * Its reasons for its last orders as another player sent them with answers and a note of its own
   * (`sent`, the turn's orders): its actions alone, those dropped to pay for a note (of `noteCost`)
   * said to have made way for it (personaReasons.ts, sentBy). Undefined if its last move was a decision.
   */
  whyOrders(sent: readonly Order[], noteCost: number): Reasons | undefined;
}

function lean(c: Compiled, p: PersonaDef, v: Vote | null): number {
  if (!v) return 0;
  return ((p.leanings[c.issues[v.issue]!] ?? 0) / 100) * v.direction;
}

/**
 * Worth of every action, and of every decision option, for a side, if approved and if refused
 * (values.ts, orderWorth), and the changes each makes to the trade rule's inputs (its echo is
 * weighed turn by turn, tradeWeights): computed once per scenario. Those whose effects hold an
 * `if` are worked out afresh on the state (`actionTests`, `optionTests`).
 */
interface Values {
  /** The seat's gradient (values.ts, seatGradient), and whether it weighs any minister's mood: looked up once here, not at every move. */
  g: Gradient;
  moods: boolean;
  /** The mood rule's terms at this gradient (values.ts, moodTable). */
  moodTable: MoodTable;
  actions: number[];
  actionsRefused: number[];
  options: number[][];
  optionsRefused: number[][];
  actionTrade: Trade[];
  optionTrade: Trade[][];
  actionTests: (Tested | null)[];
  optionTests: (Tested | null)[][];
}
/**
 * An order whose effects hold an `if`: its tests (values.ts, testsIn), and its worth and trade
 * changes by their outcomes, worked out the first time each set of outcomes is met. The worth
 * depends on the state only through those outcomes, so a remembered one is the same to the last
 * number as one worked out afresh, and a persona weighs the same few orders at every turn.
 */
interface Tested {
  tests: Cond[];
  known: Map<number, Worth>;
  /** The outcomes `recalled` last found (-1: too many tests to remember by), for `remember`. */
  key: number;
  /**
   * It sets a figure its gradient weighs outright: its worth depends also on where the figures it
   * sets stand (`setFigs`, every figure its effects set), so it is remembered by their values with
   * the outcomes (`byValue`, under `valueKey`). In 1929 a playout met such an option three or four
   * times, and remembering it ran 1929's playouts some 5-9% faster (bench/playoutsAB.ts at load 3.5 to 5.7).
   */
  sets: boolean;
  setFigs: readonly number[];
  byValue: Map<string, Worth>;
  valueKey: string;
}
/** Worths remembered by figures' values for one order, at most: the figures it sets take few values in a game, but nothing bounds them. */
const BY_VALUE_MAX = 64;
/** A tested order's worth on a state: approved (before mood and echo, with `took`), refused, and its trade changes. */
interface Worth {
  yes: number;
  no: number;
  tr: Trade;
}
const testedOf = (c: Compiled, g: Gradient, effects: CAction['linked'], vote: Vote | null): Tested | null => {
  if (!hasTest(effects) && !hasTest(vote?.onFailLinked)) return null;
  // Only a figure its gradient weighs makes the worth move with where the figure stands.
  const weighs = (fig: number) => g.fig.has(fig);
  return {
    tests: testsIn(c, effects, vote?.onFailLinked),
    known: new Map(),
    key: -1,
    sets: hasSetFig(effects, weighs) || hasSetFig(vote?.onFailLinked, weighs),
    setFigs: setFigsIn(effects, vote?.onFailLinked),
    byValue: new Map(),
    valueKey: '',
  };
};
/** The outcomes of an order's tests on a state, as bits (-1 if there are too many to remember by). */
function outcomes(t: Tested, s: GameState): number {
  if (t.tests.length > 30) return -1;
  let key = 0;
  for (let j = 0; j < t.tests.length; j++) if (t.tests[j]!(s)) key |= 1 << j;
  return key;
}
/**
 * A tested order's worth on state `s` if it was worked out before for the same outcomes of its
 * tests (and, for one that sets a figure, the same values of the figures it sets); else undefined,
 * and the caller works it out and hands it to `remember`. (Two calls rather than one taking the
 * work as a callback: this runs for every tested order in every playout turn, and a closure made
 * each time cost more than the lookup.)
 */
function recalled(t: Tested, s: GameState): Worth | undefined {
  const key = (t.key = outcomes(t, s));
  if (key < 0) return undefined;
  if (!t.sets) return t.known.get(key);
  // A figure's value as text names the number exactly (a fraction too), so equal keys are equal states for this worth.
  let vk = String(key);
  for (let j = 0; j < t.setFigs.length; j++) vk += `:${s.fig[t.setFigs[j]!]}`;
  t.valueKey = vk;
  return t.byValue.get(vk);
}
function remember(t: Tested, w: Worth): Worth {
  if (t.key < 0) return w;
  if (!t.sets) t.known.set(t.key, w);
  else if (t.byValue.size < BY_VALUE_MAX) t.byValue.set(t.valueKey, w);
  return w;
}
interface Trade {
  approved: Float64Array;
  refused: Float64Array;
  /**
   * Whether each moves no trade input at all (most orders): its echo is then 0 whatever the turn,
   * and is not worked out (a call per order of every playout turn that completes a trade month).
   */
  approvedNone: boolean;
  refusedNone: boolean;
}
const noneOf = (xs: Float64Array): boolean => xs.every(x => x === 0);
function tradeOf(c: Compiled, effects: CAction['linked'], vote: Vote | null, s?: GameState): Trade {
  const approved = tradeDeltas(c, effects, s),
    refused = vote?.cabinet ? tradeDeltas(c, vote.onFailLinked, s) : new Float64Array(approved.length);
  return { approved, refused, approvedNone: noneOf(approved), refusedNone: noneOf(refused) };
}
/** The echo of a trade change (values.ts, echo): 0, as echo gives it, for a change of nothing. */
const echoOf = (c: Compiled, s: GameState, deltas: Float64Array, none: boolean, weights: readonly number[]): number => (none ? 0 : echo(c, s, deltas, weights));
const staticCache = new WeakMap<Compiled, Map<string, Values>>();
/** The values at what the seat sees: with intelligence reading the other cabinet (`sees`) or without. */
function values(c: Compiled, side: Side, sees: boolean): Values {
  let m = staticCache.get(c);
  if (!m) {
    m = new Map();
    staticCache.set(c, m);
  }
  const key = `${side}/${sees}`;
  let v = m.get(key);
  if (!v) {
    const g = seatGradient(c, side, sees);
    // An action is weighed at the publicity the engine gives an order's incident response (game.ts).
    const acts = c.actions.map(a => orderWorth(c, g, side, a.linked, a.vote, a.incident, 50));
    const opts = c.events.map(e => e.decision?.options.map(o => orderWorth(c, g, side, o.linked, o.vote, o.incident, e.publicity)) ?? []);
    v = {
      g,
      moodTable: moodTable(c, g, side),
      moods: weighsMoods(c, g, side),
      actions: acts.map((w, k) => w.approved + (g.took.get(c.actions[k]!.id) ?? 0)),
      actionsRefused: acts.map(w => w.refused),
      options: opts.map(os => os.map(w => w.approved)),
      optionsRefused: opts.map(os => os.map(w => w.refused)),
      actionTrade: c.actions.map(a => tradeOf(c, a.linked, a.vote)),
      optionTrade: c.events.map(e => e.decision?.options.map(o => tradeOf(c, o.linked, o.vote)) ?? []),
      actionTests: c.actions.map(a => testedOf(c, g, a.linked, a.vote)),
      optionTests: c.events.map(e => e.decision?.options.map(o => testedOf(c, g, o.linked, o.vote)) ?? []),
    };
    m.set(key, v);
  }
  return v;
}

export function personaFor(sc: Scenario, side: Side): PersonaDef {
  const p = sc.personas.find(x => x.side === side);
  if (!p) throw new Error(`scenario ${sc.id} has no persona for ${side}`);
  return p;
}

/**
 * The computer player for a side: the persona of whoever leads it now (a persona whose `lead` is
 * that minister), or the side's first persona. When a government falls, the new lead's persona
 * takes over.
 */
export function makeSidePersona(sc: Scenario, side: Side): PersonaPlayer {
  const defs = sc.personas.filter(x => x.side === side);
  if (!defs.length) throw new Error(`scenario ${sc.id} has no persona for ${side}`);
  const players = defs.map(makePersona);
  // One persona for the side (most scenarios): it is the side's player, asked directly; the lookup
  // below would find it whoever leads, and a call through it costs at every playout move.
  if (players.length === 1) return players[0]!;
  // The player for each minister as lead, looked up by his index (the lead changes rarely).
  let byLead: PersonaPlayer[] | undefined, byLeadFor: Compiled | undefined;
  const pick = (ctx: Ctx): PersonaPlayer => {
    if (byLeadFor !== ctx.c) {
      byLeadFor = ctx.c;
      byLead = ctx.c.ministers.map(
        m =>
          players[
            Math.max(
              0,
              defs.findIndex(p => p.lead === m.id),
            )
          ]!,
      );
    }
    return byLead![ofSide(ctx.state.lead, side)]!;
  };
  let asked: PersonaPlayer | undefined;
  return {
    kind: defs.length === 1 ? players[0]!.kind : `persona:${defs.map(d => d.id).join('|')}`,
    decide: (ctx, ev) => (asked = pick(ctx)).decide(ctx, ev),
    orders: ctx => (asked = pick(ctx)).orders(ctx),
    why: () => asked?.why?.(),
    whyOrders: (sent, noteCost) => asked?.whyOrders(sent, noteCost),
  };
}

/**
 * What a persona weighs that does not change during a game, for one side of one compiled
 * scenario: each term of an order's score apart from its expected value and the dice, and the
 * package it would propose.
 */
interface Tables {
  /** Values when the seat reads the other cabinet, and when it does not. */
  seen: Values;
  blind: Values;
  /** By action index: 2 x the leaning on its issue, the leaning on its category, 0.4 x its cost. */
  lean2: number[];
  cat: number[];
  cost: number[];
  /** By event and option: 2 x the leaning on the option's issue. */
  optionLean2: number[][];
  /**
   * By action index, the slot its cabinet vote's chance is kept in for the turn (-1: no cabinet
   * vote). Votes on the same issue, direction and difficulty share a slot: the cabinet's chance is
   * worked out once for them.
   */
  voteSlot: number[];
  /**
   * The slots' chances, reset to "not yet worked out" (-1) at each turn. Made with a fractional
   * number, so V8 keeps it as a list of doubles: a fresh copy of a list of -1s at each turn changed
   * its kind (whole to fractional numbers) at its first chance, and a typed array was slower still.
   */
  chance: number[];
  /**
   * The slots' cabinet odds (approvalOdds: the chance before its logistic curve), NaN until worked
   * out at a turn: an order whose score is below zero anywhere in the range those odds allow is
   * not given, so its chance need not be worked out (cannotBeatWithin).
   */
  odds: number[];
  /** Each term's options, the one best for the side that the other side could live with first. */
  prefs: CTerm['options'][];
  /**
   * The turn's orders that scored above zero, SCORED numbers each, and their ranking best first:
   * filled in at each turn, and read by the reasons of the last orders (ordersChoice).
   */
  scored: Float64Array;
  rank: number[];
  /**
   * The turn's orders weighed, in the order weighed (action indices), and each one's dice: kept so
   * that the nearest miss is worked out only when the reasons are asked for (nearestMiss).
   */
  weighedOrders: Int32Array;
  dice: Float64Array;
  /** The last decision's options, OPTION numbers each, in the event's order (read by decisionChoice). */
  weighed: Float64Array;
}

/**
 * Each term's options, best for the side first (worth to it, and 0.7 of their worth to the other,
 * so the package is one the other side could live with); ties keep the scenario's order.
 */
function termPrefs(c: Compiled, side: Side): CTerm['options'][] {
  return c.terms.map(t => {
    const score = (o: CTerm['options'][number]) => o.value[side] + 0.7 * o.value[side === 'britain' ? 'ussr' : 'britain'];
    return t.options
      .map((o, j) => ({ o, j, v: score(o) }))
      .sort((a, b) => b.v - a.v || a.j - b.j)
      .map(x => x.o);
  });
}

/** The note a side's persona would propose in state `s` (whatever its persona: its terms' order is the same for all), or null for none. */
export function personaNote(c: Compiled, side: Side, s: GameState): Terms | null {
  return bestOpenPackage(c, termPrefs(c, side), s, side);
}

function tables(c: Compiled, p: PersonaDef, side: Side): Tables {
  const cat = (k: string) => p.categories?.[k] ?? 0;
  const prefs = termPrefs(c, side);
  const slots = new Map<number, number>();
  const voteSlot = c.actions.map(a => {
    if (!a.vote?.cabinet) return -1;
    const key = a.vote.issue * 2 + (a.vote.direction > 0 ? 1 : 0) + 1000 * a.vote.difficulty;
    if (!slots.has(key)) slots.set(key, slots.size);
    return slots.get(key)!;
  });
  return {
    voteSlot,
    chance: [...slots.values()].map(() => 0.5),
    odds: [...slots.values()].map(() => Number.NaN),
    seen: values(c, side, true),
    blind: values(c, side, false),
    lean2: c.actions.map(a => 2 * lean(c, p, a.vote)),
    cat: c.actions.map(a => cat(a.category)),
    cost: c.actions.map(a => 0.4 * a.cost),
    optionLean2: c.events.map(e => e.decision?.options.map(o => 2 * lean(c, p, o.vote)) ?? []),
    prefs,
    scored: new Float64Array(c.actions.length * SCORED),
    weighed: new Float64Array(Math.max(0, ...c.events.map(e => e.decision?.options.length ?? 0)) * OPTION),
    rank: c.actions.map(() => 0),
    weighedOrders: new Int32Array(c.actions.length),
    dice: new Float64Array(c.actions.length),
  };
}

/**
 * The package best for the side among the options on offer now (each term's first open option in its
 * order of preference), if every term has one and the package is worth sending at all.
 */
function bestOpenPackage(c: Compiled, prefs: CTerm['options'][], s: GameState, side: Side): Terms | null {
  const terms: Terms = {};
  for (let k = 0; k < c.terms.length; k++) {
    // The first open one, by a plain loop (no callback made per term, at every turn a note may go).
    const opts = prefs[k]!;
    let o: CTerm['options'][number] | undefined;
    for (let j = 0; j < opts.length && !o; j++) if (optionOpen(opts[j]!, s)) o = opts[j];
    if (!o) return null;
    terms[c.terms[k]!.id] = o.id;
  }
  return packageValue(c, terms, side) >= 0 ? terms : null;
}

/** Numbers kept per scored order in Tables.scored: its action, score, yes, no, pass and dice. */
const SCORED = 6;

/**
 * The first `m` scored orders' positions, best score first, ties in the order scored: the order
 * Array.prototype.sort (stable) gives with (x, y) => y.score - x.score, by insertion, which for
 * the score or so of orders a turn is several times quicker than the built-in sort.
 */
function rankByScore(nums: Float64Array, m: number, rank: number[]): number[] {
  for (let i = 0; i < m; i++) {
    const score = nums[i * SCORED + 1]!;
    let j = i - 1;
    while (j >= 0 && nums[rank[j]! * SCORED + 1]! < score) {
      rank[j + 1] = rank[j]!;
      j--;
    }
    rank[j + 1] = i;
  }
  return rank;
}

/** What chose a persona's last orders (makePersona), as plain numbers and the scored list in its Tables. */
interface HeldOrders {
  c: Compiled | undefined;
  side: Side;
  tb: Tables | undefined;
  m: number;
  /** The orders given, by action index: this persona's own list, refilled at each of its orders (copied for the reasons). */
  given: number[];
  /** How many orders were weighed (Tables.weighedOrders, Tables.dice). */
  n: number;
  capital: number;
  answered: WeighedNote[] | null;
  proposed: WeighedNote | null;
  /** The state the orders were weighed on, and whether the seat read the other cabinet (for the worth objective by objective). */
  s: GameState | undefined;
  sees: boolean;
}

/** Numbers kept per option in Tables.weighed: its index, yes, no, pass, lean, dice and score. */
const OPTION = 7;

/** What chose a persona's last decision (makePersona): the event, and its options' numbers in its Tables. */
interface HeldDecision {
  c: Compiled | undefined;
  side: Side;
  ev: CEvent | undefined;
  tb: Tables | undefined;
  n: number;
  s: GameState | undefined;
  sees: boolean;
}

/** The decision's choice as the reasons read it, made from the held numbers when the reasons are asked for. */
function decisionChoice(p: PersonaDef, h: HeldDecision): PersonaChoice {
  const nums = h.tb!.weighed;
  const weighed: WeighedOption[] = [];
  for (let r = 0; r < h.n; r++) {
    const at = r * OPTION;
    weighed.push({ i: nums[at]!, yes: nums[at + 1]!, no: nums[at + 2]!, pass: nums[at + 3]!, lean: nums[at + 4]!, dice: nums[at + 5]!, score: nums[at + 6]! });
  }
  return { kind: 'decide', c: h.c!, side: h.side, persona: p, ev: h.ev!, weighed, s: h.s!, sees: h.sees };
}

/** The orders' choice as the reasons read it, made from the held numbers when the reasons are asked for. */
function ordersChoice(p: PersonaDef, h: HeldOrders): PersonaChoice {
  const c = h.c!,
    tb = h.tb!,
    nums = tb.scored;
  const order = (k: number, score: number, yes: number, no: number, pass: number, dice: number): WeighedOrder => ({ k, id: c.actions[k]!.id, cost: c.actions[k]!.cost, score, yes, no, pass, dice });
  const scored: WeighedOrder[] = [];
  for (let r = 0; r < h.m; r++) {
    const at = tb.rank[r]! * SCORED;
    scored.push(order(nums[at]!, nums[at + 1]!, nums[at + 2]!, nums[at + 3]!, nums[at + 4]!, nums[at + 5]!));
  }
  return {
    kind: 'orders',
    c,
    side: h.side,
    persona: p,
    given: h.given.slice(),
    scored,
    nearest: nearestMiss(h, order),
    lean2: tb.lean2,
    cat: tb.cat,
    cost: tb.cost,
    capital: h.capital,
    answered: h.answered ?? [],
    proposed: h.proposed,
    s: h.s!,
    sees: h.sees,
  };
}

/**
 * Whether an order whose score is yes x pass + no x (1 - pass) + `rest` scores at most `near`
 * whatever its chance `pass` (0..1) is. The orders loop asks it with `near` 0: such an order is
 * not given, so its chance need not be worked out (the nearest miss, which the reasons name, is
 * worked out apart: nearestMiss). The score is a weighted mean of yes and no plus `rest`, so at
 * most max(yes, no) + rest; the sums are rounded, so the bound must clear `near` by far more than
 * any rounding of numbers this size (1e-9 of their magnitude; tests/ai/personaSkip.test.ts checks
 * the bound, tests/ai/personaReference.test.ts the moves and the nearest miss).
 */
export function cannotBeat(yes: number, no: number, rest: number, near: number): boolean {
  const bound = Math.max(yes, no) + rest;
  return bound + 1e-9 * (1 + Math.abs(yes) + Math.abs(no) + Math.abs(rest)) < near;
}

/**
 * cannotBeat for a chance known to lie from `lo` to `hi`: the score is yes x pass + no x (1 - pass)
 * + rest, straight in pass, so at most its larger value at the two ends; the same margin for
 * rounding as cannotBeat (every term is at most as large as there). With lo 0 and hi 1 it is
 * cannotBeat's bound. tests/ai/personaSkip.test.ts checks it.
 */
export function cannotBeatWithin(yes: number, no: number, rest: number, lo: number, hi: number, near: number): boolean {
  const bound = Math.max(yes * hi + no * (1 - hi), yes * lo + no * (1 - lo)) + rest;
  return bound + 1e-9 * (1 + Math.abs(yes) + Math.abs(no) + Math.abs(rest)) < near;
}

/** The range the cabinet's chance lies in (logisticRange: one list for every call, read at once). */
const PASS_RANGE = new Float64Array(2);

/**
 * cannotBeatWithin with near 0 for the order whose yes, no and rest are `terms`, at the chances in
 * `range`: the numbers read from the lists the orders loop holds them in. V8 does not copy the
 * check into that loop, and each fractional number handed to a call it does not copy in is boxed
 * afresh (five a call: a sixth of the objects a 1932 playout made).
 */
function cannotBeatInRange(terms: Float64Array, range: Float64Array): boolean {
  return cannotBeatWithin(terms[0]!, terms[1]!, terms[2]!, range[0]!, range[1]!, 0);
}

/** Whether an order contradicts one of those chosen (a plain loop: this runs for every order scored, every turn). */
function contradictsAny(contradicts: readonly number[], chosen: readonly number[]): boolean {
  for (let j = 0; j < contradicts.length; j++) if (chosen.includes(contradicts[j]!)) return true;
  return false;
}

/**
 * orderTerms' answer: an order's worth if approved, and if refused; the orders loop adds the rest
 * of its score (cannotBeatInRange). One list for every call, read at once.
 */
const YES_NO = new Float64Array(3);

/**
 * Action k's worth to the side on state `s` if approved (with `took`, the mood rule and the trade
 * echo) into out[0], and if refused into out[1], from the persona's tables (`trading`: whether the
 * turn's trade `weights` are not all zero). The orders loop and the nearest miss both weigh by it.
 */
function orderTerms(c: Compiled, side: Side, vals: Values, k: number, s: GameState, trading: boolean, weights: readonly number[], out: Float64Array): void {
  // The worth of an order with an `if` apart (testedWorth): this stays small enough for V8 to inline it in the orders loop.
  const tested = vals.actionTests[k];
  const w = tested ? testedWorth(c, side, vals, k, s, tested) : null;
  let yes = w ? w.yes : vals.actions[k]!,
    no = w ? w.no : vals.actionsRefused[k]!;
  const tr = w ? w.tr : vals.actionTrade[k]!;
  if (vals.moods) yes += moodValueIn(vals.moodTable, c.actions[k]!.vote, s);
  if (trading) {
    yes += echoOf(c, s, tr.approved, tr.approvedNone, weights);
    no += echoOf(c, s, tr.refused, tr.refusedNone, weights);
  }
  out[0] = yes;
  out[1] = no;
}

/**
 * The orders loop of a persona's turn: each open order scored on `s` (orderTerms, its cabinet's
 * chance where it could matter, its dice), those above zero written into Tables.scored; returns how
 * many. A function of its own, not a part of `orders`: V8 inlines what a function calls up to a
 * budget for the whole function, and inside `orders` (with its replies and notes) orderTerms and the
 * dice's `at` were left as calls, at every order of every playout turn (bench/playoutsAB.ts).
 */
function weighOrders(c: Compiled, side: Side, s: GameState, tb: Tables, vals: Values, available: readonly number[], rng: Rng, trading: boolean, weights: readonly number[]): number {
  // The cabinet's chance on each kind of vote, worked out once for this turn (see Tables.voteSlot).
  const chance = tb.chance,
    odds = tb.odds;
  for (let j = 0; j < chance.length; j++) {
    chance[j] = -1;
    odds[j] = Number.NaN;
  }
  // Orders that score above zero, as numbers in the persona's own list (Tables.scored), not an
  // object each: an object's fractional fields are each a number object of their own, and this
  // loop runs at every turn of every playout. The reasons build the objects when asked (why).
  const nums = tb.scored;
  let m = 0;
  const yn = YES_NO;
  for (let j = 0; j < available.length; j++) {
    const k = available[j]!;
    const slot = tb.voteSlot[k]!;
    orderTerms(c, side, vals, k, s, trading, weights, yn);
    const yes = yn[0]!,
      no = yn[1]!;
    // The same sum, term by term and in the same order, as
    // approved x pass + refused x (1 - pass) + 2 x leaning + category - 0.4 x cost + dice.
    // Keyed to the order where the dice are (a playout's), so another order open or closed changes none of the others' draws.
    const dice = (rng.at ? rng.at(k) : rng.next()) * 0.6;
    // Each order weighed and its dice, for the nearest miss (nearestMiss, worked out only when
    // the reasons are asked for: it is not needed to choose, and no playout asks).
    tb.weighedOrders[j] = k;
    tb.dice[j] = dice;
    let pass = 1;
    if (slot >= 0) {
      // An order that cannot score above zero whatever its cabinet's chance is not given: its
      // chance is not worked out (the cabinet's chance, a few dozen steps, was a tenth of a
      // playout, and most voted orders weighed are such misses).
      const rest = tb.lean2[k]! + tb.cat[k]! - tb.cost[k]! + dice;
      if (cannotBeat(yes, no, rest, 0)) continue;
      pass = chance[slot]!;
      if (pass < 0) {
        // Nor is one below zero at every chance its cabinet's odds allow: the odds are worked
        // out (a loop over the ministers) but not the exp of the logistic curve, and five in six
        // of the chances worked out here were for such orders (1932 playouts).
        let x = odds[slot]!;
        if (Number.isNaN(x)) x = odds[slot] = approvalOdds(c, s, side, c.actions[k]!.vote!);
        logisticRange(x, PASS_RANGE);
        yn[2] = rest;
        if (cannotBeatInRange(yn, PASS_RANGE)) continue;
        pass = chance[slot] = logistic(x);
      }
    }
    const score = yes * pass + no * (1 - pass) + tb.lean2[k]! + tb.cat[k]! - tb.cost[k]! + dice;
    if (score > 0) {
      const at = m++ * SCORED;
      nums[at] = k;
      nums[at + 1] = score;
      nums[at + 2] = yes;
      nums[at + 3] = no;
      nums[at + 4] = pass;
      nums[at + 5] = dice;
    }
  }
  return m;
}

/** Action k's worth on `s` when its effects hold an `if` (Tested): remembered by the tests' outcomes. */
function testedWorth(c: Compiled, side: Side, vals: Values, k: number, s: GameState, tested: Tested): Worth {
  const w = recalled(tested, s);
  if (w) return w;
  const a = c.actions[k]!,
    g = vals.g;
  const ow = orderWorth(c, g, side, a.linked, a.vote, a.incident, 50, s);
  return remember(tested, { yes: ow.approved + (g.took.get(a.id) ?? 0), no: ow.refused, tr: tradeOf(c, a.linked, a.vote, s) });
}

/** Whether any of the turn's trade weights is not zero (most turns complete no trade month: tradeWeights gives its shared zeros). */
function tradesNow(weights: readonly number[]): boolean {
  if (weights !== NO_TRADE_WEIGHTS) for (let j = 0; j < weights.length; j++) if (weights[j] !== 0) return true;
  return false;
}

/**
 * The best of the last orders weighed that was not worth giving (score at most zero; the first
 * such on a tie), for the reasons: every one weighed is scored afresh on the state it was weighed
 * on, with its cabinet's chance and the dice it drew, as the orders loop scores it. The loop itself
 * does not keep it: it is not needed to choose, and working out the chances it needs was a fifth of
 * the cabinet's chances a playout works out (tests/ai/personaSkip.test.ts checks it against the
 * rule written plainly). The state is the move's own, which nothing changes after (a playout, which
 * plays in place, never asks for reasons).
 */
function nearestMiss<T>(h: HeldOrders, order: (k: number, score: number, yes: number, no: number, pass: number, dice: number) => T): T | null {
  const c = h.c!,
    tb = h.tb!,
    s = h.s!,
    side = h.side;
  const vals = h.sees ? tb.seen : tb.blind;
  const weights = tradeWeights(c, vals.g, s);
  const trading = tradesNow(weights);
  const yn = new Float64Array(2);
  let best: T | null = null,
    bestScore = -Infinity;
  for (let j = 0; j < h.n; j++) {
    const k = tb.weighedOrders[j]!,
      dice = tb.dice[j]!;
    orderTerms(c, side, vals, k, s, trading, weights, yn);
    const yes = yn[0]!,
      no = yn[1]!;
    const pass = tb.voteSlot[k]! >= 0 ? approvalChance(c, s, side, c.actions[k]!.vote!) : 1;
    const score = yes * pass + no * (1 - pass) + tb.lean2[k]! + tb.cat[k]! - tb.cost[k]! + dice;
    if (score <= 0 && score > bestScore) {
      bestScore = score;
      best = order(k, score, yes, no, pass, dice);
    }
  }
  return best;
}

/** Whether a persona takes a note its cabinet backs by `share` and worth `value` to its side by the terms' values (the search reads refusals by it too: search/opponent.ts). */
export const personaTakes = (share: number, value: number): boolean => share >= 0.5 && value >= 0;

export function makePersona(p: PersonaDef): PersonaPlayer {
  // Tables for the scenario and side last played (a player plays one side of one scenario).
  let tab: Tables | undefined, tabFor: Compiled | undefined, tabSide: Side | undefined;
  const tablesFor = (c: Compiled, side: Side): Tables => {
    if (tabFor !== c || tabSide !== side) {
      tab = tables(c, p, side);
      tabFor = c;
      tabSide = side;
    }
    return tab!;
  };
  // What chose the last move, kept as the numbers themselves; the reasons are read off them only
  // when asked. Orders' are kept in `held` and a decision's in `heldDecision`, records this persona
  // fills in at each move (with the numbers per order or option in its Tables' lists); `lastIs`
  // says which stands for the last move. Nothing is made for the reasons unless they are asked for.
  let lastIs: 'none' | 'orders' | 'decide' = 'none';
  const heldDecision: HeldDecision = { c: undefined, side: 'britain', ev: undefined, tb: undefined, n: 0, s: undefined, sees: false };
  const held: HeldOrders = {
    c: undefined,
    side: 'britain',
    tb: undefined,
    m: 0,
    given: [],
    n: 0,
    capital: 0,
    answered: null,
    proposed: null,
    s: undefined,
    sees: false,
  };
  return {
    kind: `persona:${p.id}`,
    why: () => (lastIs === 'orders' ? personaReasons(ordersChoice(p, held)) : lastIs === 'decide' ? personaReasons(decisionChoice(p, heldDecision)) : undefined),
    whyOrders: (sent, noteCost) => (lastIs === 'orders' ? personaReasons(sentBy(ordersChoice(p, held), sent, noteCost)) : undefined),
    decide({ c, side, state: s, view, rng }: Ctx, ev) {
      const tb = tablesFor(c, side);
      const vals = view.seesOther ? tb.seen : tb.blind;
      const g = vals.g;
      const weights = tradeWeights(c, g, s);
      const moods = vals.moods;
      const optionValues = vals.options[ev.i]!,
        optionRefused = vals.optionsRefused[ev.i]!,
        tests = vals.optionTests[ev.i]!,
        trade = vals.optionTrade[ev.i]!,
        lean2 = tb.optionLean2[ev.i]!;
      let best = ev.decision!.options[0]!.id,
        bestScore = -Infinity;
      // Each option's numbers, OPTION of them, in the persona's own list (see Tables.weighed).
      const nums = tb.weighed;
      let n = 0;
      for (const o of ev.decision!.options) {
        const pass = o.vote?.cabinet ? approvalChance(c, s, side, o.vote) : 1;
        let yes = optionValues[o.i]!,
          no = optionRefused[o.i]!,
          tr = trade[o.i]!;
        const tested = tests[o.i];
        if (tested) {
          let w = recalled(tested, s);
          if (!w) {
            const ow = orderWorth(c, g, side, o.linked, o.vote, o.incident, ev.publicity, s);
            w = remember(tested, { yes: ow.approved, no: ow.refused, tr: tradeOf(c, o.linked, o.vote, s) });
          }
          ({ yes, no, tr } = w);
        }
        if (moods) yes += moodValueIn(vals.moodTable, o.vote, s);
        yes += echoOf(c, s, tr.approved, tr.approvedNone, weights);
        no += echoOf(c, s, tr.refused, tr.refusedNone, weights);
        const dice = rng.next() * 0.5;
        const sc = yes * pass + no * (1 - pass) + lean2[o.i]! + dice;
        const at = n++ * OPTION;
        nums[at] = o.i;
        nums[at + 1] = yes;
        nums[at + 2] = no;
        nums[at + 3] = pass;
        nums[at + 4] = lean2[o.i]!;
        nums[at + 5] = dice;
        nums[at + 6] = sc;
        if (sc > bestScore) {
          bestScore = sc;
          best = o.id;
        }
      }
      heldDecision.c = c;
      heldDecision.side = side;
      heldDecision.ev = ev;
      heldDecision.tb = tb;
      heldDecision.n = n;
      heldDecision.s = s;
      heldDecision.sees = view.seesOther;
      lastIs = 'decide';
      return best;
    },
    orders(ctx: Ctx) {
      const { c, side, state: s, view, rng } = ctx;
      const tb = tablesFor(c, side);
      // Read once: a playout's view works it out at each reading.
      const sees = view.seesOther;
      const vals = sees ? tb.seen : tb.blind;
      const g = vals.g;
      const weights = tradeWeights(c, g, s);
      const trading = tradesNow(weights);
      let capital = s.fig[ofSide(c.side, side).iCapital]!;
      // Orders that score above zero, as numbers in the persona's own list (Tables.scored).
      const nums = tb.scored;
      const available = view.available;
      const m = weighOrders(c, side, s, tb, vals, available, rng, trading, weights);
      const rank = rankByScore(nums, m, tb.rank);
      const out: Order[] = [];
      // It does not give an order that undoes one given this turn (the better-scored of the two goes).
      // The list is the held one, emptied by popping (which keeps its storage): one list made per
      // persona, not one at each of its orders in every playout.
      const chosen = held.given;
      while (chosen.length > 0) chosen.pop();
      for (let r = 0; r < m; r++) {
        const k = nums[rank[r]! * SCORED]!;
        const a = c.actions[k]!;
        if (a.cost <= capital && !contradictsAny(a.contradicts, chosen)) {
          chosen.push(k);
          capital -= a.cost;
          out.push(c.actionOrders[k]!);
        }
      }
      // Replies: accept what its own cabinet would ratify and what is worth having. The notes it
      // may answer are the other side's delivered ones, read from its state's notes: a seat's state
      // holds its view's notes, and in a playout, where the state is the world's, the world's hold
      // the other side's undelivered ones too, which are passed over here as the view leaves them
      // out. Its view's list was a fresh copy at most playout moves while a note was on its way
      // (a thirtieth of what a 1932 playout made).
      let answered: WeighedNote[] | null = null;
      for (const o of s.offers) {
        if (o.from === side || o.status !== 'delivered') continue;
        const share = acceptanceShare(c, s, side, o.terms);
        const value = packageValue(c, o.terms, side);
        const accept = personaTakes(share, value);
        (answered ??= []).push({ n: o.n, terms: o.terms, share, value, accept });
        out.push({ kind: 'reply', offer: o.n, accept });
      }
      // Offers: the package best for itself that the other side could live with.
      let proposed: WeighedNote | null = null;
      if (capital >= c.negotiation.offerCost && view.canOffer && (rng.at ? rng.at(-1) : rng.next()) < 0.25) {
        const offer = bestOpenPackage(c, tb.prefs, s, side);
        const share = offer ? acceptanceShare(c, s, side, offer) : 0;
        if (offer && share >= 0.5) {
          out.push({ kind: 'offer', terms: offer });
          proposed = { n: 0, terms: offer, share, value: packageValue(c, offer, side), accept: true };
        }
      }
      // What chose these orders, kept in the one record this persona reuses (see `held`).
      const h = held;
      h.c = c;
      h.side = side;
      h.tb = tb;
      h.m = m;
      h.n = available.length;
      h.capital = s.fig[ofSide(c.side, side).iCapital]!;
      h.answered = answered;
      h.proposed = proposed;
      h.s = s;
      h.sees = sees;
      lastIs = 'orders';
      return out;
    },
  };
}
