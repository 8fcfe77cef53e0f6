// What a seat is offered, computed from its view alone: its legal orders with costs, cabinet odds
// and predictions; the decision before it with its options in the order shown; the notes awaiting
// its answer; how a cabinet would take a package (the other one only when the view reads it).
// Screens in both front ends read these and the view, never the game state.
import {
  type Acceptance,
  type CEvent,
  type COption,
  type Compiled,
  type CTerm,
  type LegalAction,
  type Offer,
  openOptions,
  type Preview,
  type SeatState,
  type SeatView,
  type Side,
  seatAcceptance,
  seatAnswerable,
  seatLegal,
  seatOption,
  seatState,
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
