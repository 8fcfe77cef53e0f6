// Links everything that is a figure: the sides' standing, capital and intelligence, the war
// danger, the file's declared figures, each minister's stances, mood and office, each group's
// pressure, each third party's alignment and the trade model. Figures get their index in that
// order, which the state's `fig` array follows.
import { monthIndexOf } from '../calendar';
import type { CabinetTable, CGroup, CMinister, Compiled, CSide, FigureMeta } from '../compiled';
import { standingOf } from '../labels';
import type { ScenarioSetup } from '../setup';
import { type BySide, SIDES } from '../vocab';
import { CompileError, issueAt, type LinkContext } from './context';

export type LinkedFigures = Pick<Compiled, 'figs' | 'figIndex' | 'initialFig' | 'issues' | 'issueIndex' | 'side' | 'iTension' | 'ministers' | 'groups' | 'parties' | 'trade' | 'initialPipeline'> & {
  ministerIndex: Map<string, number>;
};

/** Filled in once the side's ministers and groups are linked. */
const EMPTY_TABLE: CabinetTable = {
  office: new Int32Array(0),
  mood: new Int32Array(0),
  influence: new Float64Array(0),
  stance: new Int32Array(0),
  pressure: new Int32Array(0),
  weight: new Float64Array(0),
  groupStance: new Float64Array(0),
  driftIssues: new Int32Array(0),
};

/** A side's cabinet as flat tables (compiled.ts, CabinetTable). */
function cabinetTable(side: CSide, ministers: readonly CMinister[], groups: readonly CGroup[], issues: number): CabinetTable {
  const ms = side.ministers.map(k => ministers[k]!),
    gs = side.groups.map(k => groups[k]!);
  const byIssue = <T>(xs: readonly T[], at: (x: T, issue: number) => number): number[] => Array.from({ length: issues * xs.length }, (_, n) => at(xs[n % xs.length]!, Math.floor(n / xs.length)));
  return {
    office: Int32Array.from(ms, m => m.iOffice),
    mood: Int32Array.from(ms, m => m.iMood),
    influence: Float64Array.from(ms, m => m.influence),
    stance: Int32Array.from(byIssue(ms, (m, i) => m.iStance[i]!)),
    pressure: Int32Array.from(gs, g => g.iPressure),
    weight: Float64Array.from(gs, g => g.weight),
    groupStance: Float64Array.from(byIssue(gs, (g, i) => g.stance[i]!)),
    driftIssues: Int32Array.from(Array.from({ length: issues }, (_, i) => i).filter(i => gs.some(g => g.weight !== 0 && g.stance[i]! !== 0))),
  };
}

