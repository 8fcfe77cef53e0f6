// A persona's reasons, read off the very numbers its scoring rule produced (persona.ts keeps them
// as it scores, and this turns them into words only when someone asks "why?"): for each order or
// option its worth to the side's objectives if the cabinet approves and if it refuses, the
// cabinet's chance, the figure's leaning, the cost and the dice; for each note the share of the
// cabinet that would ratify it and its worth by the scenario's term values. Note answers get a
// reasons object of their own, built from the note alone, so that it may be shown when the orders
// that ride with it are private (reasons.ts, `answers`).
import type { CAction, CEvent, Compiled } from '../engine/compiled';
import { categoryWords, noteName, sideInSentence } from '../engine/labels';
import { seesOtherCabinet } from '../engine/secrets';
import type { GameState, Order, Terms } from '../engine/types';
import { other, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { type Carrier, carrierSources, carriers, carrierWords } from './carriers';
import { describeTerms } from './packages';
import { type Alternative, type Factor, pct, pts, ptsFine, type Reasons } from './reasons';
import { worthByObjective } from './values';

type PersonaDef = Scenario['personas'][number];

/** One order as the persona scored it: score = yes x pass + no x (1 - pass) + leanings - cost + dice. */
export interface WeighedOrder {
  k: number;
  id: string;
  cost: number;
  score: number;
  yes: number;
  no: number;
  pass: number;
  dice: number;
}
/** One decision option as the persona scored it: score = yes x pass + no x (1 - pass) + lean + dice. */
export interface WeighedOption {
  i: number;
  yes: number;
  no: number;
  pass: number;
  lean: number;
  dice: number;
  score: number;
}
/** A note answered (n > 0) or proposed (n = 0): the share of the cabinet for it and its worth by the term values. */
export interface WeighedNote {
  n: number;
  terms: Terms;
  share: number;
  value: number;
  accept: boolean;
}

/** What every choice holds: the state it was weighed on, and whether the seat read the other cabinet then. */
interface Weighed {
  c: Compiled;
  side: Side;
  persona: PersonaDef;
  s: GameState;
  sees: boolean;
}

export type PersonaChoice =
  | (Weighed & { kind: 'decide'; ev: CEvent; weighed: WeighedOption[] })
  | (Weighed & {
      kind: 'orders';
      /** Actions given, in the order given. */
      given: number[];
      /** Orders that scored above zero, best first. */
      scored: WeighedOrder[];
      nearest: WeighedOrder | null;
      lean2: readonly number[];
      cat: readonly number[];
      cost: readonly number[];
      capital: number;
      answered: WeighedNote[];
      proposed: WeighedNote | null;
      /**
       * Set when a bargaining player sent these orders with a note of its own (sentBy): the orders
       * of `given` it dropped to pay for that note, lowest-ranked last, and what a note costs.
       */
      gaveWay?: { ks: number[]; noteCost: number };
    });

/**
 * The persona's orders as a bargaining player sent them (bargain.ts, Desk.compose): its actions
 * only (the player answers and proposes for itself), those it sent as given, and those it dropped to
 * pay for its note as given way. `sent` holds the turn's orders; their actions are the persona's
 * best first, less the lowest-ranked.
 */
export function sentBy(x: PersonaChoice, sent: readonly Order[], noteCost: number): PersonaChoice {
  if (x.kind !== 'orders') return x;
  const ids = new Set(sent.flatMap(o => (o.kind === 'action' ? [o.id] : [])));
  const given = x.given.filter(k => ids.has(x.c.actions[k]!.id));
  const ks = x.given.filter(k => !ids.has(x.c.actions[k]!.id));
  return { ...x, given, answered: [], proposed: null, ...(ks.length ? { gaveWay: { ks, noteCost } } : {}) };
}

/**
 * An action as reasons name it. Reasons are written to be shown to the other side, so a private
 * order is named only as such, without its sources (as search/candidates.ts, ordersLabel, does).
 */
export const named = (c: Compiled, k: number): { label: string; sources: string[] } => {
  const a = c.actions[k]!;
  return a.public ? { label: a.label, sources: a.sources } : { label: 'a private order', sources: [] };
};

const cabinetOf = (side: Side) => (side === 'britain' ? 'the Cabinet' : 'the Politburo');

/**
 * Whether the other side, which reads these reasons, may see this side's cabinet: its ministers'
 * stances and moods, and so the chances worked from them, are hidden from it below INTEL_SIGHT
 * (engine/seat.ts), as the notes panel shows the other cabinet only "from intelligence". Its
 * intelligence is public, so the seat reads it exactly.
 */
const readerSees = (c: Compiled, side: Side, s: GameState): boolean => seesOtherCabinet(c, s, other(side));

/**
 * The worth and chance part of a score in words: "+2.1 to our objectives if approved (64% chance),
 * −0.8 if refused"; the chance only for a reader that may see this side's cabinet (`shown`).
 */
function worthWords(side: Side, yes: number, no: number, pass: number, shown: boolean): string {
  if (pass >= 1) return `${pts(yes)} to our objectives`;
  return `${pts(yes)} to our objectives if ${cabinetOf(side)} approves${shown ? ` (${pct(pass)} chance)` : ''}, ${pts(no)} if it refuses`;
}

/**
 * Whether a score rests on a chance the reader may not see: its cabinet's vote, for a reader whose
 * intelligence does not see that cabinet. Such a score, or any sum or difference with it, is not
 * given: with the worths if approved and if refused beside it, it would give the chance away
 * (score = yes x pass + no x (1 - pass) + the rest).
 */
const veiled = (pass: number, shown: boolean): boolean => !shown && pass < 1;

/**
 * The objectives that carry most of an order's or option's expected worth (its worth if approved
 * times the chance, and if refused times the rest), from the same sums the persona scored it by,
 * taken objective by objective (values.ts, worthByObjective).
 */
function carriedBy(x: Weighed, what: Pick<CAction, 'linked' | 'vote' | 'incident'>, publicity: number, pass: number, action?: string): Carrier[] {
  const parts = worthByObjective(x.c, x.side, x.sees, what.linked, what.vote, what.incident, publicity, x.s, action);
  return carriers(parts.map(w => w.approved * pass + w.refused * (1 - pass)));
}

/** "; most of it for “A” +1.2 (60%), ..." (carriers.ts), or nothing when no objective carries it. */
const carriedWords = (x: Weighed, cs: readonly Carrier[]): string => (cs.length ? `; ${carrierWords(x.c, x.side, cs)}` : '');

function orderFactor(x: Extract<PersonaChoice, { kind: 'orders' }>, o: WeighedOrder): Factor {
  const a = x.c.actions[o.k]!;
  const lean = x.lean2[o.k]!,
    cat = x.cat[o.k]!,
    cost = x.cost[o.k]!;
  // A private order names no objective it serves either: that would say what it is.
  const shown = readerSees(x.c, x.side, x.s);
  const hide = veiled(o.pass, shown);
  // For a reader that may not weigh by the chance, the objectives carry its worth if approved.
  const cs = a.public ? carriedBy(x, a, 50, hide ? 1 : o.pass, a.id) : [];
  const parts = [
    hide
      ? `${pts(o.yes)} to our objectives if ${cabinetOf(x.side)} approves${cs.length ? ` (${carrierWords(x.c, x.side, cs)})` : ''}, ${pts(o.no)} if it refuses`
      : worthWords(x.side, o.yes, o.no, o.pass, shown) + carriedWords(x, cs),
  ];
  if (lean) parts.push(`${x.persona.name}’s leaning on its issue ${pts(lean)}`);
  if (cat) parts.push(`liking for ${categoryWords(a.category)} ${pts(cat)}`);
  // The order's cost (public: the scenario's), never the capital left, which the other side may not see.
  if (cost) parts.push(`its cost of ${a.cost} capital ${pts(-cost)}`);
  parts.push(`chance ${pts(o.dice)}`);
  const sources = carrierSources(x.c, x.side, cs, named(x.c, o.k).sources);
  // Its parts without their sum, where the sum would give the chance away (veiled).
  if (hide) return { label: `${named(x.c, o.k).label}: ${parts.join('; ')}`, weight: 1, value: 0, unit: 'none', sources };
  return { label: `${named(x.c, o.k).label}: ${parts.join('; ')}`, weight: o.pass, value: o.score, sources };
}

/**
 * The terms of a note as the persona valued them: each term the note holds, with its option and that
 * option's value to this side, largest first (a term's value is the scenario's, as packageValue adds them).
 */
function noteTerms(c: Compiled, side: Side, terms: Terms): { label: string; value: number; sources: readonly string[] }[] {
  const out = [];
  for (const [k, term] of c.terms.entries()) {
    const o = term.options.find(x => x.id === terms[term.id]);
    if (o) out.push({ label: `${term.label}: ${o.label}`, value: o.value[side], sources: c.sc.negotiation.terms[k]!.sources ?? [] });
  }
  return out.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

/**
 * A note's worth by the terms' values as a factor: the terms that weigh most in it named with their
 * values, and the sources of the terms its worth rests on (every note holds every term, so these are
 * the terms whose option is worth something to this side), not of every term: each such term's first
 * source, the weightiest term's first, then the rest, so the first few a front end shows cite the
 * terms named. A note worth nothing by any of its terms cites them all.
 */
function noteWorthFactor(c: Compiled, side: Side, n: WeighedNote): Factor {
  const ts = noteTerms(c, side, n.terms);
  const bearing = ts.filter(t => t.value !== 0);
  const cited = bearing.length ? bearing : ts;
  const named = bearing.length
    ? `; weighing most, ${bearing
        .slice(0, 2)
        .map(t => `“${t.label}” ${pts(t.value)}`)
        .join(', ')}`
    : '';
  return {
    label: `Worth of ${noteName(other(side), n.n)} by the terms’ values (it needs 0 or more)${named}`,
    weight: 1,
    value: n.value,
    sources: [...new Set([...cited.flatMap(t => t.sources.slice(0, 1)), ...cited.flatMap(t => t.sources)])],
  };
}

// The side by name, not "us": these reasons are read by the other side too ("Why did Britain refuse?").
// To a reader that may not see this side's cabinet, its share is not given, and the cabinet is named
// only where the answer already tells it: a note worth having (the terms' values are public) refused.
function noteWords(c: Compiled, side: Side, n: WeighedNote, shown: boolean): string {
  const worth = `it is worth ${pts(n.value)} to ${sideInSentence(c.sc, side)} by the terms’ values`;
  if (!shown) return n.accept || n.value < 0 ? worth : `${cabinetOf(side)} would not ratify it, though ${worth}`;
  const needs = n.share >= 0.5 ? 'a majority' : 'short of the half it needs';
  return `${pct(n.share)} of ${cabinetOf(side)} would ratify it (${needs}) and ${worth}`;
}

/** Reasons for a persona's answers to notes, from the notes alone. */
function answerReasons(c: Compiled, side: Side, persona: PersonaDef, notes: readonly WeighedNote[], shown: boolean): Reasons {
  const who = `${persona.name} (${c.sc.sides[side].name})`;
  return {
    summary: notes.map(n => `${who} ${n.accept ? 'accepts' : 'refuses'} ${noteName(other(side), n.n)}: ${noteWords(c, side, n, shown)}.`).join(' '),
    factors: notes.slice(0, 2).flatMap(n => [
      // The share itself, as a percentage, beside the half it needs ("−50.0 percentage points" from
      // the half read as jargon); only for a reader that may see this side's cabinet.
      ...(shown
        ? [
            {
              label: `Share of ${cabinetOf(side)} that would ratify ${noteName(other(side), n.n)} (it needs half)`,
              weight: 1,
              value: n.share,
              unit: 'share' as const,
              sources: [],
            },
          ]
        : []),
      noteWorthFactor(c, side, n),
    ]),
    // The answer not given, with why it was not: the reason for the answer given, said as such.
    rejected: notes.map(n => ({ label: `${n.accept ? 'Refuse' : 'Accept'} ${noteName(other(side), n.n)}`, score: n.value, why: `not chosen, since ${noteWords(c, side, n, shown)}` })),
  };
}

export function personaReasons(x: PersonaChoice): Reasons {
  const { c, side, persona } = x;
  const shown = readerSees(c, side, x.s);
  const who = `${persona.name} (${c.sc.sides[side].name})`;
  if (x.kind === 'decide') {
    const opts = x.ev.decision!.options;
    const ranked = [...x.weighed].sort((a, b) => b.score - a.score);
    const best = ranked[0]!;
    const label = (w: WeighedOption) => opts[w.i]!.label;
    // The objectives that carry the worth, and their sources ahead of the event's.
    const hide = veiled(best.pass, shown);
    const cs = carriedBy(x, opts[best.i]!, x.ev.publicity, hide ? 1 : best.pass);
    const factors: Factor[] = [
      hide
        ? // Its worth if approved and if refused without their sum by the chance, which would give the chance away.
          {
            label: `Worth to our objectives: ${pts(best.yes)} if ${cabinetOf(side)} approves${cs.length ? ` (${carrierWords(c, side, cs)})` : ''}, ${pts(best.no)} if it refuses`,
            weight: 1,
            // Not shown (no unit): its place among the factors, by the larger of the two.
            value: Math.max(Math.abs(best.yes), Math.abs(best.no)),
            unit: 'none',
            sources: carrierSources(c, side, cs, x.ev.sources),
          }
        : {
            label: `Worth to our objectives: ${worthWords(side, best.yes, best.no, best.pass, shown)}${carriedWords(x, cs)}`,
            weight: best.pass,
            value: best.yes * best.pass + best.no * (1 - best.pass),
            sources: carrierSources(c, side, cs, x.ev.sources),
          },
    ];
    if (best.lean) factors.push({ label: `${persona.name}’s leaning on the issue`, weight: 2, value: best.lean, sources: [] });
    factors.push({ label: `Chance (${persona.name} is not wholly predictable)`, weight: 1, value: best.dice, sources: [] });
    factors.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    // Scores and their differences are given only where none rests on a chance the reader may not see.
    const scored = !ranked.slice(0, 2).some(w => veiled(w.pass, shown));
    return {
      // Titles and option labels begin with a capital: each stands after a colon or in quotes, never spliced mid-sentence.
      summary: scored
        ? `${who} on “${x.ev.title}”: ${label(best)}, scoring ${ptsFine(best.score)}${ranked[1] ? `; the next best scores ${ptsFine(ranked[1].score)}: ${label(ranked[1])}` : ''}.`
        : `${who} on “${x.ev.title}”: ${label(best)}${ranked[1] ? `; the next best: ${label(ranked[1])}` : ''}.`,
      factors: factors.slice(0, 3),
      rejected: ranked.slice(1).map(w => ({
        label: label(w),
        score: w.score,
        why: `${veiled(w.pass, shown) || veiled(best.pass, shown) ? 'scored below the option taken' : `${ptsFine(w.score - best.score)} against the option taken`}: ${worthWords(side, w.yes, w.no, w.pass, shown)}${w.lean ? `; leaning ${pts(w.lean)}` : ''}`,
      })),
    };
  }
  const given = x.given.map(k => x.scored.find(o => o.k === k)!);
  const ranked = [...given].sort((a, b) => b.score - a.score);
  const factors = ranked.slice(0, 3).map(o => orderFactor(x, o));
  // Orders it gave that the note's capital took (the player that sent them with its note dropped them), first.
  const gaveWay = x.gaveWay?.ks ?? [];
  const dropped = gaveWay.map(k => x.scored.find(o => o.k === k)!);
  // An order's score as the reasons give it: none where it rests on a chance the reader may not see.
  const scoredWords = (o: WeighedOrder) => (veiled(o.pass, shown) ? 'scored above zero' : `scored ${pts(o.score)}`);
  const rejected: Alternative[] = dropped.map(o => ({
    label: named(c, o.k).label,
    score: o.score,
    why: `${scoredWords(o)}, but its ${o.cost} capital went to the note, which costs ${x.gaveWay!.noteCost}`,
  }));
  // Orders worth giving that were not given: no capital left for them, or they undo one that scored higher.
  for (const o of x.scored) {
    if (x.given.includes(o.k) || gaveWay.includes(o.k)) continue;
    const undoes = c.actions[o.k]!.contradicts.find(b => x.given.includes(b));
    rejected.push({
      label: named(c, o.k).label,
      score: o.score,
      why:
        undoes !== undefined
          ? `${scoredWords(o)}, but it undoes an order given that scored higher: ${named(c, undoes).label}`
          : // The capital left is hidden from the other side (engine/seat.ts), which reads these reasons.
            `${scoredWords(o)}, but it costs ${o.cost} capital and could not be afforded this turn after the orders that scored higher`,
    });
  }
  if (x.nearest)
    rejected.push({
      label: named(c, x.nearest.k).label,
      score: x.nearest.score,
      why: `the best of the orders not worth giving: ${veiled(x.nearest.pass, shown) ? 'its score at most zero' : ptsFine(x.nearest.score)} (${worthWords(side, x.nearest.yes, x.nearest.no, x.nearest.pass, shown)})`,
    });
  const acts = given.map(o => named(c, o.k).label);
  // Orders are named after a colon, never spliced mid-sentence: their labels begin with a capital.
  const strongest = ranked[0];
  const making = dropped.length ? `${dropped.length === 1 ? 'one order' : `${dropped.length} orders`} it would have given made way for the note` : '';
  let summary = !strongest
    ? dropped.length
      ? `${who} gives no orders: ${making}: ${dropped.map(o => named(c, o.k).label).join('; ')}.`
      : `${who} gives no orders${x.nearest ? `: nothing scores above zero (${veiled(x.nearest.pass, shown) ? 'the nearest' : `the nearest scores ${ptsFine(x.nearest.score)}`}: ${named(c, x.nearest.k).label})` : ''}.`
    : given.length === 1
      ? `${who} gives one order${veiled(strongest.pass, shown) ? '' : `, scoring ${pts(strongest.score)}`}: ${acts[0]}.`
      : `${who} gives ${given.length} orders: ${acts.join('; ')}. ${veiled(strongest.pass, shown) ? 'The strongest' : `The strongest scores ${pts(strongest.score)}`}: ${named(c, strongest.k).label}.`;
  if (strongest && dropped.length) summary += ` ${making[0]!.toUpperCase()}${making.slice(1)}: ${dropped.map(o => named(c, o.k).label).join('; ')}.`;
  const answers = x.answered.length ? answerReasons(c, side, persona, x.answered, shown) : undefined;
  if (answers) summary += ` ${answers.summary}`;
  // The package last, after "Terms:", so no term's label is spliced mid-sentence (as the negotiator's).
  if (x.proposed) summary += ` Proposes a package: ${noteWords(c, side, x.proposed, shown)}. Terms: ${describeTerms(c, x.proposed.terms)}.`;
  return { summary, factors, rejected: rejected.slice(0, 4), ...(answers ? { answers } : {}) };
}
