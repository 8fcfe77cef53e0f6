// Links the history: the outcomes a game is judged against, and the orders actually given, which
// the historical player replays.
import type { Compiled } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { dayWithin } from './calendar';
import { linkConditionFn } from './conditions';
import { actionOf, type LinkContext } from './context';

export function linkHistory(cx: LinkContext, sc: ScenarioSetup): Pick<Compiled, 'outcomes' | 'historyOrders'> {
  const outcomes = sc.history.outcomes.map((o, k) => ({ id: o.id, label: o.label, historical: o.historical ?? false, when: linkConditionFn(cx, o.when, `history.outcomes[${k}].when`).fn }));
  const historyOrders = sc.history.orders.map((o, k) => {
    const action = actionOf(cx, o.action, o.side, `history.orders[${k}].action`);
    return { side: o.side, day: dayWithin(cx.days, o.date, `history.orders[${k}].date`), action };
  });
  return { outcomes, historyOrders };
}
