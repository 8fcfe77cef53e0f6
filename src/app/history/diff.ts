// The diff of two nodes of the tree: every tracked figure over time on one date axis (ready for a
// chart: the union of both paths' turn dates, a value per date or null where a path has not got
// to), who decided what in each, the orders given differently, the events that fired in one and
// not the other (or on other dates), the events the teacher introduced in each, and each scenario
// outcome at both ends. A path may stop before the scenario's end (a game not finished): its end
// is dated, and an outcome history only came to after that date is "not reached" there, not "no".

import { type Compiled, compile, type GameState, isoOf, outcomeSettled, outcomeStays, outlookFacts, shownDay } from '../../engine/index';
import { type HistoryTree, TRUNK_ID } from './tree';
import type { DecisionDiff, EventFiring, FigureSeries, NodeDiff, NodeId, OrdersDiff, PathEnd, Step, TeacherEvent } from './types';
import { decisionOf, moveKey, orderText } from './words';

/** The state at the start of each turn of a node's path, and at its end (or at move `at`): [day, state]. */
export function timeline(tree: HistoryTree, id: NodeId, at = tree.length(id)): { day: number; s: GameState }[] {
  const c = compile(tree.sc);
  const pts = tree
    .turnStarts(id)
    .filter(p => p.at <= at)
    .map(p => tree.stateAt(p));
  pts.push(tree.stateAt({ node: id, at }));
  const out: { day: number; s: GameState }[] = [];
  for (const s of pts) {
    const day = s.ended ? s.ended.day : c.days[s.turn]!;
    const last = out[out.length - 1];
    if (last && last.day === day) last.s = s;
    else out.push({ day, s });
  }
  return out;
}

/**
 * Two timelines read on the union of their days: on each day, what held in each (its last entry on
 * or before that day), or null once a line has ended.
 */
export function onCommonDays<T>(ta: readonly { day: number; s: T }[], tb: readonly { day: number; s: T }[]): { days: number[]; a: (T | null)[]; b: (T | null)[] } {
  const days = [...new Set([...ta.map(x => x.day), ...tb.map(x => x.day)])].sort((x, y) => x - y);
  const at = (t: readonly { day: number; s: T }[], day: number): T | null => {
    if (!t.length || day > t[t.length - 1]!.day) return null;
    let s: T | null = null;
    for (const x of t) if (x.day <= day) s = x.s;
    return s;
  };
  return { days, a: days.map(d => at(ta, d)), b: days.map(d => at(tb, d)) };
}

/** Compare two nodes. `figures` limits the series to these figure ids (default: all). */
export function diffNodes(tree: HistoryTree, a: NodeId, b: NodeId, opts: { figures?: readonly string[] } = {}): NodeDiff {
  const c = compile(tree.sc);
  const ma = tree.moves(a),
    mb = tree.moves(b);
  let common = 0;
  while (common < ma.length && common < mb.length && moveKey(ma[common]!) === moveKey(mb[common]!)) common++;
  // Same moves but other dice or teacher's events under them: the paths part there. Move j plays on
  // the seed and on the re-rolls and events queued before it (at <= j), so the first k moves are
  // shared when those match up to k-1; a re-roll at k itself leaves them shared (as describeDivergence
  // says: the dice fall anew from move k).
  const apart = (k: number) => {
    const la = tree.line(a, k - 1),
      lb = tree.line(b, k - 1);
    return JSON.stringify([la.seed, la.reseeds, la.injected ?? []]) !== JSON.stringify([lb.seed, lb.reseeds, lb.injected ?? []]);
  };
  while (common > 0 && apart(common)) common--;
  const sa = tree.steps(a),
    sb = tree.steps(b);
  const divergeDay = common < sa.length ? sa[common]!.day : common < sb.length ? sb[common]!.day : null;

  const { days, a: statesA, b: statesB } = onCommonDays(timeline(tree, a), timeline(tree, b));
  const want = opts.figures ? new Set(opts.figures) : null;
  const figures: FigureSeries[] = [];
  c.figs.forEach((f, i) => {
    if (want && !want.has(f.id)) return;
    const va = statesA.map(s => (s ? s.fig[i]! : null));
    const vb = statesB.map(s => (s ? s.fig[i]! : null));
    let gap = 0;
    for (let j = 0; j < days.length; j++) if (va[j] !== null && vb[j] !== null) gap = Math.max(gap, Math.abs(va[j]! - vb[j]!));
    figures.push({ id: f.id, label: f.label, ...(f.side ? { side: f.side } : {}), a: va, b: vb, gap });
  });

  const decisions = decisionDiff(tree, sa, sb);
  const orders = ordersDiff(tree, sa, sb);
  const ea = tree.state(a),
    eb = tree.state(b);
  const ends = { a: pathEnd(tree, a), b: pathEnd(tree, b) };
  return {
    a,
    b,
    common,
    divergeDay,
    axis: days.map(d => ({ day: d, iso: isoOf(d) })),
    figures,
    decisions,
    orders,
    events: eventsDiff(c, ea.fired, eb.fired),
    outcomes: outcomesAt(tree, ea, eb, ends),
    relations: { a: ea.relations, b: eb.relations },
    ends,
    teacher: { a: teacherOn(tree, a), b: teacherOn(tree, b) },
  };
}

/** How far a node's path got (or is shown, to move `at`): its last state's date (the end date once over), and whether the game is over. */
export function pathEnd(tree: HistoryTree, id: NodeId, at = tree.length(id)): PathEnd {
  const s = tree.stateAt({ node: id, at });
  return { day: s.ended ? s.ended.day : compile(tree.sc).days[s.turn]!, finished: !!s.ended };
}

