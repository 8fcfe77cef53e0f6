// A draft is the working copy a move is applied to: the state's containers are copied once at
// the start of a move, changed in place, and handed back as the next state. Every change to a
// figure goes through setFig, which clamps it and records its cause in the ledger.
import type { Compiled, Draft } from './compiled';
import { Dice } from './dice';
import { officeNow, RELATION_LABEL, sideInSentence } from './labels';
import type { GameState, HeadlineKind, LedgerEntry, NewsItem } from './types';
import { ofSide, other, type Relations, type Side } from './vocab';

export type { Draft };

// Copy-on-write: a move copies a container of the previous state only when it first writes to it,
// so the previous state is never changed and a move that touches little copies little.
// There is one function per container, each naming its field: a single own(d, name) would read
// and write the state by a varying key, which V8 serves from a slow generic cache.
// `trade` is owned only by a draft made in place: any other move replaces it whole. `inPlace` marks
// such a draft (it owns no container of its own).
const OWN = { fig: 1, flags: 2, fired: 4, chosen: 8, taken: 16, scheduled: 32, offers: 64, pipeline: 128, agreed: 256, britain: 512, ussr: 1024, failed: 2048, trade: 4096, inPlace: 8192 } as const;

export function ownFig(d: Draft): number[] {
  if (!(d.owned & OWN.fig)) {
    d.s.fig = d.s.fig.slice();
    d.owned |= OWN.fig;
  }
  return d.s.fig;
}
export function ownFlags(d: Draft): number[] {
  if (!(d.owned & OWN.flags)) {
    d.s.flags = d.s.flags.slice();
    d.owned |= OWN.flags;
  }
  return d.s.flags;
}
export function ownFired(d: Draft): number[] {
  if (!(d.owned & OWN.fired)) {
    d.s.fired = d.s.fired.slice();
    d.owned |= OWN.fired;
  }
  return d.s.fired;
}
export function ownChosen(d: Draft): number[] {
  if (!(d.owned & OWN.chosen)) {
    d.s.chosen = d.s.chosen.slice();
    d.owned |= OWN.chosen;
  }
  return d.s.chosen;
}
export function ownTaken(d: Draft): number[] {
  if (!(d.owned & OWN.taken)) {
    d.s.taken = d.s.taken.slice();
    d.owned |= OWN.taken;
  }
  return d.s.taken;
}
export function ownFailed(d: Draft): number[] {
  if (!(d.owned & OWN.failed)) {
    d.s.failed = d.s.failed.slice();
    d.owned |= OWN.failed;
  }
  return d.s.failed;
}
export function ownScheduled(d: Draft): GameState['scheduled'] {
  if (!(d.owned & OWN.scheduled)) {
    d.s.scheduled = d.s.scheduled.slice();
    d.owned |= OWN.scheduled;
  }
  return d.s.scheduled;
}
/** Replace the scheduled list with a fresh one this move has made. */
export function adoptScheduled(d: Draft, fresh: GameState['scheduled']): void {
  d.s.scheduled = fresh;
  d.owned |= OWN.scheduled;
}
export function ownOffers(d: Draft): GameState['offers'] {
  if (!(d.owned & OWN.offers)) {
    d.s.offers = d.s.offers.slice();
    d.owned |= OWN.offers;
  }
  return d.s.offers;
}
/** The trade series to add months to: the state's own list in place, else a copy. */
export function ownTrade(d: Draft): GameState['trade'] {
  if (!(d.owned & OWN.trade)) {
    d.s.trade = d.s.trade.slice();
    d.owned |= OWN.trade;
  }
  return d.s.trade;
}
export function ownPipeline(d: Draft): number[] {
  if (!(d.owned & OWN.pipeline)) {
    d.s.pipeline = d.s.pipeline.slice();
    d.owned |= OWN.pipeline;
  }
  return d.s.pipeline;
}

export function ownPending(d: Draft, side: Side): number[] {
  const bit = side === 'britain' ? OWN.britain : OWN.ussr;
  if (!(d.owned & bit)) {
    const p = d.s.pending;
    d.s.pending = side === 'britain' ? { britain: p.britain.slice(), ussr: p.ussr } : { britain: p.britain, ussr: p.ussr.slice() };
    d.owned |= bit;
  }
  return ofSide(d.s.pending, side);
}

export function ownAgreed(d: Draft): GameState['agreed'] {
  if (!(d.owned & OWN.agreed)) {
    d.s.agreed = { ...d.s.agreed };
    d.owned |= OWN.agreed;
  }
  return d.s.agreed;
}

/** Every container's bit: a draft opened in place owns them all already. */
const ALL_OWNED = 16383;

