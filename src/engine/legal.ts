// What a side may do now, with costs, the cabinet's expected verdict and the predicted effects:
// one list serves the computer players and the screen alike.
import { checkBallots } from './ballots';
import { approvalChance, forcedItems } from './cabinet';
import { type CAction, type CEvent, type COption, type Compiled, gatesOpen, type IncidentResp, type Vote } from './compiled';
import { incidentDeltas } from './incidents';
import { noteName, SIDE_LABEL } from './labels';
import { pressureLines } from './lines';
import { type LinkedEffect, unhandled } from './linked';
import { checkTerms, negotiationOpen, outstanding } from './negotiation';
import { PRESSURE_LINE } from './parliament';
import { hiddenFigures } from './secrets';
import { ordersFor } from './trade';
import type { GameState, Move, Order, Terms } from './types';
import { other, SIDES, type Side } from './vocab';

export const FAILED_VOTE_REST_DAYS = 7;

export function actionAvailable(c: Compiled, s: GameState, side: Side, a: CAction): boolean {
  return a.side === side && !s.ended && actionOpen(c, s, a);
}

/**
 * actionAvailable for an action of the side that asks, in a game not ended: its tests after those
 * two. availableActions asks it of the side's own actions (sideActionsAt), each turn of each playout.
 */
export function actionOpen(c: Compiled, s: GameState, a: CAction): boolean {
  const last = s.taken[a.i]!,
    day = c.days[s.turn]!;
  if (last >= 0 && (a.once || day - last < a.cooldownDays)) return false;
  // A cabinet that has just turned an item down will not hear it again for a week (or its cooldown).
  const failed = s.failed[a.i]!;
  if (failed >= 0 && day - failed < Math.max(FAILED_VOTE_REST_DAYS, a.cooldownDays)) return false;
  return a.when === null || (gatesOpen(a, s) && a.when(s));
}

export interface Prediction {
  fig: string;
  label: string;
  delta: number;
  /** When chance effects can move the figure either way: the least and most it can move (delta is their weighted mean). */
  range?: readonly [number, number];
}

/**
 * Something an order or option may set off that ends a career or a government, or that the scenario
 * draws a line for: a minister's resignation (his mood below his resign line), the lead's fall
 * (standing at 0, or his own resignation), a group crossing a revolt or forcing line.
 */
export interface Risk {
  kind: 'resign' | 'fall' | 'revolt';
  /** The minister's or group's name (the lead's, for a fall). */
  who: string;
  /** Chance it happens this turn, given the cabinet's odds and the effects' chances. */
  chance: number;
  /** What follows, in a few words ("resigns: standing −6", "forces Break off relations"). */
  what: string;
}

/** What a side is shown for an order or option before it is given. */
export interface Preview {
  /** Chance the cabinet approves, or null when no vote is needed. */
  approval: number | null;
  /**
   * Expected changes: effects (chance branches weighted by their odds), incident consequences,
   * group reactions and the mood rule if approved; a refusal's cost and onFail effects weighted by
   * the chance of refusal; the office and standing a likely resignation costs.
   */
  predicted: Prediction[];
  /** What approval alone would bring (with no vote, the same as `predicted`). */
  approved: Prediction[];
  /** What a refusal alone would bring (empty when no vote is needed). */
  refused: Prediction[];
  risks: Risk[];
  /**
   * Who will force the item onto the agenda this turn whether or not it is ordered (an order
   * then changes nothing but the capital it costs, so `predicted` is empty); null otherwise.
   */
  forcedBy: string | null;
}

export interface LegalAction extends Preview {
  order: Order;
  id: string;
  label: string;
  description: string;
  category: string;
  cost: number;
  sources: string[];
}

