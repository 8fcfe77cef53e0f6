// The seat view: everything one side may know, built in one place. A screen, a computer player,
// the terminal and a network client get this and nothing else: no seed, no dice, no sealed orders
// of the other side, none of its private business, and its cabinet only when intelligence allows.
//
// What is secret from a side:
// - the other side's political capital, always; its ministers' stances and moods below INTEL_SIGHT;
// - the other side's private business: orders in private categories (and any not marked public),
//   decisions put to it on events that are not public (one the teacher introduced is announced, so
//   that firing is not), every cabinet vote it held (a failed one included), the flags such
//   business can set, its pending decisions and sealed orders;
// - the dice (rng, seed), notes of the other side still on the way, and the queued events its
//   private business may have put there (the rest of the queue is the public calendar's future:
//   consequences of public acts, and of the seat's own);
// - the cause of any change made inside the other side's private business: the figure moves where the
//   seat can see it, but the ledger and news say only that it was the other side's private business.
import type { CEvent, COption, Compiled } from './compiled';
import { actionOpen, canOffer, describeAction, describeOption, type LegalAction, type Preview } from './legal';
import { type Acceptance, acceptance } from './negotiation';
import { type CommonsOdds, commonsOdds } from './parliament';
import { type RoleBrief, roleAt, roleBrief } from './roles';
import { INTEL_SIGHT, secrets, seesOtherCabinet } from './secrets';
import type { GameState, LedgerEntry, NewsItem, Offer, Order, Terms } from './types';
import { ofSide, other, type Side } from './vocab';

export { INTEL_SIGHT };

export interface SeatView {
  readonly scenario: string;
  readonly version: number;
  readonly side: Side;
  readonly turn: number;
  readonly day: number;
  /**
   * Every tracked figure, NaN where this seat cannot see it (read them with `seen`, which says null
   * there). Kept as plain numbers, not numbers and nulls, so building a view copies one flat array:
   * a view is built for every computer move (JSON turns NaN into null on the wire).
   */
  readonly figures: readonly number[];
  /** Indices of the figures this seat cannot see now. */
  readonly hidden: readonly number[];
  /** Whether this seat reads the other cabinet (intelligence at or above `sight`). */
  readonly seesOther: boolean;
  /** The intelligence needed to read the other cabinet, for screens that explain it. */
  readonly sight: number;
  /** Day each flag was set, or -1; flags the other side's private business sets read -1. */
  readonly flags: readonly number[];
  readonly relations: GameState['relations'];
  readonly lead: GameState['lead'];
  /**
   * Day each event last fired, or -1; the other side's private decisions read -1, or the day one
   * last fired as the teacher's injection (announced to the class).
   */
  readonly fired: readonly number[];
  /** Option index chosen at each event, or -1 (the other side's private decisions read -1). */
  readonly chosen: readonly number[];
  /** Day each action was last carried out, or -1 (the other side's private orders read -1). */
  readonly taken: readonly number[];
  /** Day each of this side's actions last failed a cabinet vote, or -1 (the other side's always -1). */
  readonly failed: readonly number[];
  /** This side's actions open to it now (indices, in scenario order): the authority decides. */
  readonly available: readonly number[];
  /** Whether this side may send a note now (a channel open, none of its own awaiting an answer). */
  readonly canOffer: boolean;
  /**
   * Events queued to fire (event index and day), as far as this side may know them: every entry
   * but those the other side's private business may have queued (secrets.ts, `scheduled`); a
   * teacher's injection (`by: 'teacher'`) is always in it, announced to the class when given.
   */
  readonly scheduled: GameState['scheduled'];
  /** Events awaiting this side's decision. */
  readonly pending: readonly number[];
  /** This side's orders for the turn, once given (sealed from the other side). */
  readonly orders: readonly Order[] | null;
  /** Notes: this side's own, and the other side's once they have arrived. */
  readonly offers: readonly Offer[];
  readonly agreed: GameState['agreed'];
  readonly trade: GameState['trade'];
  readonly month: number;
  /** Soviet orders placed in Britain awaiting delivery (trade is public). */
  readonly pipeline: readonly number[];
  /** The news of the last turn and this one that this side heard, oldest first. */
  readonly news: readonly NewsItem[];
  /**
   * Recorded changes to the figures this side can see, newest first; causes inside the other side's
   * private business are withheld. Empty when asked for without it (SeatViewOptions).
   */
  readonly ledger: readonly LedgerEntry[];
  readonly ended: GameState['ended'];
  /**
   * Present only when the view is asked for a role (SeatViewOptions.role): that role's brief with its
   * secret aims. A view never holds any other role's secret aims.
   */
  readonly role?: RoleBrief;
}

