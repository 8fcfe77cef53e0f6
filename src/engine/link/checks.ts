// Checks that link nothing the engine plays by but must hold: ids unique in every list, and the
// personas' leads on their own side (roles are linked in roles.ts).
import type { ScenarioSetup } from '../setup';
import { CompileError, issueAt, type LinkContext, ministerAt, unique } from './context';

/** Run first: every list's ids are unique (objectives are checked with them, in objectives.ts). */
export function checkUniqueIds(sc: ScenarioSetup): void {
  unique(sc.issues, 'issues');
  unique(sc.ministers, 'ministers');
  unique(sc.groups, 'groups');
  unique(sc.thirdParties, 'thirdParties');
  unique(sc.actions, 'actions');
  unique(sc.events, 'events');
  unique(sc.negotiation.terms, 'negotiation.terms');
  unique(sc.personas, 'personas');
  unique(sc.history.outcomes, 'history.outcomes');
  sc.negotiation.terms.forEach((t, k) => unique(t.options, `negotiation.terms[${k}].options`));
}

export function checkPersonas(cx: LinkContext, sc: ScenarioSetup): void {
  sc.personas.forEach((p, k) => {
    for (const key of Object.keys(p.leanings)) issueAt(cx, key, `personas[${k}].leanings.${key}`);
    if (p.lead !== undefined && cx.ministers[ministerAt(cx, p.lead, `personas[${k}].lead`)]!.side !== p.side) throw new CompileError(`personas[${k}].lead`, `"${p.lead}" is not on the ${p.side} side`);
  });
}
