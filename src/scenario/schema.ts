// The one definition of the scenario format (docs/scenario-format.md). Types, validation and the
// editors' JSON Schema are all derived from these zod schemas.
import { z } from 'zod';
import { dayOf, isoOf, monthIndexOf, monthIndexOfDay, monthLabel } from '../engine/calendar';
// The engine owns the shapes a scenario is read into; this schema validates files into them.
import type { SetupCondition as Cond, SetupEffect as Eff, ScenarioSetup, SetupAction, SetupEvent, SetupOption } from '../engine/setup';
import { BODIES, CATEGORIES, EVENT_KINDS, GROUP_KINDS, PLACES, RELATIONS, RESPONSES, SIDES } from '../engine/vocab';

/** The limits of the format (docs/scenario-format.md states them). */
export const FIRST_DATE = '1700-01-01';
export const LAST_DATE = '2099-12-31';
/** Turns in a calendar: the shipped scenarios have 38-43; a game state and its saves grow with turns. */
export const MAX_TURNS = 1000;
/** The trade flows' ceiling, £000 a month: the range of the engine's trade figures. */
export const TRADE_MAX = 10_000_000;
/** How far (in months) the trade model's first month may lie from the calendar's first month. */
export const TRADE_START_MONTHS = 24;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes');
const figId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a figure id is letters and digits only');
// A real calendar date: the day number must come back to the same text. Day numbers count from
// 1700 (the engine's day 0); the end year keeps calendars and date tests within sense.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine(d => isoOf(dayOf(d)) === d, 'no such date')
  .refine(d => d >= FIRST_DATE && d <= LAST_DATE, `a date is from ${FIRST_DATE} to ${LAST_DATE}`);
const sources = z.array(z.string().min(3)).min(1, 'cite at least one source');
const estimate = z.string().min(3).optional();
const side = z.enum(SIDES);
const stance = z.number().min(-100).max(100);
const text = z.string().min(1);

export const Condition: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z
      .strictObject({ fig: z.string(), gte: z.number().optional(), gt: z.number().optional(), lte: z.number().optional(), lt: z.number().optional() })
      .refine(c => [c.gte, c.gt, c.lte, c.lt].filter(v => v !== undefined).length >= 1, 'a figure test needs gte, gt, lte or lt'),
    z.strictObject({ flag: z.string(), before: date.optional(), after: date.optional() }),
    z.strictObject({ noFlag: z.string() }),
    z
      .strictObject({ flagAge: z.string(), gte: z.number().min(0).optional(), lt: z.number().min(0).optional() })
      .refine(c => c.gte !== undefined || c.lt !== undefined, 'a flag-age test needs gte or lt'),
    z.strictObject({ lead: z.string() }),
    z.strictObject({ inOffice: z.string() }),
    z.strictObject({ relations: z.array(z.enum(RELATIONS)).min(1) }),
    z.strictObject({ fired: z.string() }),
    z.strictObject({ chose: z.string().regex(/^[^.]+\.[^.]+$/, 'chose is "event.option"') }),
    z.strictObject({ took: z.string() }),
    z.strictObject({ agreed: z.string().regex(/^[^.]+\.[^.]+$/, 'agreed is "term.option"') }),
    z.strictObject({ from: date }),
    z.strictObject({ until: date }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);
export type Condition = Cond;

