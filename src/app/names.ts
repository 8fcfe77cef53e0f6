// Short names for figures, effect summaries, and finding a figure from what a player types.
import { type Compiled, other, type Prediction, type Preview, pressureLines, RELATION_LABELS, type Risk, type SeatView, type Side, seen, sideInSentence, standingOf } from '../engine/index';
import { type LinkedEffect, unhandled } from '../engine/linked';
import { pct, signed as signedNum } from './numbers';
import { GROUP_SHORT } from './shortNames';

/** A side's name inside a sentence: "the Soviet Union" (a name that is a union or state takes the article), "Britain". */
export const sideInText = (c: Compiled, side: Side): string => sideInSentence(c.sc, side);

/**
 * A name's leading article in lower case, as the other names read mid-list ("… · the Government of
 * India alignment +3", not "· The Government of India …"); a list's first word is capitalised where shown.
 */
const midSentence = (name: string): string => name.replace(/^The /, 'the ');

/** A short, readable name for a figure, from one side's point of view. */
export function figName(c: Compiled, i: number, me?: Side): string {
  const f = c.figs[i]!;
  const [, a = '', b = ''] = f.id.split('.');
  switch (f.kind) {
    case 'standing':
      return me === f.side ? 'your standing' : standingOf(c.sc.sides[f.side!].leadTitle);
    case 'capital':
      return me === f.side ? 'your capital' : `${sideInText(c, f.side!)}'s capital`;
    case 'intel':
      // "Britain's intelligence", "the Soviet Union's intelligence": not "Britain intelligence".
      return me === f.side ? 'your intelligence' : `${sideInText(c, f.side!)}'s intelligence`;
    case 'tension':
      return 'war danger';
    case 'stance': {
      const m = c.ministers.find(x => x.id === a);
      const is = c.sc.issues.find(x => x.id === b);
      return `${m?.short ?? a} on ${is?.label ?? b}`;
    }
    case 'mood':
      return `${c.ministers.find(x => x.id === a)?.short ?? a}'s mood`;
    case 'inOffice':
      return `${c.ministers.find(x => x.id === a)?.short ?? a} in office`;
    case 'pressure':
      return `${midSentence(c.groups.find(x => x.id === a)?.name ?? a)} pressure`;
    case 'align':
      return `${midSentence(c.parties.find(x => x.id === a)?.name ?? a)} alignment`;
    case 'trade':
      // Whose flow, as the trade chart names it: a Soviet reader took a bare "Exports 750" for
      // Soviet exports, which the chart beside it shows as UK imports of 1,300.
      return (
        {
          exports: 'UK exports',
          reExports: 'UK re-exports',
          imports: 'UK imports',
          balance: 'Soviet surplus',
          orders: 'Soviet orders',
          credit: 'British credit for Soviet buyers',
          diversion: 'order diversion',
        }[a] ?? f.label
      );
    default:
      return f.label;
  }
}

/**
 * A figure's name inside a sentence ("Scored by the pressure from Politburo hardliners: …"), where
 * figName's list form would splice a label's capital or a bare noun pile into prose. Proper names
 * keep their capitals; a declared figure or group reads as the scenario's `inSentence`, if it has one.
 */
export function figInSentence(c: Compiled, i: number, me?: Side): string {
  const f = c.figs[i]!;
  const [, a = '', b = ''] = f.id.split('.');
  switch (f.kind) {
    case 'declared': {
      const d = c.sc.figures.find(x => x.id === f.id);
      return d?.inSentence ?? midSentence(f.label);
    }
    case 'pressure': {
      const g = c.sc.groups.find(x => x.id === a);
      return `the pressure from ${g?.inSentence ?? midSentence(g?.name ?? a)}`;
    }
    case 'align':
      return `the alignment of ${midSentence(c.parties.find(x => x.id === a)?.name ?? a)}`;
    case 'stance': {
      // The issue's label is a heading ("Break with Moscow"): quoted, it keeps its capital.
      const m = c.ministers.find(x => x.id === a);
      const is = c.sc.issues.find(x => x.id === b);
      return `${m?.short ?? a}'s stance on “${is?.label ?? b}”`;
    }
    case 'trade':
      // In prose, the list's "UK exports" as words ("Scored by exports from Britain: …").
      return (
        {
          exports: 'exports from Britain',
          reExports: 're-exports from Britain',
          imports: 'imports into Britain',
          balance: 'the trade balance',
          credit: 'credit for Soviet buyers in Britain',
        }[a] ?? figName(c, i, me)
      );
    default:
      return figName(c, i, me);
  }
}

