// Links the negotiation: the terms and their options, when the channel is open, the issues each
// cabinet votes on, and what ratification does.
import type { Compiled, CTerm } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { linkConditionFn } from './conditions';
import { issueAt, type LinkContext } from './context';
import { linkEffectFns } from './effects';

export function linkNegotiation(cx: LinkContext, sc: ScenarioSetup): Pick<Compiled, 'terms' | 'negotiation'> {
  const terms: CTerm[] = sc.negotiation.terms.map((tm, k) => ({
    i: k,
    id: tm.id,
    label: tm.label,
    options: tm.options.map((o, j) => ({
      id: o.id,
      label: o.label,
      value: o.value,
      when: o.when ? linkConditionFn(cx, o.when, `negotiation.terms[${k}].options[${j}].when`).fn : null,
      effects: linkEffectFns(cx, o.effects, `negotiation.terms[${k}].options[${j}].effects`).fns,
      cause: `term:${tm.id}.${o.id}`,
    })),
  }));
  const ng = sc.negotiation;
  const negotiation = {
    when: ng.when ? linkConditionFn(cx, ng.when, 'negotiation.when').fn : null,
    replyDays: ng.replyDays,
    offerCost: ng.offerCost ?? 1,
    issue: { britain: issueAt(cx, ng.issue.britain, 'negotiation.issue.britain'), ussr: issueAt(cx, ng.issue.ussr, 'negotiation.issue.ussr') },
    commonsVote: ng.commonsVote ?? false,
    onRatified: linkEffectFns(cx, ng.onRatified, 'negotiation.onRatified').fns,
  };
  return { terms, negotiation };
}
