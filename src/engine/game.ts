// The turn pipeline. A game is (scenario, seed, moves); applyMove is a pure function from a state
// and a move to the next state.
//
// A turn: (1) events fire and decisions are put to each side; (2) each side answers its decisions
// and gives its orders, secretly; (3) when both have given orders the turn resolves in this fixed
// order: cabinet decisions (Britain, then the USSR: items forced onto the agenda first, then the
// orders as given), negotiation notes, parliamentary and party reaction, incidents, trade, third
// parties, standing; (4) end checks: the end date, an `end` effect, or a lead's fall.
import { votesOn } from './ballots';
import { cabinetDecision, checkResignations, forcedItems, moodAfterDecision, stanceDrift, type Votes } from './cabinet';
import { actionIndexOf, type Compiled, compile, type Vote } from './compile';
import { addFig, closeDraft, copyState, type Draft, end, news, openDraft, ownChosen, ownFailed, ownPending, ownTaken, setFig } from './draft';
import { applyIncidentResponse, fireEvents, incidentStep } from './incidents';
import { noteCause } from './labels';
import { actionAvailable, checkMove } from './legal';
import { linesReached } from './lines';
import { deliverOffers, lapseIfClosed, negotiationOpen, replyToOffer, sendOffer } from './negotiation';
import { groupReaction, pressureCost, pressureEases } from './parliament';
import { seedRng } from './rng';
import type { ScenarioSetup as Scenario } from './setup';
import { thirdPartyStep } from './thirdParties';
import { tradeStep } from './trade';
import { type Ballot, err, type GameState, type Move, type Order, ok, type Result } from './types';
import { ofSide, other, SIDES, type Side } from './vocab';

export interface GameOptions {
  /** Keep the ledger and news (default true). */ record?: boolean;
}

export function createGame(sc: Scenario, seed: string, opts: GameOptions = {}): GameState {
  const d = openDraft(compile(sc), unopenedGame(sc, seed, opts));
  fireEvents(d, 0);
  return closeDraft(d);
}

/**
 * A new game before its first turn opens: no event fired yet, the figures as the scenario sets them.
 * Play starts from createGame's state, never this one; a screen that shows what the first turn
 * itself moved (the watch) measures from here.
 */
export function unopenedGame(sc: Scenario, seed: string, opts: GameOptions = {}): GameState {
  const c = compile(sc);
  return {
    scenario: sc.id,
    version: sc.version,
    seed,
    turn: 0,
    rng: seedRng(seed),
    rolls: 0,
    fig: c.initialFig.slice(),
    flags: c.never.flags.slice(),
    relations: 'full',
    lead: { britain: c.side.britain.lead, ussr: c.side.ussr.lead },
    fired: c.never.events.slice(),
    chosen: c.never.events.slice(),
    taken: c.never.actions.slice(),
    scheduled: [],
    pending: { britain: [], ussr: [] },
    orders: { britain: null, ussr: null },
    offers: [],
    agreed: {},
    trade: [],
    pipeline: c.initialPipeline.slice(),
    failed: c.never.actions.slice(),
    month: c.trade.startMonth,
    record: opts.record ?? true,
    ledger: null,
    news: null,
    ended: null,
  };
}

export function applyMove(sc: Scenario, s: GameState, move: Move): Result<GameState> {
  const why = checkMove(compile(sc), s, move);
  if (why) return err(why);
  return ok(playMove(sc, s, move));
}

/**
 * The next state after a move already known to be legal: applyMove without the check, for a
 * trusted caller that builds its moves from the legal lists (a computer player's playouts, which
 * apply moves by the hundred thousand). A move that is not legal gives an undefined state.
 */
export function playMove(sc: Scenario, s: GameState, move: Move): GameState {
  return play(sc, s, move, false);
}

/**
 * playMove made in `s` itself, which is changed and returned: for a trusted caller that holds `s`
 * alone, made by ownedCopy (draft.ts) and read by nobody else, such as a playout, which copies its
 * world's state once and then plays move after move in its copy. Every container playMove would
 * copy before writing is written in place; the game is the same to the last number
 * (tests/engine/inPlace.test.ts). A state another holder can see must never be passed here.
 */
