// Links conditions: a file's condition (told apart by its key, here and nowhere else) becomes a
// LinkedCondition with every name resolved, then a closure for play. Flags are free names, so a
// tested flag is only noted here; flags.ts checks that some effect sets it.

import { dayOf } from '../calendar';
import type { Cond, Gated } from '../compiled';
import { type LinkedCondition, unhandled } from '../linked';
import type { SetupCondition } from '../setup';
import type { GameState } from '../types';
import { CompileError, figAt, type LinkContext, ministerAt } from './context';

/** Resolve a file's condition; a bad name throws a CompileError at `path`. */
export function linkCondition(cx: LinkContext, x: SetupCondition, path: string): LinkedCondition {
  if ('fig' in x) {
    const c: LinkedCondition = { k: 'fig', fig: figAt(cx, x.fig, `${path}.fig`) };
    if (x.gte !== undefined) c.gte = x.gte;
    if (x.gt !== undefined) c.gt = x.gt;
    if (x.lte !== undefined) c.lte = x.lte;
    if (x.lt !== undefined) c.lt = x.lt;
    return c;
  }
  if ('flag' in x) {
    cx.flagsTested.push({ name: x.flag, path: `${path}.flag` });
    return { k: 'flag', flag: flagOf(cx, x.flag), before: x.before ? dayOf(x.before) : null, after: x.after ? dayOf(x.after) : null };
  }
  if ('noFlag' in x) {
    cx.flagsTested.push({ name: x.noFlag, path: `${path}.noFlag` });
    return { k: 'noFlag', flag: flagOf(cx, x.noFlag) };
  }
  if ('flagAge' in x) {
    cx.flagsTested.push({ name: x.flagAge, path: `${path}.flagAge` });
    const c: LinkedCondition = { k: 'flagAge', flag: flagOf(cx, x.flagAge) };
    if (x.gte !== undefined) c.gte = x.gte;
    if (x.lt !== undefined) c.lt = x.lt;
    return c;
  }
  if ('lead' in x) {
    const m = ministerAt(cx, x.lead, `${path}.lead`);
    return { k: 'lead', minister: m, side: cx.ministers[m]!.side };
  }
  if ('inOffice' in x) return { k: 'inOffice', minister: ministerAt(cx, x.inOffice, `${path}.inOffice`) };
  if ('relations' in x) return { k: 'relations', any: x.relations };
  if ('fired' in x) {
    const k = cx.eventIndex.get(x.fired);
    if (k === undefined) throw new CompileError(`${path}.fired`, `unknown event "${x.fired}"`);
    return { k: 'fired', event: k };
  }
  if ('chose' in x) {
    const [evId, optId] = x.chose.split('.') as [string, string];
    const k = cx.eventIndex.get(evId);
    if (k === undefined) throw new CompileError(`${path}.chose`, `unknown event "${evId}"`);
    const o = cx.sc.events[k]!.decision?.options.findIndex(op => op.id === optId) ?? -1;
    if (o < 0) throw new CompileError(`${path}.chose`, `event "${evId}" has no option "${optId}"`);
    return { k: 'chose', event: k, option: o };
  }
  if ('took' in x) {
    const k = cx.actionIndex.get(x.took);
    if (k === undefined) throw new CompileError(`${path}.took`, `unknown action "${x.took}"`);
    return { k: 'took', action: k };
  }
  if ('agreed' in x) {
    const [tId, oId] = x.agreed.split('.') as [string, string];
    const k = cx.termIndex.get(tId);
    if (k === undefined) throw new CompileError(`${path}.agreed`, `unknown term "${tId}"`);
    if (!cx.sc.negotiation.terms[k]!.options.some(o => o.id === oId)) throw new CompileError(`${path}.agreed`, `term "${tId}" has no option "${oId}"`);
    return { k: 'agreed', term: tId, option: oId };
  }
  if ('from' in x) return { k: 'from', day: dayOf(x.from) };
  if ('until' in x) return { k: 'until', day: dayOf(x.until) };
  if ('all' in x) return { k: 'all', of: x.all.map((y, k) => linkCondition(cx, y, `${path}.all[${k}]`)) };
  if ('any' in x) return { k: 'any', of: x.any.map((y, k) => linkCondition(cx, y, `${path}.any[${k}]`)) };
  return { k: 'not', cond: linkCondition(cx, x.not, `${path}.not`) };
}

/** A flag's index, or -1 if no effect sets it (the link then fails: see flags.ts). */
const flagOf = (cx: LinkContext, name: string): number => cx.flagIndex.get(name) ?? -1;

/**
 * The flag gates of a condition (compiled.ts, Gated): the first flag found that it needs set, and
 * the first it needs clear, among the parts that must all hold (the condition itself, or an
 * `all`'s parts, nested ones too, in order). Each is a necessary condition, so testing it before the
 * closure changes no answer.
 */
export function flagGates(c: LinkedCondition | null): Gated {
  const g: Gated = { gateSet: -1, gateClear: -1 };
  const walk = (x: LinkedCondition): void => {
    if ((x.k === 'flag' || x.k === 'flagAge') && x.flag >= 0 && g.gateSet < 0) g.gateSet = x.flag;
    else if (x.k === 'noFlag' && x.flag >= 0 && g.gateClear < 0) g.gateClear = x.flag;
    else if (x.k === 'all') for (const y of x.of) walk(y);
  };
  if (c) walk(c);
  return g;
}

/**
 * A condition's answer on a day from the calendar alone (its `from` and `until` tests, and what
 * they settle of the `all`, `any` and `not` around them), or null when it depends on the state.
 * An action or event whose condition fails on a turn's day for the calendar alone is not looked at
 * on that turn (compile.ts, sideActionsAt; events.ts, eventsByTurn).
 */
