// The engine's input: a scenario as the engine reads it, in plain types the engine owns. The
// scenario package's zod schema validates a file into this shape and is checked against it at
// compile time (src/scenario/schema.ts), so the two cannot drift; the engine never imports the
// schema. Names here are still names (ids, dates as text): the linkers (link/) resolve them.
import type { Body, Category, EventKind, GroupKind, Place, Relations, Response, Side } from './vocab';

/** A condition as written in a scenario file: one form, told apart by its key. */
export type SetupCondition =
  | { fig: string; gte?: number; gt?: number; lte?: number; lt?: number }
  | { flag: string; before?: string; after?: string }
  | { noFlag: string }
  | { flagAge: string; gte?: number; lt?: number }
  | { lead: string }
  | { inOffice: string }
  | { relations: Relations[] }
  | { fired: string }
  | { chose: string }
  | { took: string }
  | { agreed: string }
  | { from: string }
  | { until: string }
  | { all: SetupCondition[] }
  | { any: SetupCondition[] }
  | { not: SetupCondition };

/** An effect as written in a scenario file: one form, told apart by its key. */
export type SetupEffect =
  | { fig: string; add?: number; set?: number; why?: string }
  | { setFlag: string; why?: string }
  | { clearFlag: string; why?: string }
  | { relations: Relations; why?: string }
  | { resign: string; why?: string }
  | { dismiss: string; why?: string }
  | { appoint: string; why?: string }
  | { setLead: string; why?: string }
  | { chance: number; then?: SetupEffect[]; else?: SetupEffect[]; why?: string }
  | { if: SetupCondition; then?: SetupEffect[]; else?: SetupEffect[]; why?: string }
  | { schedule: string; inDays: number; why?: string }
  | { news: string; why?: string }
  | { end: string; why?: string };

export interface SetupIncident {
  response: Response;
  intercept?: boolean;
  severity?: number;
}

/** Fields shared by actions and decision options that may go to a cabinet vote. */
export interface SetupVoteFields {
  issue?: string;
  direction?: 1 | -1;
  cabinet?: boolean;
  difficulty?: number;
  onFail?: SetupEffect[];
  incident?: SetupIncident;
}

export interface SetupCalendar {
  start: string;
  end: string;
  phases: { name: string; until: string; stepDays: number }[];
}

export interface SetupSide {
  name: string;
  leadTitle: string;
  /** The heading of the board's panel of the side's ministers (display only); absent, the board's own. */
  panelTitle?: string;
  lead: string;
  standing: number;
  capitalPerTurn: number;
  capitalMax: number;
  intel: number;
}

export interface SetupIssue {
  id: string;
  label: string;
  low: string;
  high: string;
  description?: string;
}

export interface SetupFigure {
  id: string;
  label: string;
  /**
   * The label as it reads inside a sentence where that differs from the label itself: a first word
   * that is not a proper name in lower case, and an article where one is wanted ("the gap between
   * the two readings of the pledge"). Absent, the label is used as it is (a leading "The" lower-cased).
   */
  inSentence?: string;
  side?: Side;
  min: number;
  max: number;
  initial: number;
  unit?: string;
  description?: string;
  sources: string[];
  estimate?: string;
}

export interface SetupDemand {
  action: string;
  when: SetupCondition;
}

export interface SetupMinister {
  id: string;
  name: string;
  short?: string;
  side: Side;
  office: string;
  /** Later offices, each from the firing of an event (schema.ts, Minister.laterOffices); display only. */
  laterOffices?: { after: string; office: string; sources: string[] }[];
  body: Body;
  member?: false;
  influence: number;
  stances: Record<string, number>;
  mood: number;
  inOffice?: boolean;
  canResign?: boolean;
  resignBelow?: number;
  motives: string;
  demands?: SetupDemand[];
  sources: string[];
  estimate?: string;
}

export interface SetupGroup {
  id: string;
  name: string;
  /**
   * The name as it reads inside a sentence where that differs from the name itself: a first word
   * that is not a proper name in lower case, and an article where one is wanted ("the gap between
   * the two readings of the pledge"). Absent, the name is used as it is (a leading "The" lower-cased).
   */
  inSentence?: string;
  side: Side;
  kind: GroupKind;
  pressure: number;
  weight: number;
  stances: Record<string, number>;
  demands?: SetupDemand[];
  description?: string;
  sources: string[];
  estimate?: string;
}

export interface SetupThirdParty {
  id: string;
  name: string;
  leader?: string;
  alignment: number;
  description?: string;
  place?: Place;
  sources: string[];
  estimate?: string;
}

export interface SetupTrade {
  startMonth: string;
  exports: number;
  reExports: number;
  imports: number;
  orders: number;
  credit: number;
  diversion: number;
  orderLagMonths: number;
  sources: string[];
  estimate?: string;
}

