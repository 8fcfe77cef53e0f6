// Links each side's objectives: a condition to meet, or a figure to measure between two marks.
import type { CObjective, Compiled } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { type BySide, SIDES } from '../vocab';
import { linkConditionFn } from './conditions';
import { figAt, type LinkContext, unique } from './context';

export function linkObjectives(cx: LinkContext, sc: ScenarioSetup): Compiled['objectives'] {
  const objectives = {} as BySide<CObjective[]>;
  for (const s of SIDES) {
    unique(sc.objectives[s], `objectives.${s}`);
    objectives[s] = sc.objectives[s].map((o, k) => {
      const when = o.when ? linkConditionFn(cx, o.when, `objectives.${s}[${k}].when`) : null;
      return {
        id: o.id,
        label: o.label,
        weight: o.weight,
        when: when?.fn ?? null,
        cond: when?.linked ?? null,
        measure: o.measure ? { fig: figAt(cx, o.measure.fig, `objectives.${s}[${k}].measure.fig`), zero: o.measure.zero, full: o.measure.full } : null,
      };
    });
  }
  return objectives;
}