/** A figure as the seat knows it: null where it cannot see it. */
export const seen = (v: SeatView, i: number): number | null => {
  const x = v.figures[i];
  return x === undefined || Number.isNaN(x) ? null : x;
};

/** The cause shown for a change made inside a side's private business, to the other side. */
export const hiddenCause = (of: Side): string => `hidden:${of}`;

/**
 * The side's actions open to it now, by index, in scenario order: in `out` if given (what it held is
 * overwritten), else in a new list. `out` is written by index and then cut to length, which keeps
 * its storage; emptying it first (length = 0) gives V8's storage up, and a playout's view, which
 * reuses one list move after move, made a new one at each move.
 */
export function availableActions(c: Compiled, s: GameState, side: Side, out: number[] = []): number[] {
  // Only those not closed on the turn's day by the calendar alone (sideActionsAt): their test would fail.
  const own = ofSide(c.sideActionsAt[s.turn]!, side);
  let n = 0;
  // They are the side's own, so each is open to it if the game goes on and actionOpen says so (actionAvailable's tests, in its order).
  if (!s.ended) for (let j = 0; j < own.length; j++) if (actionOpen(c, s, c.actions[own[j]!]!)) out[n++] = own[j]!;
  // Cut by popping what is left of a longer list: setting `length` is a call into V8's runtime (1%
  // of a 1932 playout, whose lists change length at nearly every move), popping is inlined.
  while (out.length > n) out.pop();
  return out;
}

/** `xs` with the listed entries set to -1, copied only if one of them is set (most turns none is). */
function masked(xs: readonly number[], idx: readonly number[]): readonly number[] {
  let out: number[] | null = null;
  for (let j = 0; j < idx.length; j++) {
    const k = idx[j]!;
    if (xs[k]! >= 0) (out ??= xs.slice())[k] = -1;
  }
  return out ?? xs;
}

/** Masked firings (`fired`, at `idx`) the teacher introduced in front of the class shown on their day. */
function withIntroduced(fired: readonly number[], introduced: readonly number[], idx: readonly number[]): readonly number[] {
  let out: number[] | null = null;
  for (let j = 0; j < idx.length; j++) {
    const k = idx[j]!;
    if (introduced[k]! !== fired[k]) (out ??= fired.slice())[k] = introduced[k]!;
  }
  return out ?? fired;
}

/** A news item or ledger entry as a side may read it: its cause withheld if it came from the other side's private business. */
function redactNews(n: NewsItem, side: Side): NewsItem {
  if (n.origin === undefined || n.origin === side) return n;
  const out: NewsItem = { day: n.day, text: n.text, cause: hiddenCause(n.origin) };
  // A headline stays one: its text is public; its explanation, like its cause, is withheld.
  if (n.headline !== undefined) out.headline = n.headline;
  return out;
}
function redactEntry(e: LedgerEntry, side: Side): LedgerEntry {
  if (e.origin === undefined || e.origin === side) return e;
  return { day: e.day, fig: e.fig, delta: e.delta, value: e.value, cause: hiddenCause(e.origin) };
}

export interface SeatViewOptions {
  /**
   * Include the ledger of causes (default true). It grows all game long, so a computer player,
   * which does not read it, is asked without it.
   */
  ledger?: boolean;
  /**
   * The classroom role at this seat (a role id of this side): the view then carries its brief and
   * secret aims. Without it the view is the side's, with no role's secrets (the lead's screen, a
   * computer player). A role of the other side, or an unknown one, throws naming it.
   */
  role?: string;
}

