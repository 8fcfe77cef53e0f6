// Turns a validated Scenario into a Compiled one: every name resolved to an index, every
// condition and effect turned into a closure. A bad reference throws a CompileError naming the
// path to the field, which the loader reports with the file name.
import type { Condition, Effect, Scenario, ScenarioAction, ScenarioOption } from '../scenario/schema';
import { dayOf, monthIndexOf, monthIndexOfDay, turnDays } from './calendar';
import { addFig, end, news, ownScheduled, resign, setFig, setFlag, setInOffice, setLead, setRelations, type Draft } from './draft';
import type { GameState } from './types';
import { SIDES, type BySide, type Category, type Place, type Response, type Side } from './vocab';

/** Orders in these categories are a side's internal business unless marked public. */
export const PRIVATE_CATEGORIES: readonly Category[] = ['lobby', 'intelligence', 'comintern'];

export class CompileError extends Error {
  constructor(readonly path: string, message: string) { super(`${path}: ${message}`); }
}

export type FigureKind = 'declared' | 'standing' | 'capital' | 'intel' | 'tension' | 'stance' | 'mood' | 'inOffice' | 'pressure' | 'align' | 'trade';
export interface FigureMeta {
  id: string; label: string; kind: FigureKind; min: number; max: number; side?: Side;
  /** The minister, group or third party the figure belongs to. */
  owner?: string;
  sources: string[]; estimate?: string;
}

export type Cond = (s: GameState) => boolean;
export type Eff = (d: Draft, cause: string) => void;

/** The parts of an action or option that can go to a cabinet vote. */
export interface Vote { issue: number; direction: 1 | -1; cabinet: boolean; difficulty: number; onFail: Eff[] }
export interface IncidentResp { response: Response; intercept: boolean; severity: number }

export interface CAction {
  i: number; id: string; side: Side; label: string; description: string; category: Category; cost: number;
  vote: Vote | null; when: Cond | null; once: boolean; cooldownDays: number;
  effects: Eff[]; raw: Effect[]; incident: IncidentResp | null; sources: string[];
  /** "action:ID", the cause its changes are recorded under. */
  cause: string;
  /** Known to the other side when carried out; lobbying, intelligence and Comintern orders are private by default. */
  public: boolean;
}
export interface COption {
  i: number; id: string; label: string; text: string; historical: boolean; vote: Vote | null;
  effects: Eff[]; raw: Effect[]; incident: IncidentResp | null;
  /** "option:EVENT.OPTION" */
  cause: string;
}
export interface CEvent {
  i: number; id: string; title: string; kind: string; text: string;
  day: number | null; lastDay: number | null; when: Cond | null; mtthDays: number | null;
  mtthModifiers: { when: Cond; factor: number }[]; once: boolean; scheduledOnly: boolean;
  severity: number; publicity: number; effects: Eff[];
  /** "event:ID" */
  cause: string;
  /** Where the map shows it, if anywhere. */
  place: Place | null;
  /** Shown to both sides; by default an event that puts a decision to one side is its business alone. */
  public: boolean;
  decision: { side: Side; prompt: string; options: COption[] } | null;
  sources: string[];
}
export interface CMinister {
  i: number; id: string; name: string; short: string; side: Side; office: string; body: string; influence: number;
  iStance: number[]; iMood: number; iOffice: number; canResign: boolean; resignBelow: number;
  demands: { action: number; when: Cond }[]; motives: string;
}
export interface CGroup {
  i: number; id: string; name: string; side: Side; kind: string; weight: number; iPressure: number; rest: number;
  stance: number[]; demands: { action: number; when: Cond }[];
}
export interface CTerm { i: number; id: string; label: string; options: { id: string; label: string; value: BySide<number>; effects: Eff[]; /** "term:TERM.OPTION" */ cause: string }[] }
export interface CObjective { id: string; label: string; weight: number; when: Cond | null; measure: { fig: number; zero: number; full: number } | null; raw: Scenario['objectives']['britain'][number] }
export interface CSide {
  iStanding: number; iCapital: number; iIntel: number; lead: number; capitalPerTurn: number; capitalMax: number;
  ministers: number[]; groups: number[];
  /** The ministers who can resign (the resignation check looks at no one else). */
  resigners: number[];
}