/** Whether a rise in the figure is good for the side, bad, or neither (for colouring changes). */
export function riseIsGood(c: Compiled, i: number, me: Side): boolean | null {
  const f = c.figs[i]!;
  switch (f.kind) {
    case 'standing':
    case 'capital':
    case 'intel':
      return f.side === me ? true : null;
    case 'tension':
      return false;
    case 'pressure':
      return f.side === me ? false : null;
    case 'mood':
      return f.side === me ? true : null;
    case 'align':
      return me === 'britain';
    default:
      return null;
  }
}

/**
 * A group's name for lists: no parenthesis, no leading "The"; if still longer than `max`, its
 * hand-made short form (shortNames.ts), and only failing that cut.
 */
export function groupShort(name: string, max = 24): string {
  const n = name.replace(/\s*\([^)]*\)/g, '').replace(/^The /, '');
  if (n.length <= max) return n;
  const own = Object.hasOwn(GROUP_SHORT, name) ? GROUP_SHORT[name]! : n;
  return own.length <= max ? own : `${own.slice(0, max - 1).trimEnd()}…`;
}

/**
 * "war danger +10 · pressure: Die-hards −11, Labour +9.6 · Break with Moscow: Baldwin −8".
 * Figures in scenario order; group pressures and ministers' stances gathered by kind and issue.
 * `compact` keeps the list short for the orders screen (the largest changes of each kind).
 */
export function effectsSummary(c: Compiled, predicted: readonly Prediction[], me: Side, view: SeatView, compact = false): string {
  const figs = predicted.map(p => ({ i: c.figIndex.get(p.fig)!, d: p.delta, range: p.range }));
  // A figure hidden from the side (the other cabinet's stances, without good intelligence) shows no number;
  // a gamble shows its range beside the expected change, so "−4.8" does not hide a chance of "+5".
  const signed = (x: { i: number; d: number; range?: readonly [number, number] | undefined }) =>
    seen(view, x.i) === null ? '?' : x.range ? `${signedNum(x.d)} (${signedNum(x.range[0])} to ${signedNum(x.range[1])})` : signedNum(x.d);
  const kindOf = (i: number) => c.figs[i]!.kind;
  const cap = <T>(xs: T[], n: number, show: (x: T) => string) => {
    const shown = compact ? xs.slice(0, n) : xs;
    return shown.map(show).join(', ') + (xs.length > shown.length ? ` and ${xs.length - shown.length} more` : '');
  };
  const biggest = <T extends { d: number }>(xs: T[]) => (compact ? [...xs].sort((a, b) => Math.abs(b.d) - Math.abs(a.d)) : xs);
  const plain = figs.filter(x => kindOf(x.i) !== 'pressure' && kindOf(x.i) !== 'stance');
  const parts =
    compact && plain.length > 5 ? [...plain.slice(0, 5).map(x => `${figName(c, x.i, me)} ${signed(x)}`), `and ${plain.length - 5} more`] : plain.map(x => `${figName(c, x.i, me)} ${signed(x)}`);
  // Ministers' stances, by issue: "Break with Moscow: Baldwin −8, Cave −6".
  const stances = figs.filter(x => kindOf(x.i) === 'stance');
  for (const [k, is] of c.sc.issues.entries()) {
    const xs = biggest(stances.filter(x => c.ministers.some(m => m.iStance[k] === x.i)));
    if (xs.length) parts.push(`${is.label}: ${cap(xs, 3, x => `${c.ministers.find(m => m.iStance[k] === x.i)!.short} ${signed(x)}`)}`);
  }
  const pressure = biggest(figs.filter(x => kindOf(x.i) === 'pressure'));
  if (pressure.length) parts.push(`pressure: ${cap(pressure, 4, x => `${groupShort(c.groups.find(g => g.iPressure === x.i)!.name)} ${signed(x)}`)}`);
  return parts.join(' · ');
}

/**
 * The figures a side watches, in the order the `why` list numbers them: its lead's standing,
 * capital and intelligence, war danger, its groups' pressure, declared figures it can see, trade,
 * the other lead's standing, third powers.
 */
