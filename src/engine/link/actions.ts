// Links the sides' actions (orders), with the cabinet votes and incident responses they carry,
// and the demands ministers and groups make for actions.
import type { CAction, CGroup, CMinister, Compiled, Cond, IncidentResp, Vote } from '../compiled';
import type { ScenarioSetup, SetupCondition, SetupIncident, SetupVoteFields } from '../setup';
import type { Category, Side } from '../vocab';
import { flagGates, linkConditionFn } from './conditions';
import { actionOf, CompileError, issueAt, type LinkContext, nextLinkedRoll } from './context';
import { linkEffectFns } from './effects';

/** Orders in these categories are a side's internal business unless marked public. */
export const PRIVATE_CATEGORIES: readonly Category[] = ['lobby', 'intelligence', 'comintern'];

/** What a decision lays down for the votes of all its options. */
export type VoteDefaults = { issue?: string; direction?: 1 | -1; difficulty?: number };

/** The cabinet vote an action or option goes to, if it names an issue (or its event does). */
export function linkVote(cx: LinkContext, v: SetupVoteFields, path: string, dflt?: VoteDefaults): Vote | null {
  const issue = v.issue ?? dflt?.issue;
  if (issue === undefined) {
    if (v.cabinet) throw new CompileError(`${path}.issue`, 'a cabinet vote needs an issue');
    return null;
  }
  const onFail = linkEffectFns(cx, v.onFail, `${path}.onFail`);
  return {
    issue: issueAt(cx, issue, `${path}.issue`),
    direction: v.direction ?? dflt?.direction ?? 1,
    cabinet: v.cabinet ?? false,
    difficulty: v.difficulty ?? dflt?.difficulty ?? 0,
    roll: nextLinkedRoll(cx, `${path}.issue`),
    onFail: onFail.fns,
    onFailLinked: onFail.linked,
  };
}

export const linkIncident = (x: SetupIncident | undefined, dfltSeverity: number): IncidentResp | null =>
  x ? { response: x.response, intercept: x.intercept ?? false, severity: x.severity ?? dfltSeverity } : null;

export function linkActions(cx: LinkContext, sc: ScenarioSetup): CAction[] {
  const actions = sc.actions.map((a, k): CAction => {
    const path = `actions[${k}]`;
    // In this order, so that the first error found is the same as ever.
    const vote = linkVote(cx, a, path);
    const when = a.when ? linkConditionFn(cx, a.when, `${path}.when`) : null;
    const gates = flagGates(when?.linked ?? null);
    const effects = linkEffectFns(cx, a.effects, `${path}.effects`);
    return {
      i: k,
      id: a.id,
      side: a.side,
      label: a.label,
      description: a.description,
      category: a.category,
      cost: a.cost,
      vote,
      when: when?.fn ?? null,
      whenLinked: when?.linked ?? null,
      gateSet: gates.gateSet,
      gateClear: gates.gateClear,
      once: a.once ?? false,
      cooldownDays: a.cooldownDays ?? 0,
      contradicts: (a.contradicts ?? []).map((id, j) => {
        const b = actionOf(cx, id, a.side, `${path}.contradicts[${j}]`);
        if (b === k) throw new CompileError(`${path}.contradicts[${j}]`, 'an order cannot contradict itself');
        return b;
      }),
      effects: effects.fns,
      linked: effects.linked,
      incident: linkIncident(a.incident, 2),
      sources: a.sources,
      cause: `action:${a.id}`,
      public: a.public ?? !PRIVATE_CATEGORIES.includes(a.category),
    };
  });
  // Contradiction is mutual: the data may say it on either order of the pair.
  for (const a of actions) for (const b of a.contradicts) if (!actions[b]!.contradicts.includes(a.i)) actions[b]!.contradicts.push(a.i);
  return actions;
}

type Demand = { action: number; when: Cond; cond: SetupCondition };

function linkDemands(cx: LinkContext, list: { action: string; when: SetupCondition }[] | undefined, owner: Side, path: string): Demand[] {
  return (list ?? []).map((dm, j) => {
    const action = actionOf(cx, dm.action, owner, `${path}[${j}].action`);
    return { action, when: linkConditionFn(cx, dm.when, `${path}[${j}].when`).fn, cond: dm.when };
  });
}

/** Fill in the ministers' and groups' demands, and list each side's for the agenda check. */
export function linkAllDemands(cx: LinkContext, sc: ScenarioSetup, ministers: CMinister[], groups: CGroup[]): Compiled['demanders'] {
  sc.ministers.forEach((m, k) => {
    ministers[k]!.demands = linkDemands(cx, m.demands, m.side, `ministers[${k}].demands`);
  });
  sc.groups.forEach((g, k) => {
    groups[k]!.demands = linkDemands(cx, g.demands, g.side, `groups[${k}].demands`);
  });
  const of = (side: Side) => [
    ...ministers.filter(m => m.side === side).flatMap(m => m.demands.map(d => ({ ...d, by: m.short, minister: m.i }))),
    ...groups.filter(g => g.side === side).flatMap(g => g.demands.map(d => ({ ...d, by: g.name, minister: -1 }))),
  ];
  return { britain: of('britain'), ussr: of('ussr') };
}
