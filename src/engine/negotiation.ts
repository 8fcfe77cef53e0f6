// Relations and multi-issue negotiation: an offer is a package with one option per term; notes
// take time to arrive; the other side accepts or rejects (a counter is a rejection plus an offer
// of its own); an accepted package binds only once both cabinets, and the Commons where the
// scenario asks for it, ratify it.
import { logistic, type Votes, votedLean } from './cabinet';
import type { Compiled, CTerm } from './compiled';
import { ROLL } from './dice';
import { addFig, type Draft, news, ownAgreed, ownOffers, roll } from './draft';
import { noteCause, noteName, officeNow, sideInSentence } from './labels';
import { type CommonsOdds, commonsOdds } from './parliament';
import type { GameState, Offer, Terms } from './types';
import { ofSide, other, SIDES, type Side } from './vocab';

export function packageValue(c: Compiled, terms: Terms, side: Side): number {
  // Plain loops, not find() with a callback made per term: a persona values a package several
  // times at every turn it may send or answer a note, in every playout. The first option with the
  // id counts, as find() takes it.
  let v = 0;
  for (let k = 0; k < c.terms.length; k++) {
    const t = c.terms[k]!,
      id = terms[t.id],
      opts = t.options;
    let value = 0;
    for (let j = 0; j < opts.length; j++)
      if (opts[j]!.id === id) {
        value = ofSide(opts[j]!.value, side);
        break;
      }
    v += value;
  }
  return v;
}

/** A minister accepts a package worth at least half his stance on his side's negotiation issue. */
const hardness = (c: Compiled, s: GameState, side: Side, m: number): number => s.fig[c.ministers[m]!.iStance[ofSide(c.negotiation.issue, side)]!]! / 2;

export interface Acceptance {
  /** Influence-weighted share of the cabinet that would accept the whole package. */
  share: number;
  /** Chance the cabinet ratifies it. */
  chance: number;
  /**
   * Per term: its option's value to the side, and how it pulls the cabinet: `share` less the share
   * there would be were the term worth nothing to the side (positive: ministers whose vote for the
   * package it wins; negative: those it turns against). The package's share is the only verdict.
   */
  terms: { term: string; option: string; value: number; pull: number }[];
}

/**
 * Influence-weighted share of the side's cabinet that would accept the whole package (Acceptance.share),
 * without the per-term breakdown: what a computer player weighing a note needs.
 */
export function acceptanceShare(c: Compiled, s: GameState, side: Side, terms: Terms, votes?: Votes): number {
  return shareAt(c, s, side, packageValue(c, terms, side), votes);
}

/** The share of acceptanceShare for a package worth `value` to the side. */
function shareAt(c: Compiled, s: GameState, side: Side, value: number, votes?: Votes): number {
  const ministers = ofSide(c.side, side).ministers;
  let total = 0,
    yes = 0;
  for (const k of ministers) if (s.fig[c.ministers[k]!.iOffice] === 1) total += c.ministers[k]!.influence;
  for (const k of ministers) {
    const m = c.ministers[k]!;
    if (s.fig[m.iOffice] !== 1) continue;
    const accepts = value - hardness(c, s, side, k) >= 0;
    const vote = votes?.get(k);
    // A student's vote moves his minister from accepting (1) or refusing (-1) toward the vote (cabinet.ts, votedLean); the share counts the lean's yes half.
    yes += vote === undefined ? (accepts ? m.influence : 0) : (m.influence * (1 + votedLean(accepts ? 1 : -1, s.fig[m.iMood]!, vote))) / 2;
  }
  return yes / (total || 1);
}

export function acceptance(c: Compiled, s: GameState, side: Side, terms: Terms, votes?: Votes): Acceptance {
  const value = packageValue(c, terms, side);
  const share = shareAt(c, s, side, value, votes);
  const standing = s.fig[c.side[side].iStanding]!;
  const perTerm = c.terms.map(t => {
    const named = t.options.find(o => o.id === terms[t.id]);
    const opt = named ?? t.options[0]!;
    // What the term adds to the package's value (packageValue counts an unknown option as nothing).
    const counted = named ? named.value[side] : 0;
    return { term: t.id, option: opt.id, value: opt.value[side], pull: share - shareAt(c, s, side, value - counted, votes) };
  });
  return { share, chance: logistic(8 * (share - 0.5) + (standing - 50) / 25), terms: perTerm };
}

