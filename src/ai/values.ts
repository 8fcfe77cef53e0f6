// How much an effect list is worth to a side by its objectives: each objective is turned into a
// gradient over figures, flags, relations and actions, once per scenario, so a persona can weigh
// an order in a few multiplications. An order or option is weighed as the preview a player sees
// weighs it (engine/legal.ts, predict): its effects, the standard consequences of an incident
// response, the parties' reaction to the vote, and, when the cabinet may refuse, the standing a
// defeat costs and the onFail effects.
import type { CObjective, Compiled, Cond, IncidentResp, Vote } from '../engine/compiled';
import { incidentDeltas } from '../engine/incidents';
import { DEFEAT_STANDING } from '../engine/legal';
import { type LinkedCondition, type LinkedEffect, unhandled } from '../engine/linked';
import { secrets, seesOtherCabinet } from '../engine/secrets';
import type { GameState } from '../engine/types';
import type { Side } from '../engine/vocab';

export interface Gradient {
  fig: Map<number, number>;
  flag: Map<string, number>;
  relations: Map<string, number>;
  took: Map<string, number>;
}

const cache = new WeakMap<Compiled, Record<Side, Gradient>>();

export function gradient(c: Compiled, side: Side): Gradient {
  let g = cache.get(c);
  if (!g) {
    g = { britain: build(c, c.objectives.britain), ussr: build(c, c.objectives.ussr) };
    cache.set(c, g);
  }
  return g[side];
}

const seatCache = new WeakMap<Compiled, Map<string, Gradient>>();
/**
 * The gradient over what a seat can see: the objectives' weight on figures hidden from it (the
 * other side's capital; its ministers' stances and moods unless intelligence reads them) left out.
 * A persona weighs an order as its seat's order desk shows it, and the desk shows no hidden figure.
 */
export function seatGradient(c: Compiled, side: Side, sees: boolean): Gradient {
  let m = seatCache.get(c);
  if (!m) seatCache.set(c, (m = new Map()));
  const key = `${side}/${sees}`;
  let g = m.get(key);
  if (!g) {
    g = seen(c, side, sees, gradient(c, side));
    m.set(key, g);
  }
  return g;
}

/** A gradient with the figures hidden from the seat left out. */
function seen(c: Compiled, side: Side, sees: boolean, full: Gradient): Gradient {
  const hidden = new Set(sees ? secrets(c).hidden[side].sees : secrets(c).hidden[side].blind);
  return { fig: new Map([...full.fig].filter(([i]) => !hidden.has(i))), flag: full.flag, relations: full.relations, took: full.took };
}

const partsCache = new WeakMap<Compiled, Map<string, Gradient[]>>();
/**
 * The seat's gradient objective by objective (in the scenario's order): the gradient is a sum over
 * the objectives, so these add up to seatGradient's, and an order's worth at each of them says
 * which objectives that worth comes from (the persona's reasons; worked out only when asked).
 */
export function objectiveGradients(c: Compiled, side: Side, sees: boolean): Gradient[] {
  let m = partsCache.get(c);
  if (!m) partsCache.set(c, (m = new Map()));
  const key = `${side}/${sees}`;
  let gs = m.get(key);
  if (!gs) {
    gs = c.objectives[side].map(o => seen(c, side, sees, build(c, [o])));
    m.set(key, gs);
  }
  return gs;
}

function build(c: Compiled, objectives: readonly CObjective[]): Gradient {
  const g: Gradient = { fig: new Map(), flag: new Map(), relations: new Map(), took: new Map() };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const walk = (x: LinkedCondition, w: number): void => {
    switch (x.k) {
      case 'fig': {
        const f = c.figs[x.fig]!;
        const span = (f.max - f.min) / 4 || 1;
        const up = x.gte !== undefined || x.gt !== undefined;
        add(g.fig, x.fig, (up ? w : -w) / Math.min(span, 50));
        break;
      }
      case 'flag':
        add(g.flag, c.flags[x.flag]!, w);
        break;
      case 'noFlag':
        add(g.flag, c.flags[x.flag]!, -w);
        break;
      case 'relations':
        for (const r of x.any) add(g.relations, r, w);
        break;
      case 'took':
        add(g.took, c.actions[x.action]!.id, w);
        break;
      case 'all':
        for (const y of x.of) walk(y, w / x.of.length);
        break;
      case 'any':
        for (const y of x.of) walk(y, w / x.of.length);
        break;
      case 'not':
        walk(x.cond, -w);
        break;
      // Tests of the calendar, of past events, offices and agreements give no direction to push in.
      case 'flagAge':
      case 'lead':
      case 'inOffice':
      case 'fired':
      case 'chose':
      case 'agreed':
      case 'from':
      case 'until':
        break;
      default:
        unhandled(x);
    }
  };
  for (const o of objectives) {
    if (o.measure) add(g.fig, o.measure.fig, o.weight / (o.measure.full - o.measure.zero));
    else walk(o.cond!, o.weight);
  }
  return g;
}