export interface SetupAction extends SetupVoteFields {
  id: string;
  side: Side;
  label: string;
  description: string;
  category: Category;
  cost: number;
  when?: SetupCondition;
  once?: boolean;
  public?: boolean;
  cooldownDays?: number;
  contradicts?: string[];
  effects: SetupEffect[];
  sources: string[];
  estimate?: string;
}

export interface SetupOption extends SetupVoteFields {
  id: string;
  label: string;
  text?: string;
  historical?: boolean;
  effects: SetupEffect[];
}

export interface SetupDecision {
  side: Side;
  prompt: string;
  issue?: string;
  direction?: 1 | -1;
  difficulty?: number;
  options: SetupOption[];
}

export interface SetupEvent {
  id: string;
  title: string;
  kind: EventKind;
  date?: string;
  historicalDate?: string;
  window?: number;
  when?: SetupCondition;
  mtthDays?: number;
  mtthModifiers?: { when: SetupCondition; factor: number }[];
  once?: boolean;
  scheduledOnly?: boolean;
  public?: boolean;
  /** A side whose private business this event (with no decision) is: only it reads it (schema.ts). */
  privateTo?: Side;
  place?: Place;
  severity?: number;
  publicity?: number;
  text: string;
  effects?: SetupEffect[];
  decision?: SetupDecision;
  sources: string[];
  estimate?: string;
}

export interface SetupTerm {
  id: string;
  label: string;
  description?: string;
  sources: string[];
  estimate?: string;
  options: { id: string; label: string; value: { britain: number; ussr: number }; when?: SetupCondition; effects?: SetupEffect[] }[];
}

export interface SetupNegotiation {
  when?: SetupCondition;
  replyDays: number;
  offerCost?: number;
  issue: { britain: string; ussr: string };
  terms: SetupTerm[];
  commonsVote?: boolean;
  onRatified?: SetupEffect[];
  closedNote?: string;
}

export interface SetupObjective {
  id: string;
  label: string;
  weight: number;
  when?: SetupCondition;
  measure?: { fig: string; zero: number; full: number };
  description?: string;
  /** How history fared on it: for the end report only (shown before the end it would give history away). */
  history?: string;
  /** What its aim, weight and history rest on. A role's secret objective may leave this out: it rests on its role's sources. */
  sources?: string[];
}

/** A side's objective cites its sources: a computer move's reasons show them when the objective decided it. */
export interface SetupSideObjective extends SetupObjective {
  sources: string[];
}

export interface SetupPersona {
  id: string;
  side: Side;
  name: string;
  lead?: string;
  leanings: Record<string, number>;
  categories?: Record<string, number>;
  description?: string;
}

/**
 * A seat a person can take in a classroom game: a minister (who sits in the cabinet and votes), or
 * a figure who is not a minister (a back-bench leader, a trade delegate, an ambassador) named by
 * `name` and `office`, optionally speaking for one of the side's groups. Exactly one of `minister`
 * or `name`+`office`. The `briefing` is public (every player may read it); `secretAim` and
 * `objectives` are the role's own secret, scored at the end like a side's objectives.
 */
export interface SetupRole {
  id: string;
  side: Side;
  minister?: string;
  name?: string;
  office?: string;
  group?: string;
  briefing: string;
  secretAim: string;
  objectives: SetupObjective[];
  /** A term of office: the role takes over `role`'s seat once `when` holds; `change` names the change (a new government) for the seat (schema.ts, Role). */
  succeeds?: { role: string; when: SetupCondition; change: string };
  sources: string[];
  estimate?: string;
}

export interface SetupHistory {
  summary: string;
  orders: { side: Side; date: string; action: string; note?: string }[];
  /** Notes the record has, as packages of the scenario's terms (schema.ts, History). */
  notes?: { side: Side; date: string; terms: Record<string, string>; note: string; answer: string; sources: string[] }[];
  notesNotModelled?: { date: string; note: string; why: string; sources: string[] }[];
  outcomes: { id: string; label: string; when: SetupCondition; historical?: boolean }[];
}

/** A whole scenario, as validated. */
export interface ScenarioSetup {
  $schema?: string;
  id: string;
  version: number;
  title: string;
  subtitle?: string;
  briefing: string;
  calendar: SetupCalendar;
  tension?: number;
  sides: { britain: SetupSide; ussr: SetupSide };
  issues: SetupIssue[];
  figures: SetupFigure[];
  ministers: SetupMinister[];
  groups: SetupGroup[];
  thirdParties: SetupThirdParty[];
  trade: SetupTrade;
  actions: SetupAction[];
  events: SetupEvent[];
  negotiation: SetupNegotiation;
  objectives: { britain: SetupSideObjective[]; ussr: SetupSideObjective[] };
  personas: SetupPersona[];
  roles?: SetupRole[];
  /** Flags that stand for public facts even where a side's private business sets them (seat.ts, secrets.ts). */
  publicFlags?: string[];
  history: SetupHistory;
}