export const Effect: z.ZodType<Eff> = z.lazy(() =>
  z.union([
    z
      .strictObject({ fig: z.string(), add: z.number().optional(), set: z.number().optional(), why: z.string().optional() })
      .refine(e => (e.add === undefined) !== (e.set === undefined), 'a figure effect needs exactly one of add or set'),
    z.strictObject({ setFlag: z.string(), why: z.string().optional() }),
    z.strictObject({ clearFlag: z.string(), why: z.string().optional() }),
    z.strictObject({ relations: z.enum(RELATIONS), why: z.string().optional() }),
    z.strictObject({ resign: z.string(), why: z.string().optional() }),
    z.strictObject({ dismiss: z.string(), why: z.string().optional() }),
    z.strictObject({ appoint: z.string(), why: z.string().optional() }),
    z.strictObject({ setLead: z.string(), why: z.string().optional() }),
    z.strictObject({ chance: z.number().min(0).max(1), then: z.array(Effect).optional(), else: z.array(Effect).optional(), why: z.string().optional() }),
    z.strictObject({ if: Condition, then: z.array(Effect).optional(), else: z.array(Effect).optional(), why: z.string().optional() }),
    z.strictObject({ schedule: z.string(), inDays: z.number().int().min(0), why: z.string().optional() }),
    z.strictObject({ news: text, why: z.string().optional() }),
    z.strictObject({ end: text, why: z.string().optional() }),
  ]),
);
export type Effect = Eff;

const effects = z.array(Effect);

const IncidentResponse = z.strictObject({
  response: z.enum(RESPONSES),
  intercept: z.boolean().optional(),
  severity: z.number().min(1).max(5).optional(),
});

/** Fields shared by actions and decision options that may go to a cabinet vote. */
const voteFields = {
  issue: id.optional(),
  direction: z.union([z.literal(1), z.literal(-1)]).optional(),
  cabinet: z.boolean().optional(),
  difficulty: z.number().min(-100).max(100).optional(),
  onFail: effects.optional(),
  incident: IncidentResponse.optional(),
};

export const Calendar = z
  .strictObject({
    start: date,
    end: date,
    phases: z.array(z.strictObject({ name: text, until: date, stepDays: z.number().int().min(1).max(62) })).min(1),
  })
  .superRefine((cal, ctx) => {
    const n = turnCount(cal);
    if (n > MAX_TURNS) ctx.addIssue({ code: 'custom', path: ['end'], message: `the calendar has ${n} turns; at most ${MAX_TURNS} are allowed (shorten it or lengthen the phases' stepDays)` });
  });

export const SideDef = z.strictObject({
  name: text,
  leadTitle: text,
  /**
   * The heading of the board's panel of this side's ministers (display only), true to who is in it:
   * "Ministers and officials" where it holds people outside the Cabinet. Absent, the board's own
   * ("The Cabinet", "Politburo and Narkomindel").
   */
  panelTitle: text.optional(),
  lead: id,
  standing: z.number().min(0).max(100),
  capitalPerTurn: z.number().min(0).max(20),
  capitalMax: z.number().min(1).max(40),
  intel: z.number().min(0).max(100),
});

export const Issue = z.strictObject({ id, label: text, low: text, high: text, description: z.string().optional() });

export const FigureDef = z
  .strictObject({
    id: figId,
    label: text,
    inSentence: text.optional(),
    side: side.optional(),
    min: z.number(),
    max: z.number(),
    initial: z.number(),
    unit: z.string().optional(),
    description: z.string().optional(),
    sources,
    estimate,
  })
  .refine(f => f.min < f.max && f.initial >= f.min && f.initial <= f.max, 'need min < max and min <= initial <= max');

const Demand = z.strictObject({ action: id, when: Condition });

export const Minister = z.strictObject({
  id,
  name: text,
  short: z.string().optional(),
  side,
  office: text,
  /**
   * Later offices, each from the firing of the event whose news reports the change ("Bukharin is
   * removed from the leadership of the Comintern"), so a card never contradicts the game's own news.
   * Display only: rules and state do not read it. The last listed whose event has fired holds.
   */
  laterOffices: z.array(z.strictObject({ after: id, office: text, sources })).optional(),
  body: z.enum(BODIES),
  /**
   * false: not a member of the body that decides for his side (the British Cabinet, the Politburo):
   * a junior minister, an official, an envoy, a candidate member without a vote. The engine weighs
   * him in the side's decisions all the same (a model of influence, not of formal votes), but a
   * student playing him gives advice, not a vote, and the screens and news count it apart.
   */
  member: z.literal(false).optional(),
  influence: z.number().min(1).max(10),
  stances: z.record(z.string(), stance),
  mood: z.number().min(0).max(100),
  inOffice: z.boolean().optional(),
  canResign: z.boolean().optional(),
  resignBelow: z.number().min(0).max(100).optional(),
  motives: text,
  demands: z.array(Demand).optional(),
  sources,
  estimate,
});