export interface Compiled {
  sc: Scenario;
  days: number[];
  phaseOf: number[];
  /** Month index (calendar.ts) of the day after each turn's span: the months a turn's resolution completes. */
  monthAfter: number[];
  /** Each side's actions, by index. */
  sideActions: BySide<number[]>;
  /** Every demand of a side's ministers (then groups), flattened for the agenda check. */
  demanders: BySide<{ action: number; when: Cond; by: string; minister: number }[]>;
  figs: FigureMeta[];
  /** Each figure's bounds, as flat tables for setFig. */
  figMin: Float64Array;
  figMax: Float64Array;
  figIndex: Map<string, number>;
  flags: string[];
  flagIndex: Map<string, number>;
  issues: string[];
  issueIndex: Map<string, number>;
  ministers: CMinister[];
  groups: CGroup[];
  parties: { id: string; name: string; iAlign: number; rest: number; place: Place | null }[];
  side: BySide<CSide>;
  iTension: number;
  initialPipeline: number[];
  /** Figure indices of the trade model; the three base levels are figures too, so events can move them. */
  trade: { exports: number; reExports: number; imports: number; balance: number; orders: number; credit: number; diversion: number; baseOrders: number; baseReExports: number; baseImports: number; lag: number; startMonth: number };
  actions: CAction[];
  actionIndex: Map<string, number>;
  events: CEvent[];
  eventIndex: Map<string, number>;
  /**
   * For each turn, the events that can fire on it without being scheduled, in scenario order:
   * dated events whose date or window the turn reaches, random and triggered events. Any other
   * event could only fire if scheduled, so fireEvents need not look at it.
   */
  eventsAt: number[][];
  terms: CTerm[];
  negotiation: { when: Cond | null; replyDays: number; offerCost: number; issue: BySide<number>; commonsVote: boolean; onRatified: Eff[] };
  objectives: BySide<CObjective[]>;
  outcomes: { id: string; label: string; when: Cond; historical: boolean }[];
  historyOrders: { side: Side; day: number; action: number }[];
  initialFig: number[];
  /** "Never" (-1) for every flag, event and action: the tables a new game starts from (createGame copies them). */
  never: { flags: number[]; events: number[]; actions: number[] };
  /** The compiled closure of every condition in the file, for predictions. */
  condOf: Map<Condition, Cond>;
}

const cache = new WeakMap<Scenario, Compiled>();

/** Compile once per scenario object. */
export function compile(sc: Scenario): Compiled {
  const hit = cache.get(sc);
  if (hit) return hit;
  const c = build(sc);
  cache.set(sc, c);
  return c;
}