/**
 * Expected objective value of an effect list (chance branches weighted; an `if` takes the branch
 * its test picks on state `s`, or both halved without a state). With `figs` false, only what moves
 * no figure (flags, relations): the part a preview's figures leave out.
 */
export function effectValue(c: Compiled, g: Gradient, effects: readonly LinkedEffect[] | undefined, w = 1, figs = true, s?: GameState): number {
  let v = 0;
  for (const e of effects ?? []) {
    switch (e.k) {
      case 'addFig': {
        const k = g.fig.get(e.fig);
        if (k !== undefined && figs) v += k * e.by * w;
        break;
      }
      case 'flag':
        if (e.on) v += (g.flag.get(c.flags[e.flag]!) ?? 0) * w;
        else v -= (g.flag.get(c.flags[e.flag]!) ?? 0) * w;
        break;
      case 'relations':
        v += (g.relations.get(e.to) ?? 0) * w;
        break;
      case 'chance':
        v += effectValue(c, g, e.then, w * e.p, figs, s) + effectValue(c, g, e.else, w * (1 - e.p), figs, s);
        break;
      case 'if': {
        const test = s ? c.condOf.get(e.cond) : undefined;
        if (test) v += effectValue(c, g, test(s!) ? e.then : e.else, w, figs, s);
        else v += effectValue(c, g, e.then, w / 2, figs) + effectValue(c, g, e.else, w / 2, figs);
        break;
      }
      // A figure set outright moves it by the gap from where it stands: valued on a known state (as
      // the order desk's preview shows it), nothing without one. The rest move no objective directly.
      case 'setFig': {
        const k = g.fig.get(e.fig);
        if (k !== undefined && figs && s) v += k * (e.to - s.fig[e.fig]!) * w;
        break;
      }
      case 'resign':
      case 'dismiss':
      case 'appoint':
      case 'setLead':
      case 'schedule':
      case 'news':
      case 'end':
        break;
      default:
        unhandled(e);
    }
  }
  return v;
}

/** Objective value of figure changes, at the gradient. */
export const figuresValue = (g: Gradient, deltas: Iterable<{ fig: number; delta: number }>): number => {
  let v = 0;
  for (const x of deltas) v += (g.fig.get(x.fig) ?? 0) * x.delta;
  return v;
};

/** What an order or option is worth to a side if its cabinet approves it, and if it refuses. */
export interface OrderWorth {
  readonly approved: number;
  readonly refused: number;
}

/**
 * An order's or option's worth by the objectives, from what does not change during a game: its
 * effects, its incident response's standard consequences (a telegram published costs the
 * intelligence it came from), the parties' reaction to the vote (their pressure), and, for a
 * cabinet vote, what a refusal brings. Given a state, an `if` takes the branch its test picks there.
 */
export function orderWorth(c: Compiled, g: Gradient, side: Side, effects: readonly LinkedEffect[], vote: Vote | null, incident: IncidentResp | null, publicity: number, s?: GameState): OrderWorth {
  let approved = effectValue(c, g, effects, 1, true, s);
  if (incident) approved += figuresValue(g, incidentDeltas(c, side, incident, publicity));
  if (vote)
    for (const k of c.side[side].groups) {
      const grp = c.groups[k]!;
      approved += (g.fig.get(grp.iPressure) ?? 0) * -12 * (grp.stance[vote.issue]! / 100) * vote.direction;
    }
  const refused = vote?.cabinet ? (g.fig.get(c.side[side].iStanding) ?? 0) * -DEFEAT_STANDING + effectValue(c, g, vote.onFailLinked, 1, true, s) : 0;
  return { approved, refused };
}