/**
 * Each outcome at two ends. An unfinished path has reached an outcome only where its answer is
 * final: it holds for good, or it can never hold (engine outcomeSettled); one decided only at the
 * end ("no war", relations at the year's end) is open there, held or not. An outcome met along the
 * way (an event, a flag that stays) that the path does not hold is missed ("no") once history had
 * come to it by the path's last date; history coming to it only later (or never), it is open.
 * History's date for an outcome is the first turn's start at which it holds on the trunk.
 */
export function outcomesAt(tree: HistoryTree, ea: GameState, eb: GameState, ends: NodeDiff['ends']): NodeDiff['outcomes'] {
  const c = compile(tree.sc);
  const facts = outlookFacts(c);
  const hist = timeline(tree, TRUNK_ID);
  return c.outcomes.map(o => {
    const a = o.when(ea),
      b = o.when(eb);
    const since = hist.find(x => o.when(x.s))?.day ?? Infinity;
    const reached = (holds: boolean, s: GameState, e: PathEnd) => e.finished || outcomeSettled(c, s, o, facts) || (!holds && since <= e.day && outcomeStays(c, o, facts));
    return { id: o.id, label: o.label, historical: o.historical, a, b, reached: { a: reached(a, ea, ends.a), b: reached(b, eb, ends.b) } };
  });
}

/** The teacher's events on a node's path, in words (no index: the diff shows dates). */
export const teacherOn = (tree: HistoryTree, id: NodeId): TeacherEvent[] => tree.injections(id).map(x => ({ event: x.event, day: x.day, text: x.text }));

function decisionDiff(tree: HistoryTree, sa: Step[], sb: Step[]): DecisionDiff[] {
  const c = compile(tree.sc);
  const pick = (steps: Step[]) => {
    const m = new Map<string, { option: string; label: string; historical: boolean; day: number; shown: number; side: Step['side'] }>();
    for (const st of steps) {
      if (st.move.type !== 'decide') continue;
      const { opt } = decisionOf(c, st.move);
      m.set(st.move.event, { option: opt.id, label: opt.label, historical: opt.historical, day: st.day, shown: shownDay(c.events[c.eventIndex.get(st.move.event)!]!, st.day), side: st.side });
    }
    return m;
  };
  const da = pick(sa),
    db = pick(sb);
  const events = [...new Set([...da.keys(), ...db.keys()])];
  const out: DecisionDiff[] = events.map(id => {
    const ev = c.events[c.eventIndex.get(id)!]!;
    const x = da.get(id),
      y = db.get(id);
    const strip = (v: typeof x) => (v ? { option: v.option, label: v.label, historical: v.historical, day: v.day, shown: v.shown } : null);
    return { event: id, title: ev.title, side: ev.decision!.side, a: strip(x), b: strip(y), same: !!x && !!y && x.option === y.option };
  });
  return out.sort((p, q) => Math.min(p.a?.day ?? Infinity, p.b?.day ?? Infinity) - Math.min(q.a?.day ?? Infinity, q.b?.day ?? Infinity));
}

function ordersDiff(tree: HistoryTree, sa: Step[], sb: Step[]): OrdersDiff[] {
  const c = compile(tree.sc);
  const pick = (steps: Step[]) => {
    const m = new Map<string, { day: number; side: Step['side']; key: string; text: string[] }>();
    for (const st of steps) {
      if (st.move.type !== 'orders') continue;
      m.set(`${st.day}:${st.side}`, { day: st.day, side: st.side, key: moveKey(st.move), text: st.move.orders.map(o => orderText(c, st.side, o)) });
    }
    return m;
  };
  const oa = pick(sa),
    ob = pick(sb);
  const out: OrdersDiff[] = [];
  for (const k of new Set([...oa.keys(), ...ob.keys()])) {
    const x = oa.get(k),
      y = ob.get(k);
    if (x && y && x.key === y.key) continue;
    const base = (x ?? y)!;
    out.push({ day: base.day, side: base.side, a: x ? x.text : null, b: y ? y.text : null });
  }
  return out.sort((p, q) => p.day - q.day || p.side.localeCompare(q.side));
}

/**
 * Which events fired in one path and not the other, or on other days, from each end's firing days
 * (−1: never): one reading for the full and the seat diff. Each with the date its players were shown
 * (shownDay): history's where it fired on history's turn, so the diff dates it as the reports did.
 */
export function eventsDiff(c: Compiled, fa: ArrayLike<number>, fb: ArrayLike<number>): NodeDiff['events'] {
  const onlyA: EventFiring[] = [],
    onlyB: EventFiring[] = [];
  const moved: NodeDiff['events']['moved'] = [];
  c.events.forEach((ev, i) => {
    const da = fa[i]!,
      db = fb[i]!;
    if (da >= 0 && db < 0) onlyA.push({ event: ev.id, title: ev.title, day: da, shown: shownDay(ev, da) });
    else if (db >= 0 && da < 0) onlyB.push({ event: ev.id, title: ev.title, day: db, shown: shownDay(ev, db) });
    else if (da >= 0 && db >= 0 && da !== db) moved.push({ event: ev.id, title: ev.title, aDay: da, bDay: db, aShown: shownDay(ev, da), bShown: shownDay(ev, db) });
  });
  const byDay = (x: EventFiring, y: EventFiring) => x.day - y.day;
  return { onlyA: onlyA.sort(byDay), onlyB: onlyB.sort(byDay), moved };
}