export function negotiationOpen(c: Compiled, s: GameState): boolean {
  return !s.ended && (c.negotiation.when === null || c.negotiation.when(s));
}

/** Whether a term's option is on offer in this state: what it presupposes (its `when`) holds. */
export const optionOpen = (o: CTerm['options'][number], s: GameState): boolean => o.when === null || o.when(s);

/** The options of a term that may be offered now, in the scenario's order. */
export const openOptions = (t: CTerm, s: GameState): CTerm['options'] => t.options.filter(o => optionOpen(o, s));

/**
 * Terms must name a known option for every term, and each option must be on offer now (an option
 * that presupposes broken relations is not offered while they are full).
 */
export function checkTerms(c: Compiled, s: GameState, terms: Terms): string | null {
  for (const t of c.terms) {
    const o = terms[t.id];
    if (o === undefined) return `the offer says nothing on "${t.label}"`;
    const opt = t.options.find(x => x.id === o);
    if (!opt) return `"${o}" is not an option for "${t.label}"`;
    if (!optionOpen(opt, s)) return `"${opt.label}" is not on offer for "${t.label}" now: what it presupposes does not hold`;
  }
  for (const k of Object.keys(terms)) if (!c.terms.some(t => t.id === k)) return `there is no term "${k}"`;
  return null;
}

/** The first option of a note that events have overtaken (its `when` no longer holds), as "Term: option". */
export function overtakenTerm(c: Compiled, s: GameState, terms: Terms): string | null {
  // Plain loops, not find() with a callback made per term: every outstanding note is checked at
  // every turn of every playout. The first option with the id counts, as find() takes it.
  for (let k = 0; k < c.terms.length; k++) {
    const t = c.terms[k]!,
      id = terms[t.id],
      opts = t.options;
    for (let j = 0; j < opts.length; j++)
      if (opts[j]!.id === id) {
        if (!optionOpen(opts[j]!, s)) return `${t.label}: ${opts[j]!.label}`;
        break;
      }
  }
  return null;
}

/** A side's note still awaiting an answer, if any (a plain loop: a persona asks at every turn of every playout). */
export function outstanding(s: GameState, from: Side): Offer | undefined {
  const offers = s.offers;
  for (let j = 0; j < offers.length; j++) {
    const o = offers[j]!;
    if (o.from === from && (o.status === 'sent' || o.status === 'delivered')) return o;
  }
  return undefined;
}

export function sendOffer(d: Draft, from: Side, terms: Terms): void {
  // Numbered among the sender's own notes: a count of all notes would tell the sender of the other
  // side's notes still on their way. One past the highest, not a count: a search player's world
  // (sample.ts) lacks the other side's notes it never received, and must not number one twice.
  let n = 1;
  for (const o of d.s.offers) if (o.from === from && o.n >= n) n = o.n + 1;
  ownOffers(d).push({ n, from, terms, sentDay: d.day, arrivesDay: d.day + d.c.negotiation.replyDays, status: 'sent' });
  if (d.rec) news(d, `${sideInSentence(d.c.sc, from, true)} sends proposals (${noteName(from, n)}); they will arrive in ${d.c.negotiation.replyDays} days.`, noteCause(from, n), from);
}

/**
 * Notes arrive; unanswered ones lapse after two reply periods, and so does a note that events have
 * overtaken (one of its options presupposes what no longer holds), so no agreement is ratified on terms
 * that no longer make sense.
 */