function build(sc: Scenario): Compiled {
  const figs: FigureMeta[] = [];
  const figIndex = new Map<string, number>();
  const initialFig: number[] = [];
  const addFigure = (m: FigureMeta, initial: number, path: string): number => {
    if (figIndex.has(m.id)) throw new CompileError(path, `duplicate figure "${m.id}"`);
    figIndex.set(m.id, figs.length);
    figs.push(m);
    initialFig.push(initial);
    return figs.length - 1;
  };
  const unique = (items: { id: string }[], path: string) => {
    const seen = new Set<string>();
    items.forEach((x, k) => {
      if (seen.has(x.id)) throw new CompileError(`${path}[${k}].id`, `duplicate id "${x.id}"`);
      seen.add(x.id);
    });
  };
  unique(sc.issues, 'issues');
  unique(sc.ministers, 'ministers');
  unique(sc.groups, 'groups');
  unique(sc.thirdParties, 'thirdParties');
  unique(sc.actions, 'actions');
  unique(sc.events, 'events');
  unique(sc.negotiation.terms, 'negotiation.terms');
  unique(sc.personas, 'personas');
  unique(sc.history.outcomes, 'history.outcomes');
  sc.negotiation.terms.forEach((t, k) => unique(t.options, `negotiation.terms[${k}].options`));

  // Calendar
  for (const [k, p] of sc.calendar.phases.entries()) {
    if (k > 0 && dayOf(p.until) <= dayOf(sc.calendar.phases[k - 1]!.until)) throw new CompileError(`calendar.phases[${k}].until`, 'phases must end in date order');
  }
  if (dayOf(sc.calendar.end) <= dayOf(sc.calendar.start)) throw new CompileError('calendar.end', 'the end must come after the start');
  const { days, phase: phaseOf } = turnDays(sc.calendar.start, sc.calendar.end, sc.calendar.phases);

  const issues = sc.issues.map(i => i.id);
  const issueIndex = new Map(issues.map((id, k) => [id, k]));
  const issueAt = (id: string, path: string): number => {
    const k = issueIndex.get(id);
    if (k === undefined) throw new CompileError(path, `unknown issue "${id}"`);
    return k;
  };

  const side = {} as BySide<CSide>;
  for (const s of SIDES) {
    const d = sc.sides[s];
    side[s] = {
      iStanding: addFigure({ id: `standing.${s}`, label: `${d.leadTitle}'s standing`, kind: 'standing', min: 0, max: 100, side: s, sources: [] }, d.standing, `sides.${s}`),
      iCapital: addFigure({ id: `capital.${s}`, label: `${d.name}: political capital`, kind: 'capital', min: 0, max: d.capitalMax, side: s, sources: [] }, Math.min(d.capitalPerTurn, d.capitalMax), `sides.${s}`),
      iIntel: addFigure({ id: `intel.${s}`, label: `${d.name}: intelligence`, kind: 'intel', min: 0, max: 100, side: s, sources: [] }, d.intel, `sides.${s}`),
      lead: -1, capitalPerTurn: d.capitalPerTurn, capitalMax: d.capitalMax, ministers: [], groups: [], resigners: [],
    };
  }
  const iTension = addFigure({ id: 'tension', label: 'War danger', kind: 'tension', min: 0, max: 100, sources: [] }, sc.tension ?? 20, 'tension');

  sc.figures.forEach((f, k) => {
    const m: FigureMeta = { id: f.id, label: f.label, kind: 'declared', min: f.min, max: f.max, sources: f.sources };
    if (f.side) m.side = f.side;
    if (f.estimate) m.estimate = f.estimate;
    addFigure(m, f.initial, `figures[${k}]`);
  });

  const ministers: CMinister[] = sc.ministers.map((m, k) => {
    const path = `ministers[${k}]`;
    for (const key of Object.keys(m.stances)) issueAt(key, `${path}.stances.${key}`);
    const src = { sources: m.sources, ...(m.estimate ? { estimate: m.estimate } : {}) };
    const iStance = issues.map(is => addFigure({ id: `stance.${m.id}.${is}`, label: `${m.name}: ${sc.issues[issueIndex.get(is)!]!.label}`, kind: 'stance', min: -100, max: 100, side: m.side, owner: m.id, ...src }, m.stances[is] ?? 0, path));
    const iMood = addFigure({ id: `mood.${m.id}`, label: `${m.name}: mood`, kind: 'mood', min: 0, max: 100, side: m.side, owner: m.id, ...src }, m.mood, path);
    const iOffice = addFigure({ id: `inOffice.${m.id}`, label: `${m.name}: in office`, kind: 'inOffice', min: 0, max: 1, side: m.side, owner: m.id, ...src }, m.inOffice === false ? 0 : 1, path);
    side[m.side].ministers.push(k);
    if (m.canResign) side[m.side].resigners.push(k);
    return {
      i: k, id: m.id, name: m.name, short: m.short ?? m.name, side: m.side, office: m.office, body: m.body, influence: m.influence,
      iStance, iMood, iOffice, canResign: m.canResign ?? false, resignBelow: m.resignBelow ?? 10, demands: [], motives: m.motives,
    };
  });
  const ministerIndex = new Map(ministers.map(m => [m.id, m.i]));
  for (const s of SIDES) {
    const lead = ministerIndex.get(sc.sides[s].lead);
    if (lead === undefined) throw new CompileError(`sides.${s}.lead`, `unknown minister "${sc.sides[s].lead}"`);
    if (ministers[lead]!.side !== s) throw new CompileError(`sides.${s}.lead`, `"${sc.sides[s].lead}" is not on the ${s} side`);
    if (sc.ministers[lead]!.inOffice === false) throw new CompileError(`sides.${s}.lead`, `"${sc.sides[s].lead}" starts out of office`);
    side[s].lead = lead;
  }

  const groups: CGroup[] = sc.groups.map((g, k) => {
    const path = `groups[${k}]`;
    for (const key of Object.keys(g.stances)) issueAt(key, `${path}.stances.${key}`);
    const iPressure = addFigure({ id: `pressure.${g.id}`, label: `${g.name}: pressure`, kind: 'pressure', min: 0, max: 100, side: g.side, owner: g.id, sources: g.sources, ...(g.estimate ? { estimate: g.estimate } : {}) }, g.pressure, path);
    side[g.side].groups.push(k);
    return { i: k, id: g.id, name: g.name, side: g.side, kind: g.kind, weight: g.weight, iPressure, rest: g.pressure, stance: issues.map(is => g.stances[is] ?? 0), demands: [] };
  });

  const parties = sc.thirdParties.map((p, k) => ({
    id: p.id, name: p.name, rest: p.alignment, place: p.place ?? null,
    iAlign: addFigure({ id: `align.${p.id}`, label: `${p.name}: alignment`, kind: 'align', min: -100, max: 100, owner: p.id, sources: p.sources, ...(p.estimate ? { estimate: p.estimate } : {}) }, p.alignment, `thirdParties[${k}]`),
  }));

  const t = sc.trade;
  const tsrc = { sources: t.sources, ...(t.estimate ? { estimate: t.estimate } : {}) };
  const tf = (id: string, label: string, init: number, max: number) =>
    addFigure({ id: `trade.${id}`, label, kind: 'trade', min: id === 'balance' ? -1e7 : 0, max, ...tsrc }, init, 'trade');
  const trade = {
    exports: tf('exports', 'British exports to the USSR (£000/month)', t.exports, 1e7),
    reExports: tf('reExports', 'British re-exports to the USSR (£000/month)', t.reExports, 1e7),
    imports: tf('imports', 'British imports from the USSR (£000/month)', t.imports, 1e7),
    balance: tf('balance', 'Balance in Soviet favour (£000/month)', t.imports - t.exports - t.reExports, 1e7),
    orders: tf('orders', 'Soviet orders placed in Britain (£000/month)', t.orders, 1e7),
    credit: tf('credit', 'British credit for Soviet buyers', t.credit, 100),
    diversion: tf('diversion', 'Soviet orders diverted elsewhere (%)', t.diversion, 100),
    baseOrders: tf('baseOrders', 'Soviet orders for Britain before credit and diversion (£000/month)', t.orders, 1e7),
    baseReExports: tf('baseReExports', 'Usual British re-exports to the USSR (£000/month)', t.reExports, 1e7),
    baseImports: tf('baseImports', 'Soviet sales to Britain (£000/month)', t.imports, 1e7),
    lag: t.orderLagMonths, startMonth: monthIndexOf(t.startMonth) - 1,
  };

  // Flags are free names, but every flag tested must be set somewhere, or it is a typo.
  const flagsSet = new Set<string>();
  const flagsTested: { name: string; path: string }[] = [];
  const walkEffects = (effs: Effect[] | undefined) => {
    for (const e of effs ?? []) {
      if ('setFlag' in e) flagsSet.add(e.setFlag);
      if ('clearFlag' in e) flagsSet.add(e.clearFlag);
      if ('then' in e) walkEffects(e.then);
      if ('else' in e) walkEffects(e.else);
    }
  };
  for (const a of sc.actions) { walkEffects(a.effects); walkEffects(a.onFail); }
  for (const ev of sc.events) {
    walkEffects(ev.effects);
    for (const o of ev.decision?.options ?? []) { walkEffects(o.effects); walkEffects(o.onFail); }
  }
  for (const tm of sc.negotiation.terms) for (const o of tm.options) walkEffects(o.effects);
  walkEffects(sc.negotiation.onRatified);
  const flags = [...flagsSet].sort();
  const flagIndex = new Map(flags.map((f, k) => [f, k]));

  const actionIndex = new Map(sc.actions.map((a, k) => [a.id, k]));
  const eventIndex = new Map(sc.events.map((e, k) => [e.id, k]));
  const termIndex = new Map(sc.negotiation.terms.map((tm, k) => [tm.id, k]));

  const minister = (id: string, path: string): number => {
    const k = ministerIndex.get(id);
    if (k === undefined) throw new CompileError(path, `unknown minister "${id}"`);
    return k;
  };
  const fig = (id: string, path: string): number => {
    const k = figIndex.get(id);
    if (k === undefined) throw new CompileError(path, `unknown figure "${id}"`);
    return k;
  };
  const dayAt = (iso: string) => dayOf(iso);
  const curDay = (s: GameState) => days[s.turn]!;

  const condOf = new Map<Condition, Cond>();
  const cond = (x: Condition, path: string): Cond => {
    const f = condInner(x, path);
    condOf.set(x, f);
    return f;
  };
  const condInner = (x: Condition, path: string): Cond => {
    if ('fig' in x) {
      const i = fig(x.fig, `${path}.fig`);
      const { gte, gt, lte, lt } = x;
      return s => {
        const v = s.fig[i]!;
        return (gte === undefined || v >= gte) && (gt === undefined || v > gt) && (lte === undefined || v <= lte) && (lt === undefined || v < lt);
      };
    }
    if ('flag' in x) {
      flagsTested.push({ name: x.flag, path: `${path}.flag` });
      const before = x.before ? dayAt(x.before) : null, after = x.after ? dayAt(x.after) : null;
      const k = flagIndex.get(x.flag) ?? -1;
      return s => {
        if (k < 0) return false;
        const d = s.flags[k]!;
        return d >= 0 && (before === null || d < before) && (after === null || d > after);
      };
    }
    if ('noFlag' in x) {
      flagsTested.push({ name: x.noFlag, path: `${path}.noFlag` });
      const k = flagIndex.get(x.noFlag) ?? -1;
      return s => k < 0 || s.flags[k]! < 0;
    }
    if ('flagAge' in x) {
      flagsTested.push({ name: x.flagAge, path: `${path}.flagAge` });
      const k = flagIndex.get(x.flagAge) ?? -1, { gte, lt } = x;
      return s => {
        if (k < 0 || s.flags[k]! < 0) return false;
        const age = curDay(s) - s.flags[k]!;
        return (gte === undefined || age >= gte) && (lt === undefined || age < lt);
      };
    }
    if ('lead' in x) { const m = minister(x.lead, `${path}.lead`); const side = ministers[m]!.side; return s => s.lead[side] === m; }
    if ('inOffice' in x) { const i = ministers[minister(x.inOffice, `${path}.inOffice`)]!.iOffice; return s => s.fig[i] === 1; }
    if ('relations' in x) {
      // A loop rather than includes(), like all and any below: conditions are tested thousands of times a game.
      const set = x.relations;
      return s => { const r = s.relations; for (let j = 0; j < set.length; j++) if (set[j] === r) return true; return false; };
    }
    if ('fired' in x) {
      const k = eventIndex.get(x.fired);
      if (k === undefined) throw new CompileError(`${path}.fired`, `unknown event "${x.fired}"`);
      return s => s.fired[k]! >= 0;
    }
    if ('chose' in x) {
      const [evId, optId] = x.chose.split('.') as [string, string];
      const k = eventIndex.get(evId);
      if (k === undefined) throw new CompileError(`${path}.chose`, `unknown event "${evId}"`);
      const o = sc.events[k]!.decision?.options.findIndex(op => op.id === optId) ?? -1;
      if (o < 0) throw new CompileError(`${path}.chose`, `event "${evId}" has no option "${optId}"`);
      return s => s.chosen[k] === o;
    }
    if ('took' in x) {
      const k = actionIndex.get(x.took);
      if (k === undefined) throw new CompileError(`${path}.took`, `unknown action "${x.took}"`);
      return s => s.taken[k]! >= 0;
    }
    if ('agreed' in x) {
      const [tId, oId] = x.agreed.split('.') as [string, string];
      const k = termIndex.get(tId);
      if (k === undefined) throw new CompileError(`${path}.agreed`, `unknown term "${tId}"`);
      if (!sc.negotiation.terms[k]!.options.some(o => o.id === oId)) throw new CompileError(`${path}.agreed`, `term "${tId}" has no option "${oId}"`);
      return s => s.agreed[tId] === oId;
    }
    if ('from' in x) { const d = dayAt(x.from); return s => curDay(s) >= d; }
    if ('until' in x) { const d = dayAt(x.until); return s => curDay(s) <= d; }
    // Plain loops, not every/some with a callback.
    if ('all' in x) {
      const cs = x.all.map((y, k) => cond(y, `${path}.all[${k}]`));
      return s => { for (let j = 0; j < cs.length; j++) if (!cs[j]!(s)) return false; return true; };
    }
    if ('any' in x) {
      const cs = x.any.map((y, k) => cond(y, `${path}.any[${k}]`));
      return s => { for (let j = 0; j < cs.length; j++) if (cs[j]!(s)) return true; return false; };
    }
    const inner = cond(x.not, `${path}.not`);
    return s => !inner(s);
  };

  const effs = (xs: Effect[] | undefined, path: string): Eff[] => (xs ?? []).map((x, k) => eff(x, `${path}[${k}]`));
  const run = (list: Eff[], d: Draft, cause: string) => { for (const f of list) f(d, cause); };
  const eff = (x: Effect, path: string): Eff => {
    const why = x.why;
    if ('fig' in x) {
      const i = fig(x.fig, `${path}.fig`);
      if (x.add !== undefined) { const a = x.add; return (d, cause) => addFig(d, i, a, cause, why); }
      const v = x.set!;
      return (d, cause) => setFig(d, i, v, cause, why);
    }
    // Every flag an effect names is in the table (the table is built from the effects).
    if ('setFlag' in x) { const k = flagIndex.get(x.setFlag)!; return d => setFlag(d, k, true); }
    if ('clearFlag' in x) { const k = flagIndex.get(x.clearFlag)!; return d => setFlag(d, k, false); }
    if ('relations' in x) { const r = x.relations; return (d, cause) => setRelations(d, r, cause); }
    if ('resign' in x) { const m = minister(x.resign, `${path}.resign`); return (d, cause) => resign(d, m, cause); }
    if ('dismiss' in x) { const m = minister(x.dismiss, `${path}.dismiss`); return (d, cause) => setInOffice(d, m, false, cause); }
    if ('appoint' in x) { const m = minister(x.appoint, `${path}.appoint`); return (d, cause) => setInOffice(d, m, true, cause); }
    if ('setLead' in x) { const m = minister(x.setLead, `${path}.setLead`); return (d, cause) => setLead(d, m, cause); }
    if ('chance' in x) {
      const p = x.chance, th = effs(x.then, `${path}.then`), el = effs(x.else, `${path}.else`);
      return (d, cause) => run(d.rng.next() < p ? th : el, d, cause);
    }
    if ('if' in x) {
      const cd = cond(x.if, `${path}.if`), th = effs(x.then, `${path}.then`), el = effs(x.else, `${path}.else`);
      return (d, cause) => run(cd(d.s) ? th : el, d, cause);
    }
    if ('schedule' in x) {
      const k = eventIndex.get(x.schedule);
      if (k === undefined) throw new CompileError(`${path}.schedule`, `unknown event "${x.schedule}"`);
      const n = x.inDays;
      return d => { ownScheduled(d).push({ ev: k, day: d.day + n }); };
    }
    if ('news' in x) { const txt = x.news; return (d, cause) => news(d, txt, cause); }
    const reason = x.end;
    return (d, cause) => end(d, reason, cause);
  };

  const vote = (v: { issue?: string; direction?: 1 | -1; cabinet?: boolean; difficulty?: number; onFail?: Effect[] }, path: string, dflt?: { issue?: string; direction?: 1 | -1; difficulty?: number }): Vote | null => {
    const issue = v.issue ?? dflt?.issue;
    if (issue === undefined) {
      if (v.cabinet) throw new CompileError(`${path}.issue`, 'a cabinet vote needs an issue');
      return null;
    }
    return {
      issue: issueAt(issue, `${path}.issue`), direction: v.direction ?? dflt?.direction ?? 1, cabinet: v.cabinet ?? false,
      difficulty: v.difficulty ?? dflt?.difficulty ?? 0, onFail: effs(v.onFail, `${path}.onFail`),
    };
  };
  const incident = (x: ScenarioAction['incident'] | ScenarioOption['incident'], dfltSeverity: number): IncidentResp | null =>
    x ? { response: x.response, intercept: x.intercept ?? false, severity: x.severity ?? dfltSeverity } : null;

  const actions: CAction[] = sc.actions.map((a, k) => {
    const path = `actions[${k}]`;
    return {
      i: k, id: a.id, side: a.side, label: a.label, description: a.description, category: a.category, cost: a.cost,
      vote: vote(a, path), when: a.when ? cond(a.when, `${path}.when`) : null, once: a.once ?? false,
      cooldownDays: a.cooldownDays ?? 0, effects: effs(a.effects, `${path}.effects`), raw: a.effects,
      incident: incident(a.incident, 2), sources: a.sources, cause: `action:${a.id}`,
      public: a.public ?? !PRIVATE_CATEGORIES.includes(a.category),
    };
  });

  const events: CEvent[] = sc.events.map((e, k) => {
    const path = `events[${k}]`;
    const day = e.date ? dayAt(e.date) : null;
    if (day !== null && (day < days[0]! || day > days[days.length - 1]!)) throw new CompileError(`${path}.date`, `${e.date} is outside the calendar`);
    let decision: CEvent['decision'] = null;
    if (e.decision) {
      const dd = e.decision;
      unique(dd.options, `${path}.decision.options`);
      const hist = dd.options.filter(o => o.historical).length;
      if (hist !== 1) throw new CompileError(`${path}.decision.options`, `a decision needs exactly one historical option (found ${hist})`);
      decision = {
        side: dd.side, prompt: dd.prompt,
        options: dd.options.map((o, j) => {
          const op = `${path}.decision.options[${j}]`;
          const dflt: { issue?: string; direction?: 1 | -1; difficulty?: number } = {};
          if (dd.issue !== undefined) dflt.issue = dd.issue;
          if (dd.direction !== undefined) dflt.direction = dd.direction;
          if (dd.difficulty !== undefined) dflt.difficulty = dd.difficulty;
          return {
            i: j, id: o.id, label: o.label, text: o.text ?? '', historical: o.historical ?? false,
            vote: vote(o, op, dflt), effects: effs(o.effects, `${op}.effects`), raw: o.effects, incident: incident(o.incident, e.severity ?? 2),
            cause: `option:${e.id}.${o.id}`,
          };
        }),
      };
    }
    return {
      i: k, id: e.id, title: e.title, kind: e.kind, text: e.text, day, lastDay: day === null ? null : day + (e.window ?? 0),
      when: e.when ? cond(e.when, `${path}.when`) : null, mtthDays: e.mtthDays ?? null,
      mtthModifiers: (e.mtthModifiers ?? []).map((m, j) => ({ when: cond(m.when, `${path}.mtthModifiers[${j}].when`), factor: m.factor })),
      public: e.public ?? !e.decision, once: e.once ?? true, scheduledOnly: e.scheduledOnly ?? false, severity: e.severity ?? 2, publicity: e.publicity ?? 50, place: e.place ?? null,
      effects: effs(e.effects, `${path}.effects`), cause: `event:${e.id}`, decision, sources: e.sources,
    };
  });

  const demands = (list: { action: string; when: Condition }[] | undefined, owner: Side, path: string) =>
    (list ?? []).map((dm, j) => {
      const a = actionIndex.get(dm.action);
      if (a === undefined) throw new CompileError(`${path}[${j}].action`, `unknown action "${dm.action}"`);
      if (actions[a]!.side !== owner) throw new CompileError(`${path}[${j}].action`, `"${dm.action}" is not a ${owner} action`);
      return { action: a, when: cond(dm.when, `${path}[${j}].when`) };
    });
  sc.ministers.forEach((m, k) => { ministers[k]!.demands = demands(m.demands, m.side, `ministers[${k}].demands`); });
  sc.groups.forEach((g, k) => { groups[k]!.demands = demands(g.demands, g.side, `groups[${k}].demands`); });

  const terms: CTerm[] = sc.negotiation.terms.map((tm, k) => ({
    i: k, id: tm.id, label: tm.label,
    options: tm.options.map((o, j) => ({ id: o.id, label: o.label, value: o.value, effects: effs(o.effects, `negotiation.terms[${k}].options[${j}].effects`), cause: `term:${tm.id}.${o.id}` })),
  }));
  const ng = sc.negotiation;
  const negotiation = {
    when: ng.when ? cond(ng.when, 'negotiation.when') : null, replyDays: ng.replyDays, offerCost: ng.offerCost ?? 1,
    issue: { britain: issueAt(ng.issue.britain, 'negotiation.issue.britain'), ussr: issueAt(ng.issue.ussr, 'negotiation.issue.ussr') },
    commonsVote: ng.commonsVote ?? false, onRatified: effs(ng.onRatified, 'negotiation.onRatified'),
  };

  const objectives = {} as BySide<CObjective[]>;
  for (const s of SIDES) {
    unique(sc.objectives[s], `objectives.${s}`);
    objectives[s] = sc.objectives[s].map((o, k) => ({
      id: o.id, label: o.label, weight: o.weight, raw: o,
      when: o.when ? cond(o.when, `objectives.${s}[${k}].when`) : null,
      measure: o.measure ? { fig: fig(o.measure.fig, `objectives.${s}[${k}].measure.fig`), zero: o.measure.zero, full: o.measure.full } : null,
    }));
  }
  const outcomes = sc.history.outcomes.map((o, k) => ({ id: o.id, label: o.label, historical: o.historical ?? false, when: cond(o.when, `history.outcomes[${k}].when`) }));
  const historyOrders = sc.history.orders.map((o, k) => {
    const a = actionIndex.get(o.action);
    if (a === undefined) throw new CompileError(`history.orders[${k}].action`, `unknown action "${o.action}"`);
    if (actions[a]!.side !== o.side) throw new CompileError(`history.orders[${k}].action`, `"${o.action}" is not a ${o.side} action`);
    const day = dayAt(o.date);
    if (day < days[0]! || day > days[days.length - 1]!) throw new CompileError(`history.orders[${k}].date`, `${o.date} is outside the calendar`);
    return { side: o.side, day, action: a };
  });

  sc.personas.forEach((p, k) => {
    for (const key of Object.keys(p.leanings)) issueAt(key, `personas[${k}].leanings.${key}`);
    if (p.lead !== undefined && ministers[minister(p.lead, `personas[${k}].lead`)]!.side !== p.side) throw new CompileError(`personas[${k}].lead`, `"${p.lead}" is not on the ${p.side} side`);
  });
  (sc.roles ?? []).forEach((r, k) => {
    const m = ministerIndex.get(r.minister);
    if (m === undefined) throw new CompileError(`roles[${k}].minister`, `unknown minister "${r.minister}"`);
    if (ministers[m]!.side !== r.side) throw new CompileError(`roles[${k}].minister`, `"${r.minister}" is not on the ${r.side} side`);
  });
  for (const t of flagsTested) if (!flagIndex.has(t.name)) throw new CompileError(t.path, `flag "${t.name}" is tested but never set by any effect`);
  (sc.publicFlags ?? []).forEach((f, k) => { if (!flagIndex.has(f)) throw new CompileError(`publicFlags[${k}]`, `flag "${f}" is never set by any effect`); });

  return {
    demanders: {
      britain: [...ministers.filter(m => m.side === 'britain').flatMap(m => m.demands.map(d => ({ ...d, by: m.short, minister: m.i }))), ...groups.filter(g => g.side === 'britain').flatMap(g => g.demands.map(d => ({ ...d, by: g.name, minister: -1 })))],
      ussr: [...ministers.filter(m => m.side === 'ussr').flatMap(m => m.demands.map(d => ({ ...d, by: m.short, minister: m.i }))), ...groups.filter(g => g.side === 'ussr').flatMap(g => g.demands.map(d => ({ ...d, by: g.name, minister: -1 })))],
    },
    initialPipeline: Array.from({ length: t.orderLagMonths }, () => t.exports),
    sc, days, phaseOf, monthAfter: days.map((d, t) => monthIndexOfDay(days[t + 1] ?? d + 1)),
    sideActions: { britain: actions.filter(a => a.side === 'britain').map(a => a.i), ussr: actions.filter(a => a.side === 'ussr').map(a => a.i) },
    figs, figMin: Float64Array.from(figs, f => f.min), figMax: Float64Array.from(figs, f => f.max), figIndex, flags, flagIndex, issues, issueIndex, ministers, groups, parties, side, iTension, trade,
    actions, actionIndex, events, eventIndex, eventsAt: eventsByTurn(days, events), terms, negotiation, objectives, outcomes, historyOrders, initialFig, condOf,
    never: { flags: flags.map(() => -1), events: events.map(() => -1), actions: actions.map(() => -1) },
  };
}

/**
 * The events fireEvents must look at on each turn besides the scheduled ones (see Compiled.eventsAt).
 * A dated event is a candidate on the turns that reach its date: the first turn on or after it,
 * and any turn within its window; on other turns its test fails before it reads the state.
 */
function eventsByTurn(days: number[], events: CEvent[]): number[][] {
  return days.map((day, turn) => events.filter(ev => {
    if (ev.day !== null) return ev.day <= day && (day <= ev.lastDay! || turn === 0 || days[turn - 1]! < ev.day);
    if (ev.mtthDays !== null) return true;
    return !ev.scheduledOnly && ev.when !== null;
  }).map(ev => ev.i));
}
