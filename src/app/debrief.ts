// The post-mortem of a group's game, as data (no DOM): what the group did against what history
// did, turn by turn, with the sources; the decisions that moved the game most; each side's and
// each role's objectives against history's; and discussion questions tied to the roles' aims and
// to the question of the USSR's links with the other European powers. The print pack
// (src/print/debrief.ts) and the pass-and-play end screen draw it.
//
// "The decisions that mattered most" is measured simply and honestly: the weight of a decision or
// order is the sum, over every figure the game's ledger shows it moving, of the change as a share
// of that figure's range. It counts what a choice did directly, not what it later made possible;
// a branch explorer that replays the alternatives would measure that, and is not in this build.

import { historicalBaseline, historicalPlayer, runGame } from '../ai/index';
import {
  type Compiled,
  compile,
  createGame,
  type GameState,
  type Injection,
  type Move,
  noteCause,
  noteName,
  noteOfCause,
  type Place,
  replay,
  type Side,
  scoreRole,
  shownDay,
  termsOf,
} from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { type EndReport, endReport } from './endReport';
import type { SeatHolder } from './handIn';

/** One thing that happened, in the group's game or in history's. */
export interface TimelineEntry {
  /** The day shown: history's for an event (or its decision) on the turn its date reaches (shownDay). */
  day: number;
  side: Side | null;
  /** What happened, in a line. */
  text: string;
  /** "option:EV.OPT", "action:ID", "event:ID", "offer:SIDE:N": what it was, to match the two timelines. */
  cause: string;
  sources: string[];
}

/** A row of the timeline against history: the same date's entries in both games. */
export interface TimelineRow {
  day: number;
  group: TimelineEntry[];
  history: TimelineEntry[];
}

export interface WeighedDecision {
  cause: string;
  day: number;
  side: Side | null;
  label: string;
  /** The sum of the figures' changes it caused, each as a share of its range. */
  weight: number;
  /** Whether history did the same: true, false, or null where history has nothing to compare. */
  asHistory: boolean | null;
  sources: string[];
}

export interface RoleResult {
  id: string;
  side: Side;
  name: string;
  office: string;
  player: string | null;
  secretAim: string;
  total: number;
  history: number;
  objectives: { label: string; weight: number; yours: number; history: number }[];
}

export interface PowerLeaning {
  name: string;
  /** Alignment at the end, -100 with Moscow .. +100 with London (European powers only). */
  yours: number;
  history: number;
}

export interface Debrief {
  title: string;
  scenario: string;
  version: number;
  seed: string;
  group: string;
  /** The day the game reached, and whether it had ended. */
  day: number;
  finished: boolean;
  report: EndReport;
  timeline: TimelineRow[];
  decisions: WeighedDecision[];
  roles: RoleResult[];
  europe: PowerLeaning[];
  questions: { about: string; text: string }[];
}

/** The label, side and sources of a ledger cause, or null for rules and the like. */
function describeCause(c: Compiled, cause: string): { label: string; side: Side | null; sources: string[] } | null {
  const [kind, rest = ''] = cause.split(/:(.*)/s);
  if (kind === 'action') {
    const k = c.actionIndex.get(rest);
    if (k === undefined) return null;
    const a = c.actions[k]!;
    return { label: `${c.sc.sides[a.side].name}: ${a.label}`, side: a.side, sources: c.sc.actions[k]!.sources };
  }
  if (kind === 'option') {
    const [ev, opt] = rest.split('.');
    const k = c.eventIndex.get(ev ?? '');
    const e = k === undefined ? undefined : c.events[k];
    const o = e?.decision?.options.find(x => x.id === opt);
    if (!e || !o) return null;
    return { label: `${e.title}: ${o.label}`, side: e.decision!.side, sources: e.sources };
  }
  if (kind === 'event') {
    const k = c.eventIndex.get(rest);
    if (k === undefined) return null;
    return { label: c.events[k]!.title, side: null, sources: c.events[k]!.sources };
  }
  if (kind === 'offer') {
    const n = noteOfCause(cause);
    return { label: n ? noteName(n.from, n.n) : `Note ${rest}`, side: null, sources: [] };
  }
  return null;
}

