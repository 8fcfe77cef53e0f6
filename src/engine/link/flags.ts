// Links flags. Flags are free names: the table is every flag some effect sets or clears, sorted,
// and every flag a condition tests must be in it, or it is a typo.
import type { Compiled } from '../compiled';
import { unhandled } from '../linked';
import type { ScenarioSetup, SetupEffect } from '../setup';
import { CompileError, type LinkContext } from './context';
import { formOf } from './effects';

/** The names of the flags an effect list sets or clears, at any depth, added to `set`. */
export function flagsIn(effs: readonly SetupEffect[] | undefined, set: Set<string>): Set<string> {
  for (const e of effs ?? []) {
    const f = formOf(e);
    switch (f.k) {
      case 'setFlag':
        set.add(f.x.setFlag);
        break;
      case 'clearFlag':
        set.add(f.x.clearFlag);
        break;
      case 'chance':
      case 'if':
        flagsIn(f.x.then, set);
        flagsIn(f.x.else, set);
        break;
      case 'fig':
      case 'relations':
      case 'resign':
      case 'dismiss':
      case 'appoint':
      case 'setLead':
      case 'schedule':
      case 'news':
      case 'end':
        break;
      default:
        unhandled(f);
    }
  }
  return set;
}

export function linkFlags(sc: ScenarioSetup): Pick<Compiled, 'flags' | 'flagIndex'> {
  const set = new Set<string>();
  const walk = (effs: readonly SetupEffect[] | undefined): void => {
    flagsIn(effs, set);
  };
  for (const a of sc.actions) {
    walk(a.effects);
    walk(a.onFail);
  }
  for (const ev of sc.events) {
    walk(ev.effects);
    for (const o of ev.decision?.options ?? []) {
      walk(o.effects);
      walk(o.onFail);
    }
  }
  for (const tm of sc.negotiation.terms) for (const o of tm.options) walk(o.effects);
  walk(sc.negotiation.onRatified);
  const flags = [...set].sort();
  return { flags, flagIndex: new Map(flags.map((f, k) => [f, k])) };
}

/** Run once every condition has been linked. */
export function checkFlagsTested(cx: LinkContext): void {
  for (const t of cx.flagsTested) if (!cx.flagIndex.has(t.name)) throw new CompileError(t.path, `flag "${t.name}" is tested but never set by any effect`);
  (cx.sc.publicFlags ?? []).forEach((f, k) => {
    if (!cx.flagIndex.has(f)) throw new CompileError(`publicFlags[${k}]`, `flag "${f}" is never set by any effect`);
  });
}