/**
 * A draft of the move from `prev`. Normally on a shallow copy that owns nothing yet; `inPlace`, on
 * `prev` itself, owning everything: for a caller that holds `prev` alone (see ownedCopy).
 */
export function openDraft(c: Compiled, prev: GameState, inPlace = false): Draft {
  if (inPlace && spare) {
    // A draft made in place is closed before the next is opened (a move's rules start no other
    // move), so one draft and its dice serve move after move: a playout makes thousands.
    const d = spare;
    spare = null;
    d.c = c;
    d.s = prev;
    d.dice.load(prev.rng);
    d.day = c.days[prev.turn]!;
    d.owned = ALL_OWNED;
    d.audience = undefined;
    d.rec = prev.record;
    return d;
  }
  return { c, s: inPlace ? prev : copyState(prev), dice: new Dice(prev.rng), day: c.days[prev.turn]!, owned: inPlace ? ALL_OWNED : 0, audience: undefined, rec: prev.record };
}

/** A closed draft made in place, kept for the next (see openDraft); null while one is open. */
let spare: Draft | null = null;

/**
 * A copy of a state that shares no container with it (nor with any other state), for a caller
 * that will then make move after move in it in place (game.ts, playInPlace): a playout or a
 * continuation copies the state once at its start instead of copying each container a move
 * writes at every move. The entries of its lists are never changed in place by a move, only
 * replaced, so the lists themselves are all that is copied (the dice's key is never written).
 */
export function ownedCopy(s: GameState): GameState {
  const out = copyState(s);
  out.fig = s.fig.slice();
  out.flags = s.flags.slice();
  out.fired = s.fired.slice();
  out.chosen = s.chosen.slice();
  out.taken = s.taken.slice();
  out.failed = s.failed.slice();
  out.scheduled = s.scheduled.slice();
  out.pending = { britain: s.pending.britain.slice(), ussr: s.pending.ussr.slice() };
  out.offers = s.offers.slice();
  out.agreed = { ...s.agreed };
  out.pipeline = s.pipeline.slice();
  out.trade = s.trade.slice();
  return out;
}

/**
 * A shallow copy of a state, field by field in createGame's order. One object literal (not a
 * spread) gives every state the same shape, which V8 builds and reads much faster: the copy is
 * made at every move.
 */
export function copyState(s: GameState): GameState {
  const out: GameState = {
    scenario: s.scenario,
    version: s.version,
    seed: s.seed,
    turn: s.turn,
    rng: s.rng,
    rolls: s.rolls,
    fig: s.fig,
    flags: s.flags,
    relations: s.relations,
    lead: s.lead,
    fired: s.fired,
    chosen: s.chosen,
    taken: s.taken,
    scheduled: s.scheduled,
    pending: s.pending,
    orders: s.orders,
    offers: s.offers,
    agreed: s.agreed,
    trade: s.trade,
    pipeline: s.pipeline,
    failed: s.failed,
    month: s.month,
    record: s.record,
    ledger: s.ledger,
    news: s.news,
    ended: s.ended,
  };
  // Only a classroom game has sealed ballots; every other state keeps the one shape.
  if (s.ballots) out.ballots = s.ballots;
  if (s.introduced) out.introduced = s.introduced;
  return out;
}

/** A roll of the move's dice for `what` (a ROLL kind plus an index, dice.ts): a number in [0, 1). */
export function roll(d: Draft, what: number): number {
  d.s.rolls++;
  return d.dice.roll(d.s.turn, what);
}

export function closeDraft(d: Draft): GameState {
  // In place, the draft is kept for the next move made in place; nobody holds it once closed.
  // The dice's key is never changed by a move (dice.ts), so nothing of them is written back.
  if (d.owned & OWN.inPlace) spare = d;
  return d.s;
}

export function setFig(d: Draft, i: number, value: number, cause: string, why?: string): void {
  // Bounds from the compiled tables, not the figures' metadata objects (which differ in shape).
  const lo = d.c.figMin[i]!,
    hi = d.c.figMax[i]!;
  const v = value < lo ? lo : value > hi ? hi : value;
  const old = d.s.fig[i]!;
  if (v === old || Number.isNaN(v)) return;
  ownFig(d)[i] = v;
  if (!d.rec) return;
  const e: LedgerEntry = why === undefined ? { day: d.day, fig: i, delta: v - old, value: v, cause } : { day: d.day, fig: i, delta: v - old, value: v, cause, why };
  if (d.audience !== undefined) e.origin = d.audience;
  d.s.ledger = { e, n: d.s.ledger };
}

export const addFig = (d: Draft, i: number, delta: number, cause: string, why?: string): void => setFig(d, i, d.s.fig[i]! + delta, cause, why);