export function linkFigures(sc: ScenarioSetup): LinkedFigures {
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

  const issues = sc.issues.map(i => i.id);
  const issueIndex = new Map(issues.map((id, k) => [id, k]));
  const names = { issueIndex };

  const side = {} as BySide<CSide>;
  for (const s of SIDES) {
    const d = sc.sides[s];
    side[s] = {
      iStanding: addFigure({ id: `standing.${s}`, label: standingOf(d.leadTitle, true), kind: 'standing', min: 0, max: 100, side: s, sources: [] }, d.standing, `sides.${s}`),
      iCapital: addFigure(
        { id: `capital.${s}`, label: `${d.name}: political capital`, kind: 'capital', min: 0, max: d.capitalMax, side: s, sources: [] },
        Math.min(d.capitalPerTurn, d.capitalMax),
        `sides.${s}`,
      ),
      iIntel: addFigure({ id: `intel.${s}`, label: `${d.name}: intelligence`, kind: 'intel', min: 0, max: 100, side: s, sources: [] }, d.intel, `sides.${s}`),
      lead: -1,
      capitalPerTurn: d.capitalPerTurn,
      capitalMax: d.capitalMax,
      ministers: [],
      groups: [],
      resigners: [],
      table: EMPTY_TABLE,
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
    for (const key of Object.keys(m.stances)) issueAt(names, key, `${path}.stances.${key}`);
    const src = { sources: m.sources, ...(m.estimate ? { estimate: m.estimate } : {}) };
    const iStance = issues.map(is =>
      addFigure(
        { id: `stance.${m.id}.${is}`, label: `${m.name}: ${sc.issues[issueIndex.get(is)!]!.label}`, kind: 'stance', min: -100, max: 100, side: m.side, owner: m.id, ...src },
        m.stances[is] ?? 0,
        path,
      ),
    );
    const iMood = addFigure({ id: `mood.${m.id}`, label: `${m.name}: mood`, kind: 'mood', min: 0, max: 100, side: m.side, owner: m.id, ...src }, m.mood, path);
    const iOffice = addFigure({ id: `inOffice.${m.id}`, label: `${m.name}: in office`, kind: 'inOffice', min: 0, max: 1, side: m.side, owner: m.id, ...src }, m.inOffice === false ? 0 : 1, path);
    // The body must be one of his side's, and the Narkomindel (a commissariat) decides nothing for its side: its people advise.
    if ((m.body === 'cabinet') !== (m.side === 'britain')) throw new CompileError(`${path}.body`, `"${m.body}" is not a body of the ${m.side} side`);
    if (m.body === 'narkomindel' && m.member !== false) throw new CompileError(`${path}.member`, 'the Narkomindel decides nothing for its side: give its people "member": false');
    side[m.side].ministers.push(k);
    if (m.canResign) side[m.side].resigners.push(k);
    return {
      i: k,
      id: m.id,
      name: m.name,
      short: m.short ?? m.name,
      side: m.side,
      office: m.office,
      laterOffices: [],
      body: m.body,
      member: m.member !== false,
      influence: m.influence,
      iStance,
      iMood,
      iOffice,
      canResign: m.canResign ?? false,
      resignBelow: m.resignBelow ?? 10,
      demands: [],
      motives: m.motives,
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
    for (const key of Object.keys(g.stances)) issueAt(names, key, `${path}.stances.${key}`);
    const iPressure = addFigure(
      { id: `pressure.${g.id}`, label: `${g.name}: pressure`, kind: 'pressure', min: 0, max: 100, side: g.side, owner: g.id, sources: g.sources, ...(g.estimate ? { estimate: g.estimate } : {}) },
      g.pressure,
      path,
    );
    side[g.side].groups.push(k);
    return { i: k, id: g.id, name: g.name, side: g.side, kind: g.kind, weight: g.weight, iPressure, rest: g.pressure, stance: issues.map(is => g.stances[is] ?? 0), demands: [] };
  });

  for (const s of SIDES) side[s].table = cabinetTable(side[s], ministers, groups, issues.length);

  const parties = sc.thirdParties.map((p, k) => ({
    id: p.id,
    name: p.name,
    rest: p.alignment,
    place: p.place ?? null,
    iAlign: addFigure(
      { id: `align.${p.id}`, label: `${p.name}: alignment`, kind: 'align', min: -100, max: 100, owner: p.id, sources: p.sources, ...(p.estimate ? { estimate: p.estimate } : {}) },
      p.alignment,
      `thirdParties[${k}]`,
    ),
  }));

  const t = sc.trade;
  const tsrc = { sources: t.sources, ...(t.estimate ? { estimate: t.estimate } : {}) };
  const tf = (id: string, label: string, init: number, max: number) => addFigure({ id: `trade.${id}`, label, kind: 'trade', min: id === 'balance' ? -1e7 : 0, max, ...tsrc }, init, 'trade');
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
    lag: t.orderLagMonths,
    startMonth: monthIndexOf(t.startMonth) - 1,
  };
  const initialPipeline = Array.from({ length: t.orderLagMonths }, () => t.exports);

  return { figs, figIndex, initialFig, issues, issueIndex, side, iTension, ministers, ministerIndex, groups, parties, trade, initialPipeline };
}

/** Each minister's later offices, by the event that reports each change (display only). */
export function linkLaterOffices(cx: LinkContext, sc: ScenarioSetup, ministers: CMinister[]): void {
  sc.ministers.forEach((m, k) => {
    ministers[k]!.laterOffices = (m.laterOffices ?? []).map((o, j) => {
      const event = cx.eventIndex.get(o.after);
      if (event === undefined) throw new CompileError(`ministers[${k}].laterOffices[${j}].after`, `unknown event "${o.after}"`);
      return { event, office: o.office };
    });
  });
}
