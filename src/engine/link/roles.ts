// Links the classroom roles: each plays a minister of its own side (a cabinet seat with a vote) or
// is a figure who is not a minister (named, with an office, perhaps speaking for one of its side's
// groups); its secret objectives are linked like a side's. A role may succeed another in its seat
// (a term of office: a change of government, a new ambassador), from when a condition holds; the
// chain of successions is checked for sense (ministers of one side, one successor each, no loop).
// Every path in an error names the role.
import type { CGroup, CRole } from '../compiled';
import type { ScenarioSetup } from '../setup';
import { linkConditionFn } from './conditions';
import { CompileError, type LinkContext, ministerAt, unique } from './context';
import { linkObjectiveList } from './objectives';

export function linkRoles(cx: LinkContext, sc: ScenarioSetup, groups: readonly CGroup[]): CRole[] {
  const roles = sc.roles ?? [];
  unique(roles, 'roles');
  const played = new Map<number, string>();
  const linked: CRole[] = roles.map((r, k) => {
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
    return { i: k, id: r.id, side: r.side, minister, group, name, office, objectives: linkObjectiveList(cx, r.objectives, `${path}.objectives`), succeeds: null };
  });
  linkSuccessions(cx, sc, linked);
  return linked;
}

/** Each role's `succeeds`: the role it follows in a seat, of its own side, both ministers, each followed by one role at most, and no loop. */
function linkSuccessions(cx: LinkContext, sc: ScenarioSetup, roles: CRole[]): void {
  const followedBy = new Map<number, string>();
  (sc.roles ?? []).forEach((r, k) => {
    if (!r.succeeds) return;
    const path = `roles[${k}].succeeds`;
    const before = roles.findIndex(x => x.id === r.succeeds!.role);
    if (before < 0) throw new CompileError(`${path}.role`, `unknown role "${r.succeeds.role}"`);
    if (before === k) throw new CompileError(`${path}.role`, 'a role cannot succeed itself');
    const b = roles[before]!;
    if (b.side !== r.side) throw new CompileError(`${path}.role`, `"${b.id}" is not on the ${r.side} side`);
    // A term of office is a cabinet seat changing hands: a figure with no vote holds no office to pass on.
    if (roles[k]!.minister < 0 || b.minister < 0) throw new CompileError(`${path}.role`, 'only a minister’s role can succeed a minister’s role');
    const other = followedBy.get(before);
    if (other !== undefined) throw new CompileError(`${path}.role`, `"${b.id}" is already succeeded by role "${other}"`);
    followedBy.set(before, roles[k]!.id);
    roles[k]!.succeeds = { role: before, when: linkConditionFn(cx, r.succeeds.when, `${path}.when`).fn, change: r.succeeds.change };
  });
  for (const r of roles) {
    const seen = new Set<number>([r.i]);
    for (let x = r.succeeds; x; x = roles[x.role]!.succeeds) {
      if (seen.has(x.role)) throw new CompileError(`roles[${r.i}].succeeds.role`, `the roles succeed one another in a loop (through "${roles[x.role]!.id}")`);
      seen.add(x.role);
    }
  }
}
