// Events and incidents: scheduled, triggered and random events fire at the start of a turn;
// decisions are put to a side; incident responses carry standard consequences.
import { type CEvent, type Compiled, gatesOpen, type IncidentResp } from './compiled';
import { dhalfPow } from './detmath';
import { ROLL } from './dice';
import { addFig, adoptScheduled, type Draft, news, ownFired, ownPending, roll } from './draft';
import type { GameState } from './types';
import { ofSide, type Side } from './vocab';

/** Per-turn chance of a random event: 1 - 0.5^(days / mtth), mtth scaled by matching modifiers. */
export function mtthChance(ev: CEvent, s: GameState, days: number): number {
  let mtth = ev.mtthDays!;
  for (const m of ev.mtthModifiers) if (m.when(s)) mtth *= m.factor;
  return 1 - halfPow(days / mtth);
}

/**
 * dhalfPow, remembered: random events test the same few turn lengths against the same mean times
 * turn after turn, and the series behind dhalfPow is slow. The function is pure, so a stored
 * result is the very number it would compute. The store keeps HALF_POW_WAYS arguments and results
 * per slot, replaced oldest first; comparing numbers is quicker than a Map's lookup by a fractional
 * key. The slot is picked by the argument's own bits, not by the event: an event can meet a dozen
 * arguments or more (its turn lengths over its mean times as its modifiers change it), and a slot
 * per event thrashed, missing half the calls of a 1929 playout where Labour holds office, while a
 * game's whole set of arguments is a few score numbers spread over a thousand slots.
 */
const HALF_POW_SLOTS = 1024;
const HALF_POW_WAYS = 4;
const halfPowY = new Float64Array(HALF_POW_SLOTS * HALF_POW_WAYS).fill(Number.NaN);
const halfPowV = new Float64Array(HALF_POW_SLOTS * HALF_POW_WAYS);
/** Per slot, the way the next new argument is written to. */
const halfPowNext = new Uint8Array(HALF_POW_SLOTS);
/** The argument's bits, read as two words for its slot. */
const Y_BITS = new Float64Array(1);
const Y_WORDS = new Uint32Array(Y_BITS.buffer);
function halfPow(y: number): number {
  Y_BITS[0] = y;
  // The top 10 bits of the words' mix, multiplied by the golden ratio's: a slot from 0 to HALF_POW_SLOTS - 1.
  const s = Math.imul(Y_WORDS[0]! ^ Y_WORDS[1]!, 0x9e3779b1) >>> 22,
    at = s * HALF_POW_WAYS;
  for (let w = 0; w < HALF_POW_WAYS; w++) if (halfPowY[at + w] === y) return halfPowV[at + w]!;
  const v = dhalfPow(y),
    w = halfPowNext[s]!;
  halfPowY[at + w] = y;
  halfPowV[at + w] = v;
  halfPowNext[s] = (w + 1) % HALF_POW_WAYS;
  return v;
}

function eligible(ev: CEvent, s: GameState): boolean {
  return !(ev.once && s.fired[ev.i]! >= 0) && (ev.when === null || (gatesOpen(ev, s) && ev.when(s)));
}

/**
 * The turn's candidates and the events now due, each once, in scenario order (event indices;
 * eventsAt lists a turn's candidates in order). Merged by hand, not as a sorted copy of a Set of
 * both: a turn where something falls due is common once talks open (1929 with Labour in office),
 * and the Set, its copies and the sort were a seventieth of such a playout.
 */
function withDue(candidates: readonly number[], due: ReadonlySet<number>): readonly number[] {
  let extra: number[] | null = null;
  for (const k of due) if (!candidates.includes(k)) (extra ??= []).push(k);
  if (!extra) return candidates;
  extra.sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0,
    j = 0;
  while (i < candidates.length || j < extra.length) {
    if (j >= extra.length || (i < candidates.length && candidates[i]! < extra[j]!)) out.push(candidates[i++]!);
    else out.push(extra[j++]!);
  }
  return out;
}