/** What happened in a game, move by move: decisions, orders carried out or refused, events, notes settled. */
export function timelineOf(sc: Scenario, seed: string, moves: readonly Move[], injected: readonly Injection[] = []): { entries: TimelineEntry[]; final: GameState } {
  const c = compile(sc);
  const entries: TimelineEntry[] = [];
  // An event the teacher introduced (engine inject.ts) is named as such, so the debrief does not credit it to the players.
  const byTeacher = new Set(injected.map(x => x.event));
  const title = (e: Compiled['events'][number]) => (byTeacher.has(e.id) ? `${e.title} (introduced by the teacher)` : e.title);
  const replayed = (each: (s: GameState) => void) => replay(sc, seed, moves, each, injected);
  let prev: GameState | null = null;
  const r = replayed(s => {
    const before = prev;
    prev = s;
    for (const e of c.events) {
      if (s.fired[e.i]! >= 0 && (before === null || s.fired[e.i] !== before.fired[e.i]) && !e.decision)
        entries.push({ day: shownDay(e, s.fired[e.i]!), side: null, text: title(e), cause: e.cause, sources: e.sources });
      const k = s.chosen[e.i]!;
      if (before && k >= 0 && k !== before.chosen[e.i]) {
        const o = e.decision!.options[k]!;
        entries.push({ day: shownDay(e, c.days[before.turn]!), side: e.decision!.side, text: `${title(e)}: ${o.label}`, cause: o.cause, sources: e.sources });
      }
    }
    if (!before) return;
    for (const a of c.actions) {
      if (s.taken[a.i] !== before.taken[a.i] && s.taken[a.i]! >= 0)
        entries.push({ day: s.taken[a.i]!, side: a.side, text: `${sc.sides[a.side].name}: ${a.label}`, cause: a.cause, sources: sc.actions[a.i]!.sources });
      if (s.failed[a.i] !== before.failed[a.i] && s.failed[a.i]! >= 0)
        entries.push({
          day: s.failed[a.i]!,
          side: a.side,
          text: `${sc.sides[a.side].name}: ${a.label} (refused by ${a.side === 'britain' ? 'the Cabinet' : 'the Politburo'})`,
          cause: a.cause,
          sources: sc.actions[a.i]!.sources,
        });
    }
    for (const o of s.offers) {
      const was = before.offers.find(x => x.from === o.from && x.n === o.n);
      if (was && was.status === o.status) continue;
      if (o.status === 'ratified' || o.status === 'failed' || o.status === 'rejected')
        entries.push({
          day: c.days[before.turn]!,
          side: null,
          text: `${noteName(o.from, o.n)} ${o.status === 'ratified' ? 'ratified: an agreement binds' : o.status === 'failed' ? 'accepted but not ratified' : 'rejected'}`,
          cause: noteCause(o.from, o.n),
          sources: [],
        });
    }
  });
  if (!r.ok) throw new Error(`the game does not replay: ${r.error}`);
  entries.sort((a, b) => a.day - b.day);
  return { entries: firstTimes(entries), final: r.value };
}

/**
 * An order given again and again (sounding an ambassador every week) is listed once, at its first
 * date, with how often it was carried out; decisions, events and notes are listed every time.
 */
function firstTimes(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const count = new Map<string, number>();
  for (const e of entries) if (e.cause.startsWith('action:') && !e.text.endsWith(')')) count.set(e.cause, (count.get(e.cause) ?? 0) + 1);
  const seen = new Set<string>();
  const out: TimelineEntry[] = [];
  for (const e of entries) {
    if (!e.cause.startsWith('action:') || e.text.endsWith(')')) {
      out.push(e);
      continue;
    }
    if (seen.has(e.cause)) continue;
    seen.add(e.cause);
    const n = count.get(e.cause)!;
    out.push(n > 1 ? { ...e, text: `${e.text} (first of ${n} times)` } : e);
  }
  return out;
}

/** The weight of every decision and order in a game, from its ledger (see the header), heaviest first. */
export function weighDecisions(c: Compiled, s: GameState, history: ReadonlySet<string>): WeighedDecision[] {
  const byCause = new Map<string, { weight: number; day: number }>();
  for (let n = s.ledger; n; n = n.n) {
    const e = n.e;
    if (!/^(action|option|offer):/.test(e.cause)) continue;
    const range = c.figMax[e.fig]! - c.figMin[e.fig]!;
    const w = range > 0 && Number.isFinite(range) ? Math.abs(e.delta) / range : 0;
    const x = byCause.get(e.cause);
    if (x) {
      x.weight += w;
      x.day = Math.min(x.day, e.day);
    } else byCause.set(e.cause, { weight: w, day: e.day });
  }
  const out: WeighedDecision[] = [];
  for (const [cause, x] of byCause) {
    const d = describeCause(c, cause);
    if (!d) continue;
    const comparable = !cause.startsWith('offer:');
    out.push({ cause, day: x.day, side: d.side, label: d.label, weight: x.weight, asHistory: comparable ? history.has(cause) : null, sources: d.sources });
  }
  return out.sort((a, b) => b.weight - a.weight || a.day - b.day);
}

