// What a side may do now, with costs, the cabinet's expected verdict and the predicted effects:
// one list serves the computer players and the screen alike.
import { approvalChance } from './cabinet';
import type { CAction, CEvent, COption, Compiled, IncidentResp, Vote } from './compiled';
import { incidentDeltas } from './incidents';
import { hiddenFigures } from './secrets';
import { unhandled, type LinkedEffect } from './linked';
import { checkTerms, negotiationOpen, outstanding } from './negotiation';
import type { GameState, Move, Order, Terms } from './types';
import { ofSide, type Side } from './vocab';

export const FAILED_VOTE_REST_DAYS = 7;

export function actionAvailable(c: Compiled, s: GameState, side: Side, a: CAction): boolean {
  if (a.side !== side || s.ended) return false;
  const last = s.taken[a.i]!, day = c.days[s.turn]!;
  if (last >= 0 && (a.once || day - last < a.cooldownDays)) return false;
  // A cabinet that has just turned an item down will not hear it again for a week (or its cooldown).
  const failed = s.failed[a.i]!;
  if (failed >= 0 && day - failed < Math.max(FAILED_VOTE_REST_DAYS, a.cooldownDays)) return false;
  return a.when === null || a.when(s);
}

export interface Prediction { fig: string; label: string; delta: number }
export interface LegalAction {
  order: Order;
  id: string;
  label: string;
  description: string;
  category: string;
  cost: number;
  /** Chance the cabinet approves, or null when no vote is needed. */
  approval: number | null;
  /** Expected changes (chance effects weighted by their odds; group reactions included). */
  predicted: Prediction[];
  sources: string[];
}

/** Expected figure changes of an effect list on this state (chance branches weighted by their odds). */
export function predictEffects(c: Compiled, s: GameState, effects: readonly LinkedEffect[], weight = 1, into = new Map<number, number>()): Map<number, number> {
  for (const e of effects) {
    switch (e.k) {
      case 'addFig': into.set(e.fig, (into.get(e.fig) ?? 0) + e.by * weight); break;
      case 'setFig': into.set(e.fig, (into.get(e.fig) ?? 0) + (e.to - s.fig[e.fig]!) * weight); break;
      case 'chance':
        predictEffects(c, s, e.then, weight * e.p, into);
        predictEffects(c, s, e.else, weight * (1 - e.p), into);
        break;
      case 'if': {
        const holds = c.condOf.get(e.cond)?.(s) ?? true;
        predictEffects(c, s, holds ? e.then : e.else, weight, into);
        break;
      }
      // No figure moves directly (resignations and the like move some through the rules, unpredicted).
      case 'flag': case 'relations': case 'resign': case 'dismiss': case 'appoint': case 'setLead': case 'schedule': case 'news': case 'end': break;
      default: unhandled(e);
    }
  }
  return into;
}

/**
 * The prediction a side is shown for carrying out an order or option: its effects, the standard
 * consequences of an incident response and its groups' reactions, weighted by the chance the
 * cabinet approves. Figures the side cannot see are left out.
 */
function predict(c: Compiled, s: GameState, side: Side, effects: readonly LinkedEffect[], vote: Vote | null, incident: IncidentResp | null, publicity: number): { approval: number | null; predicted: Prediction[] } {
  const approval = vote?.cabinet ? approvalChance(c, s, side, vote) : null;
  const p = approval ?? 1;
  const m = predictEffects(c, s, effects, p);
  if (incident) for (const x of incidentDeltas(c, side, incident, publicity)) m.set(x.fig, (m.get(x.fig) ?? 0) + x.delta * p);
  if (vote) {
    for (const k of ofSide(c.side, side).groups) {
      const g = c.groups[k]!;
      const agree = (g.stance[vote.issue]! / 100) * vote.direction;
      if (agree !== 0) m.set(g.iPressure, (m.get(g.iPressure) ?? 0) - 12 * agree * p);
    }
  }
  const hidden = hiddenFigures(c, s, side);
  const predicted = [...m].filter(([i, d]) => Math.abs(d) >= 0.05 && !hidden.includes(i)).map(([i, delta]) => ({ fig: c.figs[i]!.id, label: c.figs[i]!.label, delta }));
  return { approval, predicted };
}

export function describeAction(c: Compiled, s: GameState, side: Side, a: CAction): LegalAction {
  const { approval, predicted } = predict(c, s, side, a.linked, a.vote, a.incident, 50);
  return { order: { kind: 'action', id: a.id }, id: a.id, label: a.label, description: a.description, category: a.category, cost: a.cost, approval, predicted, sources: a.sources };
}

/** What each option of a pending decision would do, as the deciding side is shown it. */
export function describeOption(c: Compiled, s: GameState, side: Side, ev: CEvent, o: COption): { approval: number | null; predicted: Prediction[] } {
  return predict(c, s, side, o.linked, o.vote, o.incident, ev.publicity);
}

export function legalActions(c: Compiled, s: GameState, side: Side): LegalAction[] {
  return c.sideActions[side].map(k => c.actions[k]!).filter(a => actionAvailable(c, s, side, a)).map(a => describeAction(c, s, side, a));
}

/** Offers the side may answer now. */
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
    if (!s.pending[side].includes(k)) return `"${c.events[k]!.title}" is not awaiting a ${side} decision`;
    if (!c.events[k]!.decision!.options.some(o => o.id === move.option)) return `"${move.option}" is not an option of "${c.events[k]!.title}"`;
    return null;
  }
  if (move.type !== 'orders') return `unknown move type "${String((move as { type: unknown }).type)}"`;
  if (ofSide(s.pending, side).length) return `${side} must first decide: ${c.events[s.pending[side][0]!]!.title}`;
  if (ofSide(s.orders, side) !== null) return `${side} has already given its orders this turn`;
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
      if (!actionAvailable(c, s, side, a)) return `"${a.label}" is not available to ${side} now`;
      cost += a.cost;
    } else if (o.kind === 'offer') {
      if (++offers > 1) return 'only one offer a turn';
      if (!canOffer(c, s, side)) return negotiationOpen(c, s) ? 'a note of yours is still awaiting an answer' : 'there is no channel for negotiation now';
      const bad = checkTerms(c, o.terms as Terms);
      if (bad) return bad;
      cost += c.negotiation.offerCost;
    } else if (o.kind === 'reply') {
      if (!answerable(s, side).some(x => x.n === o.offer)) return `note ${o.offer} is not awaiting your answer`;
      if (repeated(orders, j)) return `note ${o.offer} is answered twice`;
    } else return `unknown order kind "${String((o as { kind: unknown }).kind)}"`;
  }
  const capital = s.fig[ofSide(c.side, side).iCapital]!;
  if (cost > capital + 1e-9) return `the orders cost ${cost} political capital; ${side} has ${Math.floor(capital)}`;
  return null;
}

