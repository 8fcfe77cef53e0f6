// Which parts of a game are a side's private business, worked out once from the scenario's rules,
// and the one intelligence check: the seat view (seat.ts) and the predictions shown with legal
// orders (legal.ts) both read them here.
import type { Compiled } from './compiled';
import { flagsIn } from './link/flags';
import type { SetupEffect as Effect } from './setup';
import type { GameState } from './types';
import { type BySide, ofSide, other, type Side } from './vocab';

/** Intelligence at or above this shows the other cabinet's stances and moods. Read only here. */
export const INTEL_SIGHT = 50;

/** Which indices of each table are a side's private business (what the other side may not see). */
export interface Secrets {
  /** Figures hidden from a side, with (`sees`) and without (`blind`) good intelligence. */
  hidden: BySide<{ sees: number[]; blind: number[] }>;
  /** By owner: actions, decision events and flags that are that side's private business. */
  actions: BySide<number[]>;
  events: BySide<number[]>;
  flags: BySide<number[]>;
  /** All of a side's actions (their failed votes are private). */
  allActions: BySide<number[]>;
  /**
   * By owner: events that side's private business can put on the queue (its private orders and
   * decisions, and any refusal of its cabinet). A queued entry for one of them may reveal that
   * business by its date, so the other side does not see it.
   */
  scheduled: BySide<number[]>;
}

/** The events an effect list schedules, at any depth, added to `into`. */
function scheduledIn(c: Compiled, effs: readonly Effect[] | undefined, into: Set<number>): Set<number> {
  for (const e of effs ?? []) {
    if ('schedule' in e) into.add(c.eventIndex.get(e.schedule)!);
    if ('then' in e || 'else' in e) {
      scheduledIn(c, e.then, into);
      scheduledIn(c, e.else, into);
    }
  }
  return into;
}

const secretsCache = new WeakMap<Compiled, Secrets>();

/** The private parts of a compiled scenario, worked out once from its rules. */
export function secrets(c: Compiled): Secrets {
  const hit = secretsCache.get(c);
  if (hit) return hit;
  const hiddenFrom = (me: Side, withIntel: boolean) =>
    c.figs.flatMap((f, i) => (f.side === other(me) && (f.kind === 'capital' || (!withIntel && (f.kind === 'stance' || f.kind === 'mood'))) ? [i] : []));
  const privateActions = (side: Side) => c.actions.filter(a => a.side === side && !a.public).map(a => a.i);
  const privateEvents = (side: Side) => c.events.filter(e => e.privateTo === side).map(e => e.i);
  // Flags set anywhere in public: by a public order or event, an option of a public decision, an
  // agreement's terms. Such a flag stands for a public fact, whoever else may also set it.
  const publicSet = new Set<number>();
  const mark = (into: Set<number>, effects: readonly Effect[] | undefined) => {
    for (const f of flagsIn(effects, new Set())) into.add(c.flagIndex.get(f)!);
  };
  for (const a of c.sc.actions) if (c.actions[c.actionIndex.get(a.id)!]!.public) mark(publicSet, a.effects);
  for (const e of c.sc.events) {
    const ev = c.events[c.eventIndex.get(e.id)!]!;
    if (ev.privateTo === null) {
      mark(publicSet, e.effects);
      for (const o of e.decision?.options ?? []) mark(publicSet, o.effects);
    }
  }
  for (const t of c.sc.negotiation.terms) for (const o of t.options) mark(publicSet, o.effects);
  mark(publicSet, c.sc.negotiation.onRatified);
  for (const f of c.sc.publicFlags ?? []) publicSet.add(c.flagIndex.get(f)!);
  /** The effects of a side's private events (and its private decisions' options), and the onFail of
   * every decision put to it: a failed vote is private even on a public decision. */
  const eventEffects = (side: Side, visit: (effects: readonly Effect[] | undefined) => void) => {
    for (const e of c.sc.events) {
      const priv = c.events[c.eventIndex.get(e.id)!]!.privateTo === side;
      if (priv) visit(e.effects);
      if (e.decision?.side !== side) continue;
      for (const o of e.decision.options) {
        if (priv) visit(o.effects);
        visit(o.onFail);
      }
    }
  };
  /** Flags only a side's private business sets: its private orders and decisions, and what its failed votes set off. */
  const flags = (side: Side) => {
    const out = new Set<number>();
    for (const k of privateActions(side)) mark(out, c.sc.actions[k]!.effects);
    // A failed vote is private even on a public order or decision, and so are its onFail effects.
    for (const k of c.sideActions[side]) mark(out, c.sc.actions[k]!.onFail);
    eventEffects(side, effects => mark(out, effects));
    return [...out].filter(f => !publicSet.has(f)).sort((a, b) => a - b);
  };
  /** Events only a side's private business (or a refusal of its cabinet) may have queued. */
  const scheduled = (side: Side) => {
    const out = new Set<number>();
    for (const k of privateActions(side)) scheduledIn(c, c.sc.actions[k]!.effects, out);
    for (const k of c.sideActions[side]) scheduledIn(c, c.sc.actions[k]!.onFail, out);
    eventEffects(side, effects => scheduledIn(c, effects, out));
    return [...out].sort((a, b) => a - b);
  };
  const s: Secrets = {
    hidden: {
      britain: { sees: hiddenFrom('britain', true), blind: hiddenFrom('britain', false) },
      ussr: { sees: hiddenFrom('ussr', true), blind: hiddenFrom('ussr', false) },
    },
    actions: { britain: privateActions('britain'), ussr: privateActions('ussr') },
    events: { britain: privateEvents('britain'), ussr: privateEvents('ussr') },
    flags: { britain: flags('britain'), ussr: flags('ussr') },
    allActions: { britain: c.sideActions.britain, ussr: c.sideActions.ussr },
    scheduled: { britain: scheduled('britain'), ussr: scheduled('ussr') },
  };
  secretsCache.set(c, s);
  return s;
}

/** Whether a side reads the other cabinet now. */
export const seesOtherCabinet = (c: Compiled, s: GameState, side: Side): boolean => s.fig[ofSide(c.side, side).iIntel]! >= INTEL_SIGHT;

/** Indices of the figures a side cannot see in this state. */
export function hiddenFigures(c: Compiled, s: GameState, side: Side): readonly number[] {
  const h = secrets(c).hidden[side];
  return seesOtherCabinet(c, s, side) ? h.sees : h.blind;
}