/** The map's places in Europe (not London): the powers the question about the USSR's European links is about. */
const EUROPE: ReadonlySet<Place> = new Set<Place>(['paris', 'berlin', 'warsaw', 'rome', 'brussels', 'riga', 'hague', 'stockholm', 'geneva']);

/** How many of the heaviest decisions the pack lists. */
export const DECISIONS_SHOWN = 8;

/** The debrief of a group's game (finished or not) from its seed and moves. */
export function debrief(sc: Scenario, seed: string, moves: readonly Move[], opts: { group?: string; seats?: readonly SeatHolder[]; injected?: readonly Injection[] } = {}): Debrief {
  const c = compile(sc);
  const mine = timelineOf(sc, seed, moves, opts.injected);
  const s = mine.final;
  const base = historicalBaseline(sc);
  const hist = runGame(sc, createGame(sc, base.seed), { britain: historicalPlayer, ussr: historicalPlayer });
  const theirs = timelineOf(sc, base.seed, hist.moves);
  const histCauses = new Set(theirs.entries.map(e => e.cause));
  const days = [...new Set([...mine.entries, ...theirs.entries].map(e => e.day))].sort((a, b) => a - b);
  const timeline = days.map(day => ({ day, group: mine.entries.filter(e => e.day === day), history: theirs.entries.filter(e => e.day === day) }));
  // A student at a role also played the roles that succeeded it in the seat (a change of government),
  // unless someone was seated at that role itself (an older save).
  const seated = opts.seats ?? [];
  const players = new Map([...seated.flatMap(x => (c.roleIndex.has(x.role) ? termsOf(c, x.role) : []).map(r => [r.id, x.player] as const)), ...seated.map(x => [x.role, x.player] as const)]);
  const roles: RoleResult[] = c.roles.map(r => {
    const yours = scoreRole(c, s, r.id),
      h = scoreRole(c, base.state, r.id);
    return {
      id: r.id,
      side: r.side,
      name: r.name,
      office: r.office,
      player: players.get(r.id) ?? null,
      secretAim: sc.roles![r.i]!.secretAim,
      total: yours.total,
      history: h.total,
      objectives: yours.objectives.map((o, k) => ({ label: o.label, weight: o.weight, yours: o.achieved, history: h.objectives[k]!.achieved })),
    };
  });
  const europe = c.parties.filter(p => p.place !== null && EUROPE.has(p.place)).map(p => ({ name: p.name, yours: s.fig[p.iAlign]!, history: base.state.fig[p.iAlign]! }));
  return {
    title: sc.title,
    scenario: sc.id,
    version: sc.version,
    seed,
    group: opts.group ?? '',
    day: c.days[s.turn]!,
    finished: s.ended !== null,
    report: endReport(sc, s),
    timeline,
    decisions: weighDecisions(c, s, histCauses).slice(0, DECISIONS_SHOWN),
    roles,
    europe,
    questions: questions(roles, europe),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const leaning = (a: number) => (a <= -20 ? 'toward Moscow' : a >= 20 ? 'toward London' : 'between the two');

/** Discussion questions: the big question with the group's evidence, then one for each role played (or every role if none is named). */
function questions(roles: readonly RoleResult[], europe: readonly PowerLeaning[]): { about: string; text: string }[] {
  const out: { about: string; text: string }[] = [];
  const ev = europe.map(p => `${p.name} ended ${leaning(p.yours)} (${Math.round(p.yours)}; history ${Math.round(p.history)})`).join('; ');
  out.push({
    about: 'The question',
    text: `How successful was the USSR in establishing links with other major European powers? In your game: ${ev}. Which of your choices moved these, and would Moscow's diplomats have counted the result a success?`,
  });
  out.push({
    about: 'The question',
    text: 'Compare your game with what happened: where the USSR did better or worse in Europe than it did historically, was that because of what London did, what Moscow did, or what neither side controlled?',
  });
  const played = roles.some(r => r.player) ? roles.filter(r => r.player) : roles;
  for (const r of played) {
    const best = [...r.objectives].sort((a, b) => b.weight - a.weight)[0]!;
    const vs = best.yours === best.history ? 'as history did' : best.yours > best.history ? 'better than history' : 'worse than history';
    out.push({
      about: `${r.name}${r.player ? ` (${r.player})` : ''}`,
      text: `Your chief aim was "${best.label}": you reached ${pct(best.yours)} of it, ${vs} (${pct(best.history)}). What did you do, or fail to do, that decided it? Did your aim pull against your side's interest?`,
    });
  }
  return out;
}
