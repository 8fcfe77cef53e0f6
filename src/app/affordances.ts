// What a seat is offered, computed from its view alone: its legal orders with costs, cabinet odds
// and predictions; the decision before it with its options in the order shown; the notes awaiting
// its answer; how a cabinet would take a package (the other one only when the view reads it).
// Screens in both front ends read these and the view, never the game state.
import {
  type Acceptance,
  type CEvent,
  type COption,
  type CommonsOdds,
  type Compiled,
  type CTerm,
  type LegalAction,
  noteName,
  type Offer,
  openOptions,
  other,
  type Preview,
  REFUSAL_COST,
  type SeatState,
  type SeatView,
  type Side,
  seatAcceptance,
  seatAnswerable,
  seatCommons,
  seatLegal,
  seatOption,
  seatState,
  sideInSentence,
  type Terms,
} from '../engine/index';
import { pct } from './numbers';

export interface DecisionOption extends Preview {
  option: COption;
}

/** The first matter awaiting the seat's decision, its options in the order they are shown. */
export interface Decision {
  event: CEvent /** Decisions awaiting, this one included. */;
  left: number;
  options: DecisionOption[];
}

export interface Affordances {
  readonly view: SeatView;
  readonly legal: readonly LegalAction[];
  readonly decision: Decision | null;
  readonly answerable: readonly Offer[];
  /** How `whose` cabinet would take a package; null for the other cabinet unless the view reads it. */
  acceptance(whose: Side, terms: Terms): Acceptance | null;
  /** The Commons' odds on any agreement once both cabinets ratify it, from the pressures the seat sees; null if the scenario has no such vote. */
  commons(): CommonsOdds | null;
  /** A term's options that may be offered now (what each presupposes holds), in the scenario's order. */
  termOptions(t: CTerm): CTerm['options'];
}

/** The option order is the authority's (it is keyed by the seed, which the view does not carry). */
export type OptionOrder = (ev: CEvent) => readonly number[];

