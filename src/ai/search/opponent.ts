// How the other cabinet answers this seat's notes, learned from the answers the seat's view shows.
// The playouts play the other side as its persona, which takes any package its cabinet would
// ratify. Some opponents do not: a hardliner or the historical player refuses every note, and a
// time-dependent bargainer refuses early what it takes late. So once the other side has answered a
// note of the seat's, each world's other side is one of three kinds, drawn from a posterior that
// the answers (and the notes the other side itself sent) update by their likelihood:
// - its persona, answering by the cabinet of that world (its stances drawn by the sampler): a reply
//   unlike what that cabinet would give is unlikely;
// - a cabinet that refuses every note of the seat's (one acceptance all but rules it out, and so
//   does its own notes coming down: such a cabinet holds out);
// - a cabinet that takes a package only if it is worth at least a threshold to it (by its term
//   table, which is public), the threshold falling with the negotiation clock in one of a few ways
//   (not at all, evenly, or at the last): a refused package says the threshold stood above its
//   worth then; a package the other side proposed or accepted, that it stood at or below.
// A refused package is so doubted, and no-more-generous ones with it, while a more generous one
// still passes in the worlds whose threshold it clears, and more of them as the clock runs.
// Only the view is read: the answers to notes are public, the clock is read off the view, and the
// worlds are the sampler's.

import { logistic } from '../../engine/cabinet';
import type { Compiled } from '../../engine/compile';
import { acceptanceShare, packageValue } from '../../engine/negotiation';
import type { GameState, Order, Terms } from '../../engine/types';
import { other, type Side } from '../../engine/vocab';
import { negotiationClock, turnOfDay } from '../bargain';
import type { Ctx, Player } from '../player';
import { cabinetThreshold } from '../ratify';
import type { Policy, World } from './playout';

/** One thing the view shows of how the other side takes a package: a note of the seat's answered, or a note it sent itself. */
export interface Answer {
  readonly terms: Terms;
  /** Worth of the package to the other side by its term table. */
  readonly value: number;
  /** The negotiation clock (0-1) when it answered or proposed. */
  readonly clock: number;
  /** Accepted (or proposed by the other side) rather than refused. */
  readonly accepted: boolean;
  /** The other side's own note, not an answer to the seat's. */
  readonly proposed: boolean;
}

/** Prior weight of each kind of cabinet before any answer. */
const PRIOR = { persona: 0.5, refuser: 0.1, threshold: 0.4 } as const;
/**
 * The threshold's prior: half of it spread evenly from nothing to the best package for the other
 * side (a government may hold out for far more than its cabinet would take: a Boulware or a
 * hardliner asks near its best), half about the other cabinet's threshold at the start (ratify.ts,
 * `cabinetThreshold`), spread by this share of the best package's worth.
 */
const THRESHOLD_SD = 0.15;
/** Chance a reply goes against a kind's rule anyway (stances drift, a government has its reasons). */
const SLIP = 0.08;
/** Chance a cabinet that refuses every note accepts one. */
const REFUSER_SLIP = 0.02;
/**
 * How the threshold falls with the clock t: by `fall` of where it starts at the clock's end, as t
 * to the `power`. None; evenly to a half or to nothing; and to nothing at the last (t^4, a Boulware
 * that refuses at nine tenths of the clock what it takes at the end).
 */
const FALLS = [
  { fall: 0, power: 1 },
  { fall: 0.5, power: 1 },
  { fall: 1, power: 1 },
  { fall: 1, power: 4 },
] as const;
/** Steps of the threshold grid between nothing and the best package for the other side. */
const STEPS = 16;

/** A threshold cabinet: takes a package worth `theta * (1 - fall * clock^power)` or more to it. */
export interface Threshold {
  readonly theta: number;
  readonly fall: number;
  readonly power: number;
}

/** A threshold cabinet's threshold at clock t. */
export const thresholdAt = (h: Threshold, t: number): number => h.theta * (1 - h.fall * t ** h.power);

/** The kind of cabinet one world's other side is: its persona, one refusing every note, or a threshold. */
export type Kind = { kind: 'persona' } | { kind: 'refuser' } | ({ kind: 'threshold' } & Threshold);