/**
 * The tests of every `if` in effect lists, nested ones too, in a fixed order. effectValue reads a
 * state only through them, so an order's worth on a state is fixed by their outcomes.
 */
export function testsIn(c: Compiled, ...lists: (readonly LinkedEffect[] | undefined)[]): Cond[] {
  const out: Cond[] = [];
  const walk = (effects: readonly LinkedEffect[] | undefined): void => {
    for (const e of effects ?? []) {
      if (e.k === 'chance' || e.k === 'if') {
        const test = e.k === 'if' ? c.condOf.get(e.cond) : undefined;
        if (test) out.push(test);
        walk(e.then);
        walk(e.else);
      }
    }
  };
  for (const l of lists) walk(l);
  return out;
}

/** Whether an effect list has an `if` anywhere: its worth depends on the state. */
export function hasTest(effects: readonly LinkedEffect[] | undefined): boolean {
  for (const e of effects ?? []) {
    if (e.k === 'if') return true;
    if (e.k === 'chance' && (hasTest(e.then) || hasTest(e.else))) return true;
  }
  return hasSetFig(effects);
}

/**
 * Whether an effect list sets a figure outright anywhere (one `weighs`, if given): its worth then
 * depends on where that figure stands, not only on the outcomes of its tests, so it is worked out
 * afresh on each state.
 */
export function hasSetFig(effects: readonly LinkedEffect[] | undefined, weighs?: (fig: number) => boolean): boolean {
  for (const e of effects ?? []) {
    if (e.k === 'setFig' && (!weighs || weighs(e.fig))) return true;
    if ((e.k === 'chance' || e.k === 'if') && (hasSetFig(e.then, weighs) || hasSetFig(e.else, weighs))) return true;
  }
  return false;
}

/** Every figure an effect list sets outright, nested ones too, each once, in the order met. */
export function setFigsIn(...lists: (readonly LinkedEffect[] | undefined)[]): number[] {
  const out: number[] = [];
  const walk = (effects: readonly LinkedEffect[] | undefined): void => {
    for (const e of effects ?? []) {
      if (e.k === 'setFig' && !out.includes(e.fig)) out.push(e.fig);
      if (e.k === 'chance' || e.k === 'if') {
        walk(e.then);
        walk(e.else);
      }
    }
  };
  for (const l of lists) walk(l);
  return out;
}

/**
 * The mood rule's terms for one gradient and side, as flat tables: the side's ministers whose mood
 * the gradient weighs (most scenarios weigh none), each one's office figure, the gradient's weight
 * on his mood, and his stance figure on each issue (issue by issue: [issue * n + j]).
 */
export interface MoodTable {
  ministers: number[];
  office: Int32Array;
  weight: Float64Array;
  stance: Int32Array;
}
const moodCache = new WeakMap<Gradient, Map<Side, MoodTable>>();
export function moodTable(c: Compiled, g: Gradient, side: Side): MoodTable {
  let m = moodCache.get(g);
  if (!m) moodCache.set(g, (m = new Map()));
  let t = m.get(side);
  if (!t) {
    const ks = c.side[side].ministers.filter(k => g.fig.has(c.ministers[k]!.iMood));
    const ms = ks.map(k => c.ministers[k]!);
    t = {
      ministers: ks,
      office: Int32Array.from(ms, x => x.iOffice),
      weight: Float64Array.from(ms, x => g.fig.get(x.iMood)!),
      stance: Int32Array.from({ length: c.issues.length * ms.length }, (_, n) => ms[n % ms.length]!.iStance[Math.floor(n / ms.length)]!),
    };
    m.set(side, t);
  }
  return t;
}

/** Whether the gradient weighs any of the side's ministers' moods (then the mood rule is worth working out). */
export const weighsMoods = (c: Compiled, g: Gradient, side: Side): boolean => moodTable(c, g, side).ministers.length > 0;