export function keyFigures(c: Compiled, view: SeatView, me: Side): number[] {
  const t = c.trade;
  const out = [
    c.side[me].iStanding,
    c.side[me].iCapital,
    c.side[me].iIntel,
    c.iTension,
    ...c.side[me].groups.map(g => c.groups[g]!.iPressure),
    ...c.figs.flatMap((f, i) => (f.kind === 'declared' && seen(view, i) !== null ? [i] : [])),
    t.exports,
    t.reExports,
    t.imports,
    t.balance,
    t.orders,
    t.credit,
    t.diversion,
    c.side[other(me)].iStanding,
    c.side[other(me)].iIntel,
    ...c.side[other(me)].groups.map(g => c.groups[g]!.iPressure),
    ...c.parties.map(p => p.iAlign),
  ];
  return [...new Set(out)];
}

/**
 * The figure a player means: a number in the `why` list, an exact id, or a piece of an id, name
 * or label. Returns the index, or a list of candidates when the text is ambiguous.
 */
export function findFigure(c: Compiled, view: SeatView, me: Side, text: string): { fig: number } | { candidates: number[] } {
  const q = text.trim().toLowerCase();
  const keys = keyFigures(c, view, me);
  if (/^\d+$/.test(q)) {
    const k = Number(q);
    return k >= 1 && k <= keys.length ? { fig: keys[k - 1]! } : { candidates: [] };
  }
  const exact = c.figs.findIndex(f => f.id.toLowerCase() === q);
  if (exact >= 0) return { fig: exact };
  const hay = (i: number) => `${c.figs[i]!.id} ${c.figs[i]!.label} ${figName(c, i, me)}`.toLowerCase();
  const all = c.figs.map((_, i) => i);
  // Key figures first: "standing" means your standing before anyone else's.
  const inKeys = keys.filter(i => hay(i).includes(q));
  if (inKeys.length === 1) return { fig: inKeys[0]! };
  // Your own figure before the other side's: "intel" is your intelligence.
  const own = inKeys.filter(i => c.figs[i]!.side === me);
  if (own.length === 1) return { fig: own[0]! };
  const hits = inKeys.length ? inKeys : all.filter(i => hay(i).includes(q));
  if (hits.length === 1) return { fig: hits[0]! };
  // A whole word in the short name beats a fragment ("war danger" vs "war scare").
  const word = hits.filter(i => figName(c, i, me).toLowerCase() === q);
  if (word.length === 1) return { fig: word[0]! };
  return { candidates: hits };
}

/**
 * What an effect list does beyond moving figures: relations, resignations, the end of the game.
 * Effects under a chance carry the odds; effects under a condition are marked "perhaps".
 */
export function structuralEffects(c: Compiled, effects: readonly LinkedEffect[] | undefined, p = 1, cond = false): string[] {
  const out: string[] = [];
  const tag = (s: string) => (cond ? `perhaps ${s}` : p < 0.999 ? `${s} (${pct(p)} chance)` : s);
  for (const e of effects ?? []) {
    switch (e.k) {
      case 'relations':
        out.push(tag(RELATION_LABELS[e.to].long));
        break;
      case 'resign':
        out.push(tag(`${c.ministers[e.minister]!.short} resigns`));
        break;
      case 'end':
        out.push(tag(`the game ends: ${e.reason}`));
        break;
      case 'chance':
        out.push(...structuralEffects(c, e.then, p * e.p, cond), ...structuralEffects(c, e.else, p * (1 - e.p), cond));
        break;
      case 'if':
        out.push(...structuralEffects(c, e.then, p, true), ...structuralEffects(c, e.else, p, true));
        break;
      // Figures are in the predictions; the rest is not shown before the order is given.
      case 'addFig':
      case 'setFig':
      case 'flag':
      case 'dismiss':
      case 'appoint':
      case 'setLead':
      case 'schedule':
      case 'news':
        break;
      default:
        unhandled(e);
    }
  }
  return out;
}

/**
 * What a preview's "Expected" line gives: the visible changes and the structural ones, joined.
 * Empty when neither: then `noChangeText` says whether the item still sets something in train.
 */
export function expectedChanges(c: Compiled, linked: readonly LinkedEffect[] | undefined, predicted: readonly Prediction[], view: SeatView, compact = false): string {
  return [...structuralEffects(c, linked), effectsSummary(c, predicted, view.side, view, compact)].filter(Boolean).join(' · ');
}