/** What the seat's view shows of the other side's answers, oldest first. */
export function answersOf(c: Compiled, ctx: Ctx): Answer[] {
  const { view } = ctx;
  const them = other(view.side);
  const clock = negotiationClock(c, ctx);
  const out: Answer[] = [];
  for (const o of [...view.offers].sort((a, b) => a.n - b.n)) {
    let accepted: boolean | null = null;
    if (o.from === view.side) {
      if (o.status === 'rejected') accepted = false;
      else if (o.status === 'accepted' || o.status === 'ratified' || o.status === 'failed') accepted = true;
    } else if (o.status !== 'sent') accepted = true;
    if (accepted === null) continue;
    const day = o.from === view.side ? o.arrivesDay : o.sentDay;
    out.push({ terms: o.terms, value: packageValue(c, o.terms, them), clock: clock(turnOfDay(c, day)), accepted, proposed: o.from !== view.side });
  }
  return out;
}

/** Whether a package passes a threshold cabinet at clock t. */
export const clears = (h: Threshold, value: number, t: number): boolean => value >= thresholdAt(h, t);

/** Likelihood of the answers under a threshold cabinet (a soft edge of one grid step). */
function thresholdLikelihood(h: Threshold, answers: readonly Answer[], step: number): number {
  let l = 1;
  for (const a of answers) {
    const p = SLIP + (1 - 2 * SLIP) * logistic((a.value - thresholdAt(h, a.clock)) / step);
    l *= a.accepted ? p : 1 - p;
  }
  return l;
}

/**
 * Likelihood of the other side's own notes under a cabinet that refuses every note of the seat's:
 * such a cabinet holds out for what it asked, so each note of its own worth clearly less to it than
 * one it sent before (a concession, by more than a grid step) is unlikely. A Boulware or a Conceder
 * comes down in its notes as the clock runs; a hardliner does not, nor does a player that sends none.
 */
function holdsOut(answers: readonly Answer[], step: number): number {
  let l = 1,
    asked = -Infinity;
  for (const a of answers) {
    if (!a.proposed) continue;
    if (a.value < asked - step) l *= SLIP;
    asked = Math.max(asked, a.value);
  }
  return l;
}

/** The persona's rule in a world: it takes a package its cabinet there would ratify and that is worth something to it. */
const personaTakes = (c: Compiled, s: GameState, them: Side, terms: Terms): boolean => acceptanceShare(c, s, them, terms) >= 0.5 && packageValue(c, terms, them) >= 0;

/** Likelihood of the answers under the persona of world w (its cabinet now standing for its cabinet then). */
function personaLikelihood(c: Compiled, w: World, them: Side, answers: readonly Answer[]): number {
  let l = 1;
  for (const a of answers) l *= personaTakes(c, w.state, them, a.terms) === a.accepted ? 1 - SLIP : SLIP;
  return l;
}

/** The model of the other side for one decision: the kinds, and each world's posterior over them. */
export interface Opponent {
  readonly answers: readonly Answer[];
  /** The negotiation clock (0-1) at the decision. */
  readonly now: number;
  readonly kinds: readonly Kind[];
  /** Posterior over `kinds`, averaged over the worlds: what the reasons report. */
  readonly posterior: readonly number[];
  /** The kind each world's other side plays (an index into `kinds`). */
  readonly drawn: readonly number[];
  /** The policy each world is played with. */
  readonly policies: readonly Policy[];
}

/**
 * A stratified draw for world j: golden-ratio steps spread the draws evenly over [0, 1), so every
 * round of worlds gets its share of each kind, and no dice are spent (the worlds and their dice
 * stay what they would be without the model).
 */
const stratum = (j: number): number => ((j + 0.5) * 0.6180339887498949) % 1;

/** Whether the other side, a cabinet of `kind` in world state `s`, takes a note of the seat's with `terms` at clock t. */
export function takes(c: Compiled, kind: Kind, s: GameState, seat: Side, terms: Terms, t: number): boolean {
  const them = other(seat);
  if (kind.kind === 'persona') return personaTakes(c, s, them, terms);
  return kind.kind === 'threshold' && clears(kind, packageValue(c, terms, them), t);
}

/** The other side answering the seat's notes as a cabinet of `kind`; everything else as `base`. */
export function answering(base: Player, seat: Side, kind: Kind, clock: (turn: number) => number): Player {
  if (kind.kind === 'persona') return base;
  const c = (ctx: Ctx, terms: Terms) => takes(ctx.c, kind, ctx.state, seat, terms, clock(ctx.view.turn));
  return {
    kind: `${base.kind}, answering as a ${kind.kind}`,
    decide: (ctx, ev) => base.decide(ctx, ev),
    orders: ctx => {
      let agreed = false;
      return base.orders(ctx).map((o): Order => {
        if (o.kind !== 'reply') return o;
        const note = ctx.view.offers.find(x => x.n === o.offer);
        if (note?.from !== seat) return o;
        const accept = !agreed && c(ctx, note.terms);
        agreed ||= accept;
        return { ...o, accept };
      });
    },
  };
}