/** Each part is computed when first read, from one believed state. */
class SeatAffordances implements Affordances {
  #believed: SeatState | undefined;
  #legal: LegalAction[] | undefined;
  #decision: Decision | null | undefined;
  constructor(
    private readonly c: Compiled,
    readonly view: SeatView,
    private readonly order: OptionOrder,
  ) {}
  private get believed(): SeatState {
    return (this.#believed ??= seatState(this.view));
  }
  get legal(): readonly LegalAction[] {
    return (this.#legal ??= seatLegal(this.c, this.view, this.believed));
  }
  get decision(): Decision | null {
    if (this.#decision !== undefined) return this.#decision;
    const k = this.view.pending[0];
    if (k === undefined) return (this.#decision = null);
    const ev = this.c.events[k]!;
    const options = this.order(ev).map(j => {
      const o = ev.decision!.options[j]!;
      return { option: o, ...seatOption(this.c, this.view, ev, o, this.believed) };
    });
    return (this.#decision = { event: ev, left: this.view.pending.length, options });
  }
  get answerable(): readonly Offer[] {
    return seatAnswerable(this.view);
  }
  acceptance(whose: Side, terms: Terms): Acceptance | null {
    return seatAcceptance(this.c, this.view, whose, terms, this.believed);
  }
  commons(): CommonsOdds | null {
    return seatCommons(this.c, this.believed);
  }
  termOptions(t: CTerm): CTerm['options'] {
    return openOptions(t, this.believed);
  }
}

/**
 * Keep a draft to what may be offered now: a term whose chosen option is no longer on offer (or has
 * none) takes the open option the side's own cabinet values most. Returns the same object, changed.
 */
export function keepDraftOpen(c: Compiled, aff: Affordances, side: Side, draft: Terms): Terms {
  for (const t of c.terms) {
    const open = aff.termOptions(t);
    if (open.some(o => o.id === draft[t.id])) continue;
    const best = [...open].sort((a, b) => b.value[side] - a.value[side])[0];
    if (best) draft[t.id] = best.id;
  }
  return draft;
}

export const affordances = (c: Compiled, view: SeatView, order: OptionOrder): Affordances => new SeatAffordances(c, view, order);

/**
 * How a cabinet stands on a package, one phrase for both front ends. The two numbers measure
 * different things (engine/negotiation.ts, acceptance): the share of the cabinet's influence held by
 * ministers who find the package worth what they ask, and the chance its ratification vote passes
 * once the note is accepted, which rises with that share and with the lead's standing. So a cabinet
 * with no one for a package can still, rarely, ratify it, and one mostly for it can still refuse.
 */
export const acceptanceWords = (a: Pick<Acceptance, 'share' | 'chance'>): string => `${pct(a.share)} of its influence backs the package; ${pct(a.chance)} chance it ratifies if accepted`;

/** The same, at more length: the browser's tooltip on the two numbers. */
export const ACCEPTANCE_HELP =
  'The first number is the share of the cabinet, weighted by influence, whose ministers find the package worth what they ask. The second is the chance the cabinet ratifies it when the note is accepted: a vote whose odds rise with that share and with the lead’s standing.';

/**
 * How one term of a package pulls a cabinet (Acceptance.terms): the share of its influence whose vote
 * for the package the term wins, or turns against it, against the term worth nothing to the side.
 */
export function termPullWords(t: Pick<Acceptance['terms'][number], 'pull' | 'value'>): string {
  if (t.pull >= 0.005) return `wins ${pct(t.pull)} of the cabinet`;
  if (t.pull <= -0.005) return `turns ${pct(-t.pull)} of the cabinet against`;
  // No vote turns on it alone (the package is far from, or well past, each minister's bar), but its
  // value still counts: "in favour", not a bare "counts for;", which read as a phrase cut short.
  return t.value === 0 ? 'counts for nothing' : `counts ${t.value > 0 ? 'in favour' : 'against'}; sways no vote alone`;
}

/**
 * How many decisions wait after the one shown, one phrase for both front ends, or '' for the last.
 * (The browser's title said "(1 of 2 decisions)" on the first and nothing on the second, which read
 * as a count gone wrong; the terminal already said what remains.)
 */
export const decisionsAfterWords = (left: number): string => (left > 1 ? `${left - 1} more decision${left > 2 ? 's' : ''} after this` : '');

/** The same, at more length: the browser's tooltip on a term's pull. */
export const TERM_PULL_HELP =
  'How this term moves the cabinet: the share of its influence that would vote the other way on the whole package were this term worth nothing to your side. Only the package as a whole is voted on.';

/** The Commons' step, one phrase for both front ends: its chance and the party groups pressing against an agreement. */
export function commonsWords(c: Compiled, odds: CommonsOdds): string {
  const chance = Number.isNaN(odds.chance) ? 'unknown chance' : `${pct(odds.chance)} chance`;
  const groups = odds.against.map(x => `${c.groups[x.group]!.name} (pressure ${Number.isNaN(x.pressure) ? '?' : Math.round(x.pressure)})`);
  return `${chance} it approves, after both cabinets ratify; ${groups.length ? `${groups.join(', ')} oppose any agreement, and the higher their pressure, the likelier a revolt` : 'no party group opposes an agreement'}`;
}

/** The chance an agreement binds once accepted, when every step's odds are known to the seat: both cabinets, then the Commons if it votes. */
export function bindChance(mine: Acceptance, theirs: Acceptance | null, commons: CommonsOdds | null): number | null {
  if (!theirs) return null;
  const p = mine.chance * theirs.chance * (commons ? commons.chance : 1);
  return Number.isNaN(p) ? null : p;
}

/** Whether to warn before the seat sends or accepts a package: its own cabinet would more likely refuse it than ratify it. */
export const ownCabinetBalks = (mine: Acceptance): boolean => mine.chance < 0.5;

/** The warning itself, for both front ends. */
export const balkWarning = (mine: Acceptance, doing: 'send' | 'accept'): string =>
  `Your own cabinet will probably not ratify this package: only ${pct(mine.chance)} chance. ${doing === 'send' ? 'If the other side accepts it' : 'If you accept it'}, the agreement most likely fails at your own cabinet and you lose ${REFUSAL_COST} standing. You may still ${doing} it.`;

/** Where a note stands, for the list of notes so far. */
const NOTE_STATUS: Record<Offer['status'], string> = {
  sent: 'on its way',
  delivered: 'delivered, awaiting an answer',
  accepted: 'accepted, awaiting ratification',
  rejected: 'rejected',
  ratified: 'ratified by both sides',
  failed: 'accepted, but ratification failed',
  lapsed: 'lapsed unanswered',
};

/**
 * A line of the list of notes so far: "British note 1: rejected". A note that lapsed on its way is
 * only ever in its sender's list (seat.ts): it says who never received it.
 */
export function noteRecordWords(c: Compiled, o: Offer): string {
  const status = o.unread ? `lapsed before it arrived, so ${sideInSentence(c.sc, other(o.from))} never received it` : NOTE_STATUS[o.status];
  return `${noteName(o.from, o.n)}: ${status}`;
}

/**
 * Why the seat cannot draft a note, when no note of its own is outstanding: the talks have not
 * opened (the scenario's closedNote says when they will), or they have closed. A settlement ratified
 * or a note exchanged means they were open: the closedNote's "no talks yet" would be wrong then.
 */
export function closedTalksWords(c: Compiled, view: SeatView): string {
  if (Object.keys(view.agreed).length) return 'The talks are over: a settlement has been ratified. No more notes can be sent.';
  if (view.offers.length) return 'The talks are closed: no note can be sent now.';
  return c.sc.negotiation.closedNote ?? 'There is no channel for negotiation now.';
}