export function deliverOffers(d: Draft): void {
  lapseIfClosed(d);
  // Note by note, in order; the list is copied (ownOffers) only when a note changes: most turns
  // with a note outstanding change none. The news lines are written only when the news is kept.
  const offers = d.s.offers;
  for (let j = 0; j < offers.length; j++) {
    const o = offers[j]!;
    let next: Offer = o;
    if (o.status === 'sent' || o.status === 'delivered') {
      const gone = overtakenTerm(d.c, d.s, o.terms);
      const name = noteName(o.from, o.n),
        cause = noteCause(o.from, o.n);
      if (gone !== null) {
        next = lapse(d, o, `, overtaken by events: its "${gone}" no longer applies.`);
      } else if (o.status === 'sent' && o.arrivesDay <= d.day) {
        if (d.rec) news(d, `${name} arrives with proposals.`, cause, other(o.from));
        next = { ...o, status: 'delivered' as const };
      } else if (o.status === 'delivered' && d.day > o.arrivesDay + 2 * d.c.negotiation.replyDays) {
        if (d.rec) news(d, `${name} lapses unanswered.`, cause);
        next = { ...o, status: 'lapsed' as const };
      }
    }
    if (next !== o) ownOffers(d)[j] = next;
  }
}

/**
 * An outstanding note lapses, the news saying why (`why` follows "lapses"). One overtaken on its way
 * never arrives: only its sender hears of it (seat.ts hides it from the other side).
 */
function lapse(d: Draft, o: Offer, why: string): Offer {
  const unread = o.status === 'sent';
  if (d.rec) news(d, `${noteName(o.from, o.n)} lapses${unread ? ' before it arrives' : ''}${why}`, noteCause(o.from, o.n), unread ? o.from : undefined);
  return unread ? { ...o, status: 'lapsed' as const, unread: true as const } : { ...o, status: 'lapsed' as const };
}

/**
 * Once the talks close (a package ratified, the channel suspended or broken), every note still
 * outstanding lapses at once: none may be answered, so no second package binds over a settlement.
 * Called wherever play may close them (game.ts). A game that has ended keeps its notes as they stood.
 */
export function lapseIfClosed(d: Draft): void {
  const offers = d.s.offers;
  let j = offers.length - 1;
  while (j >= 0 && offers[j]!.status !== 'sent' && offers[j]!.status !== 'delivered') j--;
  if (j < 0 || d.s.ended || negotiationOpen(d.c, d.s)) return;
  for (let k = 0; k < offers.length; k++) {
    const o = d.s.offers[k]!;
    if (o.status === 'sent' || o.status === 'delivered') ownOffers(d)[k] = lapse(d, o, ': the talks are closed.');
  }
}

/**
 * Answer the other side's note n. `ballots` are the answering side's students' votes on ratifying it, `senderBallots`
 * the sending side's (sealed with its own orders of the turn); a cabinet with none ratifies by stance alone.
 */