export function playInPlace(sc: Scenario, s: GameState, move: Move): GameState {
  return play(sc, s, move, true);
}

/**
 * The state a legal move leads to, stopped once the turn it completes has resolved, before the next
 * turn opens (capital renewed, notes delivered, the next date's events fired): what the turn itself
 * did. For a screen that shows a turn's figures apart from the next one's opening (the watch); play
 * never goes on from it. A move that does not complete its turn gives playMove's state.
 */
export function closedBy(sc: Scenario, s: GameState, move: Move): GameState {
  return play(sc, s, move, false, false);
}

function play(sc: Scenario, s: GameState, move: Move, inPlace: boolean, open = true): GameState {
  const c = compile(sc);
  // The first side's orders are only stored, sealed until the other side's arrive.
  if (move.type === 'orders' && s.orders[other(move.side)] === null) {
    const next = inPlace ? s : copyState(s);
    next.orders = withOrders(s.orders, move.side, move.orders);
    if (move.votes?.length) next.ballots = withBallots(s.ballots, move.side, move.votes);
    return next;
  }
  const d = openDraft(c, s, inPlace);
  if (move.type === 'decide') decide(d, move.side, c.eventIndex.get(move.event)!, move.option, move.votes);
  else {
    d.s.orders = withOrders(d.s.orders, move.side, move.orders);
    if (move.votes?.length) d.s.ballots = withBallots(d.s.ballots, move.side, move.votes);
    if (d.s.orders.britain !== null && d.s.orders.ussr !== null) {
      resolveTurn(d);
      if (!d.s.ended && open) startNextTurn(d);
    }
  }
  return closeDraft(d);
}

/** No forced items (shared, never written). */
const NO_ITEMS: readonly ReturnType<typeof forcedItems>[number][] = [];

/** A side's orders given, as a new record (a literal, not a spread with a computed key, which is slow). */
const withOrders = (orders: GameState['orders'], side: Side, given: Order[]): GameState['orders'] =>
  side === 'britain' ? { britain: given, ussr: orders.ussr } : { britain: orders.britain, ussr: given };

/** A side's students' ballots sealed with its orders (absent until a side has some). */
const withBallots = (ballots: GameState['ballots'], side: Side, given: Ballot[]): NonNullable<GameState['ballots']> =>
  side === 'britain' ? { britain: given, ussr: ballots?.ussr ?? null } : { britain: ballots?.britain ?? null, ussr: given };

/** A side's sealed ballots, if any. */
const sealedBallots = (d: Draft, side: Side): Ballot[] | null => (d.s.ballots ? d.s.ballots[side] : null);

/**
 * An action or option carried out: a cabinet vote first if it needs one, with the students' votes
 * on it (false if it fails: the caller then skips its effects); after the effects, `settle` the ministers' moods.
 */
function cabinetPasses(d: Draft, side: Side, vote: Vote | null, label: string, cause: string, action = -1, votes?: Votes): boolean {
  if (!vote?.cabinet) return true;
  // Deliberations, and whatever a refusal sets off, are the side's own business.
  const was = d.audience;
  d.audience = side;
  const passed = cabinetDecision(d, side, vote, label, cause, votes);
  d.audience = was;
  if (!passed && action >= 0) ownFailed(d)[action] = d.day;
  return passed;
}
function settle(d: Draft, side: Side, vote: Vote | null, label: string, cause: string): void {
  if (vote) moodAfterDecision(d, side, vote.issue, vote.direction, cause, label);
}