/**
 * What effects set going beyond the figures: flags and scheduled events move no figure at once but
 * open (or close) later events, and offices change hands. A scheduled event is named only when the
 * seat will see it (not the other side's private business); the effects themselves are the
 * scenario's published rules, not the game's hidden state.
 */
function inTrain(c: Compiled, linked: readonly LinkedEffect[] | undefined, me: Side): string[] {
  const events: string[] = [];
  const offices: string[] = [];
  let sets = false;
  const walk = (effects: readonly LinkedEffect[] | undefined): void => {
    for (const e of effects ?? []) {
      if (e.k === 'flag') sets = true;
      else if (e.k === 'schedule') {
        sets = true;
        const ev = c.events[e.event]!;
        const title = `\u201c${ev.title}\u201d`;
        if ((ev.privateTo === null || ev.privateTo === me) && !events.includes(title)) events.push(title);
      } else if (e.k === 'appoint') offices.push(`${c.ministers[e.minister]!.short} takes office`);
      else if (e.k === 'dismiss') offices.push(`${c.ministers[e.minister]!.short} leaves office`);
      else if (e.k === 'setLead') offices.push(`${c.ministers[e.minister]!.short} takes the lead`);
      else if (e.k === 'chance' || e.k === 'if') {
        walk(e.then);
        walk(e.else);
      }
    }
  };
  walk(linked);
  return [...(sets ? [`it sets later events in train${events.length ? ` (${events.join(', ')})` : ''}`] : []), ...offices];
}

/** What an item with no expected change says instead: "no change" alone would read as "does nothing" where it sets things going. */
export function noChangeText(c: Compiled, linked: readonly LinkedEffect[] | undefined, me: Side): string {
  const parts = inTrain(c, linked, me);
  return parts.length ? `No figure moves at once; ${parts.join('; ')}.` : 'No direct change to a figure you can see.';
}

/** The whole "Expected" line of a preview, the same in every front end. */
export function expectedLine(c: Compiled, linked: readonly LinkedEffect[] | undefined, predicted: readonly Prediction[], view: SeatView, compact = false): string {
  const e = expectedChanges(c, linked, predicted, view, compact);
  return e ? `Expected: ${e}` : noChangeText(c, linked, view.side);
}

/** One risk in words: "Jix resigns (his mood below 15): standing −6 — 40% chance". */
export function riskText(r: Risk): string {
  const what = r.kind === 'revolt' ? `${groupShort(r.who)} ${r.what}` : `${r.who} ${r.what}`;
  return `${what} — ${r.chance >= 0.995 ? 'certain' : `${pct(r.chance)} chance`}`;
}

/**
 * What a preview says beyond the expected changes, one line each: who forces the item anyway, what
 * a refusal brings (`onFail`: the vote's refusal effects as data), and the risks (resignations, a
 * fall, lines crossed). The same lines in every front end.
 */
export function previewNotes(c: Compiled, pv: Preview, me: Side, view: SeatView, onFail?: readonly LinkedEffect[]): string[] {
  const out: string[] = [];
  if (pv.forcedBy !== null) out.push(`${pv.forcedBy} will force it onto the agenda this turn anyway: ordering it only spends capital`);
  if (pv.approval !== null && pv.approval < 0.995) {
    // A refusal that only sets later events going (a fallback course) says so, as an item's own line does.
    const refused = [effectsSummary(c, pv.refused, me, view, true), ...inTrain(c, onFail, me)].filter(Boolean).join('; ');
    out.push(`if refused (${pct(1 - pv.approval)} chance): ${refused || 'no change to a figure you can see'}`);
  }
  for (const r of pv.risks) out.push(`risk: ${riskText(r)}`);
  return out;
}

/** A minister's resign line in words, or null if he does not resign over moods. */
export const resignLine = (c: Compiled, minister: number): string | null => {
  const m = c.ministers[minister]!;
  return m.canResign ? `resigns if his mood falls below ${m.resignBelow}` : null;
};

/** The lines on a group's pressure the scenario draws (forced items, revolts), in words, lowest first. */
export function groupLines(c: Compiled, group: number): { at: number; text: string }[] {
  const g = c.groups[group]!;
  return pressureLines(c, g.side)
    .filter(l => l.group === group)
    .map(l => ({ at: l.at, text: l.kind === 'forces' ? `${l.by} forces "${l.what}"` : l.what }));
}