/**
 * The mood rule's worth if a vote's item is approved (engine/cabinet.ts, moodAfterDecision, as the
 * preview shows it): each minister in office grows content or sore by his stance on the issue.
 */
export const moodValue = (c: Compiled, g: Gradient, side: Side, vote: Vote | null, s: GameState): number => moodValueIn(moodTable(c, g, side), vote, s);

/** moodValue from the side's table (a persona keeps it: this runs for every order it weighs). */
export function moodValueIn(t: MoodTable, vote: Vote | null, s: GameState): number {
  if (!vote) return 0;
  const n = t.office.length,
    at = vote.issue * n;
  let v = 0;
  for (let j = 0; j < n; j++) {
    if (s.fig[t.office[j]!] === 0) continue;
    v += t.weight[j]! * 10 * (s.fig[t.stance[at + j]!]! / 100) * vote.direction;
  }
  return v;
}

/**
 * The trade rule's echo (engine/trade.ts, and the order desk's preview of it, engine/legal.ts):
 * credit, diversion and the base levels move no objective themselves, but on a turn that completes
 * a trade month they set the orders placed (and, with no lag, the exports and the balance), the
 * re-exports and the imports. `tradeInputs` are those figures; `tradeWeights` the worth, on state
 * `s`, of a unit change in each (zero on a turn that completes no month): the chain rule through
 * the trade model where the figures stand now.
 */
const inputsCache = new WeakMap<Compiled, number[]>();
export function tradeInputs(c: Compiled): number[] {
  let x = inputsCache.get(c);
  if (!x) inputsCache.set(c, (x = [c.trade.credit, c.trade.diversion, c.trade.baseOrders, c.trade.baseReExports, c.trade.baseImports]));
  return x;
}

/** The gradient's weight on figure i (0 if none): a function of its own, not a closure made at each call. */
const weightOn = (g: Gradient, i: number): number => g.fig.get(i) ?? 0;

/** The weights on a turn that completes no trade month: shared, so callers only read them. */
export const NO_TRADE_WEIGHTS: readonly number[] = Object.freeze([0, 0, 0, 0, 0]);
export function tradeWeights(c: Compiled, g: Gradient, s: GameState): readonly number[] {
  const t = c.trade;
  const months = c.monthAfter[s.turn]! - 1 - s.month;
  // Most turns complete no month: the same zeros, not a fresh list each time (a persona asks at every move).
  if (months <= 0) return NO_TRADE_WEIGHTS;
  const now = t.lag === 0 ? 1 : 0;
  const w = tradeFigWeights(c, g);
  const perOrder = w[TW_ORDERS]! + now * (w[TW_EXPORTS]! - w[TW_BALANCE]!);
  const base = s.fig[t.baseOrders]!,
    credit = s.fig[t.credit]!,
    diversion = s.fig[t.diversion]!;
  const broken = s.relations === 'ruptured' || s.relations === 'protecting';
  return [
    perOrder * base * (1 - diversion / 100) * (0.8 / 100),
    perOrder * -(base / 100) * (0.6 + (0.8 * credit) / 100),
    perOrder * (1 - diversion / 100) * (0.6 + (0.8 * credit) / 100),
    // Re-exports move half way to their (broken: reduced) base level each month.
    (1 - 0.5 ** months) * (broken ? 0.35 : 1) * (w[TW_RE_EXPORTS]! - w[TW_BALANCE]!),
    (broken ? 0.95 : 1) * (w[TW_IMPORTS]! + w[TW_BALANCE]!),
  ];
}

/** Where tradeFigWeights keeps each trade figure's weight. */
const TW_ORDERS = 0,
  TW_EXPORTS = 1,
  TW_BALANCE = 2,
  TW_RE_EXPORTS = 3,
  TW_IMPORTS = 4;
const tradeFigCache = new WeakMap<Gradient, Float64Array>();
/**
 * The gradient's weights on the trade figures tradeWeights reads (orders, exports, balance,
 * re-exports, imports): the same numbers weightOn gives, looked up once per gradient (a gradient
 * belongs to one compiled scenario) rather than seven times at every move of a trade month.
 */