export function replyToOffer(d: Draft, side: Side, n: number, accept: boolean, ballots?: Votes, senderBallots?: Votes): void {
  const from = other(side);
  const idx = d.s.offers.findIndex(o => o.from === from && o.n === n);
  const o = d.s.offers[idx]!;
  const cause = noteCause(from, n),
    name = noteName(from, n);
  if (!accept) {
    ownOffers(d)[idx] = { ...o, status: 'rejected' };
    if (d.rec) {
      // A reply is public, and so is the reason it gives: how far the answering cabinet backs the package and the terms that weighed against it.
      const text = `${sideInSentence(d.c.sc, side, true)} rejects ${name}.`;
      const detail = rejectionReason(d.c, d.s, side, o.terms);
      news(d, text, cause, o.from, { headline: 'note-rejected', detail });
      news(d, text, cause, side, { detail }); // the answering side knows its own answer: no headline for it
    }
    return;
  }
  // Both cabinets must ratify, then the Commons if the scenario asks for a vote.
  const results: string[] = [];
  const votes: { side: Side; passed: boolean; acc: Acceptance; against: number[] }[] = [];
  let ok = true;
  for (const s of [o.from, side] as const) {
    const acc = acceptance(d.c, d.s, s, o.terms, s === side ? ballots : senderBallots);
    const passed = roll(d, ROLL.ratify | (s === 'britain' ? 0 : 1)) < acc.chance;
    if (d.rec) votes.push({ side: s, passed, acc, against: dissenters(d.c, d.s, s, o.terms) });
    results.push(`${s === 'britain' ? 'the Cabinet' : 'the Politburo'} ${passed ? 'ratifies' : 'refuses'}`);
    if (!passed) {
      ok = false;
      addFig(d, d.c.side[s].iStanding, -REFUSAL_COST, 'rule:ratification-failed', 'the cabinet refused the agreement');
    }
  }
  let commons: { passed: boolean; odds: CommonsOdds } | null = null;
  if (ok && d.c.negotiation.commonsVote) {
    const odds = commonsOdds(d.c, d.s, d.c.negotiation.issue.britain, -1);
    const passed = roll(d, ROLL.commons) < odds.chance;
    commons = { passed, odds };
    results.push(`the Commons ${passed ? 'approves' : 'throws it out'}`);
    if (!passed) ok = false;
  }
  if (d.rec) {
    // One line per side: the same public outcome, and each side's own cabinet's reasons told only to it.
    const text = `${name} is accepted: ${results.join(', ')}.${ok ? ' The agreement is binding.' : ' It does not take effect.'}`;
    for (const seat of SIDES) {
      news(d, text, cause, seat, { headline: ok ? 'note-ratified' : 'note-refused', detail: ratificationDetail(d.c, d.s.fired, o.terms, votes, commons, seat) });
    }
  }
  ownOffers(d)[idx] = { ...o, status: ok ? 'ratified' : 'failed' };
  if (d.rec) news(d, `${name} is accepted: ${results.join(', ')}.${ok ? ' The agreement is binding.' : ' It does not take effect.'}`, cause);
  if (!ok) return;
  bindAgreement(d, o.terms, cause, o.from);
}

/**
 * A ratified package takes effect: each term's option binds and does what it does, the scenario's
 * onRatified follows, and both leads gain standing. Also used by computer players to play out a
 * game "as if" a package were agreed. `from` is the side whose note it was (its standing moves first).
 */
export function bindAgreement(d: Draft, terms: Terms, cause: string, from: Side): void {
  for (const t of d.c.terms) {
    const opt = t.options.find(x => x.id === terms[t.id])!;
    ownAgreed(d)[t.id] = opt.id;
    for (const f of opt.effects) f(d, opt.cause);
  }
  for (const f of d.c.negotiation.onRatified) f(d, cause);
  for (const s of [from, other(from)] as const) addFig(d, d.c.side[s].iStanding, 5, 'rule:agreement', 'an agreement signed and ratified');
  lapseIfClosed(d); // a settlement that closes the talks leaves no other note to answer
}

// ---- What the news says of a note's fate -------------------------------------------------------

const cabinetName = (side: Side): string => (side === 'britain' ? 'the Cabinet' : 'the Politburo');
const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** Ministers in office on `side` whose hardness the package does not meet: those who vote against it. */
export function dissenters(c: Compiled, s: GameState, side: Side, terms: Terms): number[] {
  const value = packageValue(c, terms, side);
  return c.side[side].ministers.filter(k => s.fig[c.ministers[k]!.iOffice] === 1 && value - hardness(c, s, side, k) < 0);
}

/** Ratification fails: the refusing side's lead loses this much standing. */
export const REFUSAL_COST = 3;

const signedPts = (x: number): string => (x > 0 ? `+${Math.round(x)}` : x < 0 ? `\u2212${Math.round(-x)}` : '0');

/**
 * The terms that weighed against a package with a cabinet (worth less than nothing to its side), the
 * heaviest first, each as "Term: option (worth -N to it)", with "; without it, M% more of its influence
 * would back the package" where the share would be higher were the term worth nothing to the side (a
 * package far below every minister's bar has no term on which a vote turns alone).
 */
