// Events and incidents: scheduled, triggered and random events fire at the start of a turn;
// decisions are put to a side; incident responses carry standard consequences.
import type { CEvent, IncidentResp } from './compile';
import { addFig, adopt, news, own, ownPending, type Draft } from './draft';
import type { GameState } from './types';
import type { Side } from './vocab';

/** Per-turn chance of a random event: 1 - 0.5^(days / mtth), mtth scaled by matching modifiers. */
export function mtthChance(ev: CEvent, s: GameState, days: number): number {
  let mtth = ev.mtthDays!;
  for (const m of ev.mtthModifiers) if (m.when(s)) mtth *= m.factor;
  return 1 - Math.pow(0.5, days / mtth);
}

function eligible(ev: CEvent, s: GameState): boolean {
  return !(ev.once && s.fired[ev.i]! >= 0) && (ev.when === null || ev.when(s));
}

/** Fire this turn's events, in scenario order: scheduled, then effect-scheduled, triggered and random. */
export function fireEvents(d: Draft, daysSincePrev: number): void {
  const c = d.c, day = d.day;
  const due = new Set<number>();
  if (d.s.scheduled.length) {
    const keep = [];
    for (const x of d.s.scheduled) (x.day <= day ? due.add(x.ev) : keep.push(x));
    adopt(d, 'scheduled', keep);
  }
  for (const ev of c.events) {
    let fire = false;
    if (due.has(ev.i)) fire = eligible(ev, d.s);
    else if (ev.day !== null) fire = ev.day <= day && day <= ev.lastDay! && eligible(ev, d.s) && !(d.s.fired[ev.i]! >= ev.day);
    else if (ev.mtthDays !== null) fire = daysSincePrev > 0 && eligible(ev, d.s) && d.rng.next() < mtthChance(ev, d.s, daysSincePrev);
    // Triggered: fires when its condition holds. With no condition it fires only when scheduled.
    else fire = ev.when !== null && eligible(ev, d.s);
    if (fire) fireEvent(d, ev);
    if (d.s.ended) return;
  }
}

export function fireEvent(d: Draft, ev: CEvent): void {
  own(d, 'fired')[ev.i] = d.day;
  const cause = `event:${ev.id}`;
  news(d, ev.title, cause);
  for (const f of ev.effects) f(d, cause);
  if (ev.decision) ownPending(d, ev.decision.side).push(ev.i);
}

/**
 * Standard consequences of answering an incident (thesis L4629-4634 for intercepts: once
 * published, Moscow changed its codes and the secret take fell).
 */
export function applyIncidentResponse(d: Draft, side: Side, r: IncidentResp, publicity: number, cause: string): void {
  const c = d.c, sev = r.severity, st = c.side[side].iStanding;
  switch (r.response) {
    case 'exploit':
      addFig(d, st, sev * (publicity / 100) * 2, cause, 'the incident exploited at home');
      addFig(d, c.iTension, sev * 2, cause, 'exploiting an incident raises the temperature');
      break;
    case 'publish':
      addFig(d, st, sev * (publicity / 100) * 3, cause, 'evidence published');
      addFig(d, c.iTension, sev, cause, 'published evidence sharpens the quarrel');
      if (r.intercept) addFig(d, c.side[side].iIntel, -40, cause, 'the other side changes its codes');
      break;
    case 'suppress':
      if (publicity > 30) addFig(d, st, -(publicity - 30) / 20, cause, 'an incident hushed up that the press already knew of');
      break;
    case 'restrain':
      addFig(d, c.iTension, -sev * 2, cause, 'restraint cools the quarrel');
      for (const k of c.side[side].groups) {
        const g = c.groups[k]!;
        if (g.stance.some(v => v >= 50)) addFig(d, g.iPressure, sev * 2, cause, `${g.name} call it weakness`);
      }
      break;
  }
}

/** Intelligence recovers slowly; war danger cools slowly when nothing feeds it. */
export function incidentStep(d: Draft, days: number): void {
  const c = d.c;
  for (const side of ['britain', 'ussr'] as const) addFig(d, c.side[side].iIntel, days / 30, 'rule:intel-recovers', 'new sources and broken codes, slowly');
  addFig(d, c.iTension, -0.5 * days / 7, 'rule:tension-cools', 'war danger fades when nothing feeds it');
}
