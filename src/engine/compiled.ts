// The compiled scenario's types: the rules a linked scenario gives the engine, every name turned
// into an index, every condition and effect both a closure (for play) and data (linked.ts, for
// everything else). Types only. The draft is declared here too: a compiled effect takes a draft
// and a draft carries the compiled scenario, and one module for both keeps the imports acyclic.

import type { Dice } from './dice';
import type { LinkedCondition, LinkedEffect } from './linked';
import type { ScenarioSetup, SetupCondition } from './setup';
import type { GameState, Order, Terms } from './types';
import type { BySide, Category, Place, Response, Side } from './vocab';

/** The working copy a move is applied to (draft.ts). */
export interface Draft {
  c: Compiled;
  s: GameState;
  dice: Dice;
  day: number;
  /** Containers already copied for this move (bits of OWN). */
  owned: number;
  /** While a side's private business is applied (its decision, an internal order), its news is its own. */
  audience?: Side;
  /**
   * The state's `record`: keep the ledger and news. When it is off, callers skip building the
   * texts of news and of a change's `why`, which nobody would read.
   */
  rec: boolean;
}

export type FigureKind = 'declared' | 'standing' | 'capital' | 'intel' | 'tension' | 'stance' | 'mood' | 'inOffice' | 'pressure' | 'align' | 'trade';
export interface FigureMeta {
  id: string;
  label: string;
  kind: FigureKind;
  min: number;
  max: number;
  side?: Side;
  /** The minister, group or third party the figure belongs to. */
  owner?: string;
  sources: string[];
  estimate?: string;
}

/** A condition and an effect as closures, built once by the linker: play calls them directly. */
export type Cond = (s: GameState) => boolean;
export type Eff = (d: Draft, cause: string) => void;

/**
 * A flag a record's `when` needs set to hold (`gateSet`), and one it needs clear (`gateClear`),
 * -1 for none (link/conditions.ts, flagGates). Most actions' and events' conditions open with such a
 * flag test and most turns fail it: read here from the state directly, it spares the calls into
 * the condition's closures (an event's trigger is tested at every turn of every playout).
 */
export interface Gated {
  gateSet: number;
  gateClear: number;
}
/** Whether a record's flag gates let its `when` hold on `s` (if they do not, it does not). */
export const gatesOpen = (x: Gated, s: GameState): boolean => (x.gateSet < 0 || s.flags[x.gateSet]! >= 0) && (x.gateClear < 0 || s.flags[x.gateClear]! < 0);

/** The parts of an action or option that can go to a cabinet vote. */
export interface Vote {
  issue: number;
  direction: 1 | -1;
  cabinet: boolean;
  difficulty: number;
  /** What its roll is keyed by (dice.ts): ROLL.linked and the index the linker gave it. */
  roll: number;
  onFail: Eff[];
  /** The same onFail effects as data, for previews of a refusal. */
  onFailLinked: LinkedEffect[];
}
export interface IncidentResp {
  response: Response;
  intercept: boolean;
  severity: number;
}

export interface CAction extends Gated {
  i: number;
  id: string;
  side: Side;
  label: string;
  description: string;
  category: Category;
  cost: number;
  vote: Vote | null;
  when: Cond | null;
  /** `when` as data. */
  whenLinked: LinkedCondition | null;
  once: boolean;
  cooldownDays: number;
  /** Actions of the same side never given in the same turn as this one (symmetric). */
  contradicts: number[];
  effects: Eff[];
  /** The same effects as data, for predictions, values and descriptions. */
  linked: LinkedEffect[];
  incident: IncidentResp | null;
  sources: string[];
  /** "action:ID", the cause its changes are recorded under. */
  cause: string;
  /** Known to the other side when carried out; lobbying, intelligence and Comintern orders are private by default. */
  public: boolean;
}
export interface COption {
  i: number;
  id: string;
  label: string;
  text: string;
  historical: boolean;
  vote: Vote | null;
  effects: Eff[];
  /** The same effects as data, for predictions, values and descriptions. */
  linked: LinkedEffect[];
  incident: IncidentResp | null;
  /** "option:EVENT.OPTION" */
  cause: string;
}
export interface CEvent extends Gated {
  i: number;
  id: string;
  title: string;
  kind: string;
  text: string;
  day: number | null;
  lastDay: number | null;
  /**
   * The turn on which it fires if history keeps time, or null: a dated event's, the turn its date
   * first reaches; a triggered event's with a `historicalDate`, the turn whose span holds that day.
   */
  turnDay: number | null;
  /**
   * The day the player is shown for it when it fires on `turnDay`: history's (`historicalDate`,
   * else `date`), not the turn's. Display only (shownDay in shownDates.ts); play never reads it.
   */
  historyDay: number | null;
  when: Cond | null;
  /** `when` as data. */
  whenLinked: LinkedCondition | null;
  mtthDays: number | null;
  mtthModifiers: { when: Cond; factor: number }[];
  once: boolean;
  scheduledOnly: boolean;
  severity: number;
  publicity: number;
  effects: Eff[];
  /** "event:ID" */
  cause: string;
  /** Where the map shows it, if anywhere. */
  place: Place | null;
  /** The side whose private business it is (a private decision's side, or the scenario's `privateTo`),
   * else null: shown to both. By default an event that puts a decision to one side is its business alone. */
  privateTo: Side | null;
  decision: { side: Side; prompt: string; options: COption[] } | null;
  sources: string[];
}
export interface CMinister {
  i: number;
  id: string;
  name: string;
  short: string;
  side: Side;
  /** The office he starts with; what he holds on a given turn is officeNow's (labels.ts). */
  office: string;
  /** Later offices, each from the firing of an event (index), in the file's order; display only. */
  laterOffices: { event: number; office: string }[];
  body: string;
  /** Whether he is a member of the side's deciding body (Cabinet, Politburo); a student playing one who is not advises rather than votes (display only: support() weighs every minister in office). */
  member: boolean;
  influence: number;
  iStance: number[];
  iMood: number;
  iOffice: number;
  canResign: boolean;
  resignBelow: number;
  demands: { action: number; when: Cond; cond: SetupCondition }[];
  motives: string;
}
export interface CGroup {
  i: number;
  id: string;
  name: string;
  side: Side;
  kind: string;
  weight: number;
  iPressure: number;
  rest: number;
  stance: number[];
  demands: { action: number; when: Cond; cond: SetupCondition }[];
}
export interface CTerm {
  i: number;
  id: string;
  label: string;
  options: { id: string; label: string; value: BySide<number> /** What the option presupposes; null: always offered. */; when: Cond | null; effects: Eff[] /** "term:TERM.OPTION" */; cause: string }[];
}
export interface CObjective {
  id: string;
  label: string;
  weight: number;
  when: Cond | null;
  /** The condition `when` tests, as data (the computer players weigh its parts). */
  cond: LinkedCondition | null;
  measure: { fig: number; zero: number; full: number } | null;
}
/** A classroom role (setup.ts, SetupRole), linked. */
export interface CRole {
  i: number;
  id: string;
  side: Side;
  /** The minister it plays (index), or -1 for a figure who is not a minister (no cabinet vote). */
  minister: number;
  /** The group a role that is not a minister speaks for (index), or -1. */
  group: number;
  /** Who the role is and what they do: the minister's, or the role's own for a figure who is not one. */
  name: string;
  office: string;
  /** The role's secret objectives, scored at the end (scoring.ts, scoreRole). */
  objectives: CObjective[];
  /** The role whose seat this one takes over (index) once `when` holds, and the change as the seat is told it (`change`); null if none. */
  succeeds: { role: number; when: Cond; change: string } | null;
}
export interface CSide {
  iStanding: number;
  iCapital: number;
  iIntel: number;
  lead: number;
  capitalPerTurn: number;
  capitalMax: number;
  ministers: number[];
  groups: number[];
  /** The ministers who can resign (the resignation check looks at no one else). */
  resigners: number[];
  /** The side's ministers' and groups' figures as flat tables, for the rules that loop over them. */
  table: CabinetTable;
}