/** Everything `side` may know of the game now. The only thing that leaves the authority. */
export function seatView(c: Compiled, s: GameState, side: Side, opts: SeatViewOptions = {}): SeatView {
  // A view is built for every computer move, so this reads BySide records through ofSide (a varying
  // key slows V8's lookups) and allocates nothing it can share.
  const sec = secrets(c);
  const them = other(side);
  const sees = seesOtherCabinet(c, s, side);
  const h = ofSide(sec.hidden, side);
  const hidden = sees ? h.sees : h.blind;
  const figures = s.fig.slice();
  for (let j = 0; j < hidden.length; j++) figures[hidden[j]!] = Number.NaN;
  // The news of the last turn and this one, as this side heard it.
  const news = s.news ? heardSince(s, side, c.days[Math.max(0, s.turn - 1)]!) : (NONE as NewsItem[]);
  let ledger = NONE as LedgerEntry[];
  if (opts.ledger !== false && s.ledger) {
    ledger = [];
    for (let n: GameState['ledger'] = s.ledger; n; n = n.n) if (!Number.isNaN(figures[n.e.fig]!)) ledger.push(redactEntry(n.e, side));
  }
  const mine = side === 'britain';
  const events = ofSide(sec.events, them);
  const view: SeatView = {
    scenario: s.scenario,
    version: s.version,
    side,
    turn: s.turn,
    day: c.days[s.turn]!,
    figures,
    hidden,
    seesOther: sees,
    sight: INTEL_SIGHT,
    flags: masked(s.flags, ofSide(sec.flags, them)),
    relations: s.relations,
    lead: s.lead,
    fired: s.introduced ? withIntroduced(masked(s.fired, events), s.introduced, events) : masked(s.fired, events),
    chosen: masked(s.chosen, events),
    taken: masked(s.taken, ofSide(sec.actions, them)),
    // Failed votes: this side's own only.
    failed: masked(s.failed, ofSide(sec.allActions, them)),
    available: availableActions(c, s, side),
    canOffer: canOffer(c, s, side),
    scheduled: visibleQueue(s.scheduled, ofSide(sec.scheduled, them)),
    pending: mine ? s.pending.britain : s.pending.ussr,
    orders: mine ? s.orders.britain : s.orders.ussr,
    offers: visibleOffers(s.offers, them),
    agreed: s.agreed,
    trade: s.trade,
    month: s.month,
    pipeline: s.pipeline,
    news,
    ledger,
    ended: s.ended,
  };
  return opts.role === undefined ? view : withRole(c, view, opts.role);
}

/** The news `side` heard from day `since` on, oldest first, each as it may read it (the other side's private causes withheld). */
function heardSince(s: GameState, side: Side, since: number): NewsItem[] {
  const news: NewsItem[] = [];
  for (let n: GameState['news'] = s.news; n && n.e.day >= since; n = n.n) if (n.e.side === undefined || n.e.side === side) news.push(redactNews(n.e, side));
  return news.reverse();
}

/**
 * Every report `side` has heard this game, oldest first, by the view's own rules: the view's `news`
 * is its tail (the last turn and this one). For a page that opens on a game under way (a classroom
 * seat reloaded or taken back) and reads the earlier turns' reports from the authority.
 */
export const seatReports = (s: GameState, side: Side): NewsItem[] => heardSince(s, side, Number.NEGATIVE_INFINITY);

/**
 * A side's view (without a role) given to one of its roles: the view with that role's brief and
 * secret aims, as `seatView` with `role` builds it. For a host that holds the side's view already
 * and seats several roles of the side (the classroom server), so it is not rebuilt for each.
 */
export function withRole(c: Compiled, view: SeatView, role: string): SeatView {
  const r = roleAt(c, role);
  if (r.side !== view.side) throw new Error(`role "${r.id}" plays for ${r.side}, not ${view.side}`);
  return { ...view, role: roleBrief(c, r.id) };
}

/** Shared by every view with no news or ledger: nothing to copy. */
const NONE: never[] = Object.freeze([]) as never[];

/**
 * The queue without the entries of events `secret` lists (copied only if one is there; most turns
 * the queue is short or empty). A teacher's injection stays whatever the event: the teacher gives it
 * in front of the class (the room announces it to every seat), so it is public from the moment it is queued.
 */
