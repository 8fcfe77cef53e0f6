// Links effects: a file's effect becomes a LinkedEffect with every name resolved, then a closure
// for play. `formOf` is the one place that tells the file's effect forms apart by their keys;
// the flag table (flags.ts) and the linker below both switch on what it returns.
import type { Eff } from '../compiled';
import { addFig, type Draft, end, news, ownScheduled, resign, roll, setFig, setFlag, setInOffice, setLead, setRelations } from '../draft';
import { type LinkedEffect, unhandled } from '../linked';
import type { SetupEffect } from '../setup';
import { conditionFn, linkCondition } from './conditions';
import { CompileError, figAt, type LinkContext, ministerAt, nextLinkedRoll } from './context';

type EffectKey = 'fig' | 'setFlag' | 'clearFlag' | 'relations' | 'resign' | 'dismiss' | 'appoint' | 'setLead' | 'chance' | 'if' | 'schedule' | 'news' | 'end';
/** A file's effect with its form named: `k` is the key that tells it apart. */
export type SetupEffectForm = { [K in EffectKey]: { k: K; x: Extract<SetupEffect, Record<K, unknown>> } }[EffectKey];

export function formOf(x: SetupEffect): SetupEffectForm {
  if ('fig' in x) return { k: 'fig', x };
  if ('setFlag' in x) return { k: 'setFlag', x };
  if ('clearFlag' in x) return { k: 'clearFlag', x };
  if ('relations' in x) return { k: 'relations', x };
  if ('resign' in x) return { k: 'resign', x };
  if ('dismiss' in x) return { k: 'dismiss', x };
  if ('appoint' in x) return { k: 'appoint', x };
  if ('setLead' in x) return { k: 'setLead', x };
  if ('chance' in x) return { k: 'chance', x };
  if ('if' in x) return { k: 'if', x };
  if ('schedule' in x) return { k: 'schedule', x };
  if ('news' in x) return { k: 'news', x };
  return { k: 'end', x };
}

/** Resolve a file's effect list; a bad name throws a CompileError at its path. */
export function linkEffects(cx: LinkContext, xs: readonly SetupEffect[] | undefined, path: string): LinkedEffect[] {
  return (xs ?? []).map((x, k) => linkEffect(cx, x, `${path}[${k}]`));
}

function linkEffect(cx: LinkContext, e: SetupEffect, path: string): LinkedEffect {
  const f = formOf(e);
  switch (f.k) {
    case 'fig': {
      const { x } = f;
      const fig = figAt(cx, x.fig, `${path}.fig`);
      const out: LinkedEffect = x.add !== undefined ? { k: 'addFig', fig, by: x.add } : { k: 'setFig', fig, to: x.set! };
      if (x.why !== undefined) out.why = x.why;
      return out;
    }
    // Every flag an effect names is in the table (the table is built from the effects).
    case 'setFlag':
      return { k: 'flag', flag: cx.flagIndex.get(f.x.setFlag)!, on: true };
    case 'clearFlag':
      return { k: 'flag', flag: cx.flagIndex.get(f.x.clearFlag)!, on: false };
    case 'relations':
      return { k: 'relations', to: f.x.relations };
    case 'resign':
      return { k: 'resign', minister: ministerAt(cx, f.x.resign, `${path}.resign`) };
    case 'dismiss':
      return { k: 'dismiss', minister: ministerAt(cx, f.x.dismiss, `${path}.dismiss`) };
    case 'appoint':
      return { k: 'appoint', minister: ministerAt(cx, f.x.appoint, `${path}.appoint`) };
    case 'setLead':
      return { k: 'setLead', minister: ministerAt(cx, f.x.setLead, `${path}.setLead`) };
    case 'chance':
      return { k: 'chance', p: f.x.chance, then: linkEffects(cx, f.x.then, `${path}.then`), else: linkEffects(cx, f.x.else, `${path}.else`) };
    case 'if': {
      const cond = linkCondition(cx, f.x.if, `${path}.if`);
      return { k: 'if', cond, then: linkEffects(cx, f.x.then, `${path}.then`), else: linkEffects(cx, f.x.else, `${path}.else`) };
    }
    case 'schedule': {
      const k = cx.eventIndex.get(f.x.schedule);
      if (k === undefined) throw new CompileError(`${path}.schedule`, `unknown event "${f.x.schedule}"`);
      return { k: 'schedule', event: k, inDays: f.x.inDays };
    }
    case 'news':
      return { k: 'news', text: f.x.news };
    case 'end':
      return { k: 'end', reason: f.x.end };
    default:
      return unhandled(f);
  }
}

/**
 * The closures play runs for a linked effect list. `what` keys the list's chance rolls (dice.ts):
 * one key for the whole list, nested branches included, so a ladder of chances (the 1929 election's
 * rungs) reads one number whichever rung a game reaches, and games on nearby rungs stay coupled.
 */
export function effectFns(cx: LinkContext, list: readonly LinkedEffect[], what: number): Eff[] {
  return list.map(e => effectFn(cx, e, what));
}

/** Link a file's effect list and make its closures. */
export function linkEffectFns(cx: LinkContext, xs: readonly SetupEffect[] | undefined, path: string): { linked: LinkedEffect[]; fns: Eff[] } {
  const linked = linkEffects(cx, xs, path);
  return { linked, fns: effectFns(cx, linked, nextLinkedRoll(cx, path)) };
}

const run = (list: Eff[], d: Draft, cause: string) => {
  for (const f of list) f(d, cause);
};

function effectFn(cx: LinkContext, e: LinkedEffect, what: number): Eff {
  switch (e.k) {
    case 'addFig': {
      const i = e.fig,
        a = e.by,
        why = e.why;
      return (d, cause) => addFig(d, i, a, cause, why);
    }
    case 'setFig': {
      const i = e.fig,
        v = e.to,
        why = e.why;
      return (d, cause) => setFig(d, i, v, cause, why);
    }
    case 'flag': {
      const k = e.flag;
      return e.on ? d => setFlag(d, k, true) : d => setFlag(d, k, false);
    }
    case 'relations': {
      const r = e.to;
      return (d, cause) => setRelations(d, r, cause);
    }
    case 'resign': {
      const m = e.minister;
      return (d, cause) => resign(d, m, cause);
    }
    case 'dismiss': {
      const m = e.minister;
      return (d, cause) => setInOffice(d, m, false, cause);
    }
    case 'appoint': {
      const m = e.minister;
      return (d, cause) => setInOffice(d, m, true, cause);
    }
    case 'setLead': {
      const m = e.minister;
      return (d, cause) => setLead(d, m, cause);
    }
    case 'chance': {
      const p = e.p,
        th = effectFns(cx, e.then, what),
        el = effectFns(cx, e.else, what);
      return (d, cause) => run(roll(d, what) < p ? th : el, d, cause);
    }
    case 'if': {
      const cd = conditionFn(cx, e.cond),
        th = effectFns(cx, e.then, what),
        el = effectFns(cx, e.else, what);
      return (d, cause) => run(cd(d.s) ? th : el, d, cause);
    }
    case 'schedule': {
      const k = e.event,
        n = e.inDays;
      return d => {
        ownScheduled(d).push({ ev: k, day: d.day + n });
      };
    }
    case 'news': {
      const txt = e.text;
      return (d, cause) => news(d, txt, cause);
    }
    case 'end': {
      const reason = e.reason;
      return (d, cause) => end(d, reason, cause);
    }
    default:
      return unhandled(e);
  }
}
