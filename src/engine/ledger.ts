// "Why did this move?": the recorded changes to a figure, as a seat may read them, newest first,
// each with its cause and the sources the cause rests on.
import type { Compiled } from './compiled';
import { noteName, noteOfCause } from './labels';
import type { SeatView } from './seat';
import type { LedgerEntry } from './types';
import type { Side } from './vocab';

export interface Explanation {
  entry: LedgerEntry;
  label: string;
  sources: string[];
}

/** A figure's recorded changes as a seat may read them (its view's ledger), newest first. */
export function ledgerFor(v: SeatView, fig: number, limit = Infinity): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const e of v.ledger) {
    if (out.length >= limit) break;
    if (e.fig === fig) out.push(e);
  }
  return out;
}

const RULES: Record<string, string> = {
  teacher: 'the teacher introduced one of the scenario’s events in class',
  'cabinet-defeat': 'a defeat in cabinet costs the lead standing',
  'cabinet-mood': 'ministers sour or warm as decisions go against or with them',
  'pressure-drift': 'uncommitted ministers drift with party pressure',
  'pressure-eases': 'pressure eases back to its usual level',
  'pressure-cost': 'pressure above 60 costs the lead standing',
  'party-reaction': 'groups react to what the government does',
  resignation: 'a resignation costs the lead standing',
  'intel-recovers': 'intelligence recovers slowly',
  'tension-cools': 'war danger cools when nothing feeds it',
  'trade-month': 'the monthly trade model',
  'alignment-settles': 'third powers settle back toward their interests',
  'standing-settles': 'standing settles toward the middle',
  capital: 'political capital renews each turn',
  agreement: "an agreement raises both leads' standing",
  'ratification-failed': 'a failed ratification costs standing',
  offer: 'sending a note costs political capital',
  calendar: 'the scenario ends on its last date',
  standing: 'a lead whose standing reaches 0 falls',
  agenda: 'a minister or group forces an item onto the agenda',
};

/** Describe a cause string, with the sources of the action, event or term behind it. */
export function describeCause(c: Compiled, cause: string): { label: string; sources: string[] } {
  const [kind, rest = ''] = cause.split(':') as [string, string?];
  if (kind === 'action') {
    const a = c.actions[c.actionIndex.get(rest)!];
    return { label: `order: ${a?.label ?? rest}`, sources: a?.sources ?? [] };
  }
  if (kind === 'event' || kind === 'option') {
    const [ev, opt] = rest.split('.');
    const e = c.events[c.eventIndex.get(ev!)!];
    const o = opt ? e?.decision?.options.find(x => x.id === opt) : undefined;
    return { label: o ? `decision: ${e?.title} — ${o.label}` : `event: ${e?.title ?? ev}`, sources: e?.sources ?? [] };
  }
  if (kind === 'term') {
    const [t, o] = rest.split('.');
    const term = c.sc.negotiation.terms.find(x => x.id === t);
    return { label: `agreement: ${term?.label ?? t} — ${term?.options.find(x => x.id === o)?.label ?? o}`, sources: term?.sources ?? [] };
  }
  if (kind === 'hidden') return { label: `${c.sc.sides[rest as Side]?.name ?? rest}: business you cannot see (a private order, decision or cabinet vote)`, sources: [] };
  if (kind === 'rule') return { label: `rule: ${RULES[rest] ?? rest}`, sources: ['engine rule (docs/rules.md)'] };
  if (kind === 'offer') {
    const note = noteOfCause(cause);
    return { label: `${note ? noteName(note.from, note.n) : `note ${rest}`}: the agreement it carried`, sources: [...new Set(c.sc.negotiation.terms.flatMap(t => t.sources))] };
  }
  return { label: cause, sources: [] };
}

export function explain(c: Compiled, v: SeatView, fig: number, limit = 20): Explanation[] {
  return ledgerFor(v, fig, limit).map(entry => ({ entry, ...describeCause(c, entry.cause) }));
}
