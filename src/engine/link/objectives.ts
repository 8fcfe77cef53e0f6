// Links each side's objectives (and a role's secret ones, link/roles.ts): a condition to meet, or a figure to measure between two marks.
import type { CObjective, Compiled } from '../compiled';
import type { ScenarioSetup, SetupObjective } from '../setup';
import { type BySide, SIDES } from '../vocab';
import { linkConditionFn } from './conditions';
import { figAt, type LinkContext, unique } from './context';

export function linkObjectives(cx: LinkContext, sc: ScenarioSetup): Compiled['objectives'] {
  const objectives = {} as BySide<CObjective[]>;
  for (const s of SIDES) objectives[s] = linkObjectiveList(cx, sc.objectives[s], `objectives.${s}`);
  return objectives;
}

/** One list of objectives (a side's, or a role's secret ones), ids unique within it; `path` names the list. */
export function linkObjectiveList(cx: LinkContext, list: readonly SetupObjective[], path: string): CObjective[] {
  unique(list, path);
  return list.map((o, k) => {
    const when = o.when ? linkConditionFn(cx, o.when, `${path}[${k}].when`) : null;
    return {
      id: o.id,
      label: o.label,
      weight: o.weight,
      when: when?.fn ?? null,
      cond: when?.linked ?? null,
      measure: o.measure ? { fig: figAt(cx, o.measure.fig, `${path}[${k}].measure.fig`), zero: o.measure.zero, full: o.measure.full } : null,
    };
  });
}
