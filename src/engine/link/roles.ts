// Links the classroom roles: each plays a minister of its own side (a cabinet seat with a vote) or
// is a figure who is not a minister (named, with an office, perhaps speaking for one of its side's
// groups); its secret objectives are linked like a side's. Every path in an error names the role.
import type { CGroup, CRole } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { CompileError, type LinkContext, ministerAt, unique } from './context';
import { linkObjectiveList } from './objectives';

export function linkRoles(cx: LinkContext, sc: ScenarioSetup, groups: readonly CGroup[]): CRole[] {
  const roles = sc.roles ?? [];
  unique(roles, 'roles');
  const played = new Map<number, string>();
  return roles.map((r, k) => {
    const path = `roles[${k}]`;
    let minister = -1,
      group = -1;
    let name: string, office: string;
    if (r.minister !== undefined) {
      minister = ministerAt(cx, r.minister, `${path}.minister`);
      const m = cx.ministers[minister]!;
      if (m.side !== r.side) throw new CompileError(`${path}.minister`, `"${r.minister}" is not on the ${r.side} side`);
      // Two roles on one minister would give one cabinet seat two votes.
      const before = played.get(minister);
      if (before !== undefined) throw new CompileError(`${path}.minister`, `"${r.minister}" is already played by role "${before}"`);
      played.set(minister, r.id);
      name = m.name;
      office = m.office;
    } else {
      if (r.name === undefined || r.office === undefined) throw new CompileError(`${path}.name`, 'a role that plays no minister needs a name and an office');
      name = r.name;
      office = r.office;
      if (r.group !== undefined) {
        group = groups.findIndex(g => g.id === r.group);
        if (group < 0) throw new CompileError(`${path}.group`, `unknown group "${r.group}"`);
        if (groups[group]!.side !== r.side) throw new CompileError(`${path}.group`, `"${r.group}" is not on the ${r.side} side`);
      }
    }
    return { i: k, id: r.id, side: r.side, minister, group, name, office, objectives: linkObjectiveList(cx, r.objectives, `${path}.objectives`) };
  });
}
