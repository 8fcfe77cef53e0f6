// Links the history: the outcomes a game is judged against, and the orders actually given, which
// the historical player replays.
import type { Compiled } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { dayWithin } from './calendar';
import { linkConditionFn } from './conditions';
import { actionOf, CompileError, type LinkContext } from './context';

export function linkHistory(cx: LinkContext, sc: ScenarioSetup): Pick<Compiled, 'outcomes' | 'historyOrders' | 'historyNotes'> {
  const outcomes = sc.history.outcomes.map((o, k) => {
    const { linked, fn } = linkConditionFn(cx, o.when, `history.outcomes[${k}].when`);
    return { id: o.id, label: o.label, historical: o.historical ?? false, when: fn, cond: linked };
  });
  const historyOrders = sc.history.orders.map((o, k) => {
    const action = actionOf(cx, o.action, o.side, `history.orders[${k}].action`);
    return { side: o.side, day: dayWithin(cx.days, o.date, `history.orders[${k}].date`), action };
  });
  // A recorded note names an option of every term, and nothing else.
  const historyNotes = (sc.history.notes ?? []).map((n, k) => {
    const path = `history.notes[${k}].terms`;
    for (const t of Object.keys(n.terms)) if (!sc.negotiation.terms.some(x => x.id === t)) throw new CompileError(path, `unknown term "${t}"`);
    for (const t of sc.negotiation.terms) {
      const o = n.terms[t.id];
      if (o === undefined) throw new CompileError(path, `no option given for term "${t.id}"`);
      if (!t.options.some(x => x.id === o)) throw new CompileError(`${path}.${t.id}`, `unknown option "${o}" (one of ${t.options.map(x => x.id).join(', ')})`);
    }
    return { side: n.side, day: dayWithin(cx.days, n.date, `history.notes[${k}].date`), terms: { ...n.terms } };
  });
  return { outcomes, historyOrders, historyNotes };
}
