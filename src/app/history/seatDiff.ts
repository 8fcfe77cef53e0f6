// The diff of two nodes as one side saw them: the same comparison as diffNodes, built from that
// side's seat views alone (engine/seat.ts), so it shows nothing the side did not know. Figures it
// could not see are gaps; the other side's private decisions and orders never appear (the views
// read them as -1); orders are the actions seen carried out, dated by the turn they were carried out
// in (as the historian's diff dates the orders); where the two first look different is read off the
// views, not the moves (which would tell of hidden business), and is never later than a difference
// the diff itself lists; and the scenario's outcomes, judged on the full state, are left to the
// historian's view.

import { compile, isoOf, type SeatView, type Side, seatView, shownDay } from '../../engine/index';
import { eventsDiff, onCommonDays, pathEnd, teacherOn, timeline } from './diff';
import { shownPoint } from './sight';
import type { HistoryTree } from './tree';
import type { DecisionDiff, FigureSeries, NodeDiff, NodeId, OrdersDiff, TeacherEvent } from './types';

/** Compare two nodes as `seat` saw them. `figures` limits the series to these figure ids (default: all). */
export function seatDiff(tree: HistoryTree, a: NodeId, b: NodeId, seat: Side, opts: { figures?: readonly string[] } = {}): NodeDiff {
  const c = compile(tree.sc);
  // A game in play is read up to the start of its open turn, as the watch reads it (sight.ts).
  const upTo = (id: NodeId) => shownPoint(tree, id).at;
  const views = (id: NodeId) => timeline(tree, id, upTo(id)).map(({ day, s }) => ({ day, s: seatView(c, s, seat, { ledger: false }) }));
  const ta = views(a),
    tb = views(b);
  const { days, a: va, b: vb } = onCommonDays(ta, tb);
  const want = opts.figures ? new Set(opts.figures) : null;
  const read = (v: SeatView | null, i: number) => (v && !Number.isNaN(v.figures[i]!) ? v.figures[i]! : null);
  const figures: FigureSeries[] = [];
  c.figs.forEach((f, i) => {
    if (want && !want.has(f.id)) return;
    const xa = va.map(v => read(v, i)),
      xb = vb.map(v => read(v, i));
    let gap = 0;
    for (let j = 0; j < days.length; j++) if (xa[j] !== null && xb[j] !== null) gap = Math.max(gap, Math.abs(xa[j]! - xb[j]!));
    figures.push({ id: f.id, label: f.label, ...(f.side ? { side: f.side } : {}), a: xa, b: xb, gap });
  });
  // They part, as this side could tell, at the first date its views of the two differ.
  const seen = (v: SeatView | null) => (v ? JSON.stringify([v.figures.map(x => (Number.isNaN(x) ? null : x)), v.fired, v.chosen, v.taken, v.relations]) : null);
  const first = days.findIndex((_, j) => va[j] && vb[j] && seen(va[j]!) !== seen(vb[j]!));

  const ea = ta[ta.length - 1]!.s,
    eb = tb[tb.length - 1]!.s;
  const decisions: DecisionDiff[] = [];
  c.events.forEach((ev, i) => {
    if (!ev.decision) return;
    const pick = (v: SeatView) => {
      const k = v.chosen[i]!;
      const o = k >= 0 ? ev.decision!.options[k] : undefined;
      return o ? { option: o.id, label: o.label, historical: o.historical, day: v.fired[i]!, shown: shownDay(ev, v.fired[i]!) } : null;
    };
    const x = pick(ea),
      y = pick(eb);
    if (x || y) decisions.push({ event: ev.id, title: ev.title, side: ev.decision.side, a: x, b: y, same: !!x && !!y && x.option === y.option });
  });
  decisions.sort((p, q) => Math.min(p.a?.day ?? Infinity, p.b?.day ?? Infinity) - Math.min(q.a?.day ?? Infinity, q.b?.day ?? Infinity));
  const orders = carriedOut(c, ta, tb);
  const events = eventsDiff(c, ea.fired, eb.fired);
  // A view shows a turn's results at the next turn's start, but the diff dates an order, a decision
  // or an event by its own turn: the first difference is the earliest date any of them is listed on.
  const listed = [
    ...(first >= 0 ? [days[first]!] : []),
    ...orders.map(o => o.day),
    ...decisions.filter(x => !x.same).map(x => Math.min(x.a?.shown ?? Infinity, x.b?.shown ?? Infinity)),
    ...[...events.onlyA, ...events.onlyB].map(e => e.shown),
    ...events.moved.map(e => Math.min(e.aShown, e.bShown)),
  ];
  return {
    a,
    b,
    common: 0,
    divergeDay: listed.length ? Math.min(...listed) : null,
    axis: days.map(d => ({ day: d, iso: isoOf(d) })),
    figures,
    decisions,
    orders,
    events,
    outcomes: [],
    relations: { a: ea.relations, b: eb.relations },
    ends: { a: pathEnd(tree, a, upTo(a)), b: pathEnd(tree, b, upTo(b)) },
    // The teacher's events reach a side as they fire, in the news both sides read ("Introduced by
    // the teacher: …"): listed once fired, on the date the view saw them fire.
    teacher: { a: firedBy(tree, a, ea), b: firedBy(tree, b, eb) },
    seat,
  };
}

/** The path's teacher's events that the side had seen fire by the end, on the day they last fired. */
const firedBy = (tree: HistoryTree, id: NodeId, end: SeatView): TeacherEvent[] => {
  const c = compile(tree.sc);
  return teacherOn(tree, id).flatMap(x => {
    const day = end.fired[c.eventIndex.get(x.event)!]!;
    return day >= 0 ? [{ ...x, day }] : [];
  });
};

/** The actions each side was seen to carry out on each turn, where the two paths differ. */
function carriedOut(c: ReturnType<typeof compile>, ta: { day: number; s: SeatView }[], tb: { day: number; s: SeatView }[]): OrdersDiff[] {
  const turns = (t: { day: number; s: SeatView }[]) => {
    const m = new Map<string, { day: number; side: Side; text: string[] }>();
    for (let k = 0; k + 1 < t.length; k++) {
      const v = t[k]!.s;
      const next = t[k + 1]!.s;
      for (const act of c.actions) {
        const d = next.taken[act.i]!;
        if (d < 0 || d === v.taken[act.i]) continue;
        // Dated by the day it was carried out (its turn's): the timeline's last entry, where the game
        // ended on its last turn's day, stands for that turn's start and its end at once.
        const key = `${d}:${act.side}`;
        const e = m.get(key) ?? { day: d, side: act.side, text: [] };
        e.text.push(`“${act.label}”`);
        m.set(key, e);
      }
    }
    return m;
  };
  const oa = turns(ta),
    ob = turns(tb);
  const out: OrdersDiff[] = [];
  for (const k of new Set([...oa.keys(), ...ob.keys()])) {
    const x = oa.get(k),
      y = ob.get(k);
    if (x && y && x.text.join('|') === y.text.join('|')) continue;
    const base = (x ?? y)!;
    out.push({ day: base.day, side: base.side, a: x ? x.text : [], b: y ? y.text : [] });
  }
  return out.sort((p, q) => p.day - q.day || p.side.localeCompare(q.side));
}