/** How a news line is marked: as a big moment (`headline`), and with an explanation (`detail`). */
export interface NewsMark {
  headline?: HeadlineKind;
  detail?: string;
}

/**
 * A line in the turn report: for one side (`side`), for whoever's business is being applied
 * (`undefined`: the draft's audience, if any, else everyone), or for everyone (`null`: public
 * facts such as relations, resignations, governments and the end of the game). `mark` may make it
 * a headline; it keeps `origin` like any line, so a headline made in private business stays so.
 */
export function news(d: Draft, text: string, cause: string, side?: Side | null, mark?: NewsMark): void {
  if (!d.rec) return;
  const to = side === null ? undefined : (side ?? d.audience);
  const e: NewsItem = to === undefined ? { day: d.day, text, cause } : { day: d.day, text, cause, side: to };
  if (d.audience !== undefined) e.origin = d.audience;
  if (mark) {
    if (mark.headline !== undefined) e.headline = mark.headline;
    if (mark.detail !== undefined) e.detail = mark.detail;
  }
  d.s.news = { e, n: d.s.news };
}

/** Set or clear flag `i` (an index of the compiled flag table). */
export function setFlag(d: Draft, i: number, on: boolean): void {
  if (on && d.s.flags[i]! < 0) ownFlags(d)[i] = d.day;
  if (!on && d.s.flags[i]! >= 0) ownFlags(d)[i] = -1;
}

export function setRelations(d: Draft, r: Relations, cause: string): void {
  if (d.s.relations === r) return;
  d.s.relations = r;
  if (!d.rec) return;
  const by = causedBy(d.c, cause);
  news(d, `Relations: ${RELATION_LABEL[r]}.`, cause, null, by ? { headline: 'relations', detail: by } : { headline: 'relations' });
}

/** What brought a change about, in a sentence, from its cause (an order, a decision, an event, an agreement). */
function causedBy(c: Compiled, cause: string): string | null {
  const [kind, rest = ''] = cause.split(':', 2) as [string, string?];
  if (kind === 'action') {
    const a = c.actions[c.actionIndex.get(rest) ?? -1];
    return a ? `${c.sc.sides[a.side].name}: ${a.label}.` : null;
  }
  if (kind === 'option' || kind === 'event') {
    const [ev, opt] = rest.split('.', 2);
    const e = c.events[c.eventIndex.get(ev!) ?? -1];
    const o = e?.decision?.options.find(x => x.id === opt);
    return e ? (o ? `${e.title}: ${o.label}.` : `${e.title}.`) : null;
  }
  if (kind === 'term' || kind === 'offer') return 'Under the agreement just ratified.';
  return null;
}

export function resign(d: Draft, minister: number, cause: string): void {
  const m = d.c.ministers[minister]!;
  if (d.s.fig[m.iOffice] === 0) return;
  setFig(d, m.iOffice, 0, cause);
  news(d, `${m.name} (${officeNow(m, d.s.fired)}) resigns.`, cause, null, { headline: 'resignation' });
  const side = d.c.side[m.side];
  if (d.s.lead[m.side] !== minister) addFig(d, side.iStanding, -6, 'rule:resignation', `${m.name} resigned`);
  else end(d, `${m.name} resigned`, cause);
}

/** A change of government: ministers leave office or take it, with no resignation. */
export function setInOffice(d: Draft, minister: number, on: boolean, cause: string): void {
  const m = d.c.ministers[minister]!;
  if ((d.s.fig[m.iOffice] === 1) === on) return;
  setFig(d, m.iOffice, on ? 1 : 0, cause);
  if (on) setFig(d, m.iMood, d.c.initialFig[m.iMood]!, cause, 'takes office');
  const office = officeNow(m, d.s.fired);
  news(d, on ? `${m.name} takes office as ${office}.` : `${m.name} (${office}) leaves office.`, cause, null);
}

/** Hand a side's lead to another minister, appointing him if need be. The player goes on as him. */
export function setLead(d: Draft, minister: number, cause: string): void {
  const m = d.c.ministers[minister]!;
  if (d.s.lead[m.side] === minister) return;
  setInOffice(d, minister, true, cause);
  d.s.lead = { ...d.s.lead, [m.side]: minister };
  // The lead is the minister the player plays, not the head of the government: say what he holds.
  news(d, `${sideInSentence(d.c.sc, m.side, true)}'s dealings with ${sideInSentence(d.c.sc, other(m.side))} are now in the hands of ${m.name}, ${officeNow(m, d.s.fired)}.`, cause, null, {
    headline: 'government',
  });
}

export function end(d: Draft, reason: string, cause: string): void {
  if (d.s.ended) return;
  d.s.ended = { reason, day: d.day };
  news(d, `The game ends: ${reason}.`, cause, null, { headline: 'game-end' });
}
