// Links events: dates and windows, triggers and mean times, the decision an event puts to a side
// with its options, and the index of the turns on which each event can fire.
import { isoOf } from '../calendar';
import type { CEvent, COption } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { linkIncident, linkVote, type VoteDefaults } from './actions';
import { dayWithin } from './calendar';
import { decidedOn, flagGates, linkConditionFn } from './conditions';
import { CompileError, checkRollIndex, type LinkContext, unique } from './context';
import { linkEffectFns } from './effects';

export function linkEvents(cx: LinkContext, sc: ScenarioSetup): CEvent[] {
  return sc.events.map((e, k) => {
    const path = `events[${k}]`;
    // A random incident's chance rolls by the event's index (dice.ts ROLL.incident).
    if (e.mtthDays !== undefined) checkRollIndex(k, 'events for a random one to roll by its place in the list', `${path}.mtthDays`);
    const day = e.date ? dayWithin(cx.days, e.date, `${path}.date`) : null;
    const { turnDay, historyDay } = shownTurn(cx.days, day, e.historicalDate, `${path}.historicalDate`);
    let decision: CEvent['decision'] = null;
    if (e.decision) {
      const dd = e.decision;
      unique(dd.options, `${path}.decision.options`);
      const hist = dd.options.filter(o => o.historical).length;
      if (hist !== 1) throw new CompileError(`${path}.decision.options`, `a decision needs exactly one historical option (found ${hist})`);
      const dflt: VoteDefaults = {};
      if (dd.issue !== undefined) dflt.issue = dd.issue;
      if (dd.direction !== undefined) dflt.direction = dd.direction;
      if (dd.difficulty !== undefined) dflt.difficulty = dd.difficulty;
      decision = {
        side: dd.side,
        prompt: dd.prompt,
        options: dd.options.map((o, j): COption => {
          const op = `${path}.decision.options[${j}]`;
          const vote = linkVote(cx, o, op, dflt);
          const effects = linkEffectFns(cx, o.effects, `${op}.effects`);
          return {
            i: j,
            id: o.id,
            label: o.label,
            text: o.text ?? '',
            historical: o.historical ?? false,
            vote,
            effects: effects.fns,
            linked: effects.linked,
            incident: linkIncident(o.incident, e.severity ?? 2),
            cause: `option:${e.id}.${o.id}`,
          };
        }),
      };
    }
    // In this order (trigger, modifiers, effects), so that the first error found is the same as ever.
    const when = e.when ? linkConditionFn(cx, e.when, `${path}.when`) : null;
    const gates = flagGates(when?.linked ?? null);
    const mtthModifiers = (e.mtthModifiers ?? []).map((m, j) => ({ when: linkConditionFn(cx, m.when, `${path}.mtthModifiers[${j}].when`).fn, factor: m.factor }));
    return {
      i: k,
      id: e.id,
      title: e.title,
      kind: e.kind,
      text: e.text,
      day,
      lastDay: day === null ? null : day + (e.window ?? 0),
      turnDay,
      historyDay,
      when: when?.fn ?? null,
      whenLinked: when?.linked ?? null,
      gateSet: gates.gateSet,
      gateClear: gates.gateClear,
      mtthDays: e.mtthDays ?? null,
      mtthModifiers,
      privateTo: e.privateTo ?? (e.decision && !e.public ? e.decision.side : null),
      once: e.once ?? true,
      scheduledOnly: e.scheduledOnly ?? false,
      severity: e.severity ?? 2,
      publicity: e.publicity ?? 50,
      place: e.place ?? null,
      effects: linkEffectFns(cx, e.effects, `${path}.effects`).fns,
      cause: `event:${e.id}`,
      decision,
      sources: e.sources,
    };
  });
}

/**
 * The turn on which an event shows history's day, and that day (shownDates.ts, shownDay). A
 * scheduled event (`day`, from its `date`): the turn its date first reaches, and its
 * `historicalDate` or else its date. A triggered event with a `historicalDate`: the turn whose span
 * holds that day (from its date to the next turn's), the only turn on which firing keeps history's
 * time; fired on any other, the game has left history and shows the turn's day. Neither: none.
 */
function shownTurn(days: readonly number[], day: number | null, iso: string | undefined, path: string): { turnDay: number | null; historyDay: number | null } {
  if (day !== null) {
    const turnDay = days.find(d => d >= day)!;
    return { turnDay, historyDay: iso ? historicalDay(days, turnDay, iso, path) : day };
  }
  if (!iso) return { turnDay: null, historyDay: null };
  const historyDay = dayWithin(days, iso, path);
  let t = 0;
  while (t + 1 < days.length && days[t + 1]! <= historyDay) t++;
  return { turnDay: days[t]!, historyDay };
}

/**
 * History's date for a scheduled event that fires on the turn dated `turnDay`, as a day number.
 * It must lie after the turn before (news of it reaches the player at this turn) and before the
 * turn after (it happens while this turn runs): outside that the turn grid cannot hold it, and the
 * shown date would belong to another turn's report.
 */
function historicalDay(days: readonly number[], turnDay: number, iso: string, path: string): number {
  const day = dayWithin(days, iso, path);
  const t = days.indexOf(turnDay);
  const prev = days[t - 1],
    next = days[t + 1];
  const turn = `its date's turn, ${isoOf(turnDay)},`;
  if (prev !== undefined && day <= prev) throw new CompileError(path, `${iso} is not after the turn before ${turn} (${isoOf(prev)}): move the event's date, or leave the turn's date shown`);
  if (next !== undefined && day >= next) throw new CompileError(path, `${iso} is not before the turn after ${turn} (${isoOf(next)}): move the event's date, or leave the turn's date shown`);
  return day;
}

/**
 * The events fireEvents must look at on each turn besides the scheduled ones (see Compiled.eventsAt).
 * A dated event is a candidate on the turns that reach its date: the first turn on or after it,
 * and any turn within its window; on other turns its test fails before it reads the state. No
 * event is a candidate on a day its condition fails for the calendar alone.
 */
export function eventsByTurn(days: number[], events: CEvent[]): number[][] {
  return days.map((day, turn) =>
    events
      .filter(ev => {
        // Not on a day its condition fails for the calendar alone (decidedOn): its test would fail.
        if (decidedOn(ev.whenLinked, day) === false) return false;
        if (ev.day !== null) return ev.day <= day && (day <= ev.lastDay! || turn === 0 || days[turn - 1]! < ev.day);
        if (ev.mtthDays !== null) return true;
        return !ev.scheduledOnly && ev.when !== null;
      })
      .map(ev => ev.i),
  );
}