/** Expected figure changes of an effect list on this state (chance branches weighted by their odds). */
export function predictEffects(c: Compiled, s: GameState, effects: readonly LinkedEffect[], weight = 1, into = new Map<number, number>()): Map<number, number> {
  const add = (i: number, d: number) => into.set(i, (into.get(i) ?? 0) + d);
  for (const e of effects) {
    switch (e.k) {
      case 'addFig':
        add(e.fig, e.by * weight);
        break;
      case 'setFig':
        add(e.fig, (e.to - s.fig[e.fig]!) * weight);
        break;
      case 'chance':
        predictEffects(c, s, e.then, weight * e.p, into);
        predictEffects(c, s, e.else, weight * (1 - e.p), into);
        break;
      case 'if': {
        const holds = c.condOf.get(e.cond)?.(s) ?? true;
        predictEffects(c, s, holds ? e.then : e.else, weight, into);
        break;
      }
      // A resignation empties the office and costs the lead standing (draft.ts, resign).
      case 'resign': {
        const m = c.ministers[e.minister]!;
        if (s.fig[m.iOffice] !== 1) break;
        add(m.iOffice, -weight);
        if (s.lead[m.side] !== e.minister) add(c.side[m.side].iStanding, -RESIGN_STANDING * weight);
        break;
      }
      case 'dismiss': {
        const m = c.ministers[e.minister]!;
        if (s.fig[m.iOffice] === 1) add(m.iOffice, -weight);
        break;
      }
      case 'appoint':
      case 'setLead': {
        const m = c.ministers[e.minister]!;
        if (s.fig[m.iOffice] === 0) add(m.iOffice, weight);
        break;
      }
      // No figure moves.
      case 'flag':
      case 'relations':
      case 'schedule':
      case 'news':
      case 'end':
        break;
      default:
        unhandled(e);
    }
  }
  return into;
}

/**
 * The least and most each figure can move under an effect list, over its chance branches (a
 * figure a branch leaves alone moves 0 there). Only figures whose range has both signs matter to
 * the caller: their expected change hides a gamble.
 */