/**
 * The model of the other side from the seat's view, for the worlds of one decision; undefined
 * until the other side has answered a note of the seat's (before that the persona is the model,
 * as it always was).
 */
export function opponentModel(policy: Policy, ctx: Ctx, worlds: readonly World[]): Opponent | undefined {
  const { c } = policy;
  const seat = ctx.side,
    them = other(seat);
  const answers = answersOf(c, ctx);
  if (!answers.some(a => !a.proposed)) return undefined;
  let top = 0;
  for (const t of c.terms) top += Math.max(...t.options.map(o => o.value[them]));
  const step = Math.max(1, top / STEPS);
  const kinds: Kind[] = [{ kind: 'persona' }, { kind: 'refuser' }];
  const prior: number[] = [PRIOR.persona, PRIOR.refuser];
  const centre = Math.max(0, cabinetThreshold(c, c.initialFig, them) ?? 0);
  const bell = Array.from({ length: STEPS + 1 }, (_, k) => Math.exp(-0.5 * ((k * step - centre) / (THRESHOLD_SD * top)) ** 2));
  const sum = bell.reduce((a, b) => a + b, 0);
  for (const f of FALLS)
    bell.forEach((b, k) => {
      kinds.push({ kind: 'threshold', theta: k * step, ...f });
      prior.push((PRIOR.threshold * ((0.5 * b) / sum + 0.5 / bell.length)) / FALLS.length);
    });
  // The answers' likelihood under each kind but the persona is the same in every world.
  const replies = answers.filter(a => !a.proposed);
  const refuser = replies.reduce((l, a) => l * (a.accepted ? REFUSER_SLIP : 1), 1) * holdsOut(answers, step);
  const fixed = kinds.map((k, i) => prior[i]! * (k.kind === 'refuser' ? refuser : k.kind === 'threshold' ? thresholdLikelihood(k, answers, step) : 1));
  const clock = negotiationClock(c, ctx);
  const cache = new Map<number, Policy>();
  const policyOf = (i: number): Policy => {
    let p = cache.get(i);
    if (!p) {
      p = i === 0 ? policy : { ...policy, players: { ...policy.players, [them]: answering(policy.players[them], seat, kinds[i]!, clock) } };
      cache.set(i, p);
    }
    return p;
  };
  const posterior = kinds.map(() => 0);
  const drawn: number[] = [];
  worlds.forEach((w, j) => {
    const post = fixed.slice();
    // The persona's own notes are its cabinet's to propose: only the replies test it.
    post[0] = post[0]! * personaLikelihood(c, w, them, replies);
    const z = post.reduce((a, b) => a + b, 0);
    let u = stratum(j) * z,
      i = 0;
    while (i < post.length - 1 && u >= post[i]!) u -= post[i++]!;
    drawn.push(i);
    post.forEach((x, k) => {
      posterior[k] = posterior[k]! + x / z / worlds.length;
    });
  });
  return { answers, now: clock(ctx.view.turn), kinds, posterior, drawn, policies: drawn.map(policyOf) };
}

/** The posterior by kind, for the reasons: persona, refuser, threshold (all rates together). */
export function byKind(m: Opponent): { persona: number; refuser: number; threshold: number } {
  const out = { persona: 0, refuser: 0, threshold: 0 };
  m.kinds.forEach((k, i) => {
    out[k.kind] += m.posterior[i]!;
  });
  return out;
}

/**
 * The least worth to the other side (term table) a package needs to pass in half the threshold
 * worlds at clock t: what the reasons quote as "it now wants at least".
 */
export function medianThreshold(m: Opponent, t: number): number | null {
  const ts = m.kinds.flatMap((k, i) => (k.kind === 'threshold' ? [{ at: thresholdAt(k, t), p: m.posterior[i]! }] : [])).sort((a, b) => a.at - b.at);
  const total = ts.reduce((a, x) => a + x.p, 0);
  if (!(total > 0)) return null;
  let acc = 0;
  for (const x of ts) {
    acc += x.p;
    if (acc >= total / 2) return x.at;
  }
  return ts[ts.length - 1]!.at;
}