function decide(d: Draft, side: Side, ev: number, optionId: string, ballots?: Ballot[]): void {
  const e = d.c.events[ev]!;
  // The first option with the id, as find() takes it, by a plain loop (no callback made per decision).
  const options = e.decision!.options;
  let found: (typeof options)[number] | undefined;
  for (let j = 0; j < options.length && !found; j++) if (options[j]!.id === optionId) found = options[j];
  const o = found!;
  const pending = ownPending(d, side);
  // splice(indexOf(ev), 1) as a plain shift down: splice makes a list of what it removes, and this
  // runs at every decision of every playout (a decision always answers one of the side's pending).
  const at = pending.indexOf(ev);
  if (at >= 0) {
    for (let j = at; j < pending.length - 1; j++) pending[j] = pending[j + 1]!;
    pending.pop();
  }
  ownChosen(d)[ev] = o.i;
  const cause = o.cause;
  d.audience = e.privateTo ?? undefined;
  if (d.rec) news(d, `${d.c.sc.sides[side].name}: ${o.label}.`, cause);
  if (cabinetPasses(d, side, o.vote, o.label, cause, -1, votesOn(d.c, ballots, cause))) {
    for (const f of o.effects) f(d, cause);
    if (o.incident) applyIncidentResponse(d, side, o.incident, e.publicity, cause);
    if (o.vote) groupReaction(d, side, o.vote.issue, o.vote.direction, 1, 'rule:party-reaction', o.label);
    settle(d, side, o.vote, o.label, cause);
  }
  d.audience = undefined;
  lapseIfClosed(d); // a decision may have closed the talks
}

/**
 * The turn's carried items and a side's ordered actions (resolveTurn), in lists kept from turn to
 * turn rather than made at each turn of each playout (they were a tenth of what a playout made).
 * resolveTurn runs to its end before another turn is resolved, and reads each list only until it
 * empties it again (for the next side, or the next turn).
 */
const CARRIED: number[] = [];
const ORDERED: number[] = [];
/** `xs` emptied by popping, which keeps its storage (setting its length to 0 gives it up). */
function emptied(xs: number[]): number[] {
  while (xs.length > 0) xs.pop();
  return xs;
}