export const Group = z.strictObject({
  id,
  name: text,
  inSentence: text.optional(),
  side,
  kind: z.enum(GROUP_KINDS),
  pressure: z.number().min(0).max(100),
  weight: z.number().min(0).max(10),
  stances: z.record(z.string(), stance),
  demands: z.array(Demand).optional(),
  description: z.string().optional(),
  sources,
  estimate,
});

export const ThirdParty = z.strictObject({
  id,
  name: text,
  leader: z.string().optional(),
  alignment: stance,
  description: z.string().optional(),
  /** Where the map shows the power (its capital). */
  place: z.enum(PLACES).optional(),
  sources,
  estimate,
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const flow = z.number().min(0).max(TRADE_MAX);

export const Trade = z
  .strictObject({
    startMonth: z.string().regex(MONTH, 'a month is YYYY-MM, the month 01 to 12'),
    exports: flow,
    reExports: flow,
    imports: flow,
    orders: flow,
    credit: z.number().min(0).max(100),
    diversion: z.number().min(0).max(100),
    orderLagMonths: z.number().int().min(0).max(24),
    sources,
    estimate,
  })
  .refine(t => t.exports + t.reExports - t.imports <= TRADE_MAX, {
    path: ['exports'],
    message: `exports and re-exports may exceed imports by at most ${TRADE_MAX} (the balance's range)`,
  });

export const Action = z.strictObject({
  id,
  side,
  label: text,
  description: text,
  category: z.enum(CATEGORIES),
  cost: z.number().int().min(0).max(10),
  ...voteFields,
  when: Condition.optional(),
  once: z.boolean().optional(),
  public: z.boolean().optional(),
  cooldownDays: z.number().int().min(0).optional(),
  /** Orders of the same side that undo or deny this one: the two are never given in one turn. */
  contradicts: z.array(id).optional(),
  effects,
  sources,
  estimate,
});

export const Option = z.strictObject({
  id,
  label: text,
  text: z.string().optional(),
  historical: z.boolean().optional(),
  ...voteFields,
  effects,
});

export const GameEvent = z
  .strictObject({
    id,
    title: text,
    kind: z.enum(EVENT_KINDS),
    date: date.optional(),
    /**
     * History's date. On a scheduled event, where `date` was moved onto a turn: shown to the player
     * instead of `date` when the event fires on the turn its date reaches; it must fall after the
     * turn before and before the turn after. On a triggered event (no `date`, no `mtthDays`): shown
     * when it fires on the turn whose span holds it. Display only (compile checks it against the
     * calendar).
     */
    historicalDate: date.optional(),
    window: z.number().int().min(0).optional(),
    when: Condition.optional(),
    mtthDays: z.number().positive().optional(),
    mtthModifiers: z.array(z.strictObject({ when: Condition, factor: z.number().positive() })).optional(),
    once: z.boolean().optional(),
    scheduledOnly: z.boolean().optional(),
    public: z.boolean().optional(),
    /**
     * An event without a decision that is one side's private business (a minute, a private letter,
     * what an intelligence source reports): only that side reads it, and its firing and what it sets
     * are that side's secret, as a private decision's are. Without it such an event is public.
     */
    privateTo: side.optional(),
    /** Where the map shows the event. */
    place: z.enum(PLACES).optional(),
    severity: z.number().min(1).max(5).optional(),
    publicity: z.number().min(0).max(100).optional(),
    text,
    effects: effects.optional(),
    decision: z
      .strictObject({
        side,
        prompt: text,
        issue: id.optional(),
        direction: z.union([z.literal(1), z.literal(-1)]).optional(),
        difficulty: z.number().min(-100).max(100).optional(),
        options: z.array(Option).min(2),
      })
      .optional(),
    sources,
    estimate,
  })
  .refine(e => !(e.date && e.mtthDays), 'an event is scheduled (date) or random (mtthDays), not both')
  .refine(e => !e.privateTo || (!e.decision && !e.public), {
    message: "privateTo is for an event without a decision, and not a public one: a decision is its side's private business unless it is marked public",
    path: ['privateTo'],
  })
  .refine(e => e.public !== false || e.decision, {
    message: "false says nothing on an event without a decision, which both sides read: to keep it one side's, give it privateTo",
    path: ['public'],
  })
  .refine(e => !e.historicalDate || !e.mtthDays, {
    message: 'historicalDate is the day history gives a scheduled or triggered event: a random event (mtthDays) fires on no day of its own',
    path: ['historicalDate'],
  });

export const Term = z.strictObject({
  id,
  label: text,
  description: z.string().optional(),
  sources,
  estimate,
  options: z
    .array(
      z.strictObject({
        id,
        label: text,
        value: z.strictObject({ britain: stance, ussr: stance }),
        /** What the option presupposes (relations broken, an agreement ended): offered only while it holds. */
        when: Condition.optional(),
        effects: effects.optional(),
      }),
    )
    .min(2),
});

export const Negotiation = z.strictObject({
  when: Condition.optional(),
  replyDays: z.number().int().min(1).max(60),
  offerCost: z.number().int().min(0).max(10).optional(),
  issue: z.strictObject({ britain: id, ussr: id }),
  terms: z.array(Term).min(1),
  commonsVote: z.boolean().optional(),
  onRatified: effects.optional(),
  /** What a player is told while the channel is closed: when talks can open. */
  closedNote: z.string().optional(),
});

const objectiveFields = {
  id,
  label: text,
  weight: z.number().positive(),
  when: Condition.optional(),
  measure: z
    .strictObject({ fig: z.string(), zero: z.number(), full: z.number() })
    .refine(m => m.zero !== m.full, 'zero and full must differ')
    .optional(),
  description: z.string().optional(),
  /** How history fared on it: shown only at the end, since before it would give history away. */
  history: z.string().optional(),
};
const whenOrMeasure = (o: { when?: unknown; measure?: unknown }) => (o.when === undefined) !== (o.measure === undefined);
const WHEN_OR_MEASURE = 'an objective needs exactly one of when or measure';

/** A role's secret objective: it may cite sources of its own, or rest on its role's. */
export const Objective = z.strictObject({ ...objectiveFields, sources: sources.optional() }).refine(whenOrMeasure, WHEN_OR_MEASURE);

/**
 * A side's objective must cite what its aim, weight and history rest on: a computer player's
 * reasons show an objective's sources whenever that objective decided its move.
 */
export const SideObjective = z
  .strictObject({
    ...objectiveFields,
    sources: z
      .array(z.string().min(3), {
        error: iss => (iss.input === undefined ? 'a side\'s objective must cite the sources its aim, weight and history rest on (e.g. "thesis L6823-6834")' : undefined),
      })
      .min(1, 'cite at least one source'),
  })
  .refine(whenOrMeasure, WHEN_OR_MEASURE);

export const Persona = z.strictObject({
  id,
  side,
  name: text,
  lead: id.optional(),
  leanings: z.record(z.string(), stance),
  categories: z
    .record(z.string(), z.number().min(-5).max(5))
    .superRefine((cats, ctx) => {
      // A misspelt category would silently weigh nothing.
      for (const k of Object.keys(cats)) {
        if (!(CATEGORIES as readonly string[]).includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `unknown category "${k}" (one of ${CATEGORIES.join(', ')})` });
      }
    })
    .optional(),
  description: z.string().optional(),
});

export const Role = z
  .strictObject({
    id,
    side,
    /** The minister the role plays (a seat in the cabinet, with a vote). */
    minister: id.optional(),
    /** A role that is not a minister: who it is and what they do. */
    name: text.optional(),
    office: text.optional(),
    /** The group a role that is not a minister speaks for. */
    group: id.optional(),
    briefing: text,
    secretAim: text,
    /** The role's secret objectives, scored at the end like a side's. */
    objectives: z.array(Objective).min(1, 'a role needs at least one secret objective to be scored on'),
    /**
     * A term of office: this role takes over another role's seat once `when` holds (a change of
     * government, a new ambassador). Until then the seat's student plays `role`; from then on, this
     * one, with its brief, aims and vote. Both roles are ministers of the same side.
     */
    succeeds: z.strictObject({ role: id, when: Condition, change: text }).optional(),
    sources,
    estimate,
  })
  .superRefine((r, ctx) => {
    if (r.minister !== undefined && (r.name !== undefined || r.office !== undefined || r.group !== undefined))
      ctx.addIssue({ code: 'custom', path: ['minister'], message: "a minister's role takes its name and office from the minister: give minister, or name and office (and group), not both" });
    if (r.minister === undefined && (r.name === undefined || r.office === undefined))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'a role names a minister, or, for a figure who is not a minister, a name and an office' });
  });

