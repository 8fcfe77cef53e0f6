// The "why" ledger as a side may read it: the recorded changes to a figure, newest first, with
// changes on the same day from the same cause read as one.
import { type Compiled, explain, type SeatView, seen } from '../engine/index';

export interface WhyEntry {
  day: number;
  delta: number;
  value: number;
  label: string;
  sources: string[];
  why: string[];
}

export type WhyResult = { hidden: true; reason: string } | { hidden: false; now: number; entries: WhyEntry[]; more: boolean; about: { label: string; estimate?: string; sources: string[] } };

export function whyEntries(c: Compiled, view: SeatView, i: number, limit = 15): WhyResult {
  const f = c.figs[i]!;
  const now = seen(view, i);
  if (now === null || now === undefined) {
    return { hidden: true, reason: f.kind === 'capital' ? "the other side's political capital is never shown" : `your intelligence is below ${view.sight}` };
  }
  const entries: WhyEntry[] = [];
  for (const e of explain(c, view, i, 60)) {
    const last = entries[entries.length - 1];
    if (last && last.day === e.entry.day && last.label === e.label) {
      last.delta += e.entry.delta;
      if (e.entry.why && !last.why.includes(e.entry.why)) last.why.push(e.entry.why);
    } else entries.push({ day: e.entry.day, delta: e.entry.delta, value: e.entry.value, label: e.label, sources: e.sources, why: e.entry.why ? [e.entry.why] : [] });
  }
  return {
    hidden: false,
    now,
    entries: entries.slice(0, limit),
    more: entries.length > limit,
    about: { label: f.label, ...(f.estimate ? { estimate: f.estimate } : {}), sources: f.sources },
  };
}