function tradeFigWeights(c: Compiled, g: Gradient): Float64Array {
  let w = tradeFigCache.get(g);
  if (!w) {
    const t = c.trade;
    w = Float64Array.of(weightOn(g, t.orders), weightOn(g, t.exports), weightOn(g, t.balance), weightOn(g, t.reExports), weightOn(g, t.imports));
    tradeFigCache.set(g, w);
  }
  return w;
}

const units = new WeakMap<Compiled, Gradient[]>();
/**
 * Expected change an effect list makes to each trade input (chance branches weighted; `if` on `s` if
 * given). A list of fractional numbers whatever the changes are: echo reads every such list, and a
 * plain list of whole numbers beside lists of fractions made V8 box each number echo read.
 */
export function tradeDeltas(c: Compiled, effects: readonly LinkedEffect[] | undefined, s?: GameState): Float64Array {
  let u = units.get(c);
  if (!u) {
    u = tradeInputs(c).map(i => ({ fig: new Map([[i, 1]]), flag: new Map(), relations: new Map(), took: new Map() }));
    units.set(c, u);
  }
  return Float64Array.from(u, g => effectValue(c, g, effects, 1, true, s));
}

/**
 * The echo's worth: deltas on the trade inputs at the turn's weights, each delta cut to what the
 * figure's bounds allow from where it stands (diversion already at 0 cannot fall).
 */
export function echo(c: Compiled, s: GameState, deltas: Float64Array, weights: readonly number[]): number {
  // No month completes: every weight is 0, so is the echo (the loop below would skip every input).
  // Answered here, the shared zeros (a frozen list) never reach the loop's reads of the weights.
  if (weights === NO_TRADE_WEIGHTS) return 0;
  const inputs = tradeInputs(c);
  let v = 0;
  for (let j = 0; j < deltas.length; j++) {
    if (weights[j] === 0 || deltas[j] === 0) continue;
    const i = inputs[j]!,
      x = s.fig[i]!;
    const to = Math.min(c.figMax[i]!, Math.max(c.figMin[i]!, x + deltas[j]!));
    v += (to - x) * weights[j]!;
  }
  return v;
}

/**
 * An order's or option's whole worth to a side on state `s`, worked out afresh at what its seat can
 * see (seatGradient): orderWorth (and `took`, what having taken an action is worth), the mood rule
 * if approved, and the trade rule's echo either way. The persona reads the same sums
 * from its tables (persona.ts); this is the plain computation they must equal.
 */
export function worthNow(c: Compiled, side: Side, effects: readonly LinkedEffect[], vote: Vote | null, incident: IncidentResp | null, publicity: number, s: GameState, took = 0): OrderWorth {
  return worthAt(c, seatGradient(c, side, seesOtherCabinet(c, s, side)), side, effects, vote, incident, publicity, s, took);
}

/** worthNow at a given gradient (the seat's, or one objective's part of it). */
function worthAt(c: Compiled, g: Gradient, side: Side, effects: readonly LinkedEffect[], vote: Vote | null, incident: IncidentResp | null, publicity: number, s: GameState, took: number): OrderWorth {
  const w = orderWorth(c, g, side, effects, vote, incident, publicity, s);
  const weights = tradeWeights(c, g, s);
  return {
    approved: w.approved + took + moodValue(c, g, side, vote, s) + echo(c, s, tradeDeltas(c, effects, s), weights),
    refused: w.refused + (vote?.cabinet ? echo(c, s, tradeDeltas(c, vote.onFailLinked, s), weights) : 0),
  };
}

/**
 * worthNow objective by objective, at what the seat sees (`sees`: whether it reads the other
 * cabinet), for an action (`action`, whose `took` worth counts) or an option: they add up to
 * worthNow's figures, since every term of it is linear in the gradient.
 */
export function worthByObjective(
  c: Compiled,
  side: Side,
  sees: boolean,
  effects: readonly LinkedEffect[],
  vote: Vote | null,
  incident: IncidentResp | null,
  publicity: number,
  s: GameState,
  action?: string,
): OrderWorth[] {
  return objectiveGradients(c, side, sees).map(g => worthAt(c, g, side, effects, vote, incident, publicity, s, action === undefined ? 0 : (g.took.get(action) ?? 0)));
}