function resolveTurn(d: Draft): void {
  const c = d.c;
  const next = c.days[d.s.turn + 1];
  const span = next === undefined ? 1 : next - d.day;
  // Carried items (action indices) whose groups react once every order is in: the numbers alone,
  // not a record each (a side's items are its own actions, and each says whether it is public).
  const carried = emptied(CARRIED);

  // 1. Cabinet decisions.
  for (const side of SIDES) {
    const orders = ofSide(d.s.orders, side)!;
    const ordered = emptied(ORDERED);
    for (let j = 0; j < orders.length; j++) {
      const o = orders[j]!;
      // By the index an order of Compiled.actionOrders carries (actionIndexOf), not by its id.
      if (o.kind === 'action') ordered.push(actionIndexOf(c, o)!);
    }
    // A side with no demands at all has no agenda check (and no list is made for it).
    const forced = ofSide(c.demanders, side).length ? forcedItems(c, d.s, side, k => !ordered.includes(k) && actionAvailable(c, d.s, side, c.actions[k]!)) : NO_ITEMS;
    // Nobody at the seat ordered these: a headline, so the player learns it before the vote's outcome,
    // with the causes: the lines the demand's figures have crossed.
    if (d.rec)
      for (const f of forced) {
        const why = linesReached(c, d.s, c.demanders[side][f.demand]!.cond);
        news(d, `${f.by} forces "${c.actions[f.action]!.label}" onto the agenda.`, `rule:agenda`, side, {
          headline: 'agenda',
          detail: `${why.length ? `The demand is made because ${why.join('; ')}. ` : ''}No order put it there. ${side === 'britain' ? 'The Cabinet' : 'The Politburo'} votes on it first, before this turn's orders.`,
        });
      }
    // The forced items first, then the orders: an item at `forced.length` or after was ordered (a
    // forced item never was: forcedItems leaves the ordered ones out).
    const items = forced.length ? [...forced.map(f => f.action), ...ordered] : ordered;
    for (let j = 0; j < items.length; j++) {
      if (d.s.ended) return;
      const k = items[j]!;
      const a = c.actions[k]!;
      if (!actionAvailable(c, d.s, side, a)) continue; // an earlier item this turn may have closed it
      const cause = a.cause;
      const priv = a.public ? undefined : side;
      d.audience = side; // what an order costs is the side's own business
      if (j >= forced.length) addFig(d, ofSide(c.side, side).iCapital, -a.cost, cause, 'political capital spent');
      d.audience = undefined;
      if (!cabinetPasses(d, side, a.vote, a.label, cause, k, votesOn(c, sealedBallots(d, side), cause))) continue;
      ownTaken(d)[k] = d.day;
      d.audience = priv;
      if (d.rec) news(d, `${c.sc.sides[side].name}: ${a.label}.`, cause);
      for (const f of a.effects) f(d, cause);
      if (a.incident) applyIncidentResponse(d, side, a.incident, 50, cause);
      settle(d, side, a.vote, a.label, cause);
      d.audience = undefined;
      if (a.vote) carried.push(k);
    }
  }
  // Then notes: proposals sent, answers given (ratification votes), Britain's first. Once the talks
  // close (an action above, or a package ratified just now) the rest of the notes' orders go unheeded,
  // and the notes still outstanding lapse.
  for (const side of SIDES) {
    for (const o of ofSide(d.s.orders, side)!) {
      if (d.s.ended) return;
      if (o.kind !== 'action' && !negotiationOpen(c, d.s)) {
        // Its sender is told; an unheeded reply needs no word: the note it answered lapses below.
        if (o.kind === 'offer' && d.rec) news(d, 'Your note is not sent: the talks closed before it could go. No capital is spent on it.', 'rule:offer', side);
        continue;
      }
      if (o.kind === 'offer') {
        addFig(d, ofSide(c.side, side).iCapital, -c.negotiation.offerCost, 'rule:offer', 'a note sent');
        sendOffer(d, side, o.terms);
      } else if (o.kind === 'reply') {
        const item = noteCause(other(side), o.offer);
        replyToOffer(d, side, o.offer, o.accept, votesOn(c, sealedBallots(d, side), item), votesOn(c, sealedBallots(d, other(side)), item));
      }
    }
  }
  if (d.s.ended) return;
  lapseIfClosed(d);

  // 2. Parliamentary and party reaction.
  for (let j = 0; j < carried.length; j++) {
    const a = c.actions[carried[j]!]!;
    d.audience = a.public ? undefined : a.side;
    groupReaction(d, a.side, a.vote!.issue, a.vote!.direction, 1, 'rule:party-reaction', a.label);
    d.audience = undefined;
  }
  pressureCost(d, span);
  for (const side of SIDES) checkResignations(d, side, 'rule:resignation');

  // Slow drifts run once for each calendar month the turn completes, in the same system order:
  // pressure eases and moves uncommitted ministers; intelligence recovers and war danger cools;
  // trade flows; third powers settle; standing settles toward the middle.
  const months = c.monthAfter[d.s.turn]! - 1 - d.s.month;
  const mdays = 30 * Math.max(0, months);
  if (mdays > 0) {
    pressureEases(d, mdays);
    for (const side of SIDES) stanceDrift(d, side, mdays);
    incidentStep(d, mdays); // 3. Incidents
  }
  tradeStep(d); // 4. Trade
  if (mdays > 0) {
    thirdPartyStep(d, mdays); // 5. Third parties
    for (const side of SIDES) {
      const i = ofSide(c.side, side).iStanding;
      addFig(d, i, (50 - d.s.fig[i]!) * Math.min(1, (0.01 * mdays) / 7), 'rule:standing-settles', 'memories fade');
    }
  }
  // 6. Standing: a lead at zero falls.
  for (const side of SIDES) {
    if (d.s.fig[ofSide(c.side, side).iStanding]! <= 0) end(d, `${c.ministers[ofSide(d.s.lead, side)]!.name} falls from office`, 'rule:standing');
  }
  d.s.orders = { britain: null, ussr: null };
  if (d.s.ballots) delete d.s.ballots;
  if (!d.s.ended && d.s.turn >= c.days.length - 1) end(d, 'the scenario reaches its end date', 'rule:calendar');
}

function startNextTurn(d: Draft): void {
  const c = d.c;
  const prev = d.day;
  d.s.turn += 1;
  d.day = c.days[d.s.turn]!;
  for (const side of SIDES) {
    const cs = ofSide(c.side, side);
    setFig(d, cs.iCapital, Math.min(cs.capitalMax, d.s.fig[cs.iCapital]! + cs.capitalPerTurn), 'rule:capital', 'political capital renewed');
  }
  deliverOffers(d);
  fireEvents(d, d.day - prev);
  lapseIfClosed(d); // an event may have closed the talks
}

export { type Compiled, compile };