function effectRange(c: Compiled, s: GameState, effects: readonly LinkedEffect[], into = new Map<number, [number, number]>()): Map<number, [number, number]> {
  const shift = (i: number, d: number) => {
    const r = into.get(i) ?? [0, 0];
    into.set(i, [r[0] + d, r[1] + d]);
  };
  for (const e of effects) {
    switch (e.k) {
      case 'addFig':
        shift(e.fig, e.by);
        break;
      case 'setFig':
        shift(e.fig, e.to - s.fig[e.fig]!);
        break;
      case 'chance': {
        const a = effectRange(c, s, e.then),
          b = effectRange(c, s, e.else);
        for (const i of new Set([...a.keys(), ...b.keys()])) {
          const [alo, ahi] = a.get(i) ?? [0, 0],
            [blo, bhi] = b.get(i) ?? [0, 0];
          const r = into.get(i) ?? [0, 0];
          into.set(i, [r[0] + Math.min(alo, blo), r[1] + Math.max(ahi, bhi)]);
        }
        break;
      }
      case 'if':
        effectRange(c, s, (c.condOf.get(e.cond)?.(s) ?? true) ? e.then : e.else, into);
        break;
      case 'flag':
      case 'relations':
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
  return into;
}

/** Standing a lead loses when a minister resigns (draft.ts, resign). */
const RESIGN_STANDING = 6;
/** Standing a lead loses when the cabinet refuses an item (cabinet.ts, cabinetDecision). */
export const DEFEAT_STANDING = 4;

const bump = (m: Map<number, number>, i: number, d: number) => m.set(i, (m.get(i) ?? 0) + d);
const clampFig = (c: Compiled, i: number, v: number) => Math.min(c.figMax[i]!, Math.max(c.figMin[i]!, v));

/** The state with one figure changed, for testing a condition after a move (a shallow copy: the state is not changed). */
const withFig = (s: GameState, i: number, v: number): GameState => {
  const fig = s.fig.slice();
  fig[i] = v;
  return { ...s, fig };
};

/** One way the order can go (approved, or refused), with its chance and its expected changes. */
interface Branch {
  p: number;
  m: Map<number, number>;
}

/**
 * The resignations a branch sets off: every minister who can resign, in office, whose mood would
 * fall below his line (the check after the mood rule and again at the end of the turn). Their
 * consequences go into the branch. Ministers whose mood the side cannot see are not judged.
 */
function resignations(c: Compiled, s: GameState, b: Branch, hidden: readonly number[]): number[] {
  const out: number[] = [];
  for (const side of SIDES)
    for (const k of c.side[side].resigners) {
      const m = c.ministers[k]!;
      if (!m.canResign || s.fig[m.iOffice] !== 1 || hidden.includes(m.iMood)) continue;
      const after = clampFig(c, m.iMood, s.fig[m.iMood]! + (b.m.get(m.iMood) ?? 0));
      if (after >= m.resignBelow) continue;
      out.push(k);
      bump(b.m, m.iOffice, -1);
      if (s.lead[side] !== k) bump(b.m, c.side[side].iStanding, -RESIGN_STANDING);
    }
  return out;
}

/** Standing the side's groups will cost the lead at the end of a turn of `days` at these pressures (parliament.ts, pressureCost). */
function pressureToll(c: Compiled, s: GameState, side: Side, m: Map<number, number>, days: number): number {
  let toll = 0;
  for (const k of c.side[side].groups) {
    const g = c.groups[k]!;
    const over = clampFig(c, g.iPressure, s.fig[g.iPressure]! + (m.get(g.iPressure) ?? 0)) - PRESSURE_LINE;
    if (over > 0 && g.weight > 0) toll += ((g.weight * over) / 40) * 0.5 * (days / 7);
  }
  return toll;
}

/** Chance relations end the effects broken off, from the chance they start so (chance branches weighted). */
function brokenAfter(effects: readonly LinkedEffect[], pb: number, c: Compiled, s: GameState, weight = 1): number {
  for (const e of effects) {
    switch (e.k) {
      case 'relations': {
        const to = e.to === 'ruptured' || e.to === 'protecting' ? 1 : 0;
        pb = pb * (1 - weight) + to * weight;
        break;
      }
      case 'chance':
        pb = brokenAfter(e.else, brokenAfter(e.then, pb, c, s, weight * e.p), c, s, weight * (1 - e.p));
        break;
      case 'if':
        pb = brokenAfter((c.condOf.get(e.cond)?.(s) ?? true) ? e.then : e.else, pb, c, s, weight);
        break;
      case 'addFig':
      case 'setFig':
      case 'flag':
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
  return pb;
}

/**
 * The trade rule (trade.ts, tradeStep) for the months this turn completes: orders placed follow
 * credit, diversion and the base level; re-exports and imports follow whether relations are broken.
 * Adds to `m` the difference the branch's changes make.
 */
function tradeRule(c: Compiled, s: GameState, m: Map<number, number>, pBroken: number): void {
  const t = c.trade;
  const months = c.monthAfter[s.turn]! - 1 - s.month;
  if (months <= 0) return;
  const now = (i: number) => s.fig[i]!;
  const then = (i: number) => clampFig(c, i, s.fig[i]! + (m.get(i) ?? 0));
  const placed = ordersFor(then(t.baseOrders), then(t.credit), then(t.diversion)) - ordersFor(now(t.baseOrders), now(t.credit), now(t.diversion));
  const was = s.relations === 'ruptured' || s.relations === 'protecting' ? 1 : 0;
  const reEx = (broken: boolean, base: number) => {
    let r = now(t.reExports);
    for (let k = 0; k < months; k++) r += ((broken ? 0.35 : 1) * base - r) * 0.5;
    return r;
  };
  const reExports = pBroken * reEx(true, then(t.baseReExports)) + (1 - pBroken) * reEx(false, then(t.baseReExports)) - reEx(was === 1, now(t.baseReExports));
  const imports = then(t.baseImports) * (1 - 0.05 * pBroken) - now(t.baseImports) * (1 - 0.05 * was);
  // With no lag this month's orders are this month's exports.
  const exports = t.lag === 0 ? placed : 0;
  for (const [i, d] of [
    [t.orders, placed],
    [t.exports, exports],
    [t.reExports, reExports],
    [t.imports, imports],
    [t.balance, imports - exports - reExports],
  ] as const)
    if (Math.abs(d) >= 1e-9) bump(m, i, d);
}

/**
 * The preview a side is shown for carrying out an order or option: every rule the engine applies to
 * it (game.ts: cabinetPasses, the effects, the incident response, groupReaction, settle → the mood
 * rule and resignations; a refusal's standing cost and onFail effects), each branch weighted by the
 * cabinet's odds, and the risks it runs. Figures the side cannot see are left out.
 */
function predict(c: Compiled, s: GameState, side: Side, effects: readonly LinkedEffect[], vote: Vote | null, incident: IncidentResp | null, publicity: number): Preview {
  const approval = vote?.cabinet ? approvalChance(c, s, side, vote) : null;
  const p = approval ?? 1;
  const hidden = hiddenFigures(c, s, side);
  const cs = c.side[side];

  const pass: Branch = { p, m: predictEffects(c, s, effects) };
  const passRange = effectRange(c, s, effects);
  const passOwn = new Map(pass.m); // the effects' own expected changes, before the rules add theirs
  if (incident) for (const x of incidentDeltas(c, side, incident, publicity)) bump(pass.m, x.fig, x.delta);
  if (vote) {
    for (const k of cs.groups) {
      const g = c.groups[k]!;
      const agree = (g.stance[vote.issue]! / 100) * vote.direction;
      if (agree !== 0) bump(pass.m, g.iPressure, -12 * agree);
    }
    // The mood rule (cabinet.ts, moodAfterDecision): ministers in office grow content or sore.
    for (const k of cs.ministers) {
      const m = c.ministers[k]!;
      if (s.fig[m.iOffice] === 0) continue;
      const agree = (s.fig[m.iStance[vote.issue]!]! / 100) * vote.direction;
      if (agree !== 0) bump(pass.m, m.iMood, 10 * agree);
    }
  }
  const fail: Branch = { p: 1 - p, m: new Map() };
  const wasBroken = s.relations === 'ruptured' || s.relations === 'protecting' ? 1 : 0;
  tradeRule(c, s, pass.m, brokenAfter(effects, wasBroken, c, s));
  if (vote?.cabinet) {
    bump(fail.m, cs.iStanding, -DEFEAT_STANDING);
    predictEffects(c, s, vote.onFailLinked, 1, fail.m);
    tradeRule(c, s, fail.m, brokenAfter(vote.onFailLinked, wasBroken, c, s));
  }
  const branches = fail.p > 0 ? [pass, fail] : [pass];

  const risks: Risk[] = [];
  const riskAt = (kind: Risk['kind'], who: string, chance: number, what: string) => {
    if (chance < 0.005) return;
    const x = risks.find(r => r.kind === kind && r.who === who && r.what === what);
    if (x) x.chance += chance;
    else risks.push({ kind, who, chance, what });
  };
  const lines = pressureLines(c, side);
  const turnDays = (c.days[s.turn + 1] ?? c.days[s.turn]! + 1) - c.days[s.turn]!;
  for (const b of branches) {
    for (const k of resignations(c, s, b, hidden)) {
      const m = c.ministers[k]!;
      const lead = s.lead[m.side] === k;
      riskAt('resign', m.name, b.p, lead ? 'resigns: his government falls' : `resigns (his mood below ${m.resignBelow}): standing −${RESIGN_STANDING}`);
      if (lead) riskAt('fall', m.name, b.p, 'resigns, and the game ends');
    }
    // The fall: standing at 0 once this turn's pressure has taken its toll (game.ts, step 6).
    const lead = c.ministers[s.lead[side]]!;
    // Only a fall the order brings about: a lead who falls with no order at all is shown it by his standing.
    if (s.fig[lead.iOffice] === 1 && s.fig[cs.iStanding]! - pressureToll(c, s, side, new Map(), turnDays) > 0) {
      const end = s.fig[cs.iStanding]! + (b.m.get(cs.iStanding) ?? 0) - pressureToll(c, s, side, b.m, turnDays);
      if (end <= 0) riskAt('fall', lead.name, b.p, 'standing reaches 0: he falls and the game ends');
    }
    // Lines the side's groups would cross (a forced item, a revolt) if pressure moved as expected,
    // where the rest of the line's condition holds too (its dates, flags, offices).
    for (const line of lines) {
      const g = c.groups[line.group]!;
      const now = s.fig[g.iPressure]!;
      const after = now + (b.m.get(g.iPressure) ?? 0);
      if (now < line.at && after >= line.at && line.when(withFig(s, g.iPressure, after)))
        riskAt('revolt', g.name, b.p, line.kind === 'forces' ? `at ${line.at}: ${line.by} forces "${line.what}"` : `at ${line.at}: ${line.what}`);
    }
  }

  const expected = new Map<number, number>();
  for (const b of branches) for (const [i, d] of b.m) bump(expected, i, d * b.p);
  // A gamble's range, shifted by what the rules add for certain in that branch (only when it spans both signs).
  const rangeOf = (i: number, m: Map<number, number>, rng: Map<number, [number, number]>, own: Map<number, number>): readonly [number, number] | undefined => {
    const r = rng.get(i);
    if (!r) return undefined;
    const sure = (m.get(i) ?? 0) - (own.get(i) ?? 0);
    const lo = r[0] + sure,
      hi = r[1] + sure;
    return lo < -0.05 && hi > 0.05 ? [lo, hi] : undefined;
  };
  const shown = (m: Map<number, number>, range: (i: number) => readonly [number, number] | undefined) =>
    [...m]
      .filter(([i, d]) => Math.abs(d) >= 0.05 && !hidden.includes(i))
      .map(([i, delta]) => {
        const r = range(i);
        return r ? { fig: c.figs[i]!.id, label: c.figs[i]!.label, delta, range: r } : { fig: c.figs[i]!.id, label: c.figs[i]!.label, delta };
      });
  const failRange = vote?.cabinet ? effectRange(c, s, vote.onFailLinked) : new Map<number, [number, number]>();
  const failOwn = vote?.cabinet ? predictEffects(c, s, vote.onFailLinked) : new Map<number, number>();
  const passR = (i: number) => rangeOf(i, pass.m, passRange, passOwn);
  const failR = (i: number) => rangeOf(i, fail.m, failRange, failOwn);
  // Over both branches: the approved range and the refused one joined (a refusal moving it either way makes it a gamble too).
  const bothR = (i: number): readonly [number, number] | undefined => {
    if (fail.p === 0) return passR(i);
    const a = passR(i) ?? [pass.m.get(i) ?? 0, pass.m.get(i) ?? 0],
      b = failR(i) ?? [fail.m.get(i) ?? 0, fail.m.get(i) ?? 0];
    const lo = Math.min(a[0], b[0]),
      hi = Math.max(a[1], b[1]);
    return lo < -0.05 && hi > 0.05 ? [lo, hi] : undefined;
  };
  for (const r of risks) r.chance = Math.min(1, r.chance);
  return { approval, predicted: shown(expected, bothR), approved: shown(pass.m, passR), refused: vote?.cabinet ? shown(fail.m, failR) : [], risks, forcedBy: null };
}

export function describeAction(c: Compiled, s: GameState, side: Side, a: CAction): LegalAction {
  const pv = predict(c, s, side, a.linked, a.vote, a.incident, 50);
  // An item a minister or group forces this turn goes to the cabinet anyway (game.ts, resolveTurn):
  // ordering it changes nothing but the capital spent, and saying otherwise would mislead.
  const forced = forcedItems(c, s, side, k => k === a.i && actionAvailable(c, s, side, a))[0];
  const marginal = forced ? { predicted: [], risks: [], forcedBy: forced.by } : {};
  return { order: { kind: 'action', id: a.id }, id: a.id, label: a.label, description: a.description, category: a.category, cost: a.cost, ...pv, ...marginal, sources: a.sources };
}

/** What each option of a pending decision would do, as the deciding side is shown it. */
export function describeOption(c: Compiled, s: GameState, side: Side, ev: CEvent, o: COption): Preview {
  return predict(c, s, side, o.linked, o.vote, o.incident, ev.publicity);
}

export function legalActions(c: Compiled, s: GameState, side: Side): LegalAction[] {
  return c.sideActions[side]
    .map(k => c.actions[k]!)
    .filter(a => actionAvailable(c, s, side, a))
    .map(a => describeAction(c, s, side, a));
}

/** Offers the side may answer now. */
/** The other side's notes awaiting `side`'s answer (a reply names one by its number among that side's notes). */
export const answerable = (s: GameState, side: Side) => s.offers.filter(o => o.from !== side && o.status === 'delivered');

export function canOffer(c: Compiled, s: GameState, side: Side): boolean {
  return negotiationOpen(c, s) && outstanding(s, side) === undefined;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Moves come from outside (saves, screens, workers): check their shape before anything else. */
function malformed(move: unknown): string | null {
  if (!isObj(move)) return 'a move must be an object';
  if (move.type !== 'decide' && move.type !== 'orders') return `unknown move type "${String(move.type)}"`;
  if (move.side !== 'britain' && move.side !== 'ussr') return `unknown side "${String(move.side)}"`;
  if (move.type === 'decide') return typeof move.event === 'string' && typeof move.option === 'string' ? null : 'a decision names an event and an option';
  if (!Array.isArray(move.orders)) return 'orders must be a list';
  for (const o of move.orders) {
    if (!isObj(o)) return 'each order must be an object';
    if (o.kind === 'action' && typeof o.id !== 'string') return 'an action order names an action id';
    if (o.kind === 'offer' && (!isObj(o.terms) || !Object.values(o.terms).every(v => typeof v === 'string'))) return 'an offer gives an option id for each term';
    if (o.kind === 'reply' && (typeof o.offer !== 'number' || typeof o.accept !== 'boolean')) return 'a reply names a note number and accept true or false';
    if (o.kind !== 'action' && o.kind !== 'offer' && o.kind !== 'reply') return `unknown order kind "${String(o.kind)}"`;
  }
  return null;
}

/**
 * Whether the j-th order repeats an earlier one (the same action, or an answer to the same note),
 * found by looking back over the few orders before: no set to build at every move.
 */
function repeated(orders: readonly Order[], j: number): boolean {
  const o = orders[j]!;
  for (let i = 0; i < j; i++) {
    const x = orders[i]!;
    if (o.kind === 'action' ? x.kind === 'action' && x.id === o.id : o.kind === 'reply' && x.kind === 'reply' && x.offer === o.offer) return true;
  }
  return false;
}

/** The label of an order before the j-th in the list that it (action `a`) contradicts, if any. */
function contradicted(c: Compiled, a: CAction, orders: readonly Order[], j: number): string | null {
  if (!a.contradicts.length) return null;
  for (let i = 0; i < j; i++) {
    const x = orders[i]!;
    if (x.kind !== 'action') continue;
    const b = c.actionIndex.get(x.id);
    if (b !== undefined && a.contradicts.includes(b)) return c.actions[b]!.label;
  }
  return null;
}

/** Why a move is illegal, or null if it is legal. */
export function checkMove(c: Compiled, s: GameState, move: Move): string | null {
  const bad = malformed(move);
  if (bad) return bad;
  if (s.ended) return `the game is over (${s.ended.reason})`;
  const side = move.side;
  if (side !== 'britain' && side !== 'ussr') return `unknown side "${String(side)}"`;
  if (move.type === 'decide') {
    const k = c.eventIndex.get(move.event);
    if (k === undefined) return `there is no event "${move.event}"`;
    if (!s.pending[side].includes(k)) return `"${c.events[k]!.title}" is not awaiting a decision by ${SIDE_LABEL[side]}`;
    if (!c.events[k]!.decision!.options.some(o => o.id === move.option)) return `"${move.option}" is not an option of "${c.events[k]!.title}"`;
    return checkBallots(c, s, move);
  }
  if (move.type !== 'orders') return `unknown move type "${String((move as { type: unknown }).type)}"`;
  if (s.pending[side].length) return `${SIDE_LABEL[side]} must first decide: ${c.events[s.pending[side][0]!]!.title}`;
  if (s.orders[side] !== null) return `${SIDE_LABEL[side]} has already given its orders this turn`;
  if (!Array.isArray(move.orders)) return 'orders must be a list';
  let cost = 0;
  let offers = 0;
  const orders = move.orders;
  for (let j = 0; j < orders.length; j++) {
    const o = orders[j]!;
    if (o.kind === 'action') {
      const k = c.actionIndex.get(o.id);
      if (k === undefined) return `there is no action "${o.id}"`;
      const a = c.actions[k]!;
      if (repeated(orders, j)) return `"${a.label}" is ordered twice`;
      if (!actionAvailable(c, s, side, a)) return `"${a.label}" is not available to ${SIDE_LABEL[side]} now`;
      const clash = contradicted(c, a, orders, j);
      if (clash) return `"${a.label}" contradicts "${clash}", ordered the same turn: give one or the other`;
      cost += a.cost;
    } else if (o.kind === 'offer') {
      if (++offers > 1) return 'only one offer a turn';
      if (!canOffer(c, s, side)) return negotiationOpen(c, s) ? 'a note of yours is still awaiting an answer' : 'there is no channel for negotiation now';
      const bad = checkTerms(c, s, o.terms as Terms);
      if (bad) return bad;
      cost += c.negotiation.offerCost;
    } else if (o.kind === 'reply') {
      if (!negotiationOpen(c, s)) return `${noteName(other(side), o.offer)} cannot be answered: the talks are closed`;
      if (!answerable(s, side).some(x => x.n === o.offer)) return `${noteName(other(side), o.offer)} is not awaiting your answer`;
      if (repeated(orders, j)) return `${noteName(other(side), o.offer)} is answered twice`;
    } else return `unknown order kind "${String((o as { kind: unknown }).kind)}"`;
  }
  const capital = s.fig[c.side[side].iCapital]!;
  if (cost > capital + 1e-9) return `the orders cost ${cost} political capital; ${SIDE_LABEL[side]} has ${Math.floor(capital)}`;
  return checkBallots(c, s, move);
}