export function decidedOn(c: LinkedCondition | null, day: number): boolean | null {
  if (!c) return null;
  switch (c.k) {
    case 'from':
      return day >= c.day;
    case 'until':
      return day <= c.day;
    case 'not': {
      const x = decidedOn(c.cond, day);
      return x === null ? null : !x;
    }
    case 'all':
    case 'any': {
      // all: false if a part is false, true if every part is true; any: the reverse.
      const settles = c.k === 'any';
      let open = false;
      for (const y of c.of) {
        const x = decidedOn(y, day);
        if (x === settles) return settles;
        if (x === null) open = true;
      }
      return open ? null : !settles;
    }
    default:
      return null;
  }
}

/** The closure play calls for a linked condition (and for each condition inside it). */
export function conditionFn(cx: LinkContext, c: LinkedCondition): Cond {
  const f = closure(cx, c);
  cx.condOf.set(c, f);
  return f;
}

/** Link a file's condition and make its closure. */
export function linkConditionFn(cx: LinkContext, x: SetupCondition, path: string): { linked: LinkedCondition; fn: Cond } {
  const linked = linkCondition(cx, x, path);
  return { linked, fn: conditionFn(cx, linked) };
}

function closure(cx: LinkContext, c: LinkedCondition): Cond {
  const days = cx.days;
  const curDay = (s: GameState) => days[s.turn]!;
  switch (c.k) {
    case 'fig': {
      const { fig: i, gte, gt, lte, lt } = c;
      // Most tests have one bound: a closure for it alone, which is the general one's answer
      // (a NaN, an unknown figure, fails every bound either way).
      const bounds = (gte !== undefined ? 1 : 0) + (gt !== undefined ? 1 : 0) + (lte !== undefined ? 1 : 0) + (lt !== undefined ? 1 : 0);
      if (bounds === 1) {
        if (gte !== undefined) return s => s.fig[i]! >= gte;
        if (gt !== undefined) return s => s.fig[i]! > gt;
        if (lte !== undefined) return s => s.fig[i]! <= lte;
        return s => s.fig[i]! < lt!;
      }
      return s => {
        const v = s.fig[i]!;
        return (gte === undefined || v >= gte) && (gt === undefined || v > gt) && (lte === undefined || v <= lte) && (lt === undefined || v < lt);
      };
    }
    case 'flag': {
      const { flag: k, before, after } = c;
      if (k < 0) return () => false;
      // Set, with no date bounds (most tests): one comparison.
      if (before === null && after === null) return s => s.flags[k]! >= 0;
      return s => {
        const d = s.flags[k]!;
        return d >= 0 && (before === null || d < before) && (after === null || d > after);
      };
    }
    case 'noFlag': {
      const k = c.flag;
      if (k < 0) return () => true;
      return s => s.flags[k]! < 0;
    }
    case 'flagAge': {
      const { flag: k, gte, lt } = c;
      return s => {
        if (k < 0 || s.flags[k]! < 0) return false;
        const age = curDay(s) - s.flags[k]!;
        return (gte === undefined || age >= gte) && (lt === undefined || age < lt);
      };
    }
    case 'lead': {
      const m = c.minister,
        side = c.side;
      // A closure per side, each reading its own field: one reading s.lead[side] would be served
      // from V8's slow generic cache (the key varies between closures).
      return side === 'britain' ? s => s.lead.britain === m : s => s.lead.ussr === m;
    }
    case 'inOffice': {
      const i = cx.ministers[c.minister]!.iOffice;
      return s => s.fig[i] === 1;
    }
    case 'relations': {
      // A loop rather than includes(), like all and any below: conditions are tested thousands of times a game.
      const set = c.any;
      return s => {
        const r = s.relations;
        for (let j = 0; j < set.length; j++) if (set[j] === r) return true;
        return false;
      };
    }
    case 'fired': {
      const k = c.event;
      return s => s.fired[k]! >= 0;
    }
    case 'chose': {
      const k = c.event,
        o = c.option;
      return s => s.chosen[k] === o;
    }
    case 'took': {
      const k = c.action;
      return s => s.taken[k]! >= 0;
    }
    case 'agreed': {
      const tId = c.term,
        oId = c.option;
      return s => s.agreed[tId] === oId;
    }
    case 'from': {
      const d = c.day;
      return s => curDay(s) >= d;
    }
    case 'until': {
      const d = c.day;
      return s => curDay(s) <= d;
    }
    // Two or three parts (most conditions) as one expression, the rest as plain loops, not
    // every/some with a callback; the parts are tested in the same order and stop at the same one.
    case 'all': {
      const cs = c.of.map(y => conditionFn(cx, y));
      const [a, b, d] = cs;
      if (cs.length === 2) return s => a!(s) && b!(s);
      if (cs.length === 3) return s => a!(s) && b!(s) && d!(s);
      return s => {
        for (let j = 0; j < cs.length; j++) if (!cs[j]!(s)) return false;
        return true;
      };
    }
    case 'any': {
      const cs = c.of.map(y => conditionFn(cx, y));
      const [a, b, d] = cs;
      if (cs.length === 2) return s => a!(s) || b!(s);
      if (cs.length === 3) return s => a!(s) || b!(s) || d!(s);
      return s => {
        for (let j = 0; j < cs.length; j++) if (cs[j]!(s)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = conditionFn(cx, c.cond);
      return s => !inner(s);
    }
    default:
      return unhandled(c);
  }
}
