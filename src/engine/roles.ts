// Classroom roles as the engine knows them: a role's own brief for its seat view (its secret aims
// included, and no one else's), the public part of every role (who plays whom, the public
// briefings), a scenario with the secret parts removed (what may be sent to every player's device),
// and the score of a role's secret objectives at the end (scoring.ts scores the lists).
import type { Compiled, CRole } from './compiled';
import type { ScenarioSetup, SetupRole } from './setup';
import type { Side } from './vocab';

/** What a role's own seat is told of it: the public briefing and its secret aims. */
export interface RoleBrief {
  id: string;
  side: Side;
  name: string;
  office: string;
  /** The minister it plays (index), -1 for a figure who is not a minister. */
  minister: number;
  /** Whether the role votes in its side's cabinet (a minister's role does). */
  votes: boolean;
  briefing: string;
  secretAim: string;
  objectives: { id: string; label: string; weight: number; description?: string }[];
}

/** The role with this id, or an error naming what is wrong. */
export function roleAt(c: Compiled, id: string): CRole {
  const k = c.roleIndex.get(id);
  if (k === undefined) throw new Error(`there is no role "${id}" in scenario "${c.sc.id}"`);
  return c.roles[k]!;
}

/** The brief of one role, secret aims and all: for that role's seat only (seat.ts). */
export function roleBrief(c: Compiled, id: string): RoleBrief {
  const r = roleAt(c, id);
  const src = c.sc.roles![r.i]!;
  return {
    id: r.id,
    side: r.side,
    name: r.name,
    office: r.office,
    minister: r.minister,
    votes: r.minister >= 0,
    briefing: src.briefing,
    secretAim: src.secretAim,
    objectives: src.objectives.map(o => (o.description === undefined ? { id: o.id, label: o.label, weight: o.weight } : { id: o.id, label: o.label, weight: o.weight, description: o.description })),
  };
}

/** A role as every player may know it: who it is and its public briefing. */
export interface PublicRole {
  id: string;
  side: Side;
  name: string;
  office: string;
  votes: boolean;
  briefing: string;
}

export const publicRoles = (c: Compiled): PublicRole[] => c.roles.map(r => ({ id: r.id, side: r.side, name: r.name, office: r.office, votes: r.minister >= 0, briefing: c.sc.roles![r.i]!.briefing }));

/** Roles a side's players can take, in scenario order. */
export const rolesOf = (c: Compiled, side: Side): CRole[] => c.roles.filter(r => r.side === side);

/**
 * The scenario with every role's secret aim and objectives blanked: what a server may send to all
 * devices alongside the seat views (a role's own aims reach it only in its view). The result is
 * for display, not for play: it is not revalidated, and the engine must be given the full scenario.
 */
export function withoutSecretAims(sc: ScenarioSetup): ScenarioSetup {
  if (!sc.roles) return sc;
  const roles: SetupRole[] = sc.roles.map(r => ({ ...r, secretAim: '', objectives: [] }));
  return { ...sc, roles };
}