/**
 * A side's ministers (in `ministers` order) and groups (in `groups` order) as flat tables of
 * figure indices and constants: the cabinet's chance, the mood rule, the drift and the parties'
 * reaction run over them at every turn of every playout, and reading a table is cheaper than
 * reading each minister's record and then his list of stances. Stances are issue by issue:
 * minister j's stance on issue i is at [i * ministers + j] (groups' likewise).
 */
export interface CabinetTable {
  office: Int32Array;
  mood: Int32Array;
  influence: Float64Array;
  stance: Int32Array;
  pressure: Int32Array;
  weight: Float64Array;
  groupStance: Float64Array;
  /**
   * The issues, in order, on which some group of the side both weighs and takes a stance: on any
   * other the groups' pull is exactly 0 whatever their pressure, and no minister drifts on it.
   */
  driftIssues: Int32Array;
}

export interface Compiled {
  /** The scenario it was linked from, for its texts (names, titles, issues). */
  sc: ScenarioSetup;
  days: number[];
  phaseOf: number[];
  /** Month index (calendar.ts) of the day after each turn's span: the months a turn's resolution completes. */
  monthAfter: number[];
  /** Each side's actions, by index. */
  sideActions: BySide<number[]>;
  /**
   * By turn, each side's actions less those whose condition fails on the turn's day for the calendar
   * alone (link/conditions.ts, decidedOn), in scenario order: the ones availableActions looks at.
   */
  sideActionsAt: BySide<number[]>[];
  /** Every demand of a side's ministers (then groups), flattened for the agenda check. */
  demanders: BySide<{ action: number; when: Cond; by: string; minister: number /** The demand's condition, as data (to say why it is made). */; cond: SetupCondition }[]>;
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
  trade: {
    exports: number;
    reExports: number;
    imports: number;
    balance: number;
    orders: number;
    credit: number;
    diversion: number;
    baseOrders: number;
    baseReExports: number;
    baseImports: number;
    lag: number;
    startMonth: number;
  };
  actions: CAction[];
  actionIndex: Map<string, number>;
  /**
   * By action index, the order that gives it, made once (frozen: no holder may change it) for the
   * players to hand out in every move that gives it; each carries its index for actionIndexOf (compile.ts).
   */
  actionOrders: readonly Extract<Order, { kind: 'action' }>[];
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
  /** The classroom roles, in scenario order, and their index by id. */
  roles: CRole[];
  roleIndex: Map<string, number>;
  /** `cond`: the condition `when` tests, as data (outcomeSettled reads whether it can still change). */
  outcomes: { id: string; label: string; when: Cond; cond: LinkedCondition; historical: boolean }[];
  historyOrders: { side: Side; day: number; action: number }[];
  /** The notes the record has (history.notes, in order): sender, day and package. */
  historyNotes: { side: Side; day: number; terms: Terms }[];
  initialFig: number[];
  /** "Never" (-1) for every flag, event and action: the tables a new game starts from (createGame copies them). */
  never: { flags: number[]; events: number[]; actions: number[] };
  /** The closure of every linked condition, for predictions (an `if` effect's test). */
  condOf: Map<LinkedCondition, Cond>;
}