/** Fire this turn's events, in scenario order: scheduled, then effect-scheduled, triggered and random. */
export function fireEvents(d: Draft, daysSincePrev: number): void {
  const c = d.c;
  let due: Set<number> | null = null;
  let byTeacher: Set<number> | null = null;
  // The queue is rewritten only on a turn something in it falls due (most turns with a queue, none does).
  if (d.s.scheduled.length && d.s.scheduled.some(x => x.day <= d.day)) {
    const keep = [];
    for (const x of d.s.scheduled) {
      if (x.day <= d.day) {
        (due ??= new Set()).add(x.ev);
        if (x.by === 'teacher') (byTeacher ??= new Set()).add(x.ev);
      } else keep.push(x);
    }
    adoptScheduled(d, keep);
  }
  // Only the turn's candidates (compile.ts, eventsAt) and the events now due can fire.
  const candidates = c.eventsAt[d.s.turn]!;
  const list = due ? withDue(candidates, due) : candidates;
  for (let j = 0; j < list.length; j++) {
    const ev = c.events[list[j]!]!;
    let fire = false;
    if (byTeacher?.has(ev.i)) {
      // The teacher's choice overrides the trigger; the class is told it is a classroom event, not the model's.
      fire = !(ev.once && d.s.fired[ev.i]! >= 0);
      if (fire) {
        news(d, `Introduced by the teacher: ${ev.title}.`, 'rule:teacher', null);
        // Replaced, not owned: an injection fires a few times a game at most.
        const intro = (d.s.introduced ?? c.never.events).slice();
        intro[ev.i] = d.day;
        d.s.introduced = intro;
      }
    } else if (due?.has(ev.i)) fire = eligible(ev, d.s);
    // Dated: the first turn on or after the date, or any later turn within `window` days of it
    // (eventsAt lists a dated event only on those turns).
    else if (ev.day !== null) fire = eligible(ev, d.s) && !(d.s.fired[ev.i]! >= ev.day);
    else if (ev.mtthDays !== null) fire = daysSincePrev > 0 && eligible(ev, d.s) && roll(d, ROLL.incident | ev.i) < mtthChance(ev, d.s, daysSincePrev);
    // Triggered: fires when its condition holds. With no condition, or `scheduledOnly`, it fires only when scheduled.
    else fire = !ev.scheduledOnly && ev.when !== null && eligible(ev, d.s);
    if (fire) fireEvent(d, ev);
    if (d.s.ended) return;
  }
}

export function fireEvent(d: Draft, ev: CEvent): void {
  ownFired(d)[ev.i] = d.day;
  const cause = ev.cause;
  // A decision put to one side is that side's business unless the event is public; so is an event the scenario makes a side's private business.
  d.audience = ev.privateTo ?? undefined;
  news(d, ev.title, cause);
  for (const f of ev.effects) f(d, cause);
  d.audience = undefined;
  if (ev.decision) ownPending(d, ev.decision.side).push(ev.i);
}

/**
 * Standard consequences of answering an incident (thesis L4629-4634 for intercepts: once
 * published, Moscow changed its codes and the secret take fell).
 */
export function incidentDeltas(c: Compiled, side: Side, r: IncidentResp, publicity: number): { fig: number; delta: number; why: string }[] {
  const sev = r.severity,
    st = ofSide(c.side, side).iStanding;
  switch (r.response) {
    case 'exploit':
      return [
        { fig: st, delta: sev * (publicity / 100) * 2, why: 'the incident exploited at home' },
        { fig: c.iTension, delta: sev * 2, why: 'exploiting an incident raises the temperature' },
      ];
    case 'publish':
      return [
        { fig: st, delta: sev * (publicity / 100) * 3, why: 'evidence published' },
        { fig: c.iTension, delta: sev, why: 'published evidence sharpens the quarrel' },
        ...(r.intercept ? [{ fig: c.side[side].iIntel, delta: -40, why: 'the other side changes its codes' }] : []),
      ];
    case 'suppress':
      return publicity > 30 ? [{ fig: st, delta: -(publicity - 30) / 20, why: 'an incident hushed up that the press already knew of' }] : [];
    case 'restrain':
      return [
        { fig: c.iTension, delta: -sev * 2, why: 'restraint cools the quarrel' },
        ...c.side[side].groups.filter(k => c.groups[k]!.stance.some(v => v >= 50)).map(k => ({ fig: c.groups[k]!.iPressure, delta: sev * 2, why: `${c.groups[k]!.name} call it weakness` })),
      ];
  }
}

export function applyIncidentResponse(d: Draft, side: Side, r: IncidentResp, publicity: number, cause: string): void {
  for (const x of incidentDeltas(d.c, side, r, publicity)) addFig(d, x.fig, x.delta, cause, x.why);
}

/** Intelligence recovers slowly; war danger cools slowly when nothing feeds it. */
export function incidentStep(d: Draft, days: number): void {
  const c = d.c;
  for (const side of ['britain', 'ussr'] as const) addFig(d, ofSide(c.side, side).iIntel, days / 30, 'rule:intel-recovers', 'new sources and broken codes, slowly');
  addFig(d, c.iTension, (-0.5 * days) / 7, 'rule:tension-cools', 'war danger fades when nothing feeds it');
}