export function termsAgainst(c: Compiled, acc: Acceptance, pulls = true): string[] {
  return acc.terms
    .filter(t => t.value < 0)
    .sort((a, b) => a.pull - b.pull || a.value - b.value)
    .map(t => {
      const term = c.terms.find(x => x.id === t.term)!;
      const opt = term.options.find(x => x.id === t.option)!;
      const without = pulls && -t.pull >= 0.005 ? `; without it, ${percent(-t.pull)} more of its influence would back the package` : '';
      return `${term.label}: ${opt.label} (worth ${signedPts(t.value)} to it${without})`;
    });
}

/** Why `side` rejects a note, as it tells the sender: how far its cabinet backs the package and the terms that weighed against it. */
function rejectionReason(c: Compiled, s: GameState, side: Side, terms: Terms): string {
  const acc = acceptance(c, s, side, terms);
  // Not the cabinet's verdict: the lead refused what most of it could accept (its reasons, if a
  // computer played it, are the lead's: "Why did … reject …?").
  if (acc.share >= 0.5) return `The refusal was its leader’s choice, not ${cabinetName(side)}’s: most of ${cabinetName(side)} could have accepted the package.`;
  // The sender reads this whatever its intelligence: no share or pull, which rest on the refusing
  // cabinet's hidden stances; the terms' worths are the scenario's own tables.
  const backs = `${capital(cabinetName(side))} would not back the package: less than half of its influence was for it.`;
  const bad = termsAgainst(c, acc, false);
  // The terms follow a colon: each begins with its label's capital, which no sentence should splice in.
  return bad.length ? `${backs} Terms that weighed against it: ${bad.join('; ')}.` : `${backs} No term is worth less than nothing to it: the package as a whole is worth too little.`;
}

/** Why the Commons threw an agreement out: its odds, and the party groups whose pressure cut them. */
function commonsVerdict(c: Compiled, odds: CommonsOdds): string {
  const chance = percent(odds.chance);
  if (!odds.against.length) return `The Commons threw the agreement out, though no party group opposed to it was pressing and it had a ${chance} chance of passing.`;
  const groups = odds.against.map(x => `${c.groups[x.group]!.name} (pressure ${Math.round(x.pressure)})`);
  // Not "a back-bench revolt": the groups opposed may sit on the opposition benches (the Conservatives under Labour, 1929-30).
  return `The Commons threw the agreement out: ${groups.join(', ')} oppose it, and their pressure had cut its chance of passing to ${chance}.`;
}

/**
 * The explanation of a ratification told to `seat`: which cabinet refused; for the seat's own cabinet,
 * how far it backed the package, who voted against and the terms that weighed against it; for the other cabinet, only that it refused
 * (its ministers' reasons are its own secret); the Commons' verdict, with the groups whose pressure cut its odds; or the terms that now bind.
 */
function ratificationDetail(
  c: Compiled,
  fired: readonly number[],
  terms: Terms,
  votes: { side: Side; passed: boolean; acc: Acceptance; against: number[] }[],
  commons: { passed: boolean; odds: CommonsOdds } | null,
  seat: Side,
): string {
  const out: string[] = [];
  for (const v of votes) {
    if (v.passed) continue;
    const body = capital(cabinetName(v.side));
    if (v.side !== seat) {
      out.push(`${body} refused to ratify; it gave no reasons.`);
      continue;
    }
    const names = v.against.map(k => `${c.ministers[k]!.name} (${officeNow(c.ministers[k]!, fired)})`);
    const odds = `${percent(v.acc.share)} of its influence backed the package, a ${percent(v.acc.chance)} chance of ratifying`;
    out.push(
      names.length
        ? `${body} refused to ratify (${odds}). Voting against: ${names.join(', ')}.`
        : `${body} refused to ratify (${odds}), though none of its ministers held the package worth too little.`,
    );
    const bad = termsAgainst(c, v.acc);
    if (bad.length) out.push(`Terms that weighed against it: ${bad.join('; ')}.`);
  }
  if (commons && !commons.passed) out.push(commonsVerdict(c, commons.odds));
  if (!out.length) out.push(`Now binding: ${c.terms.map(t => `${t.label}: ${t.options.find(x => x.id === terms[t.id])?.label ?? terms[t.id]}`).join('; ')}.`);
  return out.join(' ');
}