export const History = z.strictObject({
  summary: text,
  orders: z.array(z.strictObject({ side, date, action: id, note: z.string().optional() })),
  /**
   * Notes the governments exchanged that the scenario's terms can express: each as the package it
   * proposed (an option for every term), and what the other side did with it. The historical player
   * sends them on their dates and answers notes as the record says (it accepted none of these).
   */
  notes: z.array(z.strictObject({ side, date, terms: z.record(z.string(), id), note: text, answer: text, sources })).optional(),
  /** Notes the record has that this scenario's negotiation cannot express as a package, and why. */
  notesNotModelled: z.array(z.strictObject({ date, note: text, why: text, sources })).optional(),
  outcomes: z.array(z.strictObject({ id, label: text, when: Condition, historical: z.boolean().optional() })).min(1),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    title: text,
    subtitle: z.string().optional(),
    briefing: text,
    calendar: Calendar,
    tension: z.number().min(0).max(100).optional(),
    sides: z.strictObject({ britain: SideDef, ussr: SideDef }),
    issues: z.array(Issue).min(1),
    figures: z.array(FigureDef),
    ministers: z.array(Minister).min(2),
    groups: z.array(Group),
    thirdParties: z.array(ThirdParty),
    trade: Trade,
    actions: z.array(Action).min(1),
    events: z.array(GameEvent),
    negotiation: Negotiation,
    objectives: z.strictObject({ britain: z.array(SideObjective).min(1), ussr: z.array(SideObjective).min(1) }),
    personas: z.array(Persona),
    roles: z.array(Role).optional(),
    /**
     * Flags that stand for public facts even where a side's private business sets them (a warning
     * a cabinet decides in private but delivers to the other side, an arrest the OGPU decides on):
     * the other side's seat sees them. Other flags set only in one side's private business are its secret.
     */
    publicFlags: z.array(z.string()).optional(),
    history: History,
  })
  .superRefine((sc, ctx) => {
    controlCharacters(sc, ctx);
    // The trade model runs once for each month from its first month to the turn's: a first month
    // decades early runs it thousands of times at once; one after the end never runs it.
    const first = monthIndexOf(sc.trade.startMonth),
      start = monthIndexOfDay(dayOf(sc.calendar.start));
    const last = Math.min(start + TRADE_START_MONTHS, monthIndexOfDay(dayOf(sc.calendar.end)));
    if (MONTH.test(sc.trade.startMonth) && (first < start - TRADE_START_MONTHS || first > last)) {
      ctx.addIssue({
        code: 'custom',
        path: ['trade', 'startMonth'],
        message: `the trade's first month must be from ${monthLabel(start - TRADE_START_MONTHS)} to ${monthLabel(last)} (within ${TRADE_START_MONTHS} months of the calendar's start, not after its end)`,
      });
    }
    // The computer player plays a side from that side's personas.
    for (const s of SIDES) {
      if (!sc.personas.some(p => p.side === s)) ctx.addIssue({ code: 'custom', path: ['personas'], message: `no persona for ${s}: each side needs at least one for the computer player` });
    }
    const roles = new Set<string>();
    (sc.roles ?? []).forEach((r, k) => {
      if (roles.has(r.id)) ctx.addIssue({ code: 'custom', path: ['roles', k, 'id'], message: `duplicate id "${r.id}"` });
      roles.add(r.id);
    });
  });