function visibleQueue(q: GameState['scheduled'], secret: readonly number[]): GameState['scheduled'] {
  const hidden = (x: GameState['scheduled'][number]) => x.by !== 'teacher' && secret.includes(x.ev);
  for (let j = 0; j < q.length; j++) if (hidden(q[j]!)) return q.filter(x => !hidden(x));
  return q;
}

/** Notes the other side has sent are seen only once they arrive; one that lapsed on its way, never. */
export function visibleOffers(offers: readonly Offer[], them: Side): readonly Offer[] {
  const unseen = (x: Offer) => x.from === them && (x.status === 'sent' || x.unread === true);
  for (let j = 0; j < offers.length; j++) if (unseen(offers[j]!)) return offers.filter(x => !unseen(x));
  return offers;
}

/**
 * A game state as the seat believes it: the view's facts, each figure it cannot see unknown (NaN),
 * no dice, the queue as far as it knows it, no other side's orders or decisions. The engine's rule
 * functions (legal orders, cabinet odds, predictions) run on it unchanged, so what a seat is offered
 * is computed from what it knows; a computer player is given this, never the game's own state.
 */
export type SeatState = Readonly<GameState> & { readonly seat: Side };

const NO_DICE = { c: 0, s0: 0, s1: 0, s2: 0 } as const;

export function seatState(v: SeatView): SeatState {
  // The view's own array: a figure the seat cannot see stays NaN, so any rule that reads one
  // reads "unknown" (a comparison with it is false), never a made-up value.
  const fig = v.figures as number[];
  const mine = v.pending as number[];
  const orders = v.orders as Order[] | null;
  return {
    scenario: v.scenario,
    version: v.version,
    seed: '',
    turn: v.turn,
    rng: NO_DICE,
    rolls: 0,
    fig,
    flags: v.flags as number[],
    relations: v.relations,
    lead: v.lead,
    fired: v.fired as number[],
    chosen: v.chosen as number[],
    taken: v.taken as number[],
    scheduled: v.scheduled as GameState['scheduled'],
    pending: v.side === 'britain' ? { britain: mine, ussr: [] } : { britain: [], ussr: mine },
    orders: v.side === 'britain' ? { britain: orders, ussr: null } : { britain: null, ussr: orders },
    offers: v.offers as Offer[],
    agreed: v.agreed,
    trade: v.trade,
    pipeline: v.pipeline as number[],
    failed: v.failed as number[],
    month: v.month,
    record: false,
    ledger: null,
    news: null,
    ended: v.ended,
    seat: v.side,
  };
}

// ---- What a seat is offered, computed from its view alone ----------------------------------------

/** The seat's legal orders, with costs, its cabinet's odds and the predicted effects (hidden figures left out). */
export function seatLegal(c: Compiled, v: SeatView, believed: SeatState = seatState(v)): LegalAction[] {
  return v.available.map(k => describeAction(c, believed, v.side, c.actions[k]!));
}

/** What an option of one of the seat's pending decisions would do, as the seat is shown it. */
export function seatOption(c: Compiled, v: SeatView, ev: CEvent, o: COption, believed: SeatState = seatState(v)): Preview {
  return describeOption(c, believed, v.side, ev, o);
}

/**
 * How a cabinet would take a package: the seat's own always; the other side's only when the seat
 * reads the other cabinet (null otherwise), since it rests on the other ministers' stances.
 */
export function seatAcceptance(c: Compiled, v: SeatView, whose: Side, terms: Terms, believed: SeatState = seatState(v)): Acceptance | null {
  if (whose !== v.side && !v.seesOther) return null;
  return acceptance(c, believed, whose, terms);
}

/**
 * The Commons' odds on an agreement, once both cabinets have ratified it (negotiation.ts,
 * replyToOffer), as the seat can reckon them from the pressures it sees; null where the scenario
 * asks for no vote. They do not depend on the terms: any agreement eases Britain's negotiation issue.
 */
export function seatCommons(c: Compiled, believed: SeatState): CommonsOdds | null {
  return c.negotiation.commonsVote ? commonsOdds(c, believed, c.negotiation.issue.britain, -1) : null;
}

/** The other side's notes awaiting this seat's answer. */
export const seatAnswerable = (v: SeatView): Offer[] => v.offers.filter(o => o.from !== v.side && o.status === 'delivered');
