// The pressure lines a scenario draws: the level of a group's pressure at which a group or minister
// forces an item onto the cabinet's agenda, or at which a triggered event (a back-bench revolt)
// fires. Read from the scenario's own conditions, so screens and previews show the lines the rules
// use, and no number is written twice.
import type { Compiled, Cond } from './compiled';
import type { SetupCondition } from './setup';
import type { GameState } from './types';
import type { Side } from './vocab';

export interface PressureLine {
  /** The group whose pressure the line is on (index into Compiled.groups). */
  group: number;
  /** Pressure at or above which it happens. */
  at: number;
  /** 'forces': an item forced onto the agenda; 'event': a parliamentary event fires (a revolt). */
  kind: 'forces' | 'event';
  /** Who forces it, or the event's title. */
  by: string;
  /** What happens, in a few words: the forced item's label, or the event's title. */
  what: string;
  /** The whole condition (the line is one part of it: dates, flags and offices may matter too). */
  when: Cond;
}

/**
 * The lower bound on a pressure figure a condition requires: a `fig` test at the top or inside an
 * `all` (a part of an `any` or `not` is not required, so it draws no line).
 */
function required(cond: SetupCondition | undefined, out: { fig: string; at: number }[] = []): { fig: string; at: number }[] {
  if (!cond) return out;
  if ('fig' in cond) {
    const at = cond.gte ?? cond.gt;
    if (at !== undefined && cond.fig.startsWith('pressure.')) out.push({ fig: cond.fig, at });
  } else if ('all' in cond) for (const x of cond.all) required(x, out);
  return out;
}

/** Every pressure line of a side's groups, lowest first. */
export function pressureLines(c: Compiled, side: Side): PressureLine[] {
  const out: PressureLine[] = [];
  const groupOf = (fig: string) => {
    const i = c.figIndex.get(fig);
    return i === undefined ? -1 : c.groups.findIndex(g => g.iPressure === i && g.side === side);
  };
  const add = (cond: SetupCondition | undefined, when: Cond | null | undefined, kind: PressureLine['kind'], by: string, what: string) => {
    if (!when) return;
    for (const r of required(cond)) {
      const group = groupOf(r.fig);
      if (group >= 0 && !out.some(x => x.group === group && x.at === r.at && x.what === what)) out.push({ group, at: r.at, kind, by, what, when });
    }
  };
  const label = (action: string) => c.actions[c.actionIndex.get(action)!]?.label ?? action;
  // A minister's demand holds only while he is in office (cabinet.ts, forcedItems).
  c.sc.ministers.forEach((m, k) =>
    (m.demands ?? []).forEach((dm, j) => {
      const when = c.ministers[k]!.demands[j]?.when,
        office = c.ministers[k]!.iOffice;
      add(dm.when, when && ((st: GameState) => st.fig[office] === 1 && when(st)), 'forces', m.name, label(dm.action));
    }),
  );
  c.sc.groups.forEach((g, k) => (g.demands ?? []).forEach((dm, j) => add(dm.when, c.groups[k]!.demands[j]?.when, 'forces', g.name, label(dm.action))));
  // Triggered parliamentary events only (a revolt): a dated or random event is not a line the
  // pressure crosses, and a news item that merely needs some pressure is no threshold.
  for (const e of c.sc.events)
    if (e.kind === 'parliament' && e.date === undefined && e.mtthDays === undefined && !e.scheduledOnly) add(e.when, c.events[c.eventIndex.get(e.id)!]!.when, 'event', e.title, e.title);
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Why a condition holds, in the figures it names: each figure threshold it requires (a `fig` test at
 * the top or inside an `all`), with the figure's value now, as "Conservative die-hards: pressure 92
 * (the line is 90 or more)". What a forced item's headline says of the demand behind it.
 */
export function linesReached(c: Compiled, s: GameState, cond: SetupCondition): string[] {
  const out: string[] = [];
  const walk = (x: SetupCondition) => {
    if ('all' in x) for (const y of x.all) walk(y);
    else if ('fig' in x) {
      const i = c.figIndex.get(x.fig);
      if (i === undefined) return;
      const v = Math.round(s.fig[i]!);
      const line = x.gte !== undefined ? `${x.gte} or more` : x.gt !== undefined ? `above ${x.gt}` : x.lte !== undefined ? `${x.lte} or less` : x.lt !== undefined ? `below ${x.lt}` : null;
      if (line) out.push(`${c.figs[i]!.label} ${v} (the line is ${line})`);
    }
  };
  walk(cond);
  return out;
}