/**
 * The number of turns turnDays (engine/calendar.ts) would make, counted phase by phase without
 * making them, so a calendar of millions of turns is refused cheaply.
 */
export function turnCount(cal: { start: string; end: string; phases: readonly { until: string; stepDays: number }[] }): number {
  const end = dayOf(cal.end);
  let d = dayOf(cal.start),
    n = 0;
  if (end <= d) return 1;
  // A phase steps from d to its `until` (within the end), the last step shortened to land on it;
  // the last phase then steps on to the end the same way.
  for (const p of cal.phases) {
    const bound = Math.min(dayOf(p.until), end);
    if (d < bound) {
      n += Math.ceil((bound - d) / p.stepDays);
      d = bound;
    }
  }
  n += Math.ceil((end - d) / cal.phases[cal.phases.length - 1]!.stepDays);
  return n + 1;
}

/**
 * Text shown to players reaches terminals and pages: no control characters in any string or key
 * (ESC would let a scenario clear the screen or retitle the window), except newlines and tabs in
 * the fields written as paragraphs.
 */
const MULTILINE = new Set(['briefing', 'summary', 'text', 'description', 'motives', 'prompt', 'secretAim', 'closedNote']);
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_BUT_LINES = /(?![\n\t])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

function controlCharacters(data: unknown, ctx: z.RefinementCtx): void {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  const report = (path: PropertyKey[], ch: string, what: string) =>
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${what} holds a control character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})${path.length && MULTILINE.has(String(path[path.length - 1])) ? '; only newlines and tabs are allowed here' : ''}`,
    });
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const key = path[path.length - 1];
      const m = (typeof key === 'string' && MULTILINE.has(key) ? CONTROL_BUT_LINES : CONTROL).exec(value);
      if (m) report(path, m[0], 'the text');
    } else if (Array.isArray(value)) value.forEach((v, k) => stack.push({ value: v, path: [...path, k] }));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const m = CONTROL.exec(k);
        if (m) report([...path, k], m[0], 'the key');
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
}

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioAction = z.infer<typeof Action>;
export type ScenarioEvent = z.infer<typeof GameEvent>;
export type ScenarioOption = z.infer<typeof Option>;
export type ScenarioMinister = z.infer<typeof Minister>;
export type ScenarioGroup = z.infer<typeof Group>;
export type ScenarioObjective = z.infer<typeof Objective>;
export type ScenarioTerm = z.infer<typeof Term>;
export type ScenarioPersona = z.infer<typeof Persona>;

// Compile-time checks that the schema and the engine's input types agree both ways: a field added,
// removed or retyped on one side without the other fails the type check here. Optional fields are
// made required first, since an extra optional field would pass a plain assignability test.
type Solid<T> = T extends (infer U)[] ? Solid<U>[] : T extends object ? { [K in keyof T]-?: Solid<T[K]> } : T;
type Same<A, B> = [Solid<A>] extends [Solid<B>] ? ([Solid<B>] extends [Solid<A>] ? true : false) : false;
type Check<T extends true> = T;
export type SchemaMatchesEngine = [Check<Same<Scenario, ScenarioSetup>>, Check<Same<ScenarioAction, SetupAction>>, Check<Same<ScenarioEvent, SetupEvent>>, Check<Same<ScenarioOption, SetupOption>>];

/** The JSON Schema for editors, generated from the same definition. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
