// Turns a validated scenario into a Compiled one, section by section (link/): every name resolved
// to an index, every condition and effect linked into data (linked.ts) and a closure for play. A
// bad reference throws a CompileError naming the path to the field, which the loader reports with
// the file name. The sections are linked in a fixed order, which decides the first error found.
import type { Compiled, Cond } from './compiled';
import { linkActions, linkAllDemands } from './link/actions';
import { linkCalendar } from './link/calendar';
import { checkPersonas, checkUniqueIds } from './link/checks';
import { decidedOn } from './link/conditions';
import type { LinkContext } from './link/context';
import { eventsByTurn, linkEvents } from './link/events';
import { linkFigures, linkLaterOffices } from './link/figures';
import { checkFlagsTested, linkFlags } from './link/flags';
import { linkHistory } from './link/history';
import { linkNegotiation } from './link/negotiation';
import { linkObjectives } from './link/objectives';
import { linkRoles } from './link/roles';
import type { LinkedCondition } from './linked';
import type { ScenarioSetup } from './setup';
import type { Order } from './types';
import type { Side } from './vocab';

export type * from './compiled';
export { PRIVATE_CATEGORIES } from './link/actions';
export { CompileError } from './link/context';

/** Where an order of Compiled.actionOrders keeps its action's index (see actionIndexOf). */
const ACTION_AT = Symbol('action index');

/**
 * The index of the action an order gives (undefined for an unknown id). An order from
 * Compiled.actionOrders carries its index, under a symbol and not enumerable, so JSON, copies and
 * equality checks never see it; the index is taken when the action there has the order's id (the
 * order may come from another scenario's tables), and any other order is looked up by its id, the
 * plain rule. resolveTurn asks this for every order of every turn, and the lookup by id alone was
 * 2% of a playout (tests/engine/shortcuts.test.ts compares the two).
 */
export function actionIndexOf(c: Compiled, o: { readonly id: string }): number | undefined {
  const k = (o as { [ACTION_AT]?: number })[ACTION_AT];
  return k !== undefined && c.actions[k]?.id === o.id ? k : c.actionIndex.get(o.id);
}

const cache = new WeakMap<ScenarioSetup, Compiled>();
// The scenario last asked for, and its compiled form: every move asks (applyMove, playMove and
// checkMove each call compile), nearly always for the same scenario, and a variable compares
// faster than a WeakMap looks up (that lookup was 3% of the explorer's time).
let lastSc: ScenarioSetup | undefined, lastC: Compiled | undefined;

/** Compile once per scenario object. */
export function compile(sc: ScenarioSetup): Compiled {
  if (sc === lastSc) return lastC!;
  let c = cache.get(sc);
  if (!c) {
    c = build(sc);
    cache.set(sc, c);
  }
  lastSc = sc;
  lastC = c;
  return c;
}

function build(sc: ScenarioSetup): Compiled {
  checkUniqueIds(sc);
  const { days, phaseOf, monthAfter } = linkCalendar(sc.calendar);
  const f = linkFigures(sc);
  const { flags, flagIndex } = linkFlags(sc);
  const cx: LinkContext = {
    sc,
    days,
    issueIndex: f.issueIndex,
    figIndex: f.figIndex,
    ministers: f.ministers,
    ministerIndex: f.ministerIndex,
    flagIndex,
    actionIndex: new Map(sc.actions.map((a, k) => [a.id, k])),
    eventIndex: new Map(sc.events.map((e, k) => [e.id, k])),
    termIndex: new Map(sc.negotiation.terms.map((tm, k) => [tm.id, k])),
    flagsTested: [],
    condOf: new Map<LinkedCondition, Cond>(),
    rolls: 0,
  };
  const actions = linkActions(cx, sc);
  const events = linkEvents(cx, sc);
  const demanders = linkAllDemands(cx, sc, f.ministers, f.groups);
  const { terms, negotiation } = linkNegotiation(cx, sc);
  const objectives = linkObjectives(cx, sc);
  const { outcomes, historyOrders, historyNotes } = linkHistory(cx, sc);
  checkPersonas(cx, sc);
  const roles = linkRoles(cx, sc, f.groups);
  linkLaterOffices(cx, sc, f.ministers);
  checkFlagsTested(cx);

  const { figs } = f;
  return {
    demanders,
    initialPipeline: f.initialPipeline,
    sc,
    days,
    phaseOf,
    monthAfter,
    sideActions: { britain: actions.filter(a => a.side === 'britain').map(a => a.i), ussr: actions.filter(a => a.side === 'ussr').map(a => a.i) },
    sideActionsAt: days.map(day => {
      const open = (side: Side) => actions.filter(a => a.side === side && decidedOn(a.whenLinked, day) !== false).map(a => a.i);
      return { britain: open('britain'), ussr: open('ussr') };
    }),
    figs,
    figMin: Float64Array.from(figs, x => x.min),
    figMax: Float64Array.from(figs, x => x.max),
    figIndex: f.figIndex,
    flags,
    flagIndex,
    issues: f.issues,
    issueIndex: f.issueIndex,
    ministers: f.ministers,
    groups: f.groups,
    parties: f.parties,
    side: f.side,
    iTension: f.iTension,
    trade: f.trade,
    actions,
    actionIndex: cx.actionIndex,
    actionOrders: actions.map(a => Object.freeze(Object.defineProperty({ kind: 'action', id: a.id }, ACTION_AT, { value: a.i })) as Extract<Order, { kind: 'action' }>),
    events,
    eventIndex: cx.eventIndex,
    eventsAt: eventsByTurn(days, events),
    terms,
    negotiation,
    objectives,
    roles,
    roleIndex: new Map(roles.map(r => [r.id, r.i])),
    outcomes,
    historyOrders,
    historyNotes,
    initialFig: f.initialFig,
    condOf: cx.condOf,
    never: { flags: flags.map(() => -1), events: events.map(() => -1), actions: actions.map(() => -1) },
  };
}
